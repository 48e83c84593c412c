"""Unit tests for the TikZ timeline (``_ext/resume/draw/tikz.py``), with a real LaTeX run."""

from __future__ import annotations

import random
import re
import subprocess
from pathlib import Path

import pytest

from resume.core.career import TimelineItem
from resume.core.dates import month as month_index
from resume.draw.geometry import draw
from resume.draw.labels import bar_text
from resume.draw.palette import LIGHT
from resume.draw.tikz import WIDTH, render_tikz
from resume.draw.timeline import TimelineLayout, layout_timeline

from site_fixtures import require_tool

m = month_index

HOSTILE = [
    "<script>alert(1)</script>",
    "& % $ # _ { } ~ ^ \\",
    "C++",
    "100%",
    "× é",
    "\"double\" and 'single' quotes",
    "a]b [c] \\end{tikzpicture}",
]

# Every character TeX treats specially, plus < and > (wrong glyphs in OT1).
_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}


class RecordingEscaper:
    """A simple LaTeX escaper that remembers what it was given and returned."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(self, text: str) -> str:
        out = "".join(_SPECIALS.get(c, c) for c in text)
        self.calls.append((text, out))
        return out


def career() -> list[TimelineItem]:
    def pos(label: str, group: str, start: int, end: int, ongoing: bool = False) -> TimelineItem:
        return TimelineItem(label, group, start, end, ongoing, f"experience/{group.lower()}", "position")

    return [
        pos("Programmer", "Wintelcom", m(1997, 3), m(1999, 6)),
        pos("Engineer", "Apple", m(2000, 2), m(2007, 1)),
        pos("BSD Kernel Programmer", "Juniper", m(2007, 1), m(2010, 8)),
        pos("CTO", "iXsystems", m(2010, 9), m(2012, 4), ongoing=True),
        pos("FreeBSD committer", "FreeBSD", m(1999, 8), m(2012, 4), ongoing=True),
        TimelineItem("kqueue", "FreeBSD", m(2000, 3), m(2000, 3), False, "projects/kqueue", "project", "project"),
    ]


def hostile_items() -> list[TimelineItem]:
    return [
        TimelineItem(
            text,
            text,
            m(1980 + 4 * i, 1),
            m(1982 + 4 * i, 12),
            i % 2 == 0,
            f"doc/{i}",
            "position" if i % 3 else "project",
        )
        for i, text in enumerate(HOSTILE)
    ]


def target(docname: str) -> str:
    return f"lbl:{docname}"


class Labeller:
    """Writes a mark's label as the LaTeX writer would: escaped, in a link."""

    def __init__(self, escape: RecordingEscaper, linked: bool = True) -> None:
        self.escape = escape
        self.linked = linked
        self.calls: list[tuple[str, str]] = []

    def __call__(self, docname: str, text: str) -> str:
        self.calls.append((docname, text))
        body = self.escape(text)
        return f"\\hyperref[{{{target(docname)}}}]{{{body}}}" if self.linked else body


def render(layout: TimelineLayout, escaper: RecordingEscaper | None = None, linked: bool = True) -> str:
    escaper = escaper or RecordingEscaper()
    return render_tikz(layout, label=Labeller(escaper, linked), escape=escaper)


# -- escaping -------------------------------------------------------------------------


def test_every_piece_of_user_text_goes_through_escape() -> None:
    escaper = RecordingEscaper()
    items = hostile_items() + career()
    layout = layout_timeline(items)
    source = render(layout, escaper)
    texts = {bar_text(i) for i in items} | {"Employment", "Contract", "Open source", "Teaching", "Project"}
    assert escaper.calls
    for given, _ in escaper.calls:  # it escapes item text (or a word prefix of it)
        assert any(t == given or t.startswith(given) for t in texts)
    escaped_labels = [given for given, _ in escaper.calls]
    for item in hostile_items():
        assert any(bar_text(item).startswith(g) for g in escaped_labels), item.label
    # Take out what the escaper produced and the link labels: what remains is
    # our own TeX, which must hold none of the user's special characters.
    rest = source
    for _, out in sorted(escaper.calls, key=lambda c: -len(c[1])):
        rest = rest.replace(out, "")
    for bar in layout.bars:
        rest = rest.replace(target(bar.item.docname), "")
    for char in "&%$#_~^<>\"'×é":
        assert char not in rest, char
    assert "alert" not in rest and "script" not in rest and "single" not in rest
    assert rest.count("{") == rest.count("}")
    assert rest.count("\\begin{tikzpicture}") == rest.count("\\end{tikzpicture}") == 1


def test_every_label_is_written_by_the_caller() -> None:
    """The LaTeX writer writes each label (escaping it and making its link)."""
    layout = layout_timeline(career())
    escaper = RecordingEscaper()
    labeller = Labeller(escaper)
    source = render_tikz(layout, label=labeller, escape=escaper)
    assert sorted(labeller.calls) == sorted((b.item.docname, bar_text(b.item)) for b in layout.bars)
    targets = re.findall(r"\\hyperref\[\{([^}]*)\}\]", source)
    assert sorted(targets) == sorted(target(b.item.docname) for b in layout.bars)
    assert "\\hyperref" not in render(layout, linked=False)


