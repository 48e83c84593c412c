"""A resolved doctree as a Word document (python-docx): the two-page résumés.

What applicant-tracking systems and Word's own navigation read: one column,
Word's built-in styles (Title, Heading 1 and 2, List Bullet) instead of
drawn boxes, no table and no text box, links as real hyperlinks. Charts and
pictures are left out; a table is written as one paragraph per row.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from resume.sphinx_ext.nodes import timeline_chart

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.text.paragraph import Paragraph


@dataclass(frozen=True)
class Properties:
    """What the file says about itself (File › Properties in Word)."""

    name: str
    subtitle: str
    subject: str
    keywords: list[str]
    language: str
    edition: datetime.date
    site_url: str = ""  # where the site's pages are: links to them become absolute
    accent: str = "2A5DB0"


#: Nodes whose content a Word résumé does not carry: drawings, markup for other
#: writers, Sphinx's bookkeeping.
_SKIPPED = (
    timeline_chart,
    nodes.raw,
    nodes.comment,
    nodes.image,
    nodes.figure,
    nodes.system_message,
    nodes.substitution_definition,
    nodes.Invisible,
)


#: Style, point size, space before and after (points).
_SIZES = (
    ("Normal", 10, 0, 3),
    ("List Bullet", 10, 0, 1),
    ("Title", 22, 0, 0),
    ("Subtitle", 11, 0, 6),
    ("Heading 1", 13, 10, 3),
    ("Heading 2", 10.5, 6, 1),
)


class _Writer(nodes.GenericNodeVisitor):
    """Walks one doctree and appends it to ``word``."""

    def __init__(self, document: nodes.document, word: WordDocument, properties: Properties) -> None:
        super().__init__(document)
        self.word = word
        self.properties = properties
        self.paragraph: Paragraph | None = None
        self.link: BaseOxmlElement | None = None
        self.sections = 0
        self.lists: list[str] = []  # the list styles of the lists we are in, outermost first
        self.first_in_item = False
        self.bold = self.italic = 0

    # -- what is not named below: its children, as they come

    def default_visit(self, node: nodes.Node) -> None:
        if isinstance(node, _SKIPPED):
            raise nodes.SkipNode

    def default_departure(self, node: nodes.Node) -> None:
        pass

    # -- blocks

    def _new(self, style: str) -> Paragraph:
        self.paragraph = self.word.add_paragraph(style=style)
        return self.paragraph

    def _current(self) -> Paragraph:
        return self.paragraph if self.paragraph is not None else self._new("Normal")

    def visit_section(self, node: nodes.Element) -> None:
        self.sections += 1

    def depart_section(self, node: nodes.Element) -> None:
        self.sections -= 1

    def visit_title(self, node: nodes.Element) -> None:
        if not isinstance(node.parent, nodes.section):
            self._new("Normal")
            self.bold += 1
            return
        if self.sections <= 1:  # the page's own title: the subtitle under the name
            raise nodes.SkipNode
        self.paragraph = self.word.add_heading(level=min(self.sections - 1, 9))

    def depart_title(self, node: nodes.Element) -> None:
        if not isinstance(node.parent, nodes.section):
            self.bold -= 1
        self.paragraph = None

    def visit_rubric(self, node: nodes.Element) -> None:
        self.visit_title(node)

    def depart_rubric(self, node: nodes.Element) -> None:
        self.depart_title(node)

    def visit_paragraph(self, node: nodes.Element) -> None:
        if "resume-employer" in node["classes"]:  # an entry of the experience: Word's navigation lists it
            self.paragraph = self.word.add_heading(level=min(self.sections, 9))
        elif "resume-position" in node["classes"]:  # another position at the same employer
            self.paragraph = self.word.add_heading(level=min(self.sections + 1, 9))
        elif self.lists and self.first_in_item:
            depth = len(self.lists)
            self._new(self.lists[-1] + (f" {min(depth, 3)}" if depth > 1 else ""))
            self.first_in_item = False
        else:
            self._new("List Continue" if self.lists else "Normal")

    def depart_paragraph(self, node: nodes.Element) -> None:
        self.paragraph = None

    def visit_bullet_list(self, node: nodes.Element) -> None:
        self.lists.append("List Bullet")

    def depart_bullet_list(self, node: nodes.Element) -> None:
        self.lists.pop()

    def visit_enumerated_list(self, node: nodes.Element) -> None:
        self.lists.append("List Number")

    def depart_enumerated_list(self, node: nodes.Element) -> None:
        self.lists.pop()

    def visit_list_item(self, node: nodes.Element) -> None:
        self.first_in_item = True

    def depart_list_item(self, node: nodes.Element) -> None:
        self.first_in_item = False

    def visit_term(self, node: nodes.Element) -> None:
        self._new("Normal")
        self.bold += 1

    def depart_term(self, node: nodes.Element) -> None:
        self.bold -= 1
        self.paragraph = None

    def visit_line(self, node: nodes.Element) -> None:
        self._new("Normal")

    def depart_line(self, node: nodes.Element) -> None:
        self.paragraph = None

    def visit_table(self, node: nodes.Element) -> None:
        for row in node.findall(nodes.row):
            cells = [" ".join(entry.astext().split()) for entry in row.findall(nodes.entry)]
            self._new("Normal").add_run(" · ".join(cell for cell in cells if cell))
        self.paragraph = None
        raise nodes.SkipNode

    # -- inline

    def visit_Text(self, node: nodes.Text) -> None:
        run = self._current().add_run(node.astext().replace("\n", " "))
        run.bold = self.bold > 0 or None
        run.italic = self.italic > 0 or None
        if self.link is not None:
            run.font.underline = True
            run.font.color.rgb = RGBColor.from_string(self.properties.accent)
            self.link.append(run._r)

    def depart_Text(self, node: nodes.Text) -> None:
        pass

    def visit_strong(self, node: nodes.Element) -> None:
        self.bold += 1

    def depart_strong(self, node: nodes.Element) -> None:
        self.bold -= 1

    def visit_emphasis(self, node: nodes.Element) -> None:
        self.italic += 1

    def depart_emphasis(self, node: nodes.Element) -> None:
        self.italic -= 1

    def _open_link(self, url: str) -> None:
        paragraph = self._current()
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        paragraph._p.append(link)
        self.link = link

    def visit_reference(self, node: nodes.Element) -> None:
        target = str(node.get("refuri", ""))
        if target and not urlsplit(target).scheme and self.properties.site_url:
            target = urljoin(self.properties.site_url, target)  # a page of the site, on the site
        if urlsplit(target).scheme and self.link is None:
            self._open_link(target)

    def depart_reference(self, node: nodes.Element) -> None:
        self.link = None

    def visit_email_link(self, node: nodes.Element) -> None:
        self._open_link(f"mailto:{node['address']}")
        self.visit_Text(nodes.Text(node["address"]))
        self.link = None
        raise nodes.SkipNode


def write_docx(doctree: nodes.document, properties: Properties) -> bytes:
    """The Word file of ``doctree``: the name as its title, the page's title and
    edition under it, then the page. The same doctree gives the same bytes."""
    word = Document()
    for section in word.sections:
        section.left_margin = section.right_margin = Inches(0.7)
        section.top_margin = section.bottom_margin = Inches(0.6)
    # Set close, as the two-page PDF is: a résumé is read at a glance.
    for style, size, before, after in _SIZES:
        word.styles[style].font.size = Pt(size)
        word.styles[style].paragraph_format.space_before = Pt(before)
        word.styles[style].paragraph_format.space_after = Pt(after)
    word.add_paragraph(properties.name, style="Title")
    word.add_paragraph(properties.subtitle, style="Subtitle")
    doctree.walkabout(_Writer(doctree, word, properties))
    _set_properties(word, properties)
    saved = io.BytesIO()
    word.save(saved)
    return _stamped(saved.getvalue(), properties.edition)


def _set_properties(word: WordDocument, properties: Properties) -> None:
    core = word.core_properties
    stamp = datetime.datetime.combine(properties.edition, datetime.time())
    core.title = f"{properties.name}: {properties.subtitle}"
    core.author = core.last_modified_by = properties.name
    core.subject = properties.subject
    core.keywords = ", ".join(properties.keywords)
    core.language = properties.language
    core.created = core.modified = stamp
    core.revision = 1


def _stamped(data: bytes, edition: datetime.date) -> bytes:
    """The zip file again, every member dated the edition, so two builds are byte-identical."""
    when = (edition.year, edition.month, edition.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member))
    return out.getvalue()
