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

from jsonschema import Draft7Validator  # type: ignore[import-untyped]

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
LINK_SCHEMES = ("http://", "https://", "mailto:")


@functools.cache
def validator() -> Draft7Validator:
    return Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def pointer(*parts: str | int) -> str:
    """The JSON pointer (RFC 6901) of a path."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


def schema_problems(document: Any) -> list[str]:
    """What the JSON Resume schema and real dates say is wrong, one line each."""
    found = [
        f"{pointer(*error.absolute_path) or '/'}: {error.message}"
        for error in sorted(validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    ]
    if isinstance(document, dict):
        found += _date_problems(document)
    return found


def _date_problems(document: dict[str, Any]) -> Iterator[str]:
    for section, keys in DATED.items():
        entries = document.get(section)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
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
                yield f"{pointer(section, index, 'endDate')}: {end!r} is before startDate {start!r}"


def is_link(url: object) -> bool:
    """Whether a URL field may become a link: only http, https and mailto."""
    return (
        isinstance(url, str)
        and url.strip().lower().startswith(LINK_SCHEMES)
        and not any(ch.isspace() for ch in url.strip())
    )
