"""conf.py is the person and the site's choices; the extension's settings are
declared once, described in the README, and derive the rest."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from resume.sphinx_ext.config import SETTINGS

from site_fixtures import read_site_config

ROOT = Path(__file__).resolve().parents[2]


def test_conf_py_defines_nothing_and_reads_no_environment():
    tree = ast.parse((ROOT / "conf.py").read_text("utf-8"))
    defined = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda)]
    assert defined == []
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert not names & {"os", "environ", "tags", "getenv"}


def test_the_readme_describes_every_setting_as_declared():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `(resume_\w+)` \| `(.*?)` \| (.+) \|$", section, flags=re.MULTILINE)
    assert rows == [(s.name, repr(s.default), s.description) for s in SETTINGS]


def test_the_file_names_follow_the_slug_and_the_private_tag():
    public, private = read_site_config(), read_site_config(tags=("private",))
    slug = public["resume_slug"]
    assert public["epub_basename"] == f"{slug}-career-book"
    assert private["epub_basename"] == f"{slug}-career-book-private"
    names = [Path(entry[1]).stem for entry in public["latex_documents"]]
    assert len(names) == 2 + len(public["resume_directions"])
    assert all(name.startswith(slug) and not name.endswith("-private") for name in names)
    assert all(Path(entry[1]).stem.endswith("-private") for entry in private["latex_documents"])
    assert public["version"] == public["release"] == public["resume_as_of"]
