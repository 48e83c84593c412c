"""`make new` without FROM (the starter), then `make upgrade` from a changed
checkout: the machinery is replaced and reported, pages and the person block stay
byte for byte, the site builds strict and says the name and the date the person
block gives; and `pip install ./_ext` has a wheel to install."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml

import resume
from resume.scaffold.machinery import CACHES, copy_machinery, machinery_files

from site_fixtures import ROOT, build_environment, sphinx_build

PERSON = ("Ada Example", "2024-03", "March 2024")


def _run(*command: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(
        list(command),
        cwd=cwd,
        env={**build_environment(), "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _content(site: Path) -> dict[str, bytes]:
    """Every file of the site that is not machinery: pages, conf.py, README, guide."""
    machinery = set(machinery_files(site))
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).as_posix() not in machinery
    }


def test_the_starter_upgrades_from_a_newer_checkout_and_keeps_its_content(tmp_path):
    site = tmp_path / "site"
    _run(sys.executable, "-m", "resume.jsonresume.newsite", str(site))
    # No cache folder came along.
    assert not [p for p in site.rglob("*") if p.name in CACHES or p.suffix == ".pyc"]
    # The person block is edited; the pages are not.
    conf = (site / "conf.py").read_text("utf-8")
    name, as_of, month = PERSON
    conf = conf.replace("Your Name", name)
    conf = re.sub(r'resume_as_of = "\d{4}-\d\d"', f'resume_as_of = "{as_of}"', conf)
    (site / "conf.py").write_text(conf, "utf-8")
    before = _content(site)
    assert "conf.py" in before and "index.md" in before and "guide/authoring.md" in before

    # A newer checkout: one machinery file changed, one added, one removed.
    newer = tmp_path / "newer"
    copy_machinery(ROOT, newer)
    shutil.copy2(ROOT / "conf.py", newer / "conf.py")
    changed = newer / "_latex" / next(p.name for p in sorted((newer / "_latex").iterdir()) if p.is_file())
    changed.write_bytes(changed.read_bytes() + b"\n% a newer version\n")
    added = newer / "tests" / "ext" / "added_helper.py"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text('"""Arrived with the upgrade."""\n', "utf-8")
    removed = "benchmarks/README.md"
    (newer / removed).unlink()

    out = _run(
        "make", "--no-print-directory", "upgrade", f"FROM={newer}", "VENV=", f"PYTHON={sys.executable}", cwd=site
    )
    assert f"changed: {changed.relative_to(newer).as_posix()}" in out
    assert "added: tests/ext/added_helper.py" in out
    assert f"removed: {removed}" in out
    assert "1 added, 1 changed, 1 removed" in out
    assert machinery_files(site) == machinery_files(newer)
    assert (site / changed.relative_to(newer)).read_bytes() == changed.read_bytes()
    assert _content(site) == before
    again = _run(sys.executable, "-m", "resume.scaffold.upgrade", "--from", str(newer), str(site))
    assert "nothing changed" in again

    # The upgraded site builds strict; the name and the date come from conf.py.
    html = sphinx_build("html", site / "_build" / "html", srcdir=site)
    home = (html / "index.html").read_text("utf-8")
    assert f"<h1>{name}" in home
    assert f"up to {month};" in (html / "experience" / "index.html").read_text("utf-8")
    for page in html.rglob("*.html"):
        assert "Your Name" not in page.read_text("utf-8"), page


def test_the_starter_stands_alone():
    from resume.scaffold.starter import guide_pages, starter_pages

    pages = starter_pages()
    # Nothing personal is typed on the pages that are not the career's own.
    for name in ("index.md", "experience/index.md", "brief.md"):
        assert "{person}" in pages[name] or name == "brief.md"
        assert not re.search(r"(19|20)\d\d", pages[name]), name
    # No date is written twice: the jsonresume block carries none.
    for name, text in pages.items():
        if text.startswith("---\n"):
            data = yaml.safe_load(text.split("---\n")[1])
            for entry in [data.get("jsonresume") or {}, *(data.get("jsonresume") or {}).get("positions", [])]:
                assert not {"startDate", "endDate"} & set(entry), name
    # The guide is the starter's: every file and level it names exists in a new site.
    guide = guide_pages()["guide/authoring.md"]
    assert "toctree" in guide and "_includes" not in guide
    for path in re.findall(r"`((?:experience|projects)/[a-z-]+\.md|[a-z]+\.md)`", guide):
        assert path in pages or "<slug>" in path or path.startswith(("experience/acme", "README")), path


def test_the_extension_builds_as_a_wheel(tmp_path):
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), "./_ext")
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in ("resume/__init__.py", "resume/core/dates.py", "resume/extension.py", "resume/scaffold/machinery.py"):
        assert module in names
    assert "resume/scaffold/starter/index.md" in names and "resume/jsonresume/schema/schema.json" in names
    assert "resume/static/resume.css" in names
    assert not [n for n in names if "__pycache__" in n]
    metadata = zipfile.ZipFile(wheel).read(f"sphinx_resume_kb-{resume.__version__}.dist-info/METADATA").decode()
    assert f"Version: {resume.__version__}" in metadata and "Requires-Dist: sphinx" in metadata
    assert json.loads(json.dumps(sorted(names)))  # the listing is plain text
