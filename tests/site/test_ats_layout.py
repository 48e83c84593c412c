"""The two-page résumés as applicant-tracking systems read them: text lines
and their positions (``pdftotext -bbox``), the properties such parsers rely
on. Employers from the sources; no fact of this career is written here."""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import read_page
from site_fixtures import ROOT, poppler, site_config

BRIEFS = [entry[0] for entry in site_config()["latex_documents"] if entry[4] == "resumebrief"]


def _heading(path: Path) -> str:
    """An employer's line begins with its name and, where the page gives one, its location."""
    front, body = read_page(path)
    name = next(line[2:] for line in body.splitlines() if line.startswith("# "))
    return f"{name}, {front['location']}" if front.get("location") else name


EMPLOYERS = sorted(_heading(path) for path in (ROOT / "experience").glob("*.md") if path.stem != "index")
DATE_AT_END = re.compile(r"(?:[A-Z][a-z]{2} \d{4}|\d{4}\))$")
# The text area of resumebrief.cls on letter paper: 0.5 in at the top, 0.6 in at the foot.
TEXT_TOP, TEXT_BOTTOM = 36.0, 792.0 - 43.2


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    bottom: float
    words: list[tuple[float, float, str]]  # left, right, text

    @property
    def text(self) -> str:
        return " ".join(word for _, _, word in self.words)


def lines_of(pdf: Path) -> list[Line]:
    """Every visual line of the PDF, page by page, top to bottom: words that share a baseline."""
    bbox = poppler("pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-")
    found = []
    for number, page in enumerate(bbox.split("<page ")[1:], start=1):
        rows: dict[int, list[tuple[float, float, float, float, str]]] = {}
        for x0, y0, x1, y1, word in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
        ):
            rows.setdefault(round(float(y1)), []).append((float(x0), float(y0), float(x1), float(y1), word))
        for _, words in sorted(rows.items()):
            words.sort()
            found.append(
                Line(number, min(w[1] for w in words), max(w[3] for w in words), [(w[0], w[2], w[4]) for w in words])
            )
    return found


def _experience(lines: list[Line]) -> list[Line]:
    start = next(i for i, line in enumerate(lines) if line.text == "Experience")
    end = next(i for i, line in enumerate(lines) if i > start and line.text == "Skills")
    return lines[start + 1 : end]


@pytest.fixture(scope="module")
def brief_lines(site_pdfs: dict[str, Path]) -> dict[str, list[Line]]:
    return {brief: lines_of(site_pdfs[brief]) for brief in BRIEFS}


@pytest.mark.parametrize("brief", BRIEFS)
def test_nothing_but_the_resume_outside_the_text_area(brief_lines: dict[str, list[Line]], brief: str) -> None:
    """No running head and no page number, which parsers take for an entry."""
    stray = [line.text for line in brief_lines[brief] if line.top < TEXT_TOP - 3 or line.bottom > TEXT_BOTTOM + 1]
    assert stray == []
    assert not [line.text for line in brief_lines[brief] if re.fullmatch(r"\d+", line.text)]


@pytest.mark.parametrize("brief", BRIEFS)
def test_each_employer_title_and_dates_are_apart_on_one_line(brief_lines: dict[str, list[Line]], brief: str) -> None:
    experience = _experience(brief_lines[brief])
    right = max(line.words[-1][1] for line in experience)
    for employer in EMPLOYERS:
        (line,) = [line for line in experience if line.text.startswith(employer)]
        assert DATE_AT_END.search(line.text), line.text
        assert line.words[-1][1] > right - 1, f"{employer}: the dates are not at the right margin"
        # The title after the employer's name, a quad away, not a space.
        named = len(employer.split())
        assert line.words[named][0] - line.words[named - 1][1] > 8, line.text


@pytest.mark.parametrize("brief", BRIEFS)
def test_a_gap_above_each_entry_is_larger_than_any_gap_inside_one(
    brief_lines: dict[str, list[Line]], brief: str
) -> None:
    experience = _experience(brief_lines[brief])
    gaps = [(b.bottom - a.bottom, b) for a, b in itertools.pairwise(experience) if a.page == b.page]
    usual = statistics.mode(round(gap) for gap, _ in gaps)
    starts = {id(line) for line in experience if any(line.text.startswith(e) for e in EMPLOYERS)}
    for gap, line in gaps:
        if id(line) in starts:
            assert gap > 1.5 * usual, (line.text, gap, usual)
        else:
            assert gap < 1.25 * usual, (line.text, gap, usual)


@pytest.mark.parametrize("brief", BRIEFS)
def test_a_page_breaks_inside_an_entry_never_between_two(brief_lines: dict[str, list[Line]], brief: str) -> None:
    """Parsers measure the gap above an entry on its own page, and read a page's
    first line as the end of the page before's last: an entry in the first two
    lines of a page would be read as part of the one before it. Nor is a line
    with dates left alone at the foot of a page."""
    lines = brief_lines[brief]
    for i, (last, first) in enumerate(itertools.pairwise(lines)):
        if first.page != last.page:
            opening = [line.text for line in lines[i + 1 : i + 3]]
            assert not [t for t in opening for e in EMPLOYERS if t.startswith(e)], f"page {first.page}: {opening}"
            assert not DATE_AT_END.search(last.text), f"page {last.page} ends with {last.text}"


@pytest.mark.parametrize("brief", BRIEFS)
def test_no_skill_is_split_over_two_lines(brief_lines: dict[str, list[Line]], brief: str) -> None:
    lines = brief_lines[brief]
    start = next(i for i, line in enumerate(lines) if line.text == "Skills")
    end = next(i for i, line in enumerate(lines) if i > start and line.text == "Education")
    for line in lines[start + 1 : end]:
        assert line.text.count("(") == line.text.count(")"), line.text
