"""What only JSON Resume holds, shown on the page: ``{resume-details}``.

An imported page keeps the JSON Resume fields that the résumé model has no
key for (highlights, roles, links, education, …) in its ``jsonresume`` front
matter. The directive leaves a placeholder that is filled, once the page's
front matter is known (``doctree-read``), with plain docutils nodes: the
text stays Text, so every writer escapes it, and links are made only from
URL fields with an http, https or mailto address.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from resume.core.dates import format_month
from resume.core.frontmatter import decode
from resume.core.text import list_items, text_of
from resume.core.vocabulary import Subtype
from resume.jsonresume.bibtex import is_publication, publication_of
from resume.jsonresume.dates import date_problem, month_of
from resume.jsonresume.export import PERSON_SECTIONS
from resume.jsonresume.schema import is_link
from resume.sphinx_ext.blocks import web_link
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.nodes import aggregate
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FRONT_MATTER_KEY = "jsonresume"


#: ``{resume-details}``'s arguments for the person: all of it, or its header or summary alone.
BASICS_PARTS = ("basics", "contact", "summary")


class details_placeholder(nodes.General, nodes.Element):
    """Where the page's JSON Resume details go; replaced while the page is read."""


class DetailsDirective(SphinxDirective):
    """``{resume-details}``: the page's own details. With an argument:
    ``basics``, the person's (``contact`` or ``summary``: that part alone);
    ``references``, the referees, in private builds only; ``education`` or
    another section of :data:`PERSON_SECTIONS`: that section, from the page
    that keeps it."""

    has_content = False
    optional_arguments = 1

    def run(self) -> list[nodes.Node]:
        what = self.arguments[0] if self.arguments else "page"
        node: nodes.Element
        if what in PERSON_SECTIONS:  # another page's: filled once every page is read
            domain_of(self.env).note_aggregate(self.env.docname, self.name, self.lineno, {"section": what})
            if what == "publications":  # or from the bibliography: written again when it changes
                for bibfile in getattr(self.config, "bibtex_bibfiles", []):
                    self.env.note_dependency(self.env.srcdir / bibfile)
            node = aggregate(directive=self.name, options={"section": what}, docname=self.env.docname)
        elif what in ("page", *BASICS_PARTS, "references"):
            node = details_placeholder(what=what)
        else:
            known = ", ".join(("page", *BASICS_PARTS, "references", *PERSON_SECTIONS))
            warn(Subtype.DIRECTIVE, f"resume-details: unknown argument {what!r} (one of {known})", self.get_location())
            return []
        self.set_source_info(node)
        return [node]


class KeepTitleAsTyped(SphinxTransform):
    """A page showing JSON Resume data keeps its title's quotes and dashes as
    typed: the title is a name from the file, and the export gives it back."""

    default_priority = 700  # before SmartQuotes (750)

    def apply(self, **kwargs: Any) -> None:
        if next(iter(self.document.findall(details_placeholder)), None) is None:
            return
        title = next(iter(self.document.findall(nodes.title)), None)
        if title is not None:
            title["support_smartquotes"] = False


def page_details(app: Sphinx, docname: str) -> dict[str, Any]:
    """The ``jsonresume`` front matter of a page, as a mapping (empty without one)."""
    raw = app.env.metadata.get(docname, {}).get(FRONT_MATTER_KEY)
    value = decode(raw) if raw is not None else {}
    return value if isinstance(value, dict) else {}


