"""``{career}``: the current position and the résumé's date come from the data,
so ending a job or moving ``resume_as_of`` changes every page that says them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from helpers import again, build, site, visible_text, warnings

SAYS = "He {career}`latest-status`; dated {career}`as-of`; lately {career}`latest`.\n"


def _pages(app: Any) -> tuple[str, str]:
    out = Path(app.outdir)
    return visible_text((out / "index.html").read_text("utf-8")), visible_text(
        (out / "experience/bsd.html").read_text("utf-8")
    )


def test_the_role_follows_an_ended_job_and_the_as_of_date(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path)
    index = src / "index.md"
    index.write_text(index.read_text("utf-8").replace("# A test career\n", "# A test career\n\n" + SAYS), "utf-8")
    bsd = src / "experience/bsd.md"
    bsd.write_text(bsd.read_text("utf-8").replace("An open source", "Kim {career}`status`. An open source"), "utf-8")
    app = build(make_app, src)
    assert warnings(app) == []
    home, page = _pages(app)
    assert "He is Committer at The BSD Project as of April 2012; dated April 2012" in home
    assert "lately Committer at The BSD Project." in home
    assert "Kim is Committer as of April 2012." in page
    # End the job (only its page changes): every page that says it follows.
    bsd.write_text(bsd.read_text("utf-8").replace("end: ongoing", "end: 2011-05"), "utf-8")
    app = again(make_app, app, src)
    home, page = _pages(app)
    assert "He was Committer at The BSD Project until May 2011; dated April 2012" in home
    assert "Kim was Committer until May 2011." in page
    # Move the date on.
    app = again(make_app, app, src, confoverrides={"resume_as_of": "2013-02"})
    assert "dated February 2013" in _pages(app)[0]


def test_a_misspelt_or_misplaced_key_is_located_with_a_hint(make_app: Any, tmp_path: Path) -> None:
    page = "---\norphan: true\n---\n\n# Page\n\nHe {career}`latest-statu`, {career}`status`.\n"
    app = build(make_app, site(tmp_path, files={"page.md": page}))
    found = sorted(warnings(app))
    assert len(found) == 2, found
    assert (
        "page.md:7: WARNING: career: 'latest-statu' is not something the role can say: did you mean 'latest-status'?"
        in found[0]
    )
    assert "page.md:7: WARNING: career: 'status' has nothing to say here: use it on an employer's page" in found[1]
    assert all("[resume.directive]" in w for w in found)


def test_the_directions_are_listed_and_a_tailored_page_names_its_own(make_app: Any, tmp_path: Path) -> None:
    said = "Seeking work in {career}`directions`.\n"
    pages = {
        "general.md": "---\norphan: true\n---\n\n# General\n\n" + said,
        "tailored.md": "---\norphan: true\ndirection: kernel\n---\n\n# Tailored\n\n" + said,
    }
    directions = {"kernel": "kernel work", "web": "web services", "ops": "operations"}
    app = build(make_app, site(tmp_path, files=pages), confoverrides={"resume_directions": directions})
    assert warnings(app) == []
    out = Path(app.outdir)
    assert "Seeking work in kernel work, web services or operations." in visible_text(
        (out / "general.html").read_text("utf-8")
    )
    assert "Seeking work in kernel work." in visible_text((out / "tailored.html").read_text("utf-8"))
    app = build(make_app, site(tmp_path / "none", files=pages))
    found = warnings(app)
    assert any(
        "career: 'directions' has nothing to say here: use it once conf.py's resume_directions" in w for w in found
    )
