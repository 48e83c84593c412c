"""Unit tests for the SVG timeline (``_ext/resume/draw/svg.py``) and its stylesheet."""

from __future__ import annotations

import itertools
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resume.core.career import TimelineItem
from resume.core.dates import month as month_index
from resume.draw.geometry import TICK_FONT, draw
from resume.draw.labels import bar_text, describe
from resume.draw.palette import DARK, LIGHT, stylesheet
from resume.draw.svg import WIDTH, esc, render_svg, safe_id, svg_text_width
from resume.draw.timeline import TimelineLayout, layout_timeline

CSS = Path(__file__).resolve().parents[2] / "_ext" / "resume" / "static" / "resume.css"
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
m = month_index

HOSTILE = [
    "<script>alert(1)</script>",
    "& % $ # _ { } ~ ^ \\",
    "C++",
    "100%",
    "× é",
    "\"double\" and 'single' quotes",
    "]]> <!-- --> &amp; &#x41;",
]


def career() -> list[TimelineItem]:
    def pos(label: str, group: str, start: int, end: int, ongoing: bool = False) -> TimelineItem:
        return TimelineItem(label, group, start, end, ongoing, f"experience/{group.lower()}", "position")

    def proj(label: str, start: int, end: int) -> TimelineItem:
        return TimelineItem(label, "Juniper", start, end, False, f"projects/{label[:6]}", "project", "project")

    return [
        pos("Programmer", "Wintelcom", m(1997, 3), m(1999, 6)),
        pos("Developer", "Ricoh", m(1999, 6), m(2000, 1)),
        pos("Engineer", "Apple", m(2000, 2), m(2007, 1)),
        pos("BSD Kernel Programmer", "Juniper", m(2007, 1), m(2010, 8)),
        pos("CTO", "iXsystems", m(2010, 9), m(2012, 4), ongoing=True),
        TimelineItem(
            "FreeBSD committer",
            "FreeBSD",
            m(1999, 8),
            m(2012, 4),
            True,
            "experience/freebsd",
            "position",
            "open-source",
        ),
        proj("Reader/writer locking for the JUNOS network stack", m(2007, 1), m(2008, 6)),
        proj("kqueue", m(2000, 3), m(2000, 3)),
    ]


def hostile_items() -> list[TimelineItem]:
    return [
        TimelineItem(
            text,
            text,
            m(2000 + i, 1),
            m(2000 + i, 6),
            i % 2 == 0,
            f"doc/{i}?a=1&b=<2>\"'",
            "position" if i % 3 else "project",
        )
        for i, text in enumerate(HOSTILE)
    ]


def href(docname: str) -> str:
    return f'../{docname}.html#top&x="1"'


def render(items: list[TimelineItem], **kwargs: object) -> str:
    options: dict[str, object] = {
        "href": href,
        "title": "Career timeline",
        "desc": "Positions & projects <1997–2012>",
        "id_prefix": "tl-1",
    }
    options.update(kwargs)
    return render_svg(layout_timeline(items), **options)  # type: ignore[arg-type]


def links(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}a"))


def child(element: ET.Element, tag: str) -> ET.Element:
    found = element.find(f"{SVG}{tag}")
    assert found is not None, f"no <{tag}> in {element.tag}"
    return found


def attr(element: ET.Element, name: str) -> str:
    value = element.get(name)
    assert value is not None, f"no {name} on {element.tag}"
    return value


def text_of(element: ET.Element) -> str:
    return element.text or ""


# -- well-formed and accessible -----------------------------------------------------


@pytest.mark.parametrize("items", [career(), hostile_items(), []], ids=["career", "hostile", "empty"])
def test_svg_is_well_formed_with_labelled_title_and_desc(items: list[TimelineItem]) -> None:
    root = ET.fromstring(render(items))
    assert root.tag == f"{SVG}svg"
    assert root.get("role") in ("group", "figure")  # not "img": it holds links
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    refs = root.get("aria-labelledby", "").split()
    assert [ids[r].tag for r in refs] == [f"{SVG}title", f"{SVG}desc"]
    assert text_of(child(root, "title")) == "Career timeline"
    assert text_of(child(root, "desc")) == "Positions & projects <1997–2012>"
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("width") == "100%"


