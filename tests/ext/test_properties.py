"""Any text a user types stays text, in every format.

Hypothesis writes arbitrary text into every field a reader sees: an employer's
name (its page title), ``short`` and ``location``, a position title, a project
summary and a skill name. The front matter is written with ``yaml.safe_dump``,
so any string is representable; the page title is Markdown, so its ASCII
punctuation is backslash-escaped. The text is salted with markup fragments, and
then the HTML must hold no element or attribute from it, the ePub's XHTML must
parse as XML, the text must be there as text, and the LaTeX must compile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from resume.sphinx_ext.domain import skill_anchor

from helpers import ROOTS, warnings
from site_fixtures import require_tool

# The salt: an element, attributes breaking out of quotes, comment and CDATA
# ends, and what is special to LaTeX, Markdown and MyST. The marker names are
# what the checks look for in the output.
MARKER_TAG, MARKER_ATTRIBUTE = "xinjected", "data-injected"
FRAGMENTS = (
    f"<{MARKER_TAG}>x</{MARKER_TAG}>",
    f'<b {MARKER_ATTRIBUTE}="1">x</b>',
    "<script>alert(1)</script>",
    f'" {MARKER_ATTRIBUTE}="1',
    f"' {MARKER_ATTRIBUTE}='1",
    "]]>",
    "<!--",
    "-->",
    "&amp;",
    "&lt;",
    "&#0;",
    "\\",
    "\\\\",
    "{",
    "}",
    "$",
    "%",
    "#",
    "_",
    "^",
    "~",
    "&",
    "--",
    "``",
    "*x*",
    "[x](y)",
    "{skill}`C`",
    "|",
    ":",
    "- ",
    "?",
    "@",
    "!",
    "\\begin{x}",
    "\\end{document}",
    "\\\\[2pt]",
    "^^M",
)
# Printable characters: letters, marks, numbers, punctuation, symbols, spaces.
CHARACTERS = st.characters(categories=("L", "M", "N", "P", "S", "Zs"))
TEXT = (
    st.lists(st.one_of(st.text(CHARACTERS, min_size=1, max_size=6), st.sampled_from(FRAGMENTS)), min_size=1, max_size=5)
    .map("".join)
    .filter(lambda text: text.strip())
)
EXISTING_SKILLS = {"C", "C++", "Python", "FreeBSD"}  # the catalogue of test-basic


def normal(text: str) -> str:
    """Whitespace as the extension keeps it, and as a reader sees it."""
    return " ".join(text.split())


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown: every ASCII punctuation character escaped."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", normal(text))


class Fields(NamedTuple):
    name: str
    short: str
    location: str
    title: str
    summary: str
    skill: str


FIELDS = st.builds(Fields, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT.filter(lambda s: normal(s) not in EXISTING_SKILLS))


def front_matter(resume: dict) -> str:
    return "---\n" + yaml.safe_dump({"resume": resume}, allow_unicode=True, width=10**9, sort_keys=False) + "---\n\n"


@contextmanager
def career(fields: Fields):
    """test-basic with one more employer, project and catalogue skill made of ``fields``."""
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "src"
        shutil.copytree(ROOTS / "test-basic", src)
        (src / "experience/gen.md").write_text(
            front_matter(
                {
                    "kind": "employer",
                    "short": fields.short,
                    "location": fields.location,
                    "positions": [{"title": fields.title, "start": "2011-01", "end": "ongoing"}],
                    "skills": [fields.skill, "C"],
                }
            )
            + f"# {markdown_text(fields.name)}\n\nGenerated.\n",
            "utf-8",
        )
        (src / "projects/gen.md").write_text(
            front_matter(
                {
                    "kind": "project",
                    "employer": "gen",
                    "summary": fields.summary,
                    "skills": [fields.skill],
                }
            )
            + "# Generated project\n\nGenerated.\n",
            "utf-8",
        )
        catalogue = (src / "skills.md").read_text("utf-8")
        generated = yaml.safe_dump(
            [{"name": "Generated", "skills": [{"name": fields.skill}]}], allow_unicode=True, width=10**9
        )
        catalogue = catalogue.replace(
            "---\n\n# Skills", "".join(f"    {line}\n" for line in generated.splitlines()) + "---\n\n# Skills"
        )
        (src / "skills.md").write_text(catalogue, "utf-8")
        yield src


@contextmanager
def built(src: Path, builder: str):
    # Smart quotes would turn the user's " and -- into typography: right, but not
    # the same text. The check is about escaping, so they are off.
    app = SphinxTestApp(builder, srcdir=src, confoverrides={"smartquotes": False})
    try:
        app.build()
        # A character the PDFs' fonts lack is a located resume.glyph warning (and a '?' in LaTeX), nothing else.
        assert [w for w in warnings(app) if not re.search(r"\.md:\d+: WARNING: .*\[resume\.glyph\]$", w)] == []
        yield app
    finally:
        app.cleanup()


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def injected(tags) -> list[str]:
    """Elements or attributes that can only have come from the user's text."""
    return [
        f"<{tag} {attrs}>"
        for tag, attrs in tags
        if tag == MARKER_TAG or any(name == MARKER_ATTRIBUTE for name, _ in attrs)
    ]