def fill_details(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: replace each placeholder with the details it stands for,
    and keep the page's sections for the pages that show them."""
    docname = app.env.docname
    details = page_details(app, docname)
    sections = {key: details[key] for key in PERSON_SECTIONS if isinstance(details.get(key), list)}
    if sections:
        domain_of(app.env).sections_by_page[docname] = sections
    for node in list(doctree.findall(details_placeholder)):
        if node["what"] in BASICS_PARTS:
            content = basics_nodes(app.config.resume_basics, node["what"])
        elif node["what"] == "references":
            content = references_nodes(app.config.resume_basics)
        else:
            resume = decode(app.env.metadata.get(docname, {}).get("resume"))
            shown = bool(app.config.resume_auto_summary)
            content = page_nodes(details, resume if isinstance(resume, dict) else {}, summary_shown=shown)
        node.replace_self(content)


# -- pure node builders --------------------------------------------------------


def _texts(value: Any) -> list[str]:
    return [item.strip() for item in value if text_of(item)] if isinstance(value, list) else []


def _para(*children: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _paragraphs(text: str) -> list[nodes.Node]:
    """Text with blank lines between paragraphs; other line breaks are spaces,
    but in a block whose every line starts with "- ", "* " or "• ": a list."""
    found: list[nodes.Node] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        items = list_items(block)
        if items:
            found.append(_bullets(items))
        elif block.strip():
            found.append(_para(" ".join(block.split())))
    return found


def _link(url: Any, text: str | None = None) -> nodes.Node | None:
    """A link for an http, https or mailto URL; other URLs stay text."""
    if not text_of(url):
        return None
    url = url.strip()
    label = text or (url.removeprefix("mailto:"))
    if not is_link(url):
        return nodes.Text(label if text else url)
    return web_link(url, label)


def _field(name: str, *body: nodes.Node) -> nodes.field:
    field = nodes.field()
    field += nodes.field_name(name, name)
    field += nodes.field_body("", *body)
    return field


def _bullets(items: Iterable[nodes.Node | str]) -> nodes.bullet_list:
    bullets = nodes.bullet_list()
    for item in items:
        bullets += nodes.list_item("", item if isinstance(item, nodes.Element) else _para(item))
    return bullets


def _fields(pairs: Iterable[tuple[str, nodes.Node | str | None]]) -> list[nodes.Node]:
    fields = nodes.field_list(classes=["resume-details"])
    for name, value in pairs:
        if value is None:
            continue
        fields += _field(name, value if isinstance(value, nodes.paragraph) else _para(value))
    return [fields] if len(fields) else []


def basics_nodes(basics: Mapping[str, Any], part: str = "basics") -> list[nodes.Node]:
    """The person's label and contact details (``contact``; the private ones,
    address and phone, only in ``-t private`` builds), their summary
    (``summary``), or both (``basics``), as a résumé's header gives them."""
    found: list[nodes.Node] = []
    if part != "summary":
        found += _header(basics)
    if part != "contact" and (summary := text_of(basics.get("summary"))):
        found += _paragraphs(summary)
    return found


def _header(basics: Mapping[str, Any]) -> list[nodes.Node]:
    found: list[nodes.Node] = []
    if label := text_of(basics.get("label")):
        found.append(_para(nodes.strong(label, label)))
    location: Mapping[str, Any] = basics["location"] if isinstance(basics.get("location"), Mapping) else {}
    place = ", ".join(t for k in ("city", "region", "countryCode") if (t := text_of(location.get(k))))
    email = text_of(basics.get("email"))
    pairs: list[tuple[str, nodes.Node | str | None]] = [
        ("Email", _link(f"mailto:{email}", email) if email else None),
        ("Web", _link(basics.get("url"))),
        ("Location", place or None),
    ]
    for profile in basics.get("profiles") or []:
        if not isinstance(profile, Mapping):
            continue
        network = text_of(profile.get("network")) or "Profile"
        username = text_of(profile.get("username"))
        link = _link(profile.get("url"), username)
        pairs.append((network, link if link is not None else username))
    hidden = _private(basics)
    address = ", ".join(t for k in ("address", "postalCode") if (t := text_of(hidden.get(k))))
    private = _contact([("Address", address or None), ("Phone", text_of(hidden.get("phone")))])
    return found + _contact(pairs) + ([addnodes.only("", *private, expr="private")] if private else [])


def _contact(pairs: Iterable[tuple[str, nodes.Node | str | None]]) -> list[nodes.Node]:
    """``Label: value · Label: value`` on one line: contact details as a
    résumé's header gives them, which parsers read as such."""
    line = nodes.paragraph(classes=["resume-contact"])
    for name, value in pairs:
        if value is None:
            continue
        if len(line):
            line += nodes.Text(" · ")
        line += nodes.Text(f"{name}: ")
        line += nodes.Text(value) if isinstance(value, str) else value
    return [line] if len(line) else []


def _private(basics: Mapping[str, Any]) -> Mapping[str, Any]:
    """What only ``-t private`` builds show (``resume_basics["private"]``)."""
    return basics["private"] if isinstance(basics.get("private"), Mapping) else {}


def references_nodes(basics: Mapping[str, Any]) -> list[nodes.Node]:
    """The referees (``resume_basics["private"]["references"]``), for ``-t private`` builds only."""
    lines = [
        f"{name}: {said}" if (said := text_of(entry.get("reference"))) else name
        for entry in _private(basics).get("references") or []
        if isinstance(entry, Mapping) and (name := text_of(entry.get("name")))
    ]
    if not lines:
        return []
    return [addnodes.only("", nodes.rubric("References", "References"), _bullets(lines), expr="private")]


def page_nodes(
    details: Mapping[str, Any], resume: Mapping[str, Any], *, summary_shown: bool = False
) -> list[nodes.Node]:
    """The page's details; ``summary_shown``: the page's summary box already
    gives a project's summary (``resume_auto_summary``)."""
    kind = resume.get("kind")
    found: list[nodes.Node] = []
    if kind == "employer":
        found += _employer(details, resume)
    elif kind == "project":
        found += _project(details, resume, summary_shown=summary_shown)
    found += _education(details.get("education"))
    found += _volunteer(details.get("volunteer"))
    found += _dated(details.get("awards"), "title", "awarder", "date", "summary")
    found += _dated(details.get("certificates"), "name", "issuer", "date", None, link="url")
    found += _dated(details.get("publications"), "name", "publisher", "releaseDate", "summary", link="url")
    found += _interests(details.get("interests"))
    found += _languages(details.get("languages"))
    return found


def _employer(details: Mapping[str, Any], resume: Mapping[str, Any]) -> list[nodes.Node]:
    found: list[nodes.Node] = []
    positions: list[Any] = resume["positions"] if isinstance(resume.get("positions"), list) else []
    extra: list[Any] = details["positions"] if isinstance(details.get("positions"), list) else []
    for index in range(max(len(positions), len(extra))):
        more = extra[index] if index < len(extra) and isinstance(extra[index], Mapping) else {}
        position = positions[index] if index < len(positions) and isinstance(positions[index], Mapping) else {}
        # The role and its lines are the position's (``resume``); a page imported
        # before they were may keep them with the other details.
        said = {**more, **{key: position[key] for key in ("summary", "highlights") if key in position}}
        body: list[nodes.Node] = []
        for key in ("description", "summary"):
            if text := text_of(said.get(key)):
                body += _paragraphs(text)
        if highlights := _texts(said.get("highlights")):
            body.append(_bullets(highlights))
        body += _fields(
            [
                ("Location", text_of(more.get("location"))),
                ("Web", _link(more.get("url"))),
            ]
        )
        if body:
            title = text_of(position.get("title")) or "Position"
            found.append(nodes.rubric(title, title))
            found += body
    return found


def _project(details: Mapping[str, Any], resume: Mapping[str, Any], *, summary_shown: bool) -> list[nodes.Node]:
    found: list[nodes.Node] = []
    if not summary_shown and (summary := text_of(resume.get("summary"))):
        found += _paragraphs(summary)
    roles = _texts(details.get("roles"))
    found += _fields(
        [
            ("Roles", ", ".join(roles) or None),
            ("For", text_of(details.get("entity"))),
            ("Type", text_of(details.get("type"))),
            ("Web", _link(details.get("url"))),
        ]
    )
    if highlights := _texts(details.get("highlights")):
        found.append(nodes.rubric("Results", "Results"))
        found.append(_bullets(highlights))
    return found


def _education(entries: Any) -> list[nodes.Node]:
    """One school per item of a definition list: its name (a link where it has
    a web address), then its study, score and dates, its summary and its
    courses on one line. The PDF sets each school apart, its name on a line of
    its own and the dates at the right margin, as parsers read school, degree
    and date; a list of courses would be read as more schools."""
    schools = nodes.definition_list()
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping):
            continue
        name = text_of(entry.get("institution")) or "Institution"
        term = nodes.term(name, "", _link(entry.get("url"), name) or nodes.Text(name))
        definition = nodes.definition()
        study = ", ".join(t for k in ("studyType", "area") if (t := text_of(entry.get(k))))
        score = f"score {entry['score']}" if text_of(entry.get("score")) else ""
        said = _para()
        if head := "; ".join(part for part in (study, score) if part):
            said += nodes.Text(head)
        if dates := " – ".join(t for k in ("startDate", "endDate") if (t := _date(entry.get(k)))):
            # Set apart as an entry's dates are (at the right margin of the PDF).
            if len(said):
                said += nodes.inline("", ", ", classes=["resume-sep"])
            said += nodes.inline(dates, dates, classes=["resume-dates"])
        if len(said):
            definition += said
        if note := text_of(entry.get("summary")):
            definition += _para(note)
        if courses := _texts(entry.get("courses")):
            definition += _para(f"Courses: {', '.join(courses)}")  # one line, not entries of their own
        schools += nodes.definition_list_item("", term, definition)
    return [schools] if len(schools) else []


def _date(value: Any) -> str | None:
    """A JSON Resume date as the site writes dates: "October 2014", or the year alone."""
    text = text_of(value)
    if text is None or date_problem(text) is not None:
        return text
    return format_month(month_of(text, is_end=False)) if len(text) > 4 else text


def _heading(entry: Mapping[str, Any], name_key: str, by_key: str, date_key: str, link: str | None) -> nodes.paragraph:
    """``Name, by whom, when`` — the name a link where the entry has a web address."""
    name = text_of(entry.get(name_key)) or name_key.title()
    target = _link(entry.get(link), name) if link else None
    head = _para(nodes.strong("", "", target) if isinstance(target, nodes.reference) else nodes.strong(name, name))
    for part in (text_of(entry.get(by_key)), _date(entry.get(date_key))):
        if part:
            head += nodes.Text(f", {part}")
    return head


def _dated(
    entries: Any, name_key: str, by_key: str, date_key: str, summary_key: str | None, *, link: str | None = None
) -> list[nodes.Node]:
    """Awards, certificates, publications: one item each, its name, by whom and when, then its summary."""
    items: list[nodes.Node] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping):
            continue
        item = nodes.container("", _heading(entry, name_key, by_key, date_key, link))
        if summary_key and (summary := text_of(entry.get(summary_key))):
            item += _para(summary)
        items.append(item)
    return [_bullets(items)] if items else []


