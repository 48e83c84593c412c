"""The built site in a real browser: pages load cleanly, links and anchors
resolve, the timeline and skill links work, and the charts stay readable on a
phone and a desktop, in light and dark mode.

One Chromium for the module; every page is loaded once for the load, link and
anchor checks, and each chart page once per width and colour scheme.
"""

from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from browser import SCHEMES, WIDTHS, node_tool, open_page, screenshot_path, site_pages, watch

# WCAG 2.1 AA (1.4.3): normal-size text against what is behind it.
MIN_CONTRAST = 4.5
# Rendered boxes are fractional; half a pixel is rounding, not clipping.
SLACK = 0.5

TIMELINE = ".resume-timeline"
MATRIX = ".resume-matrix"


# -- every page, loaded once --------------------------------------------------------


@dataclass(frozen=True)
class Visit:
    problems: list[str]  # console errors, exceptions, failed requests
    links: list[str]  # every <a href>, HTML and SVG, as an absolute URL
    ids: frozenset[str]  # every id (and <a name>) on the page


LINKS_AND_IDS = """() => ({
  links: Array.from(document.querySelectorAll('a[href]'),
                    a => new URL(a.getAttribute('href'), document.baseURI).href),
  ids: [...Array.from(document.querySelectorAll('[id]'), e => e.id),
        ...Array.from(document.querySelectorAll('a[name]'), a => a.name)],
})"""


@pytest.fixture(scope="module")
def visits(browser, base: str, site_html: Path) -> dict[str, Visit]:
    found = {}
    with open_page(browser) as page:
        problems = watch(page, base)
        for name in site_pages(site_html):
            problems.clear()
            page.goto(base + name, wait_until="load")
            seen = page.evaluate(LINKS_AND_IDS)
            found[name] = Visit(list(problems), seen["links"], frozenset(seen["ids"]))
    return found


def test_every_page_loads_without_console_errors_or_failed_requests(visits: dict[str, Visit]) -> None:
    failures = {name: visit.problems for name, visit in visits.items() if visit.problems}
    assert not failures, "\n".join(f"{name}: {p}" for name, found in failures.items() for p in found)


def internal_target(url: str, base: str) -> tuple[str, str] | None:
    """(file relative to the site root, fragment) of a link into the site, else None."""
    if not url.startswith(base):
        return None
    parts = urlsplit(url)
    path = unquote(parts.path).lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, unquote(parts.fragment)


def test_a_crawl_from_the_index_reaches_every_employer_and_project(
    visits: dict[str, Visit], base: str, site_html: Path
) -> None:
    reached, queue = {"index.html"}, deque(["index.html"])
    while queue:
        for url in visits[queue.popleft()].links:
            target = internal_target(url, base)
            if target and target[0] in visits and target[0] not in reached:
                reached.add(target[0])
                queue.append(target[0])
    pages = {name for name in visits if name.startswith(("experience/", "projects/"))}
    assert len(pages) >= 2, f"no employer or project pages in {site_html}"
    assert sorted(pages - reached) == []


def test_every_internal_link_and_anchor_resolves(visits: dict[str, Visit], base: str, site_html: Path) -> None:
    broken = []
    for name, visit in visits.items():
        for url in visit.links:
            target = internal_target(url, base)
            if target is None:
                continue
            path, fragment = target
            if not (site_html / path).is_file():
                broken.append(f"{name}: {url.removeprefix(base)}: no file {path}")
            elif fragment and path in visits and fragment not in visits[path].ids:
                broken.append(f"{name}: {url.removeprefix(base)}: no id {fragment!r} in {path}")
    assert broken == [], "\n".join(broken)


# -- following the timeline and skill links ------------------------------------------


def pages_with(site_html: Path, marker: str) -> list[str]:
    return [name for name in site_pages(site_html) if marker in (site_html / name).read_text("utf-8")]


