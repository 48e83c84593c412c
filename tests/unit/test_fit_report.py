"""The report of what a two-page résumé left out, read from the files LaTeX
leaves: the writer's ``% resume-fit`` comments and the class's ``.aux`` state."""

from __future__ import annotations

from pathlib import Path

from resume.site.fit import Fit, read_fit, report

TEX = (
    "\\begin{itemize}\n"
    "% resume-fit 1 brief.md projects/a: Alpha\n\\resumefit{1}{\\item Alpha}\n"
    "% resume-fit 3 brief.md projects/c: Gamma, with a colon: here\n\\resumefit{3}{\\item Gamma}\n"
    "% resume-fit 2 brief.md projects/b: Beta\n\\resumefit{2}{\\item Beta}\n"
    "\\end{itemize}\n"
)


def _state(cut: int, pages: int) -> str:
    return f"\\relax\n\\resume@fitstate{{ABC}}{{{cut}}}{{{cut + 1}}}{{{cut}}}{{{pages}}}\n"


def test_the_lines_above_the_cut_are_left_out_in_rank_order(tmp_path: Path) -> None:
    tex = tmp_path / "r.tex"
    tex.write_text(TEX, "utf-8")
    tex.with_suffix(".aux").write_text(_state(1, 2), "utf-8")
    fit = read_fit(tex)
    assert fit == Fit("brief.md", 2, 3, [("projects/b", "Beta"), ("projects/c", "Gamma, with a colon: here")])
    assert report(fit, "r.pdf") == [
        "brief.md: r.pdf: 2 of 3 optional lines left out to fit 2 pages:",
        "    Beta (projects/b)",
        "    Gamma, with a colon: here (projects/c)",
    ]


def test_nothing_is_said_when_everything_fits_or_nothing_was_compiled(tmp_path: Path) -> None:
    tex = tmp_path / "r.tex"
    tex.write_text(TEX, "utf-8")
    assert read_fit(tex) is None  # no .aux yet
    tex.with_suffix(".aux").write_text(_state(100000, 2), "utf-8")
    fit = read_fit(tex)
    assert fit is not None and report(fit, "r.pdf") == []
    book = tmp_path / "book.tex"
    book.write_text("\\item No optional line.\n", "utf-8")
    book.with_suffix(".aux").write_text(_state(100000, 40), "utf-8")
    assert read_fit(book) is None


def test_a_brief_too_long_without_its_lines_is_a_warning(tmp_path: Path) -> None:
    tex = tmp_path / "r.tex"
    tex.write_text(TEX, "utf-8")
    tex.with_suffix(".aux").write_text(_state(0, 3), "utf-8")
    fit = read_fit(tex)
    assert fit is not None
    (line,) = report(fit, "r.pdf")
    assert line.startswith("brief.md: WARNING: r.pdf takes 3 pages even without its 3 optional lines:")
    assert line.endswith("[resume.fit]")
