"""A two-page résumé stays two pages: latexmk keeps the optional lines that fit,
most important first, `python -m resume.site.fit` names what was left out,
and a résumé too long even without them is a warning at its page, with no PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from helpers import build, warnings
from site_fixtures import fit_report, pdf_pages, poppler, require_tool

ROOT = Path(__file__).resolve().parents[2]
EMPLOYERS, LINES = 7, 3
WORDS = " ".join(["kernel scheduler locking network storage latency throughput"] * 14)


def _write(src: Path, name: str, text: str) -> None:
    (src / name).parent.mkdir(parents=True, exist_ok=True)
    (src / name).write_text(text, "utf-8")


def _finish(src: Path, pages: list[str], more: str = "") -> None:
    """conf.py, a home page listing ``pages`` and the brief (its experience,
    then ``more``), and the LaTeX classes: what both test sites share."""
    _write(
        src,
        "conf.py",
        'project = author = "Ada Fit"\ncopyright = "2012, Ada Fit"\nversion = release = "1"\n'
        'extensions = ["myst_parser", "resume.site"]\nresume_as_of = "2012-04"\nlatex_engine = "xelatex"\n',
    )
    toctree = "\n".join([*pages, "brief"])
    _write(src, "index.md", f"# Ada Fit\n\nEngineer.\n\n```{{toctree}}\n{toctree}\n```\n")
    _write(src, "brief.md", f"# Résumé\n\n## Experience\n\n```{{brief-experience}}\n```\n{more}")
    shutil.copytree(ROOT / "_latex", src / "_latex", dirs_exist_ok=True)


def _site(src: Path, *, role: str = "") -> None:
    """Seven employers with three long project lines each: about three pages."""
    pages = []
    for e in range(EMPLOYERS):
        start = 2011 - 2 * e
        summary = f'  summary: "{role}"\n' if role and e == 0 else ""
        _write(
            src,
            f"experience/e{e}.md",
            f"---\nresume:\n  kind: employer\n{summary}  positions:\n    - title: Engineer\n"
            f"      start: {start}-01\n      end: {start + 1}-12\n---\n\n# Employer {e}\n",
        )
        pages.append(f"experience/e{e}")
        for p in range(LINES):
            _write(
                src,
                f"projects/p{e}{p}.md",
                f'---\nresume:\n  kind: project\n  employer: e{e}\n  result: "Line {e}{p}: {WORDS}."\n---\n\n'
                f"# Project {e}{p}\n\nWork.\n",
            )
            pages.append(f"projects/p{e}{p}")
    _finish(src, pages)


def _compile(make_app: Any, src: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The brief's LaTeX, compiled by latexmk as `make pdf` does, and the report."""
    app = build(make_app, src, "latex")
    assert warnings(app) == []
    outdir = Path(app.outdir)
    tex = next(p for p in outdir.glob("*.tex") if "career-book" not in p.name)
    require_tool("xelatex")
    subprocess.run(
        [require_tool("latexmk"), "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=outdir,
        capture_output=True,
        check=True,
    )
    return tex.with_suffix(".pdf"), fit_report(outdir)


def _pdf_text(pdf: Path) -> str:
    return " ".join(poppler("pdftotext", str(pdf), "-").split())


def test_a_long_brief_keeps_two_pages_and_names_what_it_left_out(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _site(src)
    pdf, report = _compile(make_app, src)
    assert report.returncode == 0, report.stderr
    assert pdf_pages(pdf) == 2
    left_out = re.findall(r"^    Project (\d\d) \(projects/p\1\)$", report.stdout, re.MULTILINE)
    assert left_out, report.stdout
    assert f"brief.md: {pdf.name}: {len(left_out)} of {EMPLOYERS * LINES} optional lines left out" in report.stdout
    # Kept longest: every employer's first line, newest employer first; then the second lines...
    ranked = [f"{e}{p}" for p, e in sorted((p, e) for e in range(EMPLOYERS) for p in range(LINES))]
    assert left_out == ranked[len(ranked) - len(left_out) :]
    text = _pdf_text(pdf)
    for line in ranked:
        assert (f"Line {line}:" in text) == (line not in left_out), line
    # The page breaks inside an entry: page 2's first two lines go on with page 1's last.
    page_2 = poppler("pdftotext", "-f", "2", "-l", "2", str(pdf), "-")
    first = [line for line in page_2.splitlines() if line.strip()][:2]
    assert len(first) == 2 and not [line for line in first if line.startswith("Employer ")], first


def test_a_brief_too_long_without_its_lines_is_a_located_warning_and_no_pdf(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _site(src, role=" ".join(["A role described at very great length."] * 700))
    pdf, report = _compile(make_app, src)
    assert report.returncode == 1
    assert re.search(
        rf"^brief\.md: WARNING: {re.escape(pdf.name)} takes \d pages even without its {EMPLOYERS * LINES} optional lines:",
        report.stderr,
        re.MULTILINE,
    ), report.stderr
    assert not pdf.exists()


def _imported_site(src: Path) -> None:
    """The layout `make new` writes: lines of the positions themselves (no
    project pages) and a section kept on a page of its own, shown on the brief."""
    pages = []
    for e in range(EMPLOYERS):
        start = 2011 - 2 * e
        lines = "".join(f'        - "Line {e}{p}: {WORDS}."\n' for p in range(LINES))
        _write(
            src,
            f"experience/e{e}.md",
            f"---\nresume:\n  kind: employer\n  positions:\n    - title: Engineer\n"
            f"      start: {start}-01\n      end: {start + 1}-12\n      highlights:\n{lines}---\n\n# Employer {e}\n",
        )
        pages.append(f"experience/e{e}")
    _write(
        src,
        "awards.md",
        "---\njsonresume:\n  awards:\n    - title: Fit Prize\n      awarder: Latexmk\n      date: '2010-05-01'\n"
        "---\n\n# Awards\n\n```{resume-details}\n```\n",
    )
    _finish(src, [*pages, "awards"], "\n## Awards\n\n```{resume-details} awards\n```\n")


def test_position_lines_and_later_sections_give_way_sections_first(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    _imported_site(src)
    pdf, report = _compile(make_app, src)
    assert report.returncode == 0, report.stderr
    assert pdf_pages(pdf) == 2
    said = report.stdout.splitlines()
    head = f"brief.md: {pdf.name}: {len(said) - 1} of {EMPLOYERS * LINES + 1} optional lines left out to fit 2 pages:"
    assert said[0] == head, report.stdout
    # The section after the experience goes first (it is the last line kept),
    # heading and all; then the positions' lines, the newest employer's kept longest.
    assert said[-1] == "    Awards", report.stdout
    left_out = [re.match(r"^    Line (\d\d): .* \(experience/e\d\)$", line) for line in said[1:-1]]
    assert all(left_out), report.stdout
    ranked = [f"{e}{p}" for p, e in sorted((p, e) for e in range(EMPLOYERS) for p in range(LINES))]
    assert [m[1] for m in left_out if m] == ranked[len(ranked) - len(left_out) :]
    text = _pdf_text(pdf)
    assert "Fit Prize" not in text and "Awards" not in text