def test_each_timeline_bar_opens_its_page(browser, base: str, site_html: Path) -> None:
    """Every position bar opens its employer's page, and a project mark its project's."""
    charts = pages_with(site_html, 'class="resume-timeline"')
    assert charts, "no page shows a timeline"
    # The fullest chart: the one that also draws projects.
    start = base + max(charts, key=lambda name: (site_html / name).read_text("utf-8").count("resume-tl-item"))
    bars = f"{TIMELINE} svg a"
    with open_page(browser) as page:
        page.goto(start)
        is_project = page.locator(bars).evaluate_all(
            "links => links.map(a => a.classList.contains('resume-tl-project'))"
        )
        chosen = [i for i, project in enumerate(is_project) if not project]
        chosen += [i for i, project in enumerate(is_project) if project][:1]
        assert chosen, f"no bars in the timeline of {start}"
        for index in chosen:
            page.goto(start)
            bar = page.locator(bars).nth(index)
            expected = urljoin(start, bar.get_attribute("href") or "")
            described = bar.locator("title").first.text_content() or ""
            bar.locator(".resume-tl-bar").click()  # the drawn bar, not the link's box
            page.wait_for_url(expected)
            summary = page.locator(".resume-summary")
            assert summary.count() == 1, f"{expected} is not an employer or project page"
            if is_project[index]:
                assert urlsplit(expected).path.startswith("/projects/"), expected
                assert page_title(page) in described
            else:  # the employer page lists the position the bar stands for
                assert urlsplit(expected).path.startswith("/experience/"), expected
                titles = summary.locator("em").all_text_contents()
                assert any(described.startswith(f"{title}, ") for title in titles), (described, titles)


def page_title(page) -> str:
    """The text of the page's <h1>, without its permalink sign."""
    return page.locator("h1").first.evaluate(
        "h => Array.from(h.childNodes).filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()"
    )


SKILL_LINKS = {
    # where: (a marker in the page's HTML, the links in the browser)
    "skill role": ('resume-skill"', "a:has(> .resume-skill)"),
    "summary box": ('class="resume-summary', ".resume-summary a[href*='#skill-']"),
    "skill matrix": ('class="resume-matrix"', f"{MATRIX} a[href*='#skill-']"),
}


@pytest.mark.parametrize("where", SKILL_LINKS)
def test_a_skill_link_lands_on_the_skills_entry(browser, base: str, site_html: Path, where: str) -> None:
    marker, links = SKILL_LINKS[where]
    with open_page(browser) as page:
        for name in pages_with(site_html, marker):
            page.goto(base + name)
            if page.locator(links).count():
                break
        else:
            pytest.fail(f"no page has a {where} link to a skill")
        link = page.locator(links).last  # the farthest down the index: the page must scroll to it
        expected = urljoin(page.url, link.get_attribute("href"))
        link.click()
        page.wait_for_url(expected)
        anchor = urlsplit(expected).fragment
        entry = page.locator(f"[id='{anchor}']")
        assert entry.count() == 1, f"{expected}: no element with id {anchor!r}"
        assert entry.evaluate("e => e.tagName") == "DT", "the link should land on the skill's index entry"
        expect(entry).to_be_in_viewport()


# -- the charts on a phone and a desktop, light and dark ----------------------------

GEOMETRY = """(selectors) => {
  const box = (e) => { const b = e.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width, height: b.height}; };
  return {
    theme: document.body.dataset.theme,
    viewport: document.documentElement.clientWidth,
    regions: selectors.flatMap((selector) => Array.from(document.querySelectorAll(selector), (region, index) => {
      const content = region.querySelector('svg, table');
      // The box that scrolls: furo's own table wrapper inside ours, where there is one.
      const scroller = region.querySelector('.table-wrapper') || region;
      // Where the content starts when scrolled to its left end (a box that
      // scrolls from the right, as the timeline does, opens on its right end).
      const opened = scroller.scrollLeft;
      scroller.scrollLeft = -scroller.scrollWidth;
      const startLeft = box(content).left;
      scroller.scrollLeft = opened;
      return {
        startLeft,
        name: `${selector}#${index}`,
        tag: content.tagName.toLowerCase(), box: box(region), content: box(content),
        scrollLeft: scroller.scrollLeft, scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth,
        overflowX: getComputedStyle(scroller).overflowX,
        texts: Array.from(region.querySelectorAll('svg text'), (t) => ({text: t.textContent, box: box(t)})),
      };
    })),
  };
}"""