def test_ids_are_prefixed_and_sanitised() -> None:
    hostile = "a b\"<c>&'/é:1"
    root = ET.fromstring(render(career(), id_prefix=hostile))
    for element in root.iter():
        if element.get("id"):
            assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", attr(element, "id"))
    assert child(root, "title").get("id") == safe_id(hostile) + "-title"
    # Two charts on a page with different prefixes never share an id.
    other = ET.fromstring(render(career(), id_prefix="tl-2"))
    first = {e.get("id") for e in root.iter() if e.get("id")}
    second = {e.get("id") for e in other.iter() if e.get("id")}
    assert not first & second
    assert safe_id("") and safe_id("9x")[0].isalpha() and safe_id("---")[0].isalpha()


def test_one_link_per_bar_with_its_href() -> None:
    items = career()
    layout = layout_timeline(items)
    root = ET.fromstring(render_svg(layout, href=href, title="t", desc="d", id_prefix="p"))
    anchors = links(root)
    assert len(anchors) == len(layout.bars)
    for anchor, bar in zip(anchors, layout.bars, strict=False):
        assert anchor.get("href") == href(bar.item.docname)
        assert anchor.get(XLINK) == href(bar.item.docname)
        # Each link holds its own title, a shape and (here) a label.
        assert text_of(child(anchor, "title")) == describe(bar.item)
        assert anchor.find(f"{SVG}rect") is not None or anchor.find(f"{SVG}path") is not None


def test_ongoing_bars_are_marked() -> None:
    root = ET.fromstring(render(career()))
    for anchor in links(root):
        title = text_of(child(anchor, "title"))
        marker = [p for p in anchor.iter(f"{SVG}path") if p.get("class") == "resume-tl-ongoing"]
        assert ("to present (as of April 2012)" in title) == bool(marker)
    assert sum("(as of April 2012)" in text_of(child(a, "title")) for a in links(root)) == 2


# -- hostile text ---------------------------------------------------------------------


def test_hostile_text_stays_text() -> None:
    items = hostile_items()
    source = render(items, title=HOSTILE[0], desc=HOSTILE[1], id_prefix=HOSTILE[5])
    root = ET.fromstring(source)
    allowed = {f"{SVG}{tag}" for tag in ("svg", "title", "desc", "g", "line", "a", "rect", "path", "text")}
    assert {el.tag for el in root.iter()} <= allowed  # no <script>, no stray element
    assert "<script" not in source and "<!--" not in source and "]]>" not in source
    titles = [text_of(child(a, "title")) for a in links(root)]
    for item in items:
        assert describe(item) in titles  # the full text survives, as text
    bars = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "resume-tl-bars")
    shown = [text_of(t) for t in bars.iter(f"{SVG}text")]
    assert shown
    for text in shown:  # every label is a (possibly shortened) item text
        assert any(bar_text(i) == text or (text.endswith("…") and bar_text(i).startswith(text[:-1])) for i in items)
    assert text_of(child(root, "title")) == HOSTILE[0]


def test_escape_covers_the_five_xml_characters_and_control_codes() -> None:
    assert esc("&<>\"'") == "&amp;&lt;&gt;&quot;&#39;"
    assert esc("a\x00b\x1fc\td") == "abc\td"
    ET.fromstring(f"<x a=\"{esc(chr(0) + HOSTILE[5])}\" b='{esc(HOSTILE[5])}'>{esc(HOSTILE[0])}</x>")