# -- shape of the output ----------------------------------------------------------------


def test_output_is_deterministic() -> None:
    items = career() + hostile_items()
    first = render(layout_timeline(items))
    rng = random.Random(2)
    for _ in range(10):
        shuffled = items[:]
        rng.shuffle(shuffled)
        assert render(layout_timeline(shuffled)) == first
    numbers = re.findall(r"\((-?[\d.]+),(-?[\d.]+)\)", first)
    assert numbers and all(re.fullmatch(r"-?\d+(\.\d{1,3})?", n) for pair in numbers for n in pair)


def test_picture_fits_the_line_width() -> None:
    source = render(layout_timeline(career()))
    assert source.startswith("\\resizebox{\\linewidth}{!}{\\begin{tikzpicture}")
    assert "\\useasboundingbox (0," in source and f"rectangle ({WIDTH:g},0);" in source
    xs = [float(x) for x, _ in re.findall(r"\((-?[\d.]+),(-?[\d.]+)\)", source)]
    assert min(xs) >= 0 and max(xs) <= WIDTH


def test_palette_is_grayscale_safe() -> None:
    """Labels are black: every fill must be light enough for black text."""
    source = render(layout_timeline(career()))
    fills = {
        f"#{c.lower()}": name
        for name, c in re.findall(r"\\definecolor\{(resumetl[a-z]+fill)\}\{HTML\}\{([0-9A-F]{6})\}", source)
    }
    assert set(fills) == {tone.fill for tone in LIGHT.values()}  # the one palette
    used = set(re.findall(r"fill=(resumetl[a-z]+fill)", source))
    for colour, name in fills.items():
        if name not in used or "project" in name:  # project labels sit beside the mark
            continue
        colour = colour[1:].upper()
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
        lum = sum(
            w * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
            for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b), strict=False)
        )
        assert (lum + 0.05) / 0.05 >= 7, name
    assert "text=black" in source


def _arrows(source: str) -> list[int]:
    """Each arrowhead's direction: its tip (the middle point) right (1) or left (-1) of its base."""
    found = []
    for line in source.splitlines():
        if line.startswith("\\fill[resumetl") and line.count("--") == 3:
            (x0, _), (tip, _), _ = [tuple(map(float, p)) for p in re.findall(r"\((-?[\d.]+),(-?[\d.]+)\)", line)]
            found.append(1 if tip > x0 else -1)
    return sorted(found)


def test_ongoing_bars_get_an_arrow() -> None:
    layout = layout_timeline(career())
    assert len(_arrows(render(layout))) == sum(b.item.ongoing for b in layout.bars) == 2


def test_every_arrow_of_the_drawing_is_drawn() -> None:
    """The geometry decides the arrows; TikZ draws each, left and right alike
    (dropping the right arrow from the renderer fails here)."""
    layout = layout_timeline(career(), start=m(1998, 1), end=m(2011, 1))
    expected = sorted(arrow.direction for _, arrow in draw(layout).arrows)
    assert -1 in expected and 1 in expected
    assert _arrows(render(layout)) == expected


def test_empty_layout() -> None:
    empty = TimelineLayout(0, 0, 0, 0, (), (), 1, ())
    source = render(empty)
    assert "\\resizebox" not in source  # resizing an empty box divides by zero
    assert source.count("\\begin{tikzpicture}") == 1


# -- compile ----------------------------------------------------------------------------


def _document(pictures: list[str], targets: list[str]) -> str:
    anchors = "\n".join(f"\\section{{Target}}\\label{{{t}}}" for t in targets)
    body = "\n\n".join(pictures)
    return (
        "\\documentclass{article}\n\\usepackage{tikz}\n\\usepackage{hyperref}\n"
        f"\\begin{{document}}\n{body}\n\n{anchors}\n\\end{{document}}\n"
    )


@pytest.mark.parametrize("engine", ["xelatex", "pdflatex"])
def test_picture_compiles(engine: str, tmp_path: Path) -> None:
    executable = require_tool(engine)
    items = career() + hostile_items()
    layout = layout_timeline(items)
    windowed = layout_timeline(items, start=m(1998, 6), end=m(2005, 6))
    empty = TimelineLayout(0, 0, 0, 0, (), (), 1, ())
    pictures = [
        render(layout),
        render(windowed, linked=False),
        render(empty),
    ]
    targets = sorted({target(i.docname) for i in items})
    (tmp_path / "timeline.tex").write_text(_document(pictures, targets), encoding="utf-8")
    result = subprocess.run(
        [executable, "-interaction=nonstopmode", "-halt-on-error", "timeline.tex"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    log = (tmp_path / "timeline.log").read_text(errors="replace")
    assert (tmp_path / "timeline.pdf").stat().st_size > 0
    assert "! " not in log
