"""The package's layout is its architecture: each layer imports only from
itself and the layers below, and the pure parts load without Sphinx."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "_ext" / "resume"

#: The layers, lowest first; a module may import from its own package and
#: from packages of a lower rank, never from a higher or an equal one.
RANKS = {
    "core": 0,
    "scaffold": 0,  # the machinery manifest, the starter and `make upgrade`: no other layer
    "draw": 1,
    "sphinx_ext": 2,
    "jsonresume": 3,
    "content": 4,
    "authoring": 4,
    "web": 5,
    "writers": 5,
    "site": 6,
    "": 7,  # the package itself: __init__ and the wiring in extension
}
#: What must import without Sphinx or docutils: the core, and what ``make new`` loads.
PURE = sorted(
    [f"resume.core.{path.stem}" for path in (PACKAGE / "core").glob("*.py") if path.stem != "__init__"]
    + [
        "resume.core",
        "resume",
        "resume.jsonresume.newsite",
        "resume.scaffold.upgrade",
        "resume.jsonresume.export",
        "resume.draw.timeline",
    ]
)
SPHINX_PACKAGES = ("sphinx", "docutils")


def _package(module: str) -> str:
    """The layer of ``resume.<package>[.<module>]``; "" for the package's own modules."""
    part = module.split(".")[1:2]
    return part[0] if part and part[0] in RANKS else ""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(path: Path) -> set[str]:
    """Every ``resume`` module ``path`` names in an import, type-only ones included."""
    named = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; the layers are named in full")
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "resume":
            named.add(node.module)
        elif isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names if alias.name.split(".")[0] == "resume")
    return named


def test_every_module_belongs_to_a_layer():
    assert {_package(module) for module in _modules()} == set(RANKS)


def test_no_module_imports_upward_or_sideways():
    wrong = []
    for module, path in _modules().items():
        own = _package(module)
        # The package's __init__ imports nothing at load time: its __version__ is no dependency.
        for imported in sorted(_imports(path) - {"resume"}):
            other = _package(imported)
            if other != own and RANKS[other] >= RANKS[own]:
                wrong.append(f"{module} ({own or 'resume'}) imports {imported} ({other or 'resume'})")
    assert wrong == []


@pytest.mark.parametrize("module", PURE)
def test_pure_modules_load_without_sphinx(module):
    probe = (
        f"import sys; import {module}; "
        f"print(sorted({{n.split('.')[0] for n in sys.modules}} & set({SPHINX_PACKAGES!r})))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PACKAGE.parent
    ).stdout
    assert loaded.strip() == "[]", f"{module} loads {loaded.strip()}"
