"""The stylesheet, for HTML-format builders only (the site and the ePub)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"


def add_html_assets(app: Sphinx) -> None:
    """``builder-inited``: ship ``resume.css`` through the static path."""
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("resume.css")
