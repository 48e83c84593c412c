"""The stylesheets, for HTML-format builders only (the site and the ePub):
``resume.css`` as shipped, and the timeline's colours generated from
:mod:`resume.palette`, both through the static path."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .palette import stylesheet

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
PALETTE_CSS = "resume-palette.css"


def add_static_path(app: Sphinx, config: Config) -> None:
    """``config-inited``: the folder of ``resume.css``, and one beside the
    doctrees holding the palette's stylesheet, on the static path.

    Set before Sphinx compares the settings with those of the last build, so
    that an incremental build does not report the configuration as changed.
    Only HTML-format builders read ``html_static_path``.
    """
    generated = Path(app.doctreedir) / "resume-static"
    generated.mkdir(parents=True, exist_ok=True)
    palette = generated / PALETTE_CSS
    if not palette.exists() or palette.read_text(encoding="utf-8") != stylesheet():
        palette.write_text(stylesheet(), encoding="utf-8")
    for folder in (str(STATIC), str(generated)):
        if folder not in config.html_static_path:
            config.html_static_path.append(folder)


def add_html_assets(app: Sphinx) -> None:
    """``builder-inited``: link ``resume.css`` and the palette's stylesheet
    from HTML-format pages."""
    if app.builder.format == "html":
        app.add_css_file(PALETTE_CSS)
        app.add_css_file("resume.css")
