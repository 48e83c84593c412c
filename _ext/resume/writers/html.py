"""How the HTML and ePub writers draw the extension's nodes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from resume.draw.svg import render_svg
from resume.sphinx_ext.nodes import spoken_address
from resume.writers.chart import chart_layout, chart_links

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


def _entities(text: str) -> str:
    return "".join(f"&#{ord(char)};" for char in text)


def visit_email(self: HTML5Translator, node: nodes.Element) -> None:
    address = node["address"]
    self.body.append(
        f'<a class="reference external resume-email" href="{_entities("mailto:" + address)}">'
        f"{_entities(spoken_address(address))}</a>"
    )
    raise nodes.SkipNode


def visit_timeline_chart(self: HTML5Translator, node: nodes.Element) -> None:
    links = chart_links(node)

    def href(docname: str) -> str | None:
        link = links.get(docname)
        return link.get("refuri") if isinstance(link, nodes.reference) else None

    svg = render_svg(
        chart_layout(self.builder.env, node),
        href=href,
        title=node["title"],
        desc=node["desc"],
        id_prefix=node["uid"],
        role="document" if self.builder.name == "epub" else "group",
    )
    # A scrolling region must be focusable and named to be usable by keyboard;
    # the cue under it shows only where the chart is wider than the screen.
    label = self.attval(node["title"])
    # An e-reader fits the chart to its page: nothing scrolls there, so no cue.
    # On a screen narrower than the chart, it opens on its right end, the latest
    # years, and scrolls back to the earlier ones.
    cue = (
        ""
        if self.builder.name == "epub"
        else "<script>(function (box) { requestAnimationFrame(function () { box.scrollLeft = box.scrollWidth; }); })"
        "(document.currentScript.previousElementSibling);</script>\n"
        '<p class="resume-scroll-cue" aria-hidden="true">Scroll sideways for the earlier years.</p>\n'
    )
    self.body.append(f'<div class="resume-timeline" role="region" tabindex="0" aria-label="{label}">{svg}</div>\n{cue}')
    raise nodes.SkipNode


def visit_timeline_list(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(f'<details class="resume-timeline-list"><summary>{self.encode(node["summary"])}</summary>\n')


def depart_timeline_list(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</details>\n")


def visit_skill_matrix(self: HTML5Translator, node: nodes.Element) -> None:
    # A scrolling region must be focusable and named to be usable by keyboard.
    label = self.attval(node["caption"])
    self.body.append(f'<div class="resume-matrix" role="region" tabindex="0" aria-label="{label}">\n')


def depart_skill_matrix(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_turned(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append('<span class="resume-turned">')


def depart_turned(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")
