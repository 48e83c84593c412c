"""The machinery manifest: what `make new` copies and `make upgrade` replaces is
every file of the listed folders, tests chosen by folder, never a page, the
person block, a cache or this career's tests."""

from __future__ import annotations

from pathlib import Path

from resume.scaffold.machinery import apply_upgrade, machinery_files, plan_upgrade


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name, "utf-8")


SHIPPED = [
    "Makefile",
    "_ext/resume/core/dates.py",
    "_latex/resumestyle.sty",
    "tests/conftest.py",
    "tests/helpers.py",
    "tests/unit/test_new_arrival.py",
    "tests/ext/test_anything.py",
    "tests/ext/data/sample.json",
    "tests/roots/test-basic/conf.py",
]
KEPT_OUT = [
    "conf.py",
    "index.md",
    "README.md",
    "guide/authoring.md",
    "experience/acme.md",
    "tests/site/test_facts.py",
    "tests/product/test_jsonresume_import.py",
    "_ext/resume/__pycache__/core.cpython-311.pyc",
    "_ext/.ruff_cache/0.8/x",
    "tests/.pytest_cache/v/x",
    ".mypy_cache/x.json",
    "_build/html/index.html",
    "benchmarks/results/gc.json",
]


def test_the_manifest_takes_folders_whole_and_leaves_out_pages_caches_and_the_careers_tests(tmp_path):
    _tree(tmp_path, SHIPPED + KEPT_OUT)
    assert machinery_files(tmp_path) == sorted(SHIPPED)


def test_an_upgrade_adds_changes_and_removes_only_machinery(tmp_path):
    site, newer = tmp_path / "site", tmp_path / "newer"
    _tree(site, SHIPPED + KEPT_OUT)
    _tree(newer, [*SHIPPED[1:], "_latex/new.sty", "conf.py", "index.md"])
    (newer / "_ext/resume/core/dates.py").write_text("newer", "utf-8")
    (newer / "index.md").write_text("another career", "utf-8")
    changes = plan_upgrade(site, newer)
    assert changes.added == ["_latex/new.sty"]
    assert changes.changed == ["_ext/resume/core/dates.py"]
    assert changes.removed == ["Makefile"]
    apply_upgrade(site, newer, changes)
    assert machinery_files(site) == machinery_files(newer)
    for name in KEPT_OUT:
        assert (site / name).read_text("utf-8") == name
    assert plan_upgrade(site, newer).lines() == []