def test_no_script_external_resource_or_fixed_colour() -> None:
    source = render(career())
    root = ET.fromstring(source)
    for element in root.iter():
        assert "style" not in element.attrib
        for name, value in element.attrib.items():
            assert not name.startswith("on")
            if name in ("fill", "stroke"):
                assert value in ("currentColor", "none")
            if name in ("href", XLINK):
                assert value.startswith("../")
    assert "javascript:" not in source.lower()
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b", re.sub(r'href="[^"]*"', "", source))


# -- determinism and geometry ----------------------------------------------------------


def test_output_is_deterministic() -> None:
    items = career() + hostile_items()
    first = render(items)
    assert render(items) == first
    rng = random.Random(1)
    for _ in range(10):
        shuffled = items[:]
        rng.shuffle(shuffled)
        assert render(shuffled) == first
    # Numbers have fixed, short precision.
    body = first.split("\n", 1)[1]  # past the root's width="100%"
    numbers = re.findall(r' (?:x|y|width|height|x1|x2|y1|y2)="([^"]+)"', body)
    assert numbers
    assert all(re.fullmatch(r"-?\d+(\.\d{1,2})?", n) for n in numbers)


def _label_boxes(root: ET.Element) -> list[tuple[float, float, float, str]]:
    boxes = []
    for text in root.iter(f"{SVG}text"):
        if "resume-tl-label" in (text.get("class") or ""):
            x, y = float(attr(text, "x")), float(attr(text, "y"))
            width = svg_text_width(text_of(text))
            left = x - width if text.get("text-anchor") == "end" else x
            boxes.append((y, left, left + width, attr(text, "class")))
    return boxes


def _shape_boxes(root: ET.Element) -> list[tuple[float, float, float]]:
    """(centre y, left, right) of every bar, diamond and arrowhead."""
    boxes = []
    for element in root.iter():
        if element.tag == f"{SVG}rect":
            x, y, w, h = (float(attr(element, k)) for k in ("x", "y", "width", "height"))
            boxes.append((y + h / 2, x, x + w))
        elif element.tag == f"{SVG}path":
            xs = [float(v) for v in re.findall(r"[ML](-?[\d.]+) ", attr(element, "d"))]
            ys = [float(v) for v in re.findall(r"[ML]-?[\d.]+ (-?[\d.]+)", attr(element, "d"))]
            boxes.append(((min(ys) + max(ys)) / 2, min(xs), max(xs)))
    return boxes


@pytest.mark.parametrize("seed", range(6))
def test_labels_never_overlap_each_other_or_marks(seed: int) -> None:
    rng = random.Random(seed)
    items = (
        career()
        if seed == 0
        else [
            TimelineItem(
                " ".join(
                    rng.choice(["Senior", "Kernel", "C++", "100%", "network", "Engineer", "storage", "×", "été"])
                    for _ in range(rng.randrange(1, 6))
                ),
                rng.choice(["Acme", "Juniper", "FreeBSD Project"]),
                s,
                s + rng.randrange(0, 40),
                rng.random() < 0.2,
                f"d/{i}",
                rng.choice(["position", "project"]),
            )
            for i, s in enumerate(sorted(rng.randrange(m(1995, 1), m(2012, 1)) for _ in range(25)))
        ]
    )
    root = ET.fromstring(render(items))
    labels = _label_boxes(root)
    shapes = _shape_boxes(root)
    for y, left, right, cls in labels:
        assert left >= 0 and right <= WIDTH
        for other_y, other_left, other_right, _ in labels:
            if other_y == y and (other_left, other_right) != (left, right):
                assert right <= other_left or left >= other_right
        if "--inside" in cls:
            continue
        for centre, shape_left, shape_right in shapes:  # outside labels avoid every mark
            if abs(centre - (y - 0.35 * 13)) < 1:
                assert right <= shape_left or left >= shape_right


def test_labels_are_inside_when_they_fit() -> None:
    root = ET.fromstring(render(career()))
    inside = {t.text for t in root.iter(f"{SVG}text") if "--inside" in (t.get("class") or "")}
    assert "Apple: Engineer" in inside and "FreeBSD: FreeBSD committer" in inside


def test_no_label_of_a_career_is_shortened() -> None:
    """Lanes keep room for every label, on the left near the chart's right edge."""
    root = ET.fromstring(render(career()))
    labels = [text_of(t) for t in root.iter(f"{SVG}text") if "resume-tl-label" in (t.get("class") or "")]
    assert not [label for label in labels if label.endswith("…")]
    drawn = set(labels)
    assert {bar_text(item) for item in career()} <= drawn


def test_every_arrow_of_the_drawing_is_drawn() -> None:
    """The geometry decides the arrows; the SVG draws each one, left and right."""
    items = career()
    drawing = draw(layout_timeline(items, start=m(1998, 1), end=m(2011, 1)))
    directions = sorted(arrow.direction for _, arrow in drawing.arrows)
    assert -1 in directions and 1 in directions
    svg = render_svg(
        layout_timeline(items, start=m(1998, 1), end=m(2011, 1)), href=href, title="t", desc="d", id_prefix="a"
    )
    root = ET.fromstring(svg)
    drawn = [p for p in root.iter(f"{SVG}path") if p.get("class") in ("resume-tl-ongoing", "resume-tl-more")]
    assert len(drawn) == len(directions)
    tips = []
    for path in drawn:
        xs = [float(v) for v in re.findall(r"[ML](-?[\d.]+) ", attr(path, "d"))]
        tips.append(1 if xs[1] > xs[0] else -1)
    assert sorted(tips) == directions


def test_legend_names_each_engagement_drawn() -> None:
    root = ET.fromstring(render(career()))
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "resume-tl-legend")
    assert [text_of(t) for t in legend.iter(f"{SVG}text")] == ["Employment", "Open source", "Project"]
    swatches = [attr(r, "class").split()[-1] for r in legend.iter(f"{SVG}rect")]
    assert swatches == ["resume-tl-tone-employment", "resume-tl-tone-open-source", "resume-tl-tone-project"]


