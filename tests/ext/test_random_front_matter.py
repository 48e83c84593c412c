"""No input crashes a build: random front matter and directive options.

Hypothesis writes one to three pages into a copy of the small ``test-basic``
site: employers, projects and catalogue entries whose values are drawn from
valid ones and from the mistakes authors make (odd and impossible dates,
dates after ``resume_as_of``, unknown slugs, skills new to the catalogue,
aliases, wrong types, missing and misspelt keys, unknown levels), now and then
with the YAML itself broken, a page without a title, and the aggregate
directives with random options. Each site is built twice, as an author runs
``make html`` again without fixing anything. The builds must end without a
traceback or an "Extension error", every warning must name its file, the
site's own pages must still be written with their text, and the second build
must give exactly the warnings of the first.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from helpers import ROOTS, warnings

# The site's own pages and a sentence each must still show.
INTACT = {
    "index": "A test career",
    "experience/acme": "Acme made routers.",
    "experience/bsd": "An open source operating system.",
    "projects/locks": "We added locks.",
    "projects/splice": "Splicing.",
    "skills": "Skills",
    "summary": "Summary",
}
CRASH = re.compile(r"Traceback|Exception occurred|Extension error|exception:", re.IGNORECASE)
LOCATED = re.compile(r"^\S+?(?::\d+)?: WARNING: ")

TEXT = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=12)
DATE = st.one_of(
    st.sampled_from(["2007-01", "2010-08", "2012", "1999-8", "2012-04", "ongoing", "Ongoing"]),
    st.sampled_from(["present", "May 2012", "2012-13", "2012-00", "2013-05", "2007/01", "2007-01-15", ""]),
    st.integers(min_value=-5, max_value=3000),
    st.none(),
    st.just([2007]),
    st.just({"year": 2007}),
    TEXT,
)
SKILL = st.sampled_from(["C", "C++", "cpp", "Python", "FreeBSD", "Go", "Cobol", "", " ", "c++", "Pyton"])
SKILLS = st.one_of(st.lists(st.one_of(SKILL, TEXT), max_size=4), st.integers(), TEXT, st.none())
SLUG = st.one_of(st.sampled_from(["acme", "bsd", "nowhere", "Acme", "", "gen0", "gen1"]), TEXT)
EXTRA_KEY = st.sampled_from(["postions", "Skills", "salary", "start", "end", "slug", "short", "summary"])


def _maybe(value: st.SearchStrategy) -> st.SearchStrategy:
    """A key that is there or not (``...`` stands for "left out")."""
    return st.one_of(st.just(...), value)


def _mapping(**fields: st.SearchStrategy) -> st.SearchStrategy[dict[str, Any]]:
    def drop_missing(values: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in values.items() if value is not ...}

    return st.fixed_dictionaries({key: _maybe(value) for key, value in fields.items()}).map(drop_missing)


CATALOGUE_SKILL = _mapping(
    name=st.one_of(SKILL, TEXT),
    level=st.sampled_from(["expert", "highly skilled", "guru", 5, ""]),
    years=st.one_of(st.integers(min_value=-3, max_value=40), st.floats(allow_nan=True), TEXT),
    aliases=st.one_of(st.lists(st.one_of(SKILL, TEXT), max_size=2), st.integers()),
    note=TEXT,
)
POSITION = st.one_of(_mapping(title=st.one_of(TEXT, st.just("Engineer")), start=DATE, end=DATE), TEXT)
EMPLOYER = _mapping(
    kind=st.sampled_from(["employer", "employer", "project", "catalogue", "hobby"]),
    slug=SLUG,
    short=st.one_of(TEXT, st.integers(), st.lists(TEXT, max_size=2)),
    location=TEXT,
    positions=st.one_of(st.lists(POSITION, max_size=3), TEXT, st.none()),
    skills=SKILLS,
    categories=st.one_of(st.lists(_mapping(name=TEXT, skills=st.lists(CATALOGUE_SKILL, max_size=2)), max_size=2), TEXT),
)
PROJECT = _mapping(
    kind=st.sampled_from(["project", "project", "employer"]),
    employer=SLUG,
    summary=st.one_of(TEXT, st.booleans()),
    start=DATE,
    end=DATE,
    skills=SKILLS,
)
OPTION_VALUE = st.one_of(
    st.sampled_from(
        [
            "2005",
            "2010-06",
            "2020-13",
            "acme",
            "nobody",
            "projects",
            "employers",
            "years",
            "level",
            "banana",
            "Languages",
            "positions, projects",
            "",
        ]
    ),
    TEXT,
)
DIRECTIVE = st.tuples(
    st.sampled_from(["timeline", "skill-matrix", "skill-index", "career-summary"]),
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "from",
                    "to",
                    "employer",
                    "show",
                    "columns",
                    "sort",
                    "category",
                    "group",
                    "projects",
                    "compact",
                    "colour",
                ]
            ),
            OPTION_VALUE,
        ),
        max_size=3,
    ),
)


@st.composite
def pages(draw: st.DrawFn) -> dict[str, str]:
    """One to three new pages, and sometimes more skills in the catalogue."""
    files: dict[str, str] = {}
    for index in range(draw(st.integers(min_value=1, max_value=3))):
        folder, fields = draw(st.sampled_from([("experience", EMPLOYER), ("projects", PROJECT)]))
        resume = draw(fields)
        if draw(st.booleans()):
            resume[draw(EXTRA_KEY)] = draw(st.one_of(DATE, TEXT))
        top = draw(st.sampled_from(["resume", "resume", "resume", "Resume", "resmue"]))
        front = yaml.safe_dump({top: resume}, allow_unicode=True, sort_keys=False)
        front = draw(st.one_of(st.just(front), st.builds(_break_yaml, st.just(front), st.integers(0, 10**6))))
        closing = draw(st.sampled_from(["---\n", "---\n", "---\n", ""]))
        title = draw(st.sampled_from([f"# Generated {index}\n\n", f"# Generated {index}\n\n", ""]))
        body = title + "Generated text.\n" + "".join(_directive(*d) for d in draw(st.lists(DIRECTIVE, max_size=2)))
        files[f"{folder}/gen{index}.md"] = f"---\n{front}{closing}\n{body}"
    extra = draw(st.lists(CATALOGUE_SKILL, max_size=3))
    if extra:
        entries = "".join(
            f"        - {yaml.safe_dump(e, default_flow_style=True, width=10**6).strip()}\n" for e in extra
        )
        files["skills.md"] = (
            (ROOTS / "test-basic" / "skills.md")
            .read_text("utf-8")
            .replace("    - name: Platforms\n", entries + "    - name: Platforms\n")
        )
    return files


def _break_yaml(text: str, seed: int) -> str:
    """The front matter with one typical slip: a tab, a stray colon, a bad indent, an open list."""
    lines = text.splitlines(keepends=True)
    at = seed % len(lines)
    slip = seed // len(lines) % 4
    line = lines[at]
    lines[at] = ["\t" + line.lstrip(" "), line.rstrip("\n") + ": x\n", " " + line, line.rstrip("\n") + " [a, b\n"][slip]
    return "".join(lines)


def _directive(name: str, options: list[tuple[str, str]]) -> str:
    lines = "".join(f":{key}: {value}\n" if value else f":{key}:\n" for key, value in options)
    return f"\n```{{{name}}}\n{lines}```\n"


def _build(src: Path) -> tuple[SphinxTestApp, str]:
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        return app, app.status.getvalue() + app.warning.getvalue()
    finally:
        app.cleanup()


# Each example is two builds of a small site; 30 examples take about a minute.
@settings(
    max_examples=30,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(pages())
def test_random_front_matter_never_crashes_a_build(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "src"
        shutil.copytree(ROOTS / "test-basic", src)
        for name, text in files.items():
            (src / name).write_text(text, "utf-8")
        app, output = _build(src)
        first = warnings(app)
        assert not CRASH.search(output), output[-4000:]
        assert [w for w in first if not LOCATED.match(w)] == []
        for docname, text in INTACT.items():
            assert text in (app.outdir / f"{docname}.html").read_text("utf-8"), docname
        again, output = _build(src)
        assert not CRASH.search(output), output[-4000:]
        assert sorted(warnings(again)) == sorted(first)
