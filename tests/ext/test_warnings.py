"""One warning vocabulary: the enum and the code agree, and every warning the
extension emits is of type ``resume``. (The authoring guide's table of them:
tests/site/test_guide.py.)"""

from __future__ import annotations

import ast
from pathlib import Path

from resume.core.vocabulary import Subtype

from helpers import build, site, warnings

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "_ext" / "resume"


def _modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text("utf-8")) for path in sorted(PACKAGE.rglob("*.py"))}


def _subtypes_used() -> set[str]:
    used = set()
    for tree in _modules().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Subtype":
                used.add(node.attr)
    return used


def test_every_subtype_has_its_own_description():
    docs = [member.__doc__ for member in Subtype]
    assert all(doc and doc != Subtype.__doc__ for doc in docs)
    assert len(set(docs)) == len(docs)


def test_code_uses_exactly_the_enum():
    assert _subtypes_used() == {member.name for member in Subtype}


def test_only_the_vocabulary_module_logs():
    """No other module has a logger or passes a warning type of its own."""
    for path, tree in _modules().items():
        # problems.py listens and quiet.py filters another package's logger; neither emits.
        if path.name in {"warnings.py", "problems.py", "quiet.py"}:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"getLogger", "warning"}, f"{path.name}:{node.lineno}"
            if isinstance(node, ast.keyword):
                assert node.arg not in {"type", "subtype"}, f"{path.name}:{node.lineno}"


def test_dangling_skill_and_bad_email_are_resume_warnings(make_app, tmp_path):
    page = "---\norphan: true\n---\n# Page\n\nKnows {skill}`Cobol`; write to {email}`nobody`.\n"
    src = site(tmp_path, files={"page.md": page})
    app = build(make_app, src)
    found = warnings(app)
    assert any("skill 'Cobol'" in w and w.endswith("[resume.skill]") for w in found), found
    assert any("'nobody' is not an e-mail address" in w and w.endswith("[resume.email]") for w in found), found


def test_one_suppression_silences_every_kind(make_app, tmp_path):
    page = "---\norphan: true\n---\n# Page\n\nKnows {skill}`Cobol`; write to {email}`nobody`.\n\n```{timeline}\n:employer: nobody\n```\n"
    src = site(tmp_path, files={"page.md": page})
    app = build(make_app, src, confoverrides={"suppress_warnings": ["resume"]})
    assert warnings(app) == []