def _volunteer(entries: Any) -> list[nodes.Node]:
    """Each volunteer position: organisation, position and dates, then its summary and highlights."""
    found: list[nodes.Node] = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping):
            continue
        head = _heading(entry, "organization", "position", "startDate", "url")
        if (end := _date(entry.get("endDate"))) and _date(entry.get("startDate")):
            head += nodes.Text(f" – {end}")
        found.append(head)
        if summary := text_of(entry.get("summary")):
            found += _paragraphs(summary)
        if highlights := _texts(entry.get("highlights")):
            found.append(_bullets(highlights))
    return found


def _named(entries: Any, key: str, detail: Callable[[Mapping[str, Any]], str | None]) -> list[nodes.Node]:
    """One bullet per entry that has a ``key``: ``name: detail``, or the name alone."""
    lines: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping) and (name := text_of(entry.get(key))):
            more = detail(entry)
            lines.append(f"{name}: {more}" if more else name)
    return [_bullets(lines)] if lines else []


def _interests(entries: Any) -> list[nodes.Node]:
    return _named(entries, "name", lambda entry: ", ".join(_texts(entry.get("keywords"))))


def _languages(entries: Any) -> list[nodes.Node]:
    return _named(entries, "language", lambda entry: text_of(entry.get("fluency")))


def bibliography_publications(env: BuildEnvironment) -> list[dict[str, str]]:
    """The person's publications in the bibliography (sphinxcontrib-bibtex's
    parsed entries with the keyword :data:`~resume.jsonresume.bibtex.KEYWORD`)."""
    cite = env.domains.get("cite")
    bibdata = getattr(cite, "bibdata", None)
    if bibdata is None:
        return []
    return [publication_of(entry.fields) for entry in bibdata.data.entries.values() if is_publication(entry.fields)]


def setup_details(app: Sphinx) -> None:
    app.add_node(details_placeholder)
    app.add_directive("resume-details", DetailsDirective)
    app.add_transform(KeepTitleAsTyped)
    app.connect("doctree-read", fill_details)
