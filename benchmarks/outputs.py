"""Reading built HTML: sizes of the timeline SVG and of pages, script tags."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

_TIMELINE = re.compile(r'<svg\b[^>]*class="resume-tl".*?</svg>', re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>", re.I)


def svg_bytes(page: Path) -> list[int]:
    """Sizes in bytes (UTF-8) of each timeline SVG in an HTML page (not the theme's icons)."""
    return [len(match.group(0).encode()) for match in _TIMELINE.finditer(page.read_text(encoding="utf-8"))]


def page_bytes(page: Path) -> int:
    return page.stat().st_size


def median_page_bytes(outdir: Path, folder: str) -> int:
    sizes = [page_bytes(p) for p in (outdir / folder).glob("*.html") if p.name != "index.html"]
    return int(statistics.median(sizes)) if sizes else 0


def script_tags(page: Path) -> list[str]:
    return _SCRIPT.findall(page.read_text(encoding="utf-8"))


def script_differences(with_ext: Path, without: Path) -> list[str]:
    """Pages whose ``<script>`` tags differ between two HTML builds of the same pages."""
    differ = []
    for page in sorted(without.rglob("*.html")):
        other = with_ext / page.relative_to(without)
        if not other.exists() or script_tags(other) != script_tags(page):
            differ.append(str(page.relative_to(without)))
    return differ


def identical_trees(first: Path, second: Path, pattern: str = "*.html") -> list[str]:
    """Files matching ``pattern`` that differ between two output trees (empty: identical)."""
    names = {p.relative_to(first) for p in first.rglob(pattern)} | {
        p.relative_to(second) for p in second.rglob(pattern)
    }
    return sorted(
        str(n)
        for n in names
        if not (first / n).exists()
        or not (second / n).exists()
        or (first / n).read_bytes() != (second / n).read_bytes()
    )
