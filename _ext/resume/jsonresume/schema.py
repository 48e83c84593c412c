"""Checking a document against the vendored JSON Resume schema, and more.

Every problem is located by the JSON pointer of the value it is about, so that
whoever fixes the file knows where to look.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator

from resume.core.text import is_web_address
from resume.jsonresume.dates import date_problem, month_of

SCHEMA = Path(__file__).parent / "schema" / "schema.json"
# Where the schema puts dates: (section, key) pairs.
DATED = {
    "work": ("startDate", "endDate"),
    "volunteer": ("startDate", "endDate"),
    "education": ("startDate", "endDate"),
    "projects": ("startDate", "endDate"),
    "awards": ("date",),
    "certificates": ("date",),
    "publications": ("releaseDate",),
}
DATE_KEYS = {key for keys in DATED.values() for key in keys} | {"lastModified"}
LINK_SCHEMES = ("http://", "https://", "mailto:")


@functools.cache
def validator() -> Draft7Validator:
    return Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def pointer(*parts: str | int) -> str:
    """The JSON pointer (RFC 6901) of a path."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def json_kind(value: object) -> str:
    """The JSON word for the kind of ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def json_text(value: object, limit: int = 60) -> str:
    """``value`` as JSON writes it, shortened to ``limit`` characters."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


WANTED = {"string": "a string", "array": "an array", "object": "an object", "number": "a number", "integer": "a number"}


def _message(error: Any) -> str:
    """The schema's complaint in JSON's words (``null``, ``string``, ``object``…), not Python's."""
    value = error.instance
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(WANTED.get(str(kind), str(kind)) for kind in kinds)
        return f"{json_text(value)} is {json_kind(value)}; JSON Resume wants {wanted} here"
    if error.validator == "pattern" and error.absolute_path and error.absolute_path[-1] in DATE_KEYS:
        return f"{json_text(value)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    if error.validator == "additionalProperties":
        return "JSON Resume allows no other keys here"
    return f"{json_text(value)} does not satisfy the schema ({error.validator} {json_text(error.validator_value)})"


def schema_problems(document: Any) -> list[str]:
    """What the JSON Resume schema and real dates say is wrong, one line each."""
    found = [
        f"{pointer(*error.absolute_path) or '/'}: {_message(error)}"
        for error in sorted(validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if isinstance(document, dict):
        found += _date_problems(document)
    return found


def dated_entries(document: dict[str, Any]) -> Iterator[tuple[str, int, dict[str, Any], tuple[str, ...]]]:
    """Every object of a section that has dates: its section, index, itself and its date keys."""
    for section, keys in DATED.items():
        entries = document.get(section)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict):
                yield section, index, entry, keys


def _date_problems(document: dict[str, Any]) -> Iterator[str]:
    for section, index, entry, keys in dated_entries(document):
        for key in keys:
            value = entry.get(key)
            if isinstance(value, str) and (problem := date_problem(value)):
                yield f"{pointer(section, index, key)}: {problem}"
        start, end = entry.get("startDate"), entry.get("endDate")
        if (
            isinstance(start, str)
            and isinstance(end, str)
            and date_problem(start) is None
            and date_problem(end) is None
            and month_of(end, is_end=True) < month_of(start, is_end=False)
        ):
            yield f"{pointer(section, index, 'endDate')}: {json_text(end)} is before startDate {json_text(start)}"


def is_link(url: object) -> bool:
    """Whether a URL field may become a link: only http, https and mailto."""
    return isinstance(url, str) and is_web_address(url.strip(), LINK_SCHEMES)
