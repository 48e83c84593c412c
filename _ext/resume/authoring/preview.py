"""The live preview shows a page's problems on the page itself.

With ``resume_show_problems`` set (``make live`` sets it), every HTML page that
has warnings in this build opens with a box that lists them, line by line, so
the author sees them where they look rather than in a terminal. A normal build
never sets it: its warnings fail the build instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from resume.authoring.problems import recorder
from resume.sphinx_ext.blocks import insert_under_title

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def show_problems(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: put the page's warnings at the top of the page."""
    if not app.config.resume_show_problems or app.builder.format != "html":
        return
    handler = recorder(app)
    problems = handler.problems(docname) if handler is not None else []
    if not problems:
        return
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    box = nodes.admonition(classes=["warning", "resume-problems"])
    box += nodes.title(count, f"{count} on this page")
    box += nodes.paragraph("", "Shown only in the live preview. A strict build (make html) fails until they are fixed.")
    items = nodes.bullet_list()
    for problem in problems:
        where = f"line {problem.line}: " if problem.line else ""
        kind = f" [{problem.kind}]" if problem.kind else ""
        text = f"{where}{problem.message}{kind}"
        items += nodes.list_item("", nodes.paragraph(text, text))
    box += items
    insert_under_title(doctree, box)
