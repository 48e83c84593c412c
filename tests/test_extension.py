"""The extension under Sphinx: every builder, warnings, incremental and parallel builds."""

from __future__ import annotations

import re

import pytest
from resume.domain import skill_anchor

from helpers import again, build, site, visible_text, warnings

# -- one build per builder -----------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "epub", "latex", "text", "man", "texinfo", "singlehtml"])
def test_every_builder_is_clean(make_app, tmp_path, builder):
    app = build(make_app, site(tmp_path), builder)
    assert [w for w in warnings(app) if "epub.unknown_project_files" not in w] == []


def test_html_output(make_app, tmp_path):
    app = build(make_app, site(tmp_path))
    index = (app.outdir / "index.html").read_text()
    assert index.count("<svg") == 1 and "<script" not in index.split('<div class="resume-timeline">')[1][:5000]
    assert 'href="experience/acme.html"' in index  # a timeline bar links to its page
    assert '<details class="resume-timeline-list">' in index
    assert 'class="resume-matrix" role="region" tabindex="0"' in index
    assert "<th" in index  # real header cells
    assert f'href="skills.html#{skill_anchor("C++")}"' in index  # the skill role
    assert "someone@example.org" not in index and "mailto" not in index  # encoded
    assert "&#109;&#97;&#105;&#108;&#116;&#111;&#58;" in index  # "mailto:" as entities

    acme = visible_text((app.outdir / "experience/acme.html").read_text())
    assert "Kernel Programmer, January 2007 – August 2010" in acme
    assert "3 years 8 months" in acme
    assert "Reader/writer locks: Reader/writer locks; 5x on 8 cores." in acme  # its projects

    locks = (app.outdir / "projects/locks.html").read_text()
    assert 'href="../experience/acme.html"' in locks  # back to the employer

    bsd = visible_text((app.outdir / "experience/bsd.html").read_text())
    assert "August 1999 – present" in bsd and "ongoing as of April 2012" in bsd

    skills = (app.outdir / "skills.html").read_text()
    assert f'id="{skill_anchor("C++")}"' in skills


def test_latex_output_draws_timeline_and_matrix(make_app, tmp_path):
    app = build(make_app, site(tmp_path), "latex")
    tex = next(app.outdir.glob("*.tex")).read_text()
    assert r"\usepackage{tikz}" in tex
    assert r"\begin{tikzpicture}" in tex
    assert r"\begin{longtable}" in tex and r"\rotatebox{90}{Acme}" in tex
    assert r"\hyperref[\detokenize{experience/acme::doc}]{$\checkmark$}" in tex
    assert r"\href{mailto:someone@example.org}{someone@example.org}" in tex
    assert not list(app.outdir.glob("*.css"))  # no HTML assets in LaTeX output


def test_text_output_is_a_plain_list(make_app, tmp_path):
    app = build(make_app, site(tmp_path), "text")
    text = (app.outdir / "index.txt").read_text()
    assert "* Kernel Programmer, Acme: January 2007 – August 2010" in text
    assert "* Committer, The BSD Project: August 1999 – present (as of April 2012)" in text
    assert "someone at example dot org" in text


def test_auto_summary_can_be_turned_off(make_app, tmp_path):
    app = build(make_app, site(tmp_path), confoverrides={"resume_auto_summary": False})
    assert "resume-summary" not in (app.outdir / "experience/acme.html").read_text()


# -- warnings: located, typed, and the page still builds -----------------------------

EMPLOYER = """---
resume:
  kind: employer
  positions:
    - title: Engineer
      start: {start}
      end: {end}
  skills: {skills}
---

# Broken Employer

Still here.
"""


@pytest.mark.parametrize(
    ("start", "end", "skills", "line", "subtype"),
    [
        ("2007-13", "2008-01", "[C]", 6, "date"),
        ("2007-01", "2006-01", "[C]", 7, "range"),
        ("2007-01", "whenever", "[C]", 7, "date"),
        ("2007-01", "2008-01", "5", 8, "type"),
        ("2007-01", "2008-01", "[C, '']", 8, "skill"),
        ("2007-01", "2008-01", "[C, Cobol]", 8, "skill"),
        ("2007-01", "2008-01", "[C, c++]", 8, "skill"),
    ],
)
def test_bad_metadata_warns_at_file_and_line(make_app, tmp_path, start, end, skills, line, subtype):
    page = EMPLOYER.format(start=start, end=end, skills=skills)
    app = build(make_app, site(tmp_path, files={"experience/broken.md": page}))
    found = warnings(app)
    assert len(found) == 1, found
    assert f"experience/broken.md:{line}: WARNING:" in found[0]
    assert found[0].endswith(f"[resume.{subtype}]")
    assert "Still here." in (app.outdir / "experience/broken.html").read_text()
    assert (app.outdir / "index.html").exists()


def test_unknown_skill_suggests_canonical_name(make_app, tmp_path):
    page = EMPLOYER.format(start="2007", end="2008", skills="[C+]")  # cpp is an alias: accepted
    app = build(make_app, site(tmp_path, files={"experience/broken.md": page}))
    assert "did you mean 'C++'?" in warnings(app)[0]


def test_unknown_employer_and_duplicate_slug(make_app, tmp_path):
    files = {
        "projects/orphan.md": "---\nresume:\n  kind: project\n  employer: nowhere\n---\n\n# Orphan\n",
        "projects/again.md": "---\nresume:\n  kind: project\n  slug: locks\n  employer: acme\n---\n\n# Again\n",
    }
    app = build(make_app, site(tmp_path, files=files))
    found = "\n".join(warnings(app))
    assert re.search(r"projects/orphan\.md:4: WARNING: unknown employer 'nowhere'.*\[resume\.employer\]", found)
    assert re.search(r"projects/locks\.md:\d+: WARNING: slug 'locks' is already used by 'projects/again'.*\[resume\.slug\]", found)


