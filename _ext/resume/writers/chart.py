"""What both writers need to draw a timeline chart node: its layout and its links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from resume.draw.timeline import TimelineLayout, layout_timeline
from resume.sphinx_ext.domain import domain_of

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def chart_layout(env: BuildEnvironment, node: nodes.Element) -> TimelineLayout:
    """The layout of a :class:`~resume.sphinx_ext.nodes.timeline_chart`, from its options."""
    items = domain_of(env).career.timeline_items(tuple(node["show"]), node.get("employer"))
    return layout_timeline(items, start=node.get("start"), end=node.get("end"))


def chart_links(node: nodes.Element) -> dict[str, nodes.Node]:
    """The chart's links by docname, as Sphinx resolved them: a reference, or
    plain text where the builder has no address for the page."""
    return {child.astext(): child for child in node.children}