# The colour of each piece of text and of what is painted behind it, composited
# to opaque sRGB. SVG text sits on the shapes under it (a bar's fill) and the page;
# HTML text on its ancestors' backgrounds.
COLOURS = """(selectors) => {
  const rgba = (value) => {
    const m = /rgba?\\(([^)]*)\\)/.exec(value || '');
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  // CSS paints the root's background, or else the body's, on the whole canvas.
  const canvas = () => {
    for (const e of [document.documentElement, document.body]) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) return over(c, [255, 255, 255, 1]);
    }
    return [255, 255, 255, 1];
  };
  const backdrop = (elements) => {
    const layers = [];
    for (const e of elements) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((under, c) => over(c, under), canvas());
  };
  const ancestors = (e) => { const found = []; for (; e; e = e.parentElement) found.push(e); return found; };
  const paint = (e, property) => {
    const style = getComputedStyle(e), c = rgba(style[property]);
    if (c) c[3] *= parseFloat(style.opacity) * parseFloat(property === 'fill' ? style.fillOpacity : 1);
    return c;
  };
  const svgText = (text) => {
    // 'instant': furo asks for smooth scrolling, which would move the page later.
    text.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
    const b = text.getBoundingClientRect();
    const stack = document.elementsFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    if (!stack.length) return {text: text.textContent, fg: null, bg: null};  // not on screen
    let bg = backdrop(stack.filter((e) => !(e instanceof SVGElement)));
    const shapes = stack.filter((e) => e instanceof SVGGeometryElement && !(e instanceof SVGLineElement));
    for (const shape of shapes.reverse()) { const c = paint(shape, 'fill'); if (c) bg = over(c, bg); }
    return {text: text.textContent, fg: over(paint(text, 'fill'), bg), bg};
  };
  const htmlText = (e) => {
    const bg = backdrop(ancestors(e));
    return {text: e.textContent.trim(), fg: over(paint(e, 'color'), bg), bg};
  };
  const hasText = (e) => Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
  return selectors.flatMap((selector) => Array.from(document.querySelectorAll(selector), (region) => [
    ...Array.from(region.querySelectorAll('svg text'), svgText),
    ...Array.from(region.querySelectorAll('*'), (e) => e).filter((e) => !(e instanceof SVGElement) && hasText(e)).map(htmlText),
  ]).flat());
}"""


def luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: list[float], other: list[float]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def overlap(a: dict, b: dict) -> bool:
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return width > SLACK and height > SLACK


def inside(inner: dict, outer: dict) -> bool:
    return (
        inner["left"] >= outer["left"] - SLACK
        and inner["right"] <= outer["right"] + SLACK
        and inner["top"] >= outer["top"] - SLACK
        and inner["bottom"] <= outer["bottom"] + SLACK
    )


def layout_problems(geometry: dict) -> list[str]:
    problems = []
    viewport = geometry["viewport"]
    for region in geometry["regions"]:
        name, box, content = region["name"], region["box"], region["content"]
        left = region["startLeft"]  # scrolled to its left end
        if box["left"] < -SLACK or box["right"] > viewport + SLACK:
            problems.append(f"{name} sticks out of the {viewport}px window: {box}")
        if (
            left < box["left"] - SLACK
            or content["top"] < box["top"] - SLACK
            or content["bottom"] > box["bottom"] + SLACK
        ):
            problems.append(f"{name}: its chart or table is clipped: {content} in {box}")
        if content["width"] > region["scrollWidth"] + SLACK:
            problems.append(f"{name}: {content['width']}px of content, only {region['scrollWidth']}px reachable")
        if content["width"] > region["clientWidth"] + SLACK and region["overflowX"] not in ("auto", "scroll"):
            problems.append(f"{name}: wider than its box, which does not scroll (overflow-x: {region['overflowX']})")
        texts = region["texts"]
        if region["tag"] == "svg" and not texts:
            problems.append(f"{name}: a chart without labels")
        problems += [f"{name}: label {t['text']!r} leaves the chart" for t in texts if not inside(t["box"], content)]
        problems += [
            f"{name}: labels {a['text']!r} and {b['text']!r} overlap"
            for a, b in itertools.combinations(texts, 2)
            if overlap(a["box"], b["box"])
        ]
    return problems


def chart_pages(site_html: Path) -> list[str]:
    return sorted({*pages_with(site_html, 'class="resume-timeline"'), *pages_with(site_html, 'class="resume-matrix"')})


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_charts_are_readable(browser, base: str, site_html: Path, width: int, scheme: str) -> None:
    axe = node_tool("axe-core/axe.min.js")
    pages = chart_pages(site_html)
    assert pages, "no page shows a timeline or a skill matrix"
    problems = []
    with open_page(browser, scheme=scheme, width=width) as page:
        for name in pages:
            page.goto(base + name)
            geometry = page.evaluate(GEOMETRY, [TIMELINE, MATRIX])
            assert geometry["theme"] == scheme, f"{name}: furo shows {geometry['theme']!r}, not {scheme!r}"
            problems += [f"{name}: {p}" for p in layout_problems(geometry)]
            for index, region in enumerate(page.locator(f"{TIMELINE}, {MATRIX}").all()):
                region.scroll_into_view_if_needed()
                stem = name.removesuffix(".html").replace("/", "-")
                region.screenshot(path=screenshot_path(f"{stem}-{index}-{width}px-{scheme}"))
            for text in page.evaluate(COLOURS, [TIMELINE, MATRIX]):
                if text["bg"] is None:
                    problems.append(f"{name}: {text['text']!r} could not be scrolled into view")
                    continue
                ratio = contrast(text["fg"], text["bg"])
                if ratio < MIN_CONTRAST:
                    problems.append(f"{name}: {text['text']!r} has contrast {ratio:.2f} ({text['fg']} on {text['bg']})")
            page.add_script_tag(path=str(axe))
            found = page.evaluate(
                "(include) => axe.run({include}, {runOnly: {type: 'rule', values: ['color-contrast']}})",
                [[TIMELINE], [MATRIX]],
            )
            problems += [
                f"{name}: axe color-contrast: {node['target']}: {node['failureSummary']}"
                for violation in found["violations"]
                for node in violation["nodes"]
            ]
    assert problems == [], "\n".join(problems)


