"""Where each front-matter key stands in a source file.

MyST passes front matter on as values only (nested ones as JSON text), so the
lines that warnings point at are recovered from the composed YAML: the source
check composes it once (:mod:`.sourcecheck`) and leaves the lines of the page
being read under :data:`KEY_LINES` in ``env.temp_data``.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from resume.core.model import KeyPath, LineOf, nearest_line

_FENCE = "---"
#: ``env.temp_data`` key: the line of every key path of the page being read.
KEY_LINES = "resume_key_lines"
# libyaml's composer where PyYAML has it: the same nodes and marks, ten times faster.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def decode(value: Any) -> Any:
    """A front-matter value as MyST stored it: mappings and lists arrive as JSON."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def locate(source: str) -> dict[KeyPath, int]:
    """Map every key path of the front matter to its 1-based line in ``source``."""
    lines = source.splitlines()
    if not lines or lines[0].rstrip() != _FENCE:
        return {}
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.rstrip() in (_FENCE, "..."))
    except StopIteration:
        return {}
    try:
        root = yaml.compose("\n".join(lines[1:end]), Loader=LOADER)
    except yaml.YAMLError:
        return {}
    return key_lines(root)


def key_lines(root: yaml.Node | None) -> dict[KeyPath, int]:
    """Map every key path of a composed front matter to its 1-based line."""
    found: dict[KeyPath, int] = {}
    if root is not None:
        _walk(root, (), found, offset=2)  # 0-based marks, after the opening fence
    return found


def _walk(node: yaml.Node, path: KeyPath, found: dict[KeyPath, int], offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*path, key.value)
            found.setdefault(child, key.start_mark.line + offset)
            _walk(value, child, found, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            found.setdefault((*path, index), item.start_mark.line + offset)
            _walk(item, (*path, index), found, offset)


def line_finder(located: dict[KeyPath, int]) -> LineOf:
    """A ``line_of(path)`` for :func:`resume.core.model.parse_record`."""
    return lambda path: nearest_line(located, path)
