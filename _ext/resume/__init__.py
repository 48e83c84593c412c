"""Sphinx extension ``resume``: a career's pages as a knowledge base.

Reads the ``resume`` front matter of employer and project pages and draws what
can be derived from it: timeline, skill matrix, skills index, career summary,
the summary box on each page and the links between employers and projects.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import collect
from .config import setup_config
from .directives import DIRECTIVES, EmailRole
from .domain import ResumeDomain, skill_role
from .epub import package_svg
from .nodes import setup_nodes
from .render import fill_aggregates

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"
STATIC = Path(__file__).parent / "static"


def _html_assets(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))
        app.add_css_file("resume.css")


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_config(app)
    app.add_domain(ResumeDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_role("skill", skill_role)
    app.add_role("email", EmailRole())
    setup_nodes(app)
    app.add_latex_package("tikz")
    app.connect("doctree-read", collect.read_metadata)
    app.connect("env-check-consistency", collect.check_consistency)
    app.connect("env-get-updated", collect.updated_docs)
    app.connect("doctree-resolved", fill_aggregates)
    app.connect("builder-inited", _html_assets)
    app.connect("build-finished", package_svg)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
