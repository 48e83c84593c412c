"""The ``resume`` domain: per-document records, aggregate pages, skill links.

Everything is keyed by docname, so a document's data is dropped when it is
re-read and a parallel merge takes exactly the documents it is handed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Set
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from resume.core.career import Career
from resume.core.dates import parse_month
from resume.core.model import Employer, Person, Project
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

    from resume.core.model import Record


_PLAIN_NAME = re.compile(r"[A-Za-z0-9]+(?: [A-Za-z0-9]+)*")


def skill_anchor(name: str) -> str:
    """A stable HTML id for a skill's entry, different for every name.

    A plain name keeps its letters: ``FreeBSD`` → ``skill-FreeBSD``. Any other
    gets a readable part and a digest of the whole name after ``--``, which a
    plain name's id never contains: ``C++`` → ``skill-C-plus-plus--<digest>``.
    """
    if _PLAIN_NAME.fullmatch(name):
        return "skill-" + name.replace(" ", "-")
    spelled = name.replace("+", " plus ").replace("#", " sharp ")
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    readable = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"skill-{readable}--{digest}" if readable else f"skill--{digest}"


class SkillRole(XRefRole):
    """``{skill}`C++` `` in any document links to the skill's index entry."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.name = "resume:skill"  # also when used as the bare ``skill`` role
        return super().run()


skill_role = SkillRole(innernodeclass=nodes.inline, warn_dangling=True)


def domain_of(env: BuildEnvironment) -> ResumeDomain:
    """The extension's domain in ``env``, typed."""
    domain = env.domains["resume"]
    assert isinstance(domain, ResumeDomain)
    return domain


