"""``-b jsonresume``: the site's records as ``resume.json``, checked against the schema."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from resume.core.dates import parse_month
from resume.core.vocabulary import Subtype
from resume.jsonresume import prose
from resume.jsonresume.config import setup_basics
from resume.jsonresume.details import bibliography_publications, page_details, setup_details
from resume.jsonresume.export import SiteData, export
from resume.jsonresume.schema import schema_problems
from resume.sphinx_ext.builders import WrittenAtFinish
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from resume.core.model import Employer, Project

FILENAME = "resume.json"


class JSONResumeBuilder(WrittenAtFinish):
    """Writes one JSON Resume document from the metadata of every page."""

    name = "jsonresume"
    format = "json"
    epilog = "The JSON Resume document is in %(outdir)s."

    def finish(self) -> None:
        document = export(self.site_data())
        for problem in schema_problems(document):
            warn(Subtype.JSON, f"{FILENAME} does not validate: {problem}", None)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        (self.outdir / FILENAME).write_text(text, encoding="utf-8")

    def extras(self, documents: list[str]) -> dict[str, dict[str, Any]]:
        """Each page's ``jsonresume`` front matter, with the sections it says to read
        from the page itself (:mod:`.prose`) filled in."""
        extras = {docname: details for docname in documents if (details := page_details(self.app, docname))}
        for docname, details in extras.items():
            asked = {key: details[key] for key in ("read", "summary-section") if key in details}
            if not asked:
                continue
            read = dict(details)
            try:
                doctree = self.env.get_and_resolve_doctree(docname, self)  # the roles' words filled in
                if asked.get("read") in prose.READABLE:
                    read[asked["read"]] = getattr(prose, asked["read"])(doctree)
                elif "read" in asked:
                    choices = ", ".join(prose.READABLE)
                    raise prose.ProseError(f"jsonresume: read: {asked['read']!r} is not one of {choices}")
                if isinstance(asked.get("summary-section"), str):
                    read["basics-summary"] = prose.summary(doctree, asked["summary-section"])
            except prose.ProseError as problem:
                where = problem.node if problem.node is not None and problem.node.line else (docname, 1)
                warn(Subtype.JSON, f"{problem} (README: JSON Resume)", where)
            extras[docname] = read
        return extras

    def site_data(self) -> SiteData:
        career = domain_of(self.env).career
        base = self.config.html_baseurl.rstrip("/")
        documents = sorted(self.env.found_docs)
        employers = sorted(career.employers.values(), key=lambda record: record.docname)
        pages: list[Employer | Project] = [*employers, *career.projects]
        extras = self.extras(documents)
        basics = dict(self.config.resume_basics)
        for docname in documents:
            if "basics-summary" in extras.get(docname, {}) and not basics.get("summary"):
                basics["summary"] = extras[docname]["basics-summary"]
        return SiteData(
            name=self.config.project,
            basics=basics,
            as_of=parse_month(self.config.resume_as_of),
            employers=employers,
            projects=career.in_authors_order(),
            catalogue=career.catalogue,
            extras=extras,
            urls={record.docname: f"{base}/{record.docname}.html" for record in pages if base},
            canonical=f"{base}/{FILENAME}" if base else None,
            private=self.tags.has("private"),
            results=_results(career.projects),
            publications=bibliography_publications(self.env),
        )


def _results(projects: list[Any]) -> dict[str, Any]:
    """A project's stated result, where the model records one."""
    return {p.docname: p.result for p in projects if getattr(p, "result", None)}


def setup_jsonresume(app: Sphinx) -> None:
    setup_basics(app)
    app.add_builder(JSONResumeBuilder)
    setup_details(app)
