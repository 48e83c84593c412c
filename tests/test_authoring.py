"""Authoring that never lies: the mistakes an author makes, one test each.

Each test is a case met while adding a job and a project by the authoring
guide: a crash, a warning that disappeared on the next build, a guess made
without a word, a YAML mistake reported without a place, a hint that stopped
short. Each builds a copy of the small ``test-basic`` site (sometimes two or
three times in a row) and asserts the located warning the author now sees.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_extension import build, site, warnings

BODY = "# Broken\n\nStill here.\n"


def page(*front: str, body: str = BODY) -> str:
    """A page whose front matter is ``front``, one line each: ``front[i]`` is on line i + 2."""
    return "---\n" + "".join(f"{line}\n" for line in front) + "---\n\n" + body


def crashed(app) -> str:
    """The part of the build's output that shows a crash, if any."""
    output = app.status.getvalue() + app.warning.getvalue()
    return "\n".join(line for line in output.splitlines() if re.search(r"Traceback|Exception|error \(", line))


def strict(make_app, src: Path, **kwargs):
    """A build as ``sphinx-build -W --keep-going``: warnings are collected, the build fails."""
    return build(make_app, src, warningiserror=True, **kwargs)


def located(app, src: Path) -> list[str]:
    """The warnings, with the source folder cut off their paths."""
    return [w.replace(f"{src}/", "") for w in warnings(app)]


# -- 1. no input crashes a build ------------------------------------------------------

GO_EMPLOYER = """---
resume:
  kind: employer
  positions:
    - title: Gopher
      start: {start}
      end: ongoing
  skills: [Go]
---

# Go Shop

Go.
"""
GO_SKILL = "        - {name: Go}\n    - name: Platforms\n"


@pytest.mark.parametrize("start", ["May 2012", "2012-13"])
def test_new_employer_with_a_new_skill_and_a_mistyped_date_does_not_crash(make_app, tmp_path, start):
    src = site(tmp_path, files={"experience/go.md": GO_EMPLOYER.format(start=start)})
    catalogue = src / "skills.md"
    catalogue.write_text(catalogue.read_text().replace("    - name: Platforms\n", GO_SKILL))
    app = strict(make_app, src)
    assert crashed(app) == ""
    assert [w for w in located(app, src) if "experience/go.md:6: WARNING: 'start'" in w], warnings(app)
    assert "Go Shop" in (app.outdir / "skills.html").read_text()
    assert app.statuscode != 0


def test_undated_project_of_an_unknown_employer_with_an_unused_skill_does_not_crash(make_app, tmp_path):
    project = page("resume:", "  kind: project", "  employer: nowhere", "  skills: [Python]")
    app = strict(make_app, site(tmp_path, files={"projects/lost.md": project}))
    assert crashed(app) == ""
    assert any("unknown employer 'nowhere'" in w for w in warnings(app))
    assert "Still here." in (app.outdir / "projects/lost.html").read_text()


# -- 2. every build reports every problem ----------------------------------------------

TOCTREE_FREE = "# Stray\n\nIn no table of contents.\n"
VANISHING = {
    "bad-date": {"experience/acme.md": ("start: 2007-01", "start: 2007-13")},
    "unknown-employer": {"projects/locks.md": ("employer: acme", "employer: acme-networks")},
    "malformed-yaml": {"experience/bsd.md": ("  kind: employer", "  kind: employer\n bad: indentation")},
    "duplicate-slug": {"projects/splice.md": ("kind: project", "kind: project\n  slug: locks")},
    "unknown-skill": {"projects/splice.md": ("skills: [C]", "skills: [C, Cobol]")},
    "broken-link": {"summary.md": ("# Summary", "# Summary\n\nSee [the old page](projects/gone.md).")},
}


def _break(src: Path, edits: dict[str, tuple[str, str]]) -> None:
    for name, (old, new) in edits.items():
        path = src / name
        text = path.read_text()
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("mistake", [*VANISHING, "page-in-no-toctree"])
def test_a_strict_build_fails_again_and_again_with_the_warnings_of_a_fresh_build(make_app, tmp_path, mistake):
    src = site(tmp_path)
    if mistake == "page-in-no-toctree":
        (src / "stray.md").write_text(TOCTREE_FREE)
    else:
        _break(src, VANISHING[mistake])
    app = strict(make_app, src, confoverrides={"nitpicky": True})
    first = sorted(located(app, src))
    assert first, "the mistake must warn"
    assert crashed(app) == ""
    for _ in range(2):  # the second and the third build, nothing fixed
        app.cleanup()
        app = strict(make_app, src, confoverrides={"nitpicky": True})
        assert sorted(located(app, src)) == first
        assert app.statuscode != 0
    app.cleanup()
    fresh = strict(make_app, src, confoverrides={"nitpicky": True}, freshenv=True, builddir=tmp_path / "fresh")
    assert sorted(located(fresh, src)) == first


def test_fixing_the_mistake_ends_the_warnings(make_app, tmp_path):
    src = site(tmp_path)
    _break(src, VANISHING["bad-date"])
    app = strict(make_app, src)
    assert warnings(app)
    _break(src, {"experience/acme.md": ("start: 2007-13", "start: 2007-01")})
    for _ in range(2):
        app.cleanup()
        app = strict(make_app, src)
        assert warnings(app) == [] and app.statuscode == 0


def test_a_deleted_page_leaves_the_output_and_links_to_it_are_reported(make_app, tmp_path):
    src = site(tmp_path, files={"page.md": "---\norphan: true\n---\n\n# Links\n\nSee [splicing](projects/splice.md).\n"})
    app = strict(make_app, src)
    assert warnings(app) == []
    assert (app.outdir / "projects/splice.html").is_file()
    (src / "projects/splice.md").unlink()
    for _ in range(2):
        app.cleanup()
        app = strict(make_app, src)
        assert not (app.outdir / "projects/splice.html").exists()
        found = located(app, src)
        assert [w for w in found if w.startswith("page.md:7: WARNING:") and "projects/splice.md" in w], found
        assert app.statuscode != 0
