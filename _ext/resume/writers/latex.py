"""How the LaTeX writer draws the extension's nodes (the PDFs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import texescape
from sphinx.writers.latex import LaTeXTranslator

from resume.core.glyphs import substitute
from resume.draw.tikz import render_tikz
from resume.sphinx_ext.domain import domain_of
from resume.writers.chart import chart_layout, chart_links

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def visit_email(self: LaTeXTranslator, node: nodes.Element) -> None:
    address = node["address"]
    # A PDF is read by people and by applicant-tracking systems: the address itself.
    self.body.append(rf"\href{{mailto:{self.encode(address)}}}{{{self.encode(address)}}}")
    raise nodes.SkipNode


def _written(self: LaTeXTranslator, node: nodes.Node) -> str:
    """What the translator writes for ``node``, taken out of the document body."""
    saved, self.body = self.body, []
    try:
        node.walkabout(self)
        return "".join(self.body)
    finally:
        self.body = saved


def visit_timeline_chart(self: LaTeXTranslator, node: nodes.Element) -> None:
    links = chart_links(node)

    def label(docname: str, text: str) -> str:
        link = links.get(docname)
        if not isinstance(link, nodes.reference):  # the page is not in this document
            return self.encode(text)
        # The resolved link with the label's text, written as any reference is.
        copy = link.deepcopy()
        copy.children = []
        copy += nodes.Text(text)
        nodes.inline("", "", copy)  # inline, so no paragraph break comes before it
        return _written(self, copy)

    picture = render_tikz(chart_layout(self.builder.env, node), label=label, escape=self.encode)
    self.body.append("\n\\begin{center}\n" + picture + "\\end{center}\n")
    raise nodes.SkipNode


def visit_skill_matrix(self: LaTeXTranslator, node: nodes.Element) -> None:
    """Small type and narrow gaps around the matrix's table, and its column
    layout: skill names wrap, the marks are centred."""
    table = node.next_node(nodes.tgroup)
    columns = int(table["cols"]) if table is not None else 1
    self.next_table_colspec = "@{}p{0.3\\linewidth}" + "c" * (columns - 1) + "@{}"
    # Sphinx sets every cell in a box of an equal share of the line; here a cell
    # takes its natural width ("in use 1998–2001" on one line) up to a third.
    self.body.append(
        "\n\\begingroup\\footnotesize\\setlength{\\tabcolsep}{2.5pt}"
        "\\renewcommand*\\sphinxcolwidth[2]{0.3\\textwidth}\n"
    )


def depart_skill_matrix(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\endgroup\n")


def visit_turned(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("\\rotatebox{90}{")


def depart_turned(self: LaTeXTranslator, node: nodes.Element) -> None:
    self.body.append("}")


def _open_fit(self: LaTeXTranslator, node: nodes.Element) -> None:
    if "resume_fit" not in node:
        return
    if "resume_fit_title" in node:  # a line the report of what was left out names (resume.site.fit)
        source = self.builder.env.doc2path(self.curfilestack[0], False)
        title = " ".join(str(node["resume_fit_title"]).split())
        self.body.append(f"\n% resume-fit {node['resume_fit']} {source} {node.get('resume_fit_doc', '')}: {title}\n")
    self.body.append(f"\\resumefit{{{node['resume_fit']}}}{{%\n")


def _close_fit(self: LaTeXTranslator, node: nodes.Element) -> None:
    if "resume_fit" in node:
        self.body.append("}%\n")


def visit_fit_list(self: LaTeXTranslator, node: nodes.Element) -> None:
    """A list whose lines a two-page PDF may leave out (``resume_fit``, set by
    the brief's experience), as ``\\resumefit{rank}{...}``; any other list as Sphinx writes it."""
    _open_fit(self, node)
    LaTeXTranslator.visit_bullet_list(self, node)


def depart_fit_list(self: LaTeXTranslator, node: nodes.Element) -> None:
    LaTeXTranslator.depart_bullet_list(self, node)
    _close_fit(self, node)


def visit_fit_item(self: LaTeXTranslator, node: nodes.Element) -> None:
    """A project line that a two-page PDF may leave out."""
    _open_fit(self, node)
    LaTeXTranslator.visit_list_item(self, node)


def depart_fit_item(self: LaTeXTranslator, node: nodes.Element) -> None:
    LaTeXTranslator.depart_list_item(self, node)
    _close_fit(self, node)


def visit_fit_section(self: LaTeXTranslator, node: nodes.Element) -> None:
    """A section of nothing but such lines goes with them (:func:`resume.content.brief.fit_last`)."""
    _open_fit(self, node)
    LaTeXTranslator.visit_section(self, node)


def depart_fit_section(self: LaTeXTranslator, node: nodes.Element) -> None:
    LaTeXTranslator.depart_section(self, node)
    _close_fit(self, node)


def substitute_unprintable(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: in LaTeX, each character a page uses that the fonts lack is
    printed as the substitute (the page was warned about it where it is written)."""
    if app.builder.format != "latex":
        return
    chars = {char for found in domain_of(env).unprintable.values() for char in found}
    for table in (
        texescape._tex_escape_map,
        texescape._tex_escape_map_without_unicode,
        texescape._tex_hlescape_map,
        texescape._tex_hlescape_map_without_unicode,
    ):
        table.update((ord(char), substitute(char)) for char in chars)
