"""The extension under Sphinx: every builder, warnings, incremental and parallel builds."""

from __future__ import annotations

import re

import pytest

from resume.sphinx_ext.domain import skill_anchor

from helpers import again, build, site, visible_text, warnings

# -- one build per builder -----------------------------------------------------------


@pytest.mark.parametrize("builder", ["html", "epub", "latex", "text", "man", "texinfo", "singlehtml"])
def test_every_builder_is_clean(make_app, tmp_path, builder):
    app = build(make_app, site(tmp_path), builder)
    assert [w for w in warnings(app) if "epub.unknown_project_files" not in w] == []


def test_html_output(make_app, tmp_path):
    app = build(make_app, site(tmp_path))
    index = (app.outdir / "index.html").read_text()
    assert index.count("<svg") == 1 and "<script" not in index.split('<div class="resume-timeline"')[1][:5000]
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
    assert r"\hyperref[\detokenize{experience/acme::doc}]{\sphinxcrossref{\(\checkmark\)}}" in tex
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
    assert re.search(
        r"projects/locks\.md:\d+: WARNING: slug 'locks' is already used by 'projects/again'.*\[resume\.slug\]", found
    )


def test_unknown_directive_employer(make_app, tmp_path):
    page = "# Page\n\n```{timeline}\n:employer: nobody\n```\n"
    app = build(make_app, site(tmp_path, files={"page.md": page}))
    found = [w for w in warnings(app) if "resume.directive" in w]
    assert len(found) == 1 and "page.md:3:" in found[0] and "unknown employer 'nobody'" in found[0]


def test_warnings_can_be_suppressed(make_app, tmp_path):
    page = EMPLOYER.format(start="2007-13", end="2008", skills="[C]")
    app = build(
        make_app,
        site(tmp_path, files={"experience/broken.md": page}),
        confoverrides={"suppress_warnings": ["resume.date"]},
    )
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
    assert sorted(domain.records) == [
        "experience/acme",
        "experience/bsd",
        "projects/locks",
        "projects/splice",
        "skills",
    ]
    assert sum(len(uses) for found in domain.aggregates.values() for uses in found.values()) == 4


def test_compact_career_summary(make_app, tmp_path):
    page = "# Brief\n\n```{career-summary}\n:projects:\n:compact:\n```\n"
    app = build(make_app, site(tmp_path, files={"brief.md": page}), "text", confoverrides={"exclude_patterns": []})
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


# -- issue 10: each finding, guarded ------------------------------------------------


def test_one_sided_timeline_window_draws_to_scale(make_app, tmp_path):
    """``:from:`` alone once drew ticks from 3000 to 83000; ``:to:`` alone
    started the axis at year 0; the caption ignored the window."""
    page = "# Page\n\n```{timeline}\n:from: 2005\n```\n\n```{timeline}\n:to: 2005\n```\n"
    app = build(make_app, site(tmp_path, files={"page.md": page}))
    assert warnings(app) == [] or all("resume.toctree" in w for w in warnings(app))
    html = (app.outdir / "page.html").read_text()
    titles = re.findall(r'<title id="[^"]*-title">([^<]*)</title>', html)
    assert titles == ["Career timeline, January 2005 to April 2012", "Career timeline, August 1999 to December 2005"]
    first, second = html.split("<svg")[1:3]
    assert re.findall(r'class="resume-tl-tick"[^>]*>(\d+)<', first) == [str(y) for y in range(2005, 2013)]
    assert re.findall(r'class="resume-tl-tick"[^>]*>(\d+)<', second) == [str(y) for y in range(1999, 2006)]


def test_moving_the_skill_index_rewrites_every_skill_link(make_app, tmp_path):
    """The summary boxes once kept pointing at the old page until a fresh build."""
    src = site(tmp_path)
    app = build(make_app, src)
    skills = src / "skills.md"
    skills.write_text(skills.read_text().replace("```{skill-index}\n```\n", ""))
    (src / "summary.md").write_text((src / "summary.md").read_text() + "\n```{skill-index}\n```\n")
    app.build()
    assert warnings(app) == []
    assert 'href="../summary.html#skill-C"' in (app.outdir / "projects/locks.html").read_text()
    fresh = again(make_app, app, src, freshenv=True, builddir=tmp_path / "fresh")
    assert outputs(app) == outputs(fresh)


