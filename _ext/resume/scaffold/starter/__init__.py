"""The starter: the pages of a one-job career to edit (``make new`` without
``FROM``), and the authoring guide of every new site. The pages say the name
and the as-of date with ``{person}``; nothing personal is typed outside
conf.py's person block and the employer and project pages.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent


def _texts(names: list[Path]) -> dict[str, str]:
    return {path.relative_to(HERE).as_posix(): path.read_text(encoding="utf-8") for path in sorted(names)}


def starter_pages() -> dict[str, str]:
    """The starter's pages, by their path in the new site."""
    return _texts([path for path in HERE.rglob("*.md") if path.parts[len(HERE.parts)] != "guide"])


def guide_pages() -> dict[str, str]:
    """The authoring guide of a new site, by its path in the new site."""
    return _texts(list((HERE / "guide").rglob("*.md")))
