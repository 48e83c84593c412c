"""Sphinx extension ``resume``: a career's pages as a knowledge base.

Reads the ``resume`` front matter of employer and project pages and draws what
can be derived from it: timeline, skill matrix, skills index, career summary,
the summary box on each page and the links between employers and projects.
``setup()`` only wires; each module does one job (see their docstrings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assets import add_html_assets, add_static_path
from .collect import read_metadata, updated_docs
from .config import setup_config
from .consistency import check_consistency
from .directives import DIRECTIVES
from .domain import ResumeDomain, skill_role, warn_missing_skill
from .epub import package_svg
from .nodes import setup_nodes
from .preview import show_problems
from .problems import setup_problems
from .render import fill_aggregates
from .roles import EmailRole
from .sourcecheck import setup_source_checks

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_config(app)
    app.add_domain(ResumeDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_role("skill", skill_role)
    app.add_role("email", EmailRole())
    setup_nodes(app)
    app.add_latex_package("tikz")
    app.connect("doctree-read", read_metadata)
    app.connect("env-check-consistency", check_consistency)
    app.connect("env-get-updated", updated_docs)
    app.connect("doctree-resolved", fill_aggregates)
    app.connect("warn-missing-reference", warn_missing_skill)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_html_assets)
    app.connect("build-finished", package_svg)
    setup_problems(app)
    setup_source_checks(app)
    app.connect("doctree-resolved", show_problems)
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