def test_latex_matrix_has_its_group_rows(make_app, tmp_path):
    """One table for every builder: the LaTeX matrix shows each category row
    once, before its skills (the second, hand-written LaTeX table is gone)."""
    app = build(make_app, site(tmp_path), "latex")
    tex = next(app.outdir.glob("*.tex")).read_text()
    matrix = tex.split(r"\begin{longtable}")[1].split(r"\end{longtable}")[0]
    found = re.findall(r"\\sphinxstylestrong\{([^}]*)\}|\\sphinxcrossref\{([^}\\]*)\}", matrix)
    order = [group or skill for group, skill in found]
    assert order.index("Languages") < order.index("C") < order.index("Platforms") < order.index("FreeBSD")
    assert order.count("Languages") == 1 and order.count("Platforms") == 1


PLAIN = (str, int, float, bool, type(None))


def _plain(value):
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return isinstance(value, PLAIN)


def test_nodes_carry_plain_data(make_app, tmp_path):
    """Every attribute of every node in the stored and the resolved doctrees is
    a string, number, flag or a list or mapping of them."""
    from docutils import nodes

    app = build(make_app, site(tmp_path))
    for docname in sorted(app.env.found_docs):
        for tree in (app.env.get_doctree(docname), app.env.get_and_resolve_doctree(docname, app.builder)):
            for node in tree.findall(nodes.Element):
                for name, value in node.attributes.items():
                    assert _plain(value), (docname, node.tagname, name, type(value))


def test_no_builder_specific_link_code():
    """Links are pending_xref nodes resolved by Sphinx: nothing in the extension
    builds a URI, a LaTeX link, or asks which documents a builder writes."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "_ext" / "resume"
    # The builders that write at the end (JSON Resume, Word) name their target URIs, and one
    # building block links addresses outside the site (http, https, mailto).
    # Link previews, the sitemap and redirect pages name the HTML files' public
    # addresses (outside any doctree), so they ask the builder for them; the
    # site's navigation reproduces the theme's relative links.
    allowed = {
        "sphinx_ext/builders.py": {"get_target_uri"},
        "sphinx_ext/blocks.py": {"refuri="},
        "web/previews.py": {"get_target_uri"},
        "web/redirects.py": {"get_target_uri"},
        "site/navigation.py": {"get_target_uri", "get_relative_uri"},
    }
    for path in sorted(package.rglob("*.py")):
        source = path.read_text("utf-8")
        exempt = allowed.get(path.relative_to(package).as_posix(), set())
        for forbidden in ("get_relative_uri", "get_target_uri", "builder.docnames", "hyperref", "idescape", "refuri="):
            assert forbidden in exempt or forbidden not in source, f"{path.name}: {forbidden}"


def test_epub_written_once_and_loud_if_its_manifest_changes(make_app, tmp_path, monkeypatch):
    import zipfile

    from resume.writers import epub

    app = build(make_app, site(tmp_path), "epub")
    archive = next(app.outdir.glob("*.epub"))
    with zipfile.ZipFile(archive) as packed:
        names = packed.namelist()
    assert len(names) == len(set(names))  # one archive, each file once
    # Sphinx changes its manifest template: the build fails instead of
    # writing an ePub that checkers reject.
    monkeypatch.setattr(epub, "_XHTML_ITEM", re.compile(r"<nothing-matches/>"))
    app.cleanup()
    with pytest.raises(Exception, match="no manifest item found to declare SVG"):
        build(make_app, site(tmp_path / "again"), "epub", freshenv=True)


def test_engagement_is_validated_and_coloured(make_app, tmp_path):
    page = EMPLOYER.format(start="2007", end="2008", skills="[C]").replace(
        "      end: 2008\n", "      end: 2008\n      engagement: volunteering\n"
    )
    contract = (
        EMPLOYER.format(start="2001", end="2002", skills="[C]")
        .replace("      end: 2002\n", "      end: 2002\n      engagement: contract\n")
        .replace("# Broken Employer", "# Contractor")
    )
    app = build(make_app, site(tmp_path, files={"experience/broken.md": page, "experience/contract.md": contract}))
    found = warnings(app)
    assert len(found) == 1 and "experience/broken.md:8:" in found[0] and found[0].endswith("[resume.type]")
    assert "'engagement' must be one of employment, contract, open-source, teaching, volunteer" in found[0]
    assert found[0].endswith("not 'volunteering': did you mean 'volunteer'? [resume.type]")
    index = (app.outdir / "index.html").read_text()
    assert "resume-tl-tone-contract" in index and "resume-tl-tone-employment" in index
    legend = index.split('class="resume-tl-legend"')[1].split("</g>")[0]
    assert re.findall(r">([A-Z][a-z ]+)</text>", legend) == ["Employment", "Contract", "Project"]
