"""Sphinx extension ``resume``: a career's pages as a knowledge base.

Reads the ``resume`` front matter of employer and project pages and draws what
can be derived from it: timeline, skill matrix, skills index, career summary,
the summary box on each page and the links between employers and projects.
``setup()`` only wires; each module does one job (see their docstrings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import nodes
from . import visit_html as html
from . import visit_latex as latex
from .assets import add_html_assets, add_static_path
from .collect import read_metadata, updated_docs
from .config import setup_config
from .consistency import check_consistency
from .directives import DIRECTIVES
from .domain import ResumeDomain, skill_role, warn_missing_skill
from .education import SchoolsCollector
from .epub import SvgEpubBuilder
from .jsonresume import setup_jsonresume
from .preview import show_problems
from .problems import setup_problems
from .redirects import setup_redirects
from .roles import EmailRole
from .sharing import setup_sharing
from .sourcecheck import setup_source_checks
from .transform import FillAggregates

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

    Visitors = tuple[Callable[..., Any], Callable[..., Any] | None]

__version__ = "1.0.0"


def _add_nodes(app: Sphinx) -> None:
    plain = (nodes.pass_through, nodes.pass_through)
    skip = (nodes.skip, None)

    def add(node: type[Element], for_html: Visitors, for_latex: Visitors, others: Visitors = plain) -> None:
        """Register ``node``; ``others`` serves the text, man and texinfo writers."""
        app.add_node(node, html=for_html, latex=for_latex, text=others, man=others, texinfo=others)

    add(nodes.aggregate, skip, skip, skip)
    add(nodes.timeline_chart, (html.visit_timeline_chart, None), (latex.visit_timeline_chart, None), skip)
    add(nodes.timeline_list, (html.visit_timeline_list, html.depart_timeline_list), skip)
    add(
        nodes.skill_matrix,
        (html.visit_skill_matrix, html.depart_skill_matrix),
        (latex.visit_skill_matrix, latex.depart_skill_matrix),
    )
    add(nodes.turned, (html.visit_turned, html.depart_turned), (latex.visit_turned, latex.depart_turned))
    add(nodes.email_link, (html.visit_email, None), (latex.visit_email, None))


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_config(app)
    app.add_domain(ResumeDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_role("skill", skill_role)
    app.add_role("email", EmailRole())
    _add_nodes(app)
    setup_jsonresume(app)
    app.add_latex_package("tikz")
    app.connect("doctree-read", read_metadata)
    app.connect("env-check-consistency", check_consistency)
    app.connect("env-get-updated", updated_docs)
    app.add_post_transform(FillAggregates)
    app.add_builder(SvgEpubBuilder, override=True)
    app.connect("warn-missing-reference", warn_missing_skill)
    app.connect("config-inited", add_static_path)
    app.connect("builder-inited", add_html_assets)
    setup_problems(app)
    setup_source_checks(app)
    app.add_env_collector(SchoolsCollector)
    app.connect("doctree-resolved", show_problems)
    setup_sharing(app)
    setup_redirects(app)
    return {
        "version": __version__,
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