def test_unknown_directive_employer(make_app, tmp_path):
    page = "# Page\n\n```{timeline}\n:employer: nobody\n```\n"
    app = build(make_app, site(tmp_path, files={"page.md": page}))
    found = [w for w in warnings(app) if "resume.directive" in w]
    assert len(found) == 1 and "page.md:3:" in found[0] and "unknown employer 'nobody'" in found[0]


def test_warnings_can_be_suppressed(make_app, tmp_path):
    page = EMPLOYER.format(start="2007-13", end="2008", skills="[C]")
    app = build(make_app, site(tmp_path, files={"experience/broken.md": page}),
                confoverrides={"suppress_warnings": ["resume.date"]})  # fmt: skip
    assert warnings(app) == []


# -- incremental and parallel builds ----------------------------------------------------


def outputs(app) -> dict[str, str]:
    """Every page of the current documents (a removed page's old file is left behind)."""
    return {d: (app.outdir / f"{d}.html").read_text() for d in sorted(app.env.found_docs)}


def test_incremental_build_matches_a_fresh_build(make_app, tmp_path):
    src = site(tmp_path)
    app = build(make_app, src)
    written: list[str] = []
    locks = src / "projects/locks.md"
    locks.write_text(locks.read_text().replace("skills: [C, C++]", "skills: [C, C++, Python]"))
    app.connect("html-page-context", lambda app, page, *_: written.append(page))
    app.build()
    assert warnings(app) == []
    pages = {p for p in written if p not in ("genindex", "search")}
    # The edited page, its employer and every page holding an aggregate; nothing else.
    assert pages == {"projects/locks", "experience/acme", "index", "skills", "summary"}
    assert "Reader/writer locks" in (app.outdir / "skills.html").read_text().split('id="skill-Python"')[1]

    fresh = again(make_app, app, src, freshenv=True, builddir=tmp_path / "fresh")
    assert outputs(app) == outputs(fresh)


def test_incremental_build_after_employer_rename_and_removal(make_app, tmp_path):
    src = site(tmp_path)
    app = build(make_app, src)
    acme = src / "experience/acme.md"
    acme.write_text(acme.read_text().replace("# Acme Networks", "# Acme Routers"))
    (src / "projects/splice.md").unlink()
    app.build()
    assert "Acme Routers" in (app.outdir / "projects/locks.html").read_text()  # not re-read, rewritten
    assert "TCP splicing" not in (app.outdir / "index.html").read_text()
    fresh = again(make_app, app, src, freshenv=True, builddir=tmp_path / "fresh")
    assert outputs(app) == outputs(fresh)


def test_no_op_rebuild_writes_nothing_of_ours(make_app, tmp_path):
    src = site(tmp_path)
    app = build(make_app, src)
    written: list[str] = []
    app.connect("html-page-context", lambda app, page, *_: written.append(page))
    app.build()
    assert [p for p in written if p not in ("genindex", "search")] == []


def test_parallel_build_is_identical_to_serial(make_app, tmp_path):
    src = site(tmp_path)
    serial = build(make_app, src, builddir=tmp_path / "serial")
    parallel = again(make_app, serial, src, builddir=tmp_path / "parallel", parallel=2)
    assert warnings(parallel) == []
    assert outputs(serial) == outputs(parallel)
    domain = parallel.env.domains["resume"]
    assert sorted(domain.records) == ["experience/acme", "experience/bsd", "projects/locks", "projects/splice", "skills"]
    assert sum(len(uses) for found in domain.aggregates.values() for uses in found.values()) == 4


def test_compact_career_summary(make_app, tmp_path):
    page = "# Brief\n\n```{career-summary}\n:projects:\n:compact:\n```\n"
    app = build(make_app, site(tmp_path, files={"brief.md": page}), "text",
                confoverrides={"exclude_patterns": []})  # fmt: skip
    text = (app.outdir / "brief.txt").read_text().replace("Aug\n2010", "Aug 2010")
    assert "**The BSD Project** — *Committer*, Aug 1999 – present (as of Apr 2012)\n\nTCP splicing" in text
    assert "**Acme Networks**, Springfield — *Kernel Programmer*, Jan 2007 – Aug 2010\n\nReader/writer locks" in text


def test_epub_declares_its_inline_svg(make_app, tmp_path):
    import zipfile

    app = build(make_app, site(tmp_path), "epub")
    with zipfile.ZipFile(next(app.outdir.glob("*.epub"))) as epub:
        opf = epub.read("content.opf").decode()
        index = epub.read("index.xhtml").decode()
    assert re.search(r'href="index.xhtml" media-type="application/xhtml\+xml" properties="svg" />', opf)
    assert re.search(r'href="skills.xhtml" media-type="application/xhtml\+xml" />', opf)  # no chart there
    assert 'role="document"' in index  # a role ePub checkers accept on <svg>


def test_unknown_skill_role_warns_without_nitpicky(make_app, tmp_path):
    page = "# Page\n\nKnows {skill}`Cobol` and {skill}`C`.\n"
    app = build(make_app, site(tmp_path, files={"page.md": page}))
    found = [w for w in warnings(app) if "Cobol" in w]
    assert len(found) == 1 and "page.md:3: WARNING: skill 'Cobol' has no entry to link to" in found[0]
    assert 'href="skills.html#skill-C"' in (app.outdir / "page.html").read_text()