class ResumeDomain(Domain):
    name = "resume"
    label = "Résumé"
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {"skill": skill_role}
    object_types: ClassVar[dict[str, ObjType]] = {"skill": ObjType("skill", "skill")}
    initial_data: ClassVar[dict[str, Any]] = {
        "records": {},  # docname -> Record
        "aggregates": {},  # docname -> {directive name: [(line, options), ...]}
        "purged": {},  # docname -> Record | None, as before this build re-read it
        "order": (),  # every docname in toctree order: the author's order of projects
        "unreadable": set(),  # docnames whose front matter could not be read
        "schools": {},  # docname -> the schools its education page states
        "sections": {},  # docname -> {JSON Resume section: entries} its jsonresume front matter keeps
        "unprintable": {},  # docname -> the characters it uses that the PDFs' fonts lack
    }
    data_version = 5

    # -- storage -------------------------------------------------------------

    _career: Career | None = None

    @property
    def records(self) -> dict[str, Record]:
        records: dict[str, Record] = self.data["records"]
        return records

    @property
    def aggregates(self) -> dict[str, dict[str, list[tuple[int, dict[str, Any]]]]]:
        found: dict[str, dict[str, list[tuple[int, dict[str, Any]]]]] = self.data["aggregates"]
        return found

    @property
    def unreadable(self) -> set[str]:
        """Pages whose front matter could not be read: other pages are not told
        that the employer or skill such a page holds does not exist."""
        found: set[str] = self.data["unreadable"]
        return found

    def unreadable_slugs(self) -> set[str]:
        """The slugs those pages would have had by their file names."""
        return {docname.rsplit("/", 1)[-1] for docname in self.unreadable}

    @property
    def schools_by_page(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = self.data["schools"]
        return found

    @property
    def unprintable(self) -> dict[str, str]:
        """The characters each page uses that the PDFs' fonts lack."""
        found: dict[str, str] = self.data.setdefault("unprintable", {})
        return found

    @property
    def sections_by_page(self) -> dict[str, dict[str, list[Any]]]:
        found: dict[str, dict[str, list[Any]]] = self.data["sections"]
        return found

    def person_section(self, section: str) -> list[Any] | None:
        """The entries of a JSON Resume section (``education``, ``awards``, …)
        from the first page (by name) that keeps it; None where no page does."""
        found = self.sections_by_page
        return next((found[d][section] for d in sorted(found) if section in found[d]), None)

    def take_changed_sections(self) -> bool:
        """Whether any page's sections differ from the last check."""
        now = dict(self.sections_by_page)
        changed: bool = self.data.get("sections_shown", {}) != now
        self.data["sections_shown"] = now
        return changed

    def schools(self) -> tuple[str, ...]:
        """The schools of the first page (by name) that states any."""
        found = self.schools_by_page
        return next((found[docname] for docname in sorted(found) if found[docname]), ())

    def add_record(self, docname: str, record: Record) -> None:
        self.records[docname] = record
        self._forget_career()

    def note_aggregate(self, docname: str, directive: str, line: int, options: dict[str, Any]) -> None:
        self.aggregates.setdefault(docname, {}).setdefault(directive, []).append((line, options))

    def clear_doc(self, docname: str) -> None:
        self.data["purged"].setdefault(docname, self.records.get(docname))
        self.records.pop(docname, None)
        self.aggregates.pop(docname, None)
        self.unreadable.discard(docname)
        self.schools_by_page.pop(docname, None)
        self.sections_by_page.pop(docname, None)
        self.unprintable.pop(docname, None)
        self._forget_career()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["records"]:
                self.records[docname] = otherdata["records"][docname]
            if docname in otherdata["aggregates"]:
                self.aggregates[docname] = otherdata["aggregates"][docname]
            if docname in otherdata["unreadable"]:
                self.unreadable.add(docname)
            if docname in otherdata["schools"]:
                self.schools_by_page[docname] = otherdata["schools"][docname]
            if docname in otherdata["sections"]:
                self.sections_by_page[docname] = otherdata["sections"][docname]
            if docname in otherdata.get("unprintable", {}):
                self.unprintable[docname] = otherdata["unprintable"][docname]
        self._forget_career()

    def set_order(self, order: tuple[str, ...]) -> bool:
        """Record the pages' toctree order; whether it changed."""
        if self.data.get("order") == order:
            return False
        self.data["order"] = order
        self._forget_career()
        return True

    def take_purged(self) -> dict[str, Record | None]:
        """The records as they were before this build re-read their pages."""
        purged: dict[str, Record | None] = self.data["purged"]
        self.data["purged"] = {}
        return purged

    # -- derived ---------------------------------------------------------------

    @property
    def career(self) -> Career:
        """All records as one :class:`Career`, rebuilt only when a record changed."""
        if self._career is None:
            self._career = Career.build(self.records.values(), self.as_of, self.data.get("order", ()))
        return self._career

    def _forget_career(self) -> None:
        self._career = None

    @property
    def as_of(self) -> int:
        return parse_month(self.env.config.resume_as_of)

    def skill_index_doc(self) -> str | None:
        """The first document (in name order) with a ``skill-index`` directive."""
        holders = [d for d, found in self.aggregates.items() if "skill-index" in found]
        return min(holders, default=None)

    def take_moved_skill_index(self) -> bool:
        """Whether the skill index is on another page than at the last check:
        then every skill link on every page points somewhere new."""
        now = self.skill_index_doc()
        moved = self.data.get("skill_index", now) != now
        self.data["skill_index"] = now
        return moved

    # -- cross-references -------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        if typ == "page":
            return self._resolve_page(builder, fromdocname, node, contnode)
        index = self.skill_index_doc()
        name = self.career.canonical(" ".join(target.split()))
        if typ != "skill" or index is None or not self.career.knows_skill(name):
            return None
        return make_refnode(builder, fromdocname, index, skill_anchor(name), contnode, name)

    def _resolve_page(
        self, builder: Builder, fromdocname: str, node: pending_xref, contnode: Element
    ) -> nodes.reference | None:
        """A link the extension's own content makes to a page of the site;
        ``reftarget`` is its docname, ``reftitle`` an optional tooltip."""
        target = node["reftarget"]
        if target not in self.env.all_docs:
            return None
        reference = make_refnode(builder, fromdocname, target, "", contnode, node.get("reftitle"))
        reference["classes"].extend(node["classes"])
        return reference

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = self.resolve_xref(env, fromdocname, builder, "skill", target, node, contnode)
        return [("resume:skill", found)] if found is not None else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        index = self.skill_index_doc()
        if index is None:
            return
        for name in self.career.skill_names():
            yield name, name, "skill", index, skill_anchor(name), 1

    def related_docs(self, changed: Iterable[Record | None]) -> set[str]:
        """Pages whose derived content shows something of the changed records."""
        related: set[str] = set()
        career = self.career
        people = {d for d, r in self.records.items() if isinstance(r, Person)}
        for record in changed:
            if isinstance(record, Person):  # every preview card shows the name
                related.update(e.docname for e in career.employers.values())
                related.update(p.docname for p in career.projects)
            elif isinstance(record, Employer | Project):  # the home page's data lists it
                related.update(people)
            if isinstance(record, Employer):  # its projects show its name
                related.add(record.docname)
                related.update(p.docname for p in career.projects_of(record.slug))
            elif isinstance(record, Project):  # its employer lists it
                related.add(record.docname)
                employer = career.employers.get(record.employer)
                if employer is not None:
                    related.add(employer.docname)
        return related


def warn_missing_skill(app: Sphinx, domain: Domain, node: pending_xref) -> bool | None:
    """``warn-missing-reference``: a dangling ``{skill}`` is a ``resume.skill``
    warning like every other of the extension's, not Sphinx's ``ref.skill``."""
    if domain is None or domain.name != "resume" or node["reftype"] != "skill":
        return None
    career = domain_of(app.env).career
    if career.catalogue is None and domain_of(app.env).unreadable:
        return True  # the catalogue's page could not be read, and has said so
    hint = career.suggest(node["reftarget"])
    message = (
        f"skill {node['reftarget']!r} has no entry to link to "
        "(not in the catalog, or no page has a skill-index)" + (f"; did you mean {hint!r}?" if hint else "")
    )
    warn(Subtype.SKILL, message, node)
    return True
