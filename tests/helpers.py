"""Helpers for tests that build the small projects in ``tests/roots``."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOTS = Path(__file__).parent / "roots"


def search(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    """``re.search`` that fails the test, naming the pattern, when nothing matches."""
    found = re.search(pattern, text, flags)
    assert found, f"no match for {pattern!r}"
    return found


def site(tmp_path: Path, root: str = "basic", files: dict[str, str] | None = None) -> Path:
    """A writable copy of a test root, with some files replaced or added."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{root}", src)
    for name, text in (files or {}).items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    return src


def build(make_app: Any, srcdir: Path, builder: str = "html", **kwargs: Any) -> Any:
    """Build ``srcdir`` with ``builder`` through sphinx.testing's ``make_app``."""
    kwargs.setdefault("builddir", srcdir / "_build")
    app = make_app(builder, srcdir=srcdir, **kwargs)
    app.build()
    return app


def again(make_app: Any, previous: Any, srcdir: Path, **kwargs: Any) -> Any:
    """Another build in the same test: a new application on the same (or a fresh) tree."""
    previous.cleanup()  # unregister the previous application's nodes and directives
    return build(make_app, srcdir, **kwargs)


def warnings(app: Any) -> list[str]:
    """The warnings of a build, one line each, without colour codes."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in plain.splitlines() if "WARNING" in line]


def visible_text(html: str) -> str:
    """The words of an HTML page as a reader sees them, punctuation closed up."""
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r" ([,.;:])", r"\1", text)


def read_page(path: Path) -> tuple[dict[str, Any], str]:
    """A MyST page's ``resume`` front matter (empty when it has none) and its body."""
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}, text
    _, front, body = text.split("---\n", 2)
    return (yaml.safe_load(front) or {}).get("resume", {}), body


def page_title(path: Path) -> str:
    """The text of a MyST page's first level-one heading."""
    return search(r"^# (.+)$", path.read_text("utf-8"), re.MULTILINE)[1]


def toctree(path: Path) -> list[str]:
    """The entries of the (last) toctree of an index page, in order."""
    text = path.read_text("utf-8")
    block = text[text.rindex("{toctree}") :].split("```", 1)[0]
    return [line.strip() for line in block.splitlines()[1:] if line.strip() and not line.startswith(":")]


def run_make_new(source: Path | None, dest: Path) -> subprocess.CompletedProcess:
    """``make new``'s command: a site at ``dest`` from the JSON Resume file
    ``source``, or the starter site without one."""
    from site_fixtures import ROOT, build_environment

    origin = ["--from", str(source)] if source else []
    return subprocess.run(
        [sys.executable, "-m", "resume.jsonresume.newsite", *origin, str(dest)],
        env={**build_environment(), "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )


def assert_lint_clean(folder: Path, name: str) -> None:
    """``name`` in ``folder`` passes ruff's format and checks, under the folder's settings."""
    for command in (["format", "--check", "--diff"], ["check"]):
        linted = subprocess.run(
            [sys.executable, "-m", "ruff", *command, "--no-cache", name],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        assert linted.returncode == 0, linted.stdout + linted.stderr
