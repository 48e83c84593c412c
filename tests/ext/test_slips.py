"""Each ordinary slip of an author gives one located warning that says what to
do, and the live preview shows it on the page it is about."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from helpers import again, build, site, warnings

SPLICE = "projects/splice.md"


def _edit(src: Path, name: str, old: str, new: str) -> None:
    path = src / name
    text = path.read_text("utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def _body(src: Path, name: str) -> str:
    return (src / name).read_text("utf-8").split("---\n", 2)[2]


def _one(app: Any) -> str:
    found = warnings(app)
    assert len(found) == 1, found
    return found[0]


def _boxed(app: Any, page: str) -> str:
    html = (Path(app.outdir) / page).read_text("utf-8")
    assert "resume-problems" in html, page
    return html.split("resume-problems", 1)[1].split("</div>", 1)[0]


def test_project_dates_outside_its_position(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    _edit(
        src,
        SPLICE,
        "employer: bsd\n  start: 2001-06\n  end: 2001-10",
        "employer: acme\n  start: 2005-01\n  end: 2006-01",
    )
    found = _one(build(make_app, src))
    assert f"{SPLICE}:5: WARNING: the project's dates (January 2005 – January 2006) fall outside its position" in found
    assert "Kernel Programmer, January 2007 – August 2010" in found and "[resume.range]" in found


@pytest.mark.parametrize(
    ("old", "new", "line", "column"),
    [
        ("  employer: bsd", "\temployer: bsd", 4, 1),
        ("employer: bsd", "employer:\tbsd", 4, 12),
        ("  skills: [C]", "  skills:\n\t- C", 8, 1),
    ],
)
def test_a_tab_in_the_front_matter_is_named(
    make_app: Any, tmp_path: Path, old: str, new: str, line: int, column: int
) -> None:
    src = site(tmp_path)
    _edit(src, SPLICE, old, new)
    found = _one(build(make_app, src))
    assert (
        f"{SPLICE}:{line}: WARNING: the front matter is not valid YAML (line {line}, column {column}: a tab)" in found
    )
    assert "indent with spaces: YAML does not allow tabs" in found and "[resume.yaml]" in found


@pytest.mark.parametrize(
    ("front", "line", "words"),
    [
        ("---\n---\n", 1, "the front matter (lines 1 to 2) is empty"),
        ("---\n# to do\n---\n", 1, "the front matter (lines 1 to 3) is empty"),
        ("---\n- a\n- b\n---\n", 2, "the front matter is a list, not keys and values"),
    ],
)
def test_an_empty_or_shapeless_front_matter_in_the_extensions_words(
    make_app: Any, tmp_path: Path, front: str, line: int, words: str
) -> None:
    src = site(tmp_path)
    (src / SPLICE).write_text(front + _body(src, SPLICE), "utf-8")
    app = build(make_app, src, confoverrides={"resume_show_problems": True})
    found = _one(app)
    assert f"{SPLICE}:{line}: WARNING: {words}" in found and "[resume.frontmatter]" in found
    assert "not a dict" not in found
    assert words in _boxed(app, "projects/splice.html")
    assert "TCP splicing" in (Path(app.outdir) / "projects/splice.html").read_text("utf-8")


def test_a_duplicate_slug_is_told_on_both_pages_and_boxed_on_both(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    text = (src / SPLICE).read_text("utf-8").replace("kind: project", "kind: project\n  slug: locks")
    (src / "projects/again.md").write_text(text.replace("# TCP splicing", "# Again"), "utf-8")
    app = build(make_app, src, confoverrides={"resume_show_problems": True})
    found = sorted(warnings(app))
    assert len(found) == 2, found
    assert re.search(r"projects/again\.md:4: WARNING: slug 'locks' is also used by 'projects/locks'", found[0])
    assert re.search(r"projects/locks\.md:\d+: WARNING: slug 'locks' is already used by 'projects/again'", found[1])
    assert all("give one of the two pages another `slug:`" in w for w in found)
    assert "projects/locks" in _boxed(app, "projects/again.html")
    assert "projects/again" in _boxed(app, "projects/locks.html")


def test_a_page_without_a_title_is_boxed_under_its_stand_in_title(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    _edit(src, SPLICE, "# TCP splicing\n", "")
    app = build(make_app, src, confoverrides={"resume_show_problems": True})
    assert "[resume.title]" in _one(app)
    html = (Path(app.outdir) / "projects/splice.html").read_text("utf-8").split("<body", 1)[1]
    assert "the page has no title" in _boxed(app, "projects/splice.html")
    assert html.index("<h1>splice") < html.index("resume-problems") < html.index("Splicing.")


def test_did_you_mean_for_an_employer_and_a_skill_role(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    _edit(src, SPLICE, "employer: bsd", "employer: acm")
    _edit(src, "index.md", "{skill}`C++`", "{skill}`Pythn`")
    found = "\n".join(warnings(build(make_app, src)))
    assert f"{SPLICE}:4: WARNING: unknown employer 'acm' (employer pages: acme, bsd); did you mean 'acme'?" in found
    assert "index.md:10: WARNING: skill 'Pythn'" in found and "did you mean 'Python'?" in found


def test_a_page_in_no_toctree_is_told_where_to_be_listed(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    _edit(src, "index.md", ":glob:\nexperience/*", ":glob:\nexperience/acme\nexperience/bsd")
    (src / "experience/new.md").write_text("# New\n\nText.\n", "utf-8")
    app = build(make_app, src, confoverrides={"resume_show_problems": True})
    found = _one(app)
    assert "experience/new.md:1: WARNING: the page is in no toctree" in found
    assert "add the line 'experience/new' to the toctree of index.md (line 12)" in found
    assert "[resume.toctree]" in found and "toc.not_included" not in found
    assert "add the line" in _boxed(app, "experience/new.html")


def test_a_site_that_silences_sphinxs_not_included_is_not_told_either(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    (src / "loose.md").write_text("# Loose\n", "utf-8")
    app = build(make_app, src, confoverrides={"suppress_warnings": ["toc.not_included"]})
    assert warnings(app) == []


def test_a_toctree_out_of_the_lists_order_is_told_the_order(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    listed = "experience/acme\nexperience/bsd\nprojects/locks\nprojects/splice"
    _edit(src, "index.md", ":glob:\nexperience/*\nprojects/*", listed)
    app = build(make_app, src)
    found = sorted(warnings(app))
    assert len(found) == 2, found
    assert "index.md:12: WARNING: the toctree lists the employers in another order than the pages' lists" in found[0]
    assert "list them as experience/bsd, experience/acme [resume.order]" in found[0]
    assert "list them as projects/splice, projects/locks [resume.order]" in found[1]
    # In the lists' order: no warning.
    _edit(src, "index.md", listed, "experience/bsd\nexperience/acme\nprojects/splice\nprojects/locks")
    assert warnings(again(make_app, app, src)) == []