# Where each field is shown in full (the timeline's labels may be shortened).
SHOWN = {
    "experience/gen": ("name", "location", "title", "summary", "skill"),
    "index": ("short",),
    "skills": ("skill",),
    "summary": ("name", "location", "title", "summary"),
}

# Each example is a whole build or two: no deadline, and few examples.
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True)


# Always tried, whatever Hypothesis draws: every fragment in one build.
HOSTILE = Fields(
    name=f'<b {MARKER_ATTRIBUTE}="1">x</b> & \\ {{#}} `code` *em*',
    short=f'" {MARKER_ATTRIBUTE}="1',
    location="]]> <!-- --> &amp; &#0;",
    title=f"<{MARKER_TAG}>x</{MARKER_TAG}> <script>alert(1)</script>",
    summary="{skill}`C` $ % ^ ~ _ \\end{document}",
    skill="C# <i>",
)


@settings(SLOW, max_examples=20)
@given(FIELDS)
@example(HOSTILE)
def test_html_and_epub_keep_any_text_as_text(fields: Fields) -> None:
    with career(fields) as src:
        with built(src, "html") as app:
            for page, shown in SHOWN.items():
                parsed = _Page()
                parsed.feed((app.outdir / f"{page}.html").read_text("utf-8"))
                parsed.close()
                assert injected(parsed.tags) == [], page
                text = normal("".join(parsed.text))
                for name in shown:
                    assert normal(getattr(fields, name)) in text, (page, name)
        with built(src, "epub") as app, zipfile.ZipFile(next(app.outdir.glob("*.epub"))) as book:
            for member in book.namelist():
                if not member.endswith(".xhtml"):
                    continue
                root = ET.fromstring(book.read(member))  # raises if not well-formed
                tags = [
                    (e.tag.rpartition("}")[2], [(k.rpartition("}")[2], v) for k, v in e.attrib.items()])
                    for e in root.iter()
                ]
                assert injected(tags) == [], member
                if member.endswith("experience/gen.xhtml"):
                    text = normal("".join(root.itertext()))
                    for name in SHOWN["experience/gen"]:
                        assert normal(getattr(fields, name)) in text, (member, name)


@settings(SLOW, max_examples=5)
@given(FIELDS)
@example(HOSTILE)
def test_latex_compiles_with_any_text(fields: Fields) -> None:
    latexmk = require_tool("latexmk")
    require_tool("xelatex")
    with career(fields) as src, built(src, "latex") as app:
        tex = next(app.outdir.glob("*.tex"))
        run = subprocess.run(
            [latexmk, "-xelatex", "-interaction=nonstopmode", "-halt-on-error", tex.name],
            cwd=app.outdir,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        log = tex.with_suffix(".log")
        assert run.returncode == 0, (log.read_text(errors="replace") if log.exists() else run.stdout)[-3000:]


@settings(max_examples=200)
@given(st.tuples(TEXT, TEXT).filter(lambda pair: normal(pair[0]) != normal(pair[1])))
@example(("日本語", "中文"))
def test_different_skills_have_different_anchors(names: tuple[str, str]) -> None:
    first, second = (normal(name) for name in names)
    assert skill_anchor(first) != skill_anchor(second)
