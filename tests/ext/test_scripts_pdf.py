"""Text in any script reaches the PDFs: CJK from the fallback fonts, Greek and
Cyrillic from FreeFont, and a character no font has (an emoji) is a warning at
the line where it is written and a '?' in the PDF, which still builds."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from helpers import build, site, warnings
from site_fixtures import poppler, require_tool

ROOT = Path(__file__).resolve().parents[2]


def test_cjk_greek_cyrillic_print_and_an_emoji_is_located(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path, "scripts")
    shutil.copytree(ROOT / "_latex", src / "_latex")
    app = build(make_app, src, "latex")
    reported = warnings(app)
    assert len(reported) == 1, reported
    assert "projects/locks.md:5:" in reported[0]
    assert "U+1F680 ROCKET" in reported[0] and "[resume.glyph]" in reported[0]
    # One XeLaTeX run of the two-page résumé (the brief) is enough to show the characters.
    xelatex = require_tool("xelatex")
    outdir = Path(app.outdir)
    brief = next(p for p in outdir.glob("*.tex") if "career-book" not in p.name)
    run = subprocess.run(
        [xelatex, "-interaction=nonstopmode", "-halt-on-error", brief.name],
        cwd=outdir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    text = poppler("pdftotext", brief.with_suffix(".pdf").name, "-", cwd=outdir)
    for written in ("王小明", "北京网络公司", "读写锁", "Ελληνικά", "русский", "日本語", "한국어"):
        assert written in text
    assert "Faster locks ? on eight cores." in text
    assert "🚀" not in brief.read_text("utf-8")


def test_a_glyph_in_conf_py_is_located(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path, "scripts")
    conf = (src / "conf.py").read_text("utf-8").replace('"王小明"\n', '"王小明 🚀"\n', 1)
    (src / "conf.py").write_text(conf, "utf-8")
    shutil.copytree(ROOT / "_latex", src / "_latex")
    app = build(make_app, src, "latex")
    located = [line for line in warnings(app) if "conf.py:1:" in line]
    assert len(located) == 1 and "U+1F680" in located[0], warnings(app)
    book = next(Path(app.outdir).glob("*career-book.tex")).read_text("utf-8")
    assert "🚀" not in book and r"\title{王小明 ?}" in book


def test_a_glyph_in_an_included_snippet_is_located_in_the_snippet(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path, "basic", files={"parts/note.md": "A note.\n\nShip it 🚢.\n"})
    summary = src / "summary.md"
    summary.write_text(summary.read_text("utf-8") + "\n```{include} parts/note.md\n```\n", "utf-8")
    app = build(make_app, src, confoverrides={"exclude_patterns": ["parts/*"]})
    found = warnings(app)
    assert len(found) == 1 and "parts/note.md:3: WARNING: the PDFs' fonts have no glyph for '🚢'" in found[0], found
