"""The ``skill-matrix`` directive's content: one docutils table, drawn by
every builder's own table writer, with a note on what the years column says.

The cells come from :meth:`resume.core.career.Career.matrix`; group rows, column
heads and marks are decided here once, for every output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from resume.core.claims import IN_USE, skill_claim
from resume.sphinx_ext.blocks import para
from resume.sphinx_ext.nodes import skill_matrix, turned

if TYPE_CHECKING:
    from resume.core.career import Career, Matrix, MatrixRow
    from resume.sphinx_ext.links import Links

NOTE = (
    "Years: as the résumé states them. Where it states none, the years of the positions "
    "and projects whose pages list the skill, labeled “in use”: when it was in "
    "use, not a length of experience. A mark links to the page that shows the skill in use."
)


def _years(career: Career, row: MatrixRow) -> list[nodes.Node]:
    """The stated years, else the labeled years in use, which break after the
    label only."""
    claim = skill_claim(career, row.skill)
    years = claim.years_in_use
    if claim.stated or years is None:
        return [nodes.Text(claim.text)]
    return [nodes.Text(f"{IN_USE} "), nodes.inline(years, years, classes=["resume-nowrap"])]


def _skill_cell(links: Links, row: MatrixRow, grouped: bool) -> list[nodes.Node]:
    cell = [links.skill(row.skill)]
    others = row.categories[1:] if grouped else ()
    if others:
        cell.append(nodes.inline("", f" (also {', '.join(others)})", classes=["resume-also"]))
    return cell


def build_matrix(links: Links, options: dict[str, Any]) -> list[nodes.Node]:
    matrix: Matrix = links.career.matrix(
        columns=options.get("columns", "employers"),
        employer=options.get("employer"),
        category=options.get("category"),
        group="group" in options,
        sort=options.get("sort", "name"),
    )
    if not matrix.rows:
        return [para("No skills to show.", classes=["resume-empty"])]
    show_level = any(row.level for row in matrix.rows)
    heads: list[tuple[str, bool]] = [("Skill", False)]
    if show_level:
        heads.append(("Level", False))
    heads += [("Years", True), *((column.label, True) for column in matrix.columns)]

    # "longtable": a matrix of many skills breaks across PDF pages.
    table = nodes.table(classes=["resume-skill-matrix", "colwidths-auto", "longtable"])
    group = nodes.tgroup(cols=len(heads))
    table += group
    # Text writers lay columns out by these widths (characters); HTML sizes itself.
    widths = [max(len(row.skill) for row in matrix.rows) + 2, *([14] if show_level else []), 6]
    widths += [max(3, len(column.label)) for column in matrix.columns]
    for index, width in enumerate(widths):
        # The skill names are the row headings; writers test for the key itself.
        group += nodes.colspec(colwidth=width, stub=1) if index == 0 else nodes.colspec(colwidth=width)
    head_row = nodes.row()
    for text, upright in heads:
        head_row += nodes.entry("", para(turned(text, text) if upright else text))
    group += nodes.thead("", head_row)

    body = nodes.tbody()
    category = None
    for row in matrix.rows:
        if matrix.grouped and row.categories[0] != category:
            category = row.categories[0]
            # A full row rather than a spanning cell: man and text writers can't span.
            label = nodes.entry("", para(nodes.strong(category, category)))
            body += nodes.row("", label, *(nodes.entry() for _ in heads[1:]), classes=["resume-group"])
        cells: list[list[nodes.Node]] = [_skill_cell(links, row, matrix.grouped)]
        if show_level:
            cells.append([nodes.Text(row.level or "")])
        cells.append(_years(links.career, row))
        for column, proof in zip(matrix.columns, row.proofs, strict=True):
            if proof is None:
                cells.append([])
            else:
                title = f"{row.skill} at {column.label}: {links.career.title(proof)}"
                cells.append([links.page(proof, "✓", title=title, classes=("resume-mark",))])
        # An empty cell is a bare entry: most of a large matrix is empty.
        body += nodes.row("", *(nodes.entry("", para(*cell)) if cell else nodes.entry() for cell in cells))
    group += body
    caption = "Skill matrix: skills against " + ("projects" if options.get("columns") == "projects" else "employers")
    return [skill_matrix("", table, caption=caption), para(NOTE, classes=["resume-matrix-note"])]