def test_tick_labels_never_collide() -> None:
    for years in (3, 16, 19, 25, 45, 90):
        item = TimelineItem("x", "g", m(1950, 1), m(1950 + years, 1) - 1, False, "d", "position")
        root = ET.fromstring(render([item]))
        ticks = [t for t in root.iter(f"{SVG}text") if t.get("class") == "resume-tl-tick"]
        assert len(ticks) >= 2
        spans = [(float(attr(t, "x")), svg_text_width(text_of(t)) * TICK_FONT) for t in ticks]
        for (x1, w1), (x2, w2) in itertools.pairwise(spans):
            assert x2 - x1 >= (w1 + w2) / 2 + 2  # centred labels, with a gap
        assert spans[0][0] - spans[0][1] / 2 >= 0
        assert spans[-1][0] + spans[-1][1] / 2 <= WIDTH


def test_empty_layout_renders() -> None:
    empty = TimelineLayout(0, 0, 0, 0, (), (), 1, ())
    root = ET.fromstring(render_svg(empty, href=href, title="t", desc="d", id_prefix="e"))
    assert not links(root)


# -- stylesheet -------------------------------------------------------------------------

# Furo's defaults (light, dark) for the variables the labels sit on.
FURO = {
    "light": {"background": "#ffffff", "foreground": "#000000", "secondary": "#5a5c63"},
    "dark": {"background": "#131416", "foreground": "#cfd0d0", "secondary": "#9ca0a5"},
}


def luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(digits[i : i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _block(css: str, selector: str) -> dict[str, str]:
    start = css.index(selector + " {") + len(selector) + 2
    body = css[start : css.index("}", start)]
    return dict(re.findall(r"(--[\w-]+):\s*([^;]+);", body))


def test_stylesheet_carries_the_palette_in_every_mode() -> None:
    """Light by default, dark under furo's switch and under its automatic mode."""
    css = stylesheet()
    light = _block(css, ":root")
    dark = _block(css, 'body[data-theme="dark"]')
    auto = _block(css[css.index("@media (prefers-color-scheme: dark)") :], 'body:not([data-theme="light"])')
    assert dark == auto
    for name, tone in LIGHT.items():
        assert light[f"--resume-tl-{name}-fill"] == tone.fill
        assert dark[f"--resume-tl-{name}-ink"] == DARK[name].ink


def test_contrast_of_text_on_bars_in_both_modes() -> None:
    for mode, palette in (("light", LIGHT), ("dark", DARK)):
        for name, tone in palette.items():
            assert contrast(tone.fill, tone.ink) >= 4.5, (mode, name, contrast(tone.fill, tone.ink))


def test_contrast_of_text_beside_bars_and_ticks() -> None:
    for mode, colours in FURO.items():
        assert contrast(colours["foreground"], colours["background"]) >= 4.5, mode
        assert contrast(colours["secondary"], colours["background"]) >= 4.5, mode


def test_no_colour_is_written_twice() -> None:
    """The palette is defined once, in resume/palette.py: resume.css names no tone colour."""
    css = CSS.read_text(encoding="utf-8")
    colours = {value for palette in (LIGHT, DARK) for tone in palette.values() for value in tone}
    assert not [c for c in colours if c in css]


def test_css_has_a_rule_for_every_class_the_svg_uses() -> None:
    css = CSS.read_text(encoding="utf-8") + stylesheet()
    root = ET.fromstring(render(career()))
    classes = {c for e in root.iter() for c in (e.get("class") or "").split()}
    hooks = {
        "resume-tl-item",
        "resume-tl-position",
        "resume-tl-bars",
        "resume-tl-axis-line",
        "resume-tl-legend",
        "resume-tl-project",
    }
    for cls in classes - hooks:  # hooks need no rule of their own
        assert f".{cls}" in css, cls
    for selector in (".resume-timeline", ".resume-matrix"):
        rule = css[css.index(selector + " {") :]
        assert "overflow-x: auto" in rule[: rule.index("}")]
    for needed in (
        ".resume-mark",
        ".resume-summary",
        "a:focus",
        "var(--color-foreground-primary",
        "var(--color-background-secondary",
        "var(--color-brand-primary",
    ):
        assert needed in css
    assert "url(" not in css and "@import" not in css
