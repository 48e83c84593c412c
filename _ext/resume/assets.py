"""The stylesheet, for HTML-format builders only (the site and the ePub)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: the folder of ``resume.css`` on the static path.

    Set before Sphinx compares the settings with those of the last build, so
    that an incremental build does not report the configuration as changed.
    Only HTML-format builders read ``html_static_path``.
    """
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def add_html_assets(app: Sphinx) -> None:
    """``builder-inited``: link ``resume.css`` from HTML-format pages."""
    if app.builder.format == "html":
        app.add_css_file("resume.css")
