"""The PDFs' character coverage: what it holds, and that it matches the installed fonts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from resume.core import glyphs

from site_fixtures import require_tool


def test_coverage_holds_the_scripts_and_not_emoji() -> None:
    for char in "é×–—…→中文日本語かなカナ한국어αβγΩЖжЯ":
        assert glyphs.printable(char), char
    for char in "🚀😀✓\ufe0f":
        assert not glyphs.printable(char), char


def test_unprintable_is_located_and_replaced() -> None:
    text = "# Title\n\nplain line\nlaunch 🚀 now ❤️ ok\n"
    found = glyphs.unprintable(text)
    assert [(line, column) for line, column, _ in found] == [(4, 8), (4, 14)]
    assert glyphs.replaced("launch 🚀 now ❤️ ok") == "launch ? now ? ok"
    assert glyphs.lacking("a ❤️") == {"❤", "\ufe0f"}


def test_coverage_file_matches_the_installed_fonts(tmp_path: Path) -> None:
    """``python -m resume.core.glyphs`` on the fonts Debian installs writes the committed file again."""
    fc_match = require_tool("fc-list")
    listed = subprocess.run([fc_match, "--format", "%{file}\n"], capture_output=True, text=True, check=True).stdout
    by_name = {Path(line).name: line for line in listed.splitlines()}
    wanted = glyphs.TEXT_FONTS + glyphs.FALLBACK_FONTS
    assert set(wanted) <= set(by_name), sorted(set(wanted) - set(by_name))
    committed = glyphs.COVERAGE_FILE.read_text("utf-8")
    written = tmp_path / "coverage.txt"
    subprocess.run(
        [sys.executable, "-m", "resume.core.glyphs", "-o", str(written), *(by_name[n] for n in wanted)],
        check=True,
        cwd=glyphs.COVERAGE_FILE.parents[2],
    )
    assert written.read_text("utf-8") == committed
