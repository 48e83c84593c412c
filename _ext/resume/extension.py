"""The Sphinx skin's wiring: ``setup()`` registers the extension's parts.

Each module it names does one job (see their docstrings); this one only wires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes as docutils_nodes

from resume import __version__
from resume.authoring.consistency import check_consistency, take_over_not_included
from resume.authoring.preview import show_problems
from resume.authoring.problems import setup_problems
from resume.authoring.sourcecheck import setup_source_checks
from resume.content.fill import FillAggregates
from resume.jsonresume.builder import setup_jsonresume
from resume.jsonresume.education import SchoolsCollector
from resume.sphinx_ext import nodes
from resume.sphinx_ext.assets import add_html_assets, add_static_path
from resume.sphinx_ext.collect import read_metadata, updated_docs
from resume.sphinx_ext.config import setup_config
from resume.sphinx_ext.directives import DIRECTIVES
from resume.sphinx_ext.domain import ResumeDomain, skill_role, warn_missing_skill
from resume.sphinx_ext.roles import CareerRole, EmailRole, PersonRole
from resume.web.previews import setup_sharing
from resume.web.redirects import setup_redirects
from resume.writers import html as html
from resume.writers import latex as latex
from resume.writers.epub import SvgEpubBuilder

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

    Visitors = tuple[Callable[..., Any], Callable[..., Any] | None]


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
    # The brief's project lines, which a two-page PDF keeps by rank (resume_fit);
    # every other list is written as Sphinx writes it.
    app.add_node(docutils_nodes.bullet_list, override=True, latex=(latex.visit_fit_list, latex.depart_fit_list))
    app.add_node(docutils_nodes.list_item, override=True, latex=(latex.visit_fit_item, latex.depart_fit_item))
    app.add_node(docutils_nodes.section, override=True, latex=(latex.visit_fit_section, latex.depart_fit_section))


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_config(app)
    app.add_domain(ResumeDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_role("skill", skill_role)
    app.add_role("email", EmailRole())
    app.add_role("career", CareerRole())
    app.add_role("person", PersonRole())
    _add_nodes(app)
    setup_jsonresume(app)
    app.add_latex_package("tikz")
    app.connect("doctree-read", read_metadata)
    app.connect("env-updated", latex.substitute_unprintable)
    app.connect("env-check-consistency", check_consistency)
    app.connect("config-inited", take_over_not_included)
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
        "env_version": 4,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