# -- issue 11: the timeline and the matrix at a glance ---------------------------------

AT_A_GLANCE = """() => {
  const page = document.documentElement;
  const visible = (e) => e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0;
  const matrices = Array.from(document.querySelectorAll('.resume-matrix .table-wrapper'), (scroller) => {
    scroller.scrollLeft = scroller.scrollWidth;  // as far right as it goes
    const frame = scroller.getBoundingClientRect();
    const heads = Array.from(scroller.querySelectorAll('tbody tr:not(.resume-group) > :first-child'), (cell) => {
      const b = cell.getBoundingClientRect();
      return {text: cell.textContent.trim(), inView: b.left >= frame.left - 0.5 && b.right <= frame.right + 0.5};
    });
    const result = {scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, heads};
    scroller.scrollLeft = 0;
    return result;
  });
  return {
    pageScroll: [page.scrollWidth, page.clientWidth],
    labels: Array.from(document.querySelectorAll('.resume-tl text'), (t) => t.textContent),
    legends: Array.from(document.querySelectorAll('.resume-tl-legend'), (g) => g.textContent.trim()),
    timelines: Array.from(document.querySelectorAll('.resume-timeline'), (t) => [t.scrollWidth, t.clientWidth]),
    // Whether each timeline opens on its latest years: the chart's right end in its box.
    latest: Array.from(document.querySelectorAll('.resume-timeline'), (t) =>
      t.querySelector('svg').getBoundingClientRect().right <= t.getBoundingClientRect().right + 1),
    cues: Array.from(document.querySelectorAll('.resume-scroll-cue'), visible),
    matrices,
  };
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_and_matrix_read_at_a_glance(browser, base: str, site_html: Path, width: int, scheme: str) -> None:
    """No page scrolls sideways; no timeline label is shortened; the legend is
    there; at 1280 px neither chart needs scrolling, and on a phone the chart
    says it scrolls and the matrix keeps its skill names in view."""
    problems = []
    with open_page(browser, scheme=scheme, width=width) as page:
        for name in chart_pages(site_html):
            page.goto(base + name)
            seen = page.evaluate(AT_A_GLANCE)
            scroll_width, client_width = seen["pageScroll"]
            if scroll_width > client_width:
                problems.append(f"{name}: the page scrolls sideways ({scroll_width} > {client_width}px)")
            problems += [f"{name}: label {t!r} is shortened" for t in seen["labels"] if t.endswith("…")]
            if seen["timelines"] and not all(seen["legends"]):
                problems.append(f"{name}: a timeline without a legend")
            for (scrolled, box), cue in zip(seen["timelines"], seen["cues"], strict=True):
                if width >= 1280 and (scrolled > box or cue):
                    problems.append(f"{name}: at {width}px the timeline scrolls ({scrolled} > {box}) or cues it")
                if width < 1280 and scrolled > box and not cue:
                    problems.append(f"{name}: the timeline scrolls with no visible cue")
            if not all(seen["latest"]):
                problems.append(f"{name}: at {width}px a timeline opens on its earliest years, not its latest")
            for matrix in seen["matrices"]:
                if width >= 1280 and matrix["scrollWidth"] > matrix["clientWidth"]:
                    problems.append(f"{name}: at {width}px the matrix is clipped ({matrix['scrollWidth']}px)")
                hidden = [head["text"] for head in matrix["heads"] if not head["inView"]]
                if hidden:
                    problems.append(f"{name}: scrolled sideways, skill names leave the view: {hidden[:3]}")
            if width < 1280:
                for index, region in enumerate(page.locator(".resume-matrix .table-wrapper").all()):
                    region.evaluate("(e) => { e.scrollLeft = e.scrollWidth; }")
                    region.scroll_into_view_if_needed()
                    stem = name.removesuffix(".html").replace("/", "-")
                    page.screenshot(path=screenshot_path(f"{stem}-matrix-{index}-scrolled-{width}px-{scheme}"))
    assert problems == [], "\n".join(problems)
