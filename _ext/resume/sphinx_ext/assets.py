"""The stylesheets, for HTML-format builders only (the site and the ePub):
``resume.css`` and the print sheet ``resume-print.css`` as shipped, and the
timeline's colours generated from :mod:`resume.draw.palette`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resume.draw.palette import stylesheet

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parents[1] / "static"
PALETTE_CSS = "resume-palette.css"


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: the folder of ``resume.css`` on the static path.

    Set before Sphinx compares the settings with those of the last build, so
    that an incremental build does not report the configuration as changed.
    Only HTML-format builders read ``html_static_path``.
    """
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def add_html_assets(app: Sphinx) -> None:
    """``builder-inited``: link ``resume.css``, the print sheet and the
    palette's stylesheet from HTML-format pages, writing the palette's into the
    output's static folder (generated, so it cannot be a path in the settings,
    which differ by build)."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    (static / PALETTE_CSS).write_text(stylesheet(), encoding="utf-8")
    app.add_css_file(PALETTE_CSS)
    app.add_css_file("resume.css")
    app.add_css_file("resume-print.css", media="print")
