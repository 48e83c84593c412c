"""Every page passes axe-core's WCAG 2.1 A and AA rules in light mode, and its
colour rules in dark mode too (the markup is the same in both; only colours change).

axe-core comes from npm (package.json pins it; ``npm ci`` installs it) and is
injected into each page of the built site as Chromium loads it. A failure lists
every violation as page, rule, element and axe's summary of what is wrong.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import SCHEMES, node_tool, open_page, site_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: What each colour scheme is checked for: every WCAG rule, or those that read colours.
RULES = {
    "light": {"type": "tag", "values": WCAG_TAGS},
    "dark": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}


def describe(page: str, violation: dict) -> list[str]:
    return [
        f"{page}: {violation['id']} ({violation['impact']}): {node['target']}\n"
        f"    {node['html'][:200]}\n    {node['failureSummary'].replace(chr(10), ' ')}"
        for node in violation["nodes"]
    ]


@pytest.mark.slow
@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_no_wcag_violations(browser, base: str, site_html: Path, scheme: str) -> None:
    axe = node_tool("axe-core/axe.min.js")
    pages = site_pages(site_html)
    found: list[str] = []
    with open_page(browser, scheme=scheme) as page:
        # Injected into every page as it loads: one round trip less than add_script_tag.
        page.context.add_init_script(path=axe)
        for name in pages:
            page.goto(base + name)
            assert page.evaluate("document.body.dataset.theme") == scheme, name
            # Only what fails: passes and inapplicable rules are most of axe's time.
            result = page.evaluate(
                "(rules) => axe.run(document, {runOnly: rules, resultTypes: ['violations']})", RULES[scheme]
            )
            for violation in result["violations"]:
                found += describe(name, violation)
    assert len(pages) > 10
    assert found == [], f"{len(found)} WCAG violations in {scheme} mode:\n" + "\n".join(found)


# -- the fixes, pinned where they are made ------------------------------------------
#
# Out of the box two pieces of Sphinx's and docutils' markup fail axe (and the Nu
# Html Checker): these tests say what the right markup is, without a browser.


class _Roles(HTMLParser):
    """Collects (tag, attributes) of every element that has a role."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == "role" for name, _ in attrs):
            self.found.append((tag, dict(attrs)))


def roles(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Roles()
    parser.feed(html)
    return parser.found


def test_toctree_captions_are_headings_with_a_level(site_html: Path) -> None:
    # Sphinx writes <p class="caption" role="heading"> for furo's sidebar caption
    # and every toctree :caption:; ARIA's heading role requires aria-level.
    captions = [
        (name, attrs)
        for name in site_pages(site_html)
        for tag, attrs in roles((site_html / name).read_text("utf-8"))
        if attrs["role"] == "heading"
    ]
    assert captions, "no toctree captions: the check would be empty"
    assert [(name, attrs) for name, attrs in captions if not (attrs.get("aria-level") or "").isdigit()] == []


def test_bibliography_entries_are_list_items(site_html: Path) -> None:
    # docutils writes each citation as role="doc-biblioentry" inside role="list";
    # DPUB-ARIA 1.1 deprecates that role, which leaves the list without items.
    pages = [name for name in site_pages(site_html) if 'class="citation"' in (site_html / name).read_text("utf-8")]
    assert pages, "no page has a bibliography: the check would be empty"
    for name in pages:
        found = roles((site_html / name).read_text("utf-8"))
        assert not [attrs for _, attrs in found if attrs["role"] == "doc-biblioentry"], name
        citations = [attrs for tag, attrs in found if "citation" in (attrs.get("class") or "").split()]
        assert citations and all(attrs["role"] == "listitem" for attrs in citations), (name, citations)
