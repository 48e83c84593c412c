"""The PDFs' shape: the home page's introduction as the book's first chapter,
the book's appendices in the book only, and no copy of the two-page résumé.

The book is written from the home page with its text (not only its tables of
contents), so the introduction, highlights, objective and contact details are
in it. Sphinx inlines the pages of a toctree where the toctree stands, which on
the home page is inside its last section; that would make every page of the
site a section of that one chapter. This transform, for LaTeX only, gathers
the home page's own text into a chapter "Introduction" and puts the inlined
pages after it, each a chapter of its own.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from resume.site.settings import BRIEF, web_only

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

INTRODUCTION = "Introduction"


class BookChapters(SphinxPostTransform):
    builders = ("latex",)
    # After Sphinx removes the ``only`` nodes of other builders (priority 50).
    default_priority = 60

    def run(self, **kwargs: Any) -> None:
        root = self.document.get("docname")
        if root != self.config.root_doc:
            # Sphinx appends latex_appendices to every document but a howto;
            # they belong to the book only.
            for child in list(self.document.children):
                if isinstance(child, nodes.document) and child.get("docname") in self.config.latex_appendices:
                    self.document.remove(child)
            return
        top = next(iter(self.document.findall(nodes.section)), None)
        if top is None or top.parent is not self.document:
            return
        chapters = set(self.env.toctree_includes.get(root, ()))
        # The two-page résumé is a PDF of its own; the book does not repeat it.
        for page in list(top.findall(addnodes.start_of_file)):
            if page["docname"] == BRIEF:
                page.parent.remove(page)
        pages = [node for node in top.findall(addnodes.start_of_file) if node["docname"] in chapters]
        if not pages:
            return
        for page in pages:
            page.parent.remove(page)
        title = top.next_node(nodes.title)
        own = [child for child in top.children if child is not title]
        for child in own:
            top.remove(child)
        intro = nodes.section(ids=["book-introduction"], names=[INTRODUCTION.lower()])
        intro += nodes.title(INTRODUCTION, INTRODUCTION)
        intro.extend(own)
        top += intro
        top.extend(pages)


#: The fields of a project's summary box that the book keeps, on one line under the title.
COMPACT_FIELDS = ("Employer", "Position", "Positions", "Period")


class CompactProjectSummaries(SphinxPostTransform):
    """In the book and the ePub, a project page opens with one line (employer, position and
    period) and then its text: the web page's box of fields, repeated on every
    project page, would fill the book with the same labels. A result stays.
    The ePub is the same book."""

    builders = ("latex", "epub")
    # After the summaries are filled in (priority 5).
    default_priority = 70

    def run(self, **kwargs: Any) -> None:
        for box in list(self.document.findall(nodes.container)):
            if "resume-summary" not in box["classes"]:
                continue
            fields = {
                field[0].astext(): field[1]
                for field_list in box.findall(nodes.field_list)
                for field in field_list.children
                if isinstance(field, nodes.field)
            }
            if "Employer" not in fields:
                continue  # an employer's page keeps its box
            line = nodes.paragraph(classes=["resume-project-line"])
            for name in COMPACT_FIELDS:
                body = fields.get(name)
                if body is None:
                    continue
                if len(line):
                    line += nodes.Text(" — ")
                for child in body.children:
                    line.extend(child.children if isinstance(child, nodes.paragraph) else [child])
            replacement: list[nodes.Node] = [line]
            if "Result" in fields:
                result = nodes.paragraph(classes=["resume-result"])
                result += nodes.strong("Result: ", "Result: ")
                for child in fields["Result"].children:
                    result.extend(child.children if isinstance(child, nodes.paragraph) else [child])
                replacement.append(result)
            box.replace_self(replacement)


class EpubLeavesOut(SphinxPostTransform):
    """The ePub, like the book, does not repeat the two-page résumés and
    carries no page that is for the web site only (the editorial notes):
    the general résumé's entry leaves the home page's table of contents (and
    so the ePub's contents and spine), a link to any of them keeps only its
    words, and ``epub_exclude_files`` leaves their pages out. (The book needs
    none of this: Sphinx writes a link to a page it does not hold as words.)"""

    builders = ("epub",)
    default_priority = 60

    def run(self, **kwargs: Any) -> None:
        left_out = {BRIEF, *(f"{BRIEF}-{d}" for d in self.config.resume_directions), *web_only(self.app)}
        here = posixpath.dirname(self.env.docname)
        for reference in list(self.document.findall(nodes.reference)):
            target = reference.get("refuri", "").partition("#")[0]
            if "://" in target or not target.endswith(".xhtml"):
                continue
            if posixpath.normpath(posixpath.join(here, target)).removesuffix(".xhtml") in left_out:
                reference.replace_self(reference.children)
        if self.env.docname != self.config.root_doc:
            return
        for toctree in self.document.findall(addnodes.toctree):
            toctree["entries"] = [(title, ref) for title, ref in toctree["entries"] if ref != BRIEF]
            toctree["includefiles"] = [ref for ref in toctree["includefiles"] if ref != BRIEF]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_post_transform(EpubLeavesOut)
    app.add_post_transform(BookChapters)
    app.add_post_transform(CompactProjectSummaries)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
