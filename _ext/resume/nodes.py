"""Nodes the extension puts in doctrees, and how each builder writes them.

HTML (and ePub, which reuses it) and LaTeX get real renderings; text, man and
texinfo get the plain docutils content these nodes wrap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from .dates import format_number, format_years
from .svg import render_svg
from .tikz import render_tikz

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator


class aggregate(nodes.General, nodes.Element):
    """Placeholder for derived content; filled once all pages are read.

    Attributes: ``directive`` (which content), ``options``, ``docname``.
    """


class timeline_chart(nodes.General, nodes.Element):
    """The drawn timeline. Attributes: ``layout``, ``title``, ``desc``, ``docname``, ``uid``."""


class timeline_list(nodes.General, nodes.Element):
    """The timeline as a chronological list: the chart's text alternative."""


class skill_matrix(nodes.General, nodes.Element):
    """Wraps the matrix table. Attributes: ``matrix`` (for LaTeX), ``caption``, ``docname``."""


class email_link(nodes.Inline, nodes.TextElement):
    """An e-mail address that works as a link without being written out plainly."""


def spoken_address(address: str) -> str:
    """``alfred@freebsd.org`` → ``alfred at freebsd dot org``."""
    user, _, host = address.partition("@")
    return f"{user} at {host.replace('.', ' dot ')}" if host else address


def reachable(builder: Builder, docname: str) -> bool:
    """Whether ``docname`` is part of the output being written (LaTeX and texinfo
    documents hold only the pages under their root)."""
    if builder.format in ("latex", "texinfo"):
        return docname in getattr(builder, "docnames", ())
    return True


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def _pass(self: Any, node: nodes.Element) -> None:
    pass


# -- HTML and ePub -------------------------------------------------------------


def _entities(text: str) -> str:
    return "".join(f"&#{ord(char)};" for char in text)


def visit_email_html(self: HTML5Translator, node: email_link) -> None:
    address = node["address"]
    self.body.append(
        f'<a class="reference external resume-email" href="{_entities("mailto:" + address)}">'
        f"{_entities(spoken_address(address))}</a>"
    )
    raise nodes.SkipNode


def visit_timeline_chart_html(self: HTML5Translator, node: timeline_chart) -> None:
    here = node["docname"]

    def href(docname: str) -> str:
        return self.builder.get_relative_uri(here, docname)

    svg = render_svg(
        node["layout"], href=href, title=node["title"], desc=node["desc"], id_prefix=node["uid"],
        role="document" if self.builder.name == "epub" else "group",
    )  # fmt: skip
    self.body.append(f'<div class="resume-timeline">{svg}</div>\n')
    raise nodes.SkipNode


def visit_timeline_list_html(self: HTML5Translator, node: timeline_list) -> None:
    self.body.append(
        '<details class="resume-timeline-list"><summary>'
        f"{self.encode(node['summary'])}</summary>\n"
    )


def depart_timeline_list_html(self: HTML5Translator, node: timeline_list) -> None:
    self.body.append("</details>\n")


def visit_skill_matrix_html(self: HTML5Translator, node: skill_matrix) -> None:
    # A scrolling region must be focusable and named to be usable by keyboard.
    label = self.attval(node["caption"])
    self.body.append(f'<div class="resume-matrix" role="region" tabindex="0" aria-label="{label}">\n')


def depart_skill_matrix_html(self: HTML5Translator, node: skill_matrix) -> None:
    self.body.append("</div>\n")


# -- LaTeX ---------------------------------------------------------------------


def _latex_link(self: LaTeXTranslator, docname: str) -> str | None:
    return self.idescape(f"{docname}::doc") if reachable(self.builder, docname) else None


def visit_email_latex(self: LaTeXTranslator, node: email_link) -> None:
    address = node["address"]
    # A PDF is read by people and by applicant-tracking systems: the address itself.
    self.body.append(r"\href{mailto:%s}{%s}" % (self.encode(address), self.encode(address)))
    raise nodes.SkipNode


def visit_timeline_chart_latex(self: LaTeXTranslator, node: timeline_chart) -> None:
    picture = render_tikz(node["layout"], link=lambda d: _latex_link(self, d), escape=self.encode)
    self.body.append("\n\\begin{center}\n" + picture + "\n\\end{center}\n")
    raise nodes.SkipNode


def visit_skill_matrix_latex(self: LaTeXTranslator, node: skill_matrix) -> None:
    """A long table with turned column heads, so a dozen employers fit the page."""
    matrix = node["matrix"]
    heads = ["Years stated", "Years of use", *(column.label for column in matrix.columns)]
    width = 2 + len(heads)
    out = [
        "\n\\begingroup\\footnotesize\\setlength{\\tabcolsep}{2.5pt}",
        "\\begin{longtable}{@{}p{0.26\\linewidth}p{0.12\\linewidth}%s@{}}" % ("c" * len(heads)),
        "\\hline",
        "\\textbf{Skill} & \\textbf{Level} & "
        + " & ".join("\\rotatebox{90}{%s}" % self.encode(h) for h in heads)
        + " \\\\",
        "\\hline\\endhead",
        "\\hline\\endfoot",
    ]
    category = None
    for row in matrix.rows:
        if matrix.grouped and row.category != category:
            category = row.category
            out.append("\\multicolumn{%d}{@{}l}{\\textbf{%s}} \\\\" % (width, self.encode(category)))
        marks = []
        for proof in row.proofs:
            label = _latex_link(self, proof) if proof else None
            if proof is None:
                marks.append("")
            elif label is None:
                marks.append("$\\checkmark$")
            else:
                marks.append("\\hyperref[%s]{$\\checkmark$}" % label)
        cells = [
            self.encode(row.skill),
            self.encode(row.level or ""),
            format_number(row.stated_years),
            format_years(row.months) if row.months else "",
            *marks,
        ]
        out.append(" & ".join(cells) + " \\\\")
    out += ["\\end{longtable}", "\\endgroup\n"]
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    plain = (_pass, _pass)
    skip = (_skip, None)
    app.add_node(aggregate, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(
        timeline_chart,
        html=(visit_timeline_chart_html, None),
        latex=(visit_timeline_chart_latex, None),
        text=skip, man=skip, texinfo=skip,
    )  # fmt: skip
    app.add_node(
        timeline_list,
        html=(visit_timeline_list_html, depart_timeline_list_html),
        latex=skip, text=plain, man=plain, texinfo=plain,
    )  # fmt: skip
    app.add_node(
        skill_matrix,
        html=(visit_skill_matrix_html, depart_skill_matrix_html),
        latex=(visit_skill_matrix_latex, None),
        text=plain, man=plain, texinfo=plain,
    )  # fmt: skip
    app.add_node(
        email_link,
        html=(visit_email_html, None),
        latex=(visit_email_latex, None),
        text=plain, man=plain, texinfo=plain,
    )  # fmt: skip
