"""What people write in JSON Resume files, read as the schema means it.

:func:`repair` returns a repaired copy of a document and one line per repair,
each located by the JSON pointer of the value it is about:

- the keys of JSON Resume before 1.0 (``company``, ``website``, ``picture``,
  ``gpa``) are read as their successors (``name``, ``url``, ``image``, ``score``);
- an empty string, ``null``, an empty array or an empty object is absent (an
  absent ``endDate`` means ongoing, and so do ``"present"`` and its kin);
- dates written with one-digit months or days (``2023-9-28``), as a date and
  time (``2023-09-28T10:00:00Z``), with slashes (``2023/09``) or with the
  month's name (``Sep 2023``) are written ``YYYY``, ``YYYY-MM`` or
  ``YYYY-MM-DD``; a day the month does not have keeps the month;
- a number where the schema wants a string is that number's text, a string
  where it wants an array is an array of that one string (``keywords``: of
  its comma-separated words), and a string ``basics.location`` is its city;
- a month or day written ``00`` is not known: the date keeps what is;
- a date that cannot be read is left out where the site keeps the entry as it
  is (volunteer, awards, certificates, publications: the entry without its
  date), and left for the check to refuse where the site reads the dates.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from dataclasses import dataclass, field
from typing import Any

from resume.jsonresume.schema import dated_entries, json_text, pointer, validator

# Keys renamed by JSON Resume 1.0: {section: {old: new}}; "basics" is the object itself.
RENAMED: dict[str, dict[str, str]] = {
    "basics": {"website": "url", "picture": "image"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "publications": {"website": "url"},
    "projects": {"website": "url"},
}
# Where the site reads the dates: a date it cannot read there is refused, elsewhere left out.
CARRIED_DATES = {"work", "projects", "education"}
ONGOING_WORDS = {"present", "current", "currently", "now", "ongoing", "today", "till date", "to date", "current job"}
MONTH_WORDS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC = re.compile(
    r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{4})")
_NAMED = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?,?\s+(?:(\d{1,2}),?\s+)?(\d{4})")


def read_date(text: str) -> tuple[str | None, str]:
    """``text`` as a JSON Resume date, and what was done to it ("" when nothing).

    None when it cannot be read as a date at all.
    """
    stripped = " ".join(text.split())
    year: int
    month: int | None = None
    day: int | None = None
    if found := _NUMERIC.fullmatch(stripped):
        year = int(found[1])
        month = int(found[2]) if found[2] else None
        day = int(found[3]) if found[3] else None
    elif found := _MONTH_YEAR.fullmatch(stripped):
        year, month = int(found[2]), int(found[1])
    elif (found := _NAMED.fullmatch(stripped)) and found[2].casefold() in MONTH_WORDS:
        year, month = int(found[4]), MONTH_WORDS[found[2].casefold()]
        day_text = found[1] or found[3]
        day = int(day_text) if day_text else None
    else:
        return None, ""
    if month == 0:  # "2020-00" or "2020-00-00": the month is not known
        month = day = None
    elif day == 0:
        day = None
    if month is not None and not 1 <= month <= 12:
        return None, ""
    if month is None:
        result = f"{year:04d}"
    elif day is None:
        result = f"{year:04d}-{month:02d}"
    else:
        try:
            result = datetime.date(year, month, day).isoformat()
        except ValueError:
            return f"{year:04d}-{month:02d}", f"{json_text(text)} has no such day; kept as the month"
    return result, ("" if result == text else f"{json_text(text)} read as {json_text(result)}")


class _Repairs:
    def __init__(self) -> None:
        self.lines: list[str] = []
        # For each array that lost empty items (by its pointer in the file): the file's index of each kept item.
        self.kept: dict[tuple[str | int, ...], list[int]] = {}

    def say(self, where: tuple[str | int, ...], what: str) -> None:
        self.lines.append(f"{pointer(*where) or '/'}: {what}")

    # -- renamed keys ----------------------------------------------------------------

    def renamed(self, doc: dict[str, Any]) -> None:
        for section, renames in RENAMED.items():
            value = doc.get(section)
            entries: list[tuple[tuple[str | int, ...], Any]]
            if section == "basics":
                entries = [((section,), value)]
            else:
                entries = [((section, i), e) for i, e in enumerate(value)] if isinstance(value, list) else []
            for where, entry in entries:
                if not isinstance(entry, dict):
                    continue
                for old, new in renames.items():
                    if old not in entry:
                        continue
                    if entry.get(new) in (None, "", [], {}):
                        entry[new] = entry.pop(old)
                        self.say(
                            (*where, old), f"read as {pointer(*where, new)} (the key's name before JSON Resume 1.0)"
                        )
                    elif entry[old] in (None, "", [], {}) or entry[old] == entry[new]:
                        del entry[old]
                        self.say((*where, old), f"left out: {pointer(*where, new)} is given")
                    else:
                        self.say((*where, old), f"not carried: {pointer(*where, new)} is given and differs")

    # -- empty values ----------------------------------------------------------------

    def emptied(self, value: Any, where: tuple[str | int, ...]) -> Any:
        """``value`` without its empty members; an object or array left empty is empty
        itself, and is reported as one line, not one for each member."""
        if isinstance(value, dict):
            for key in list(value):
                item, said = self._emptied_member(value[key], (*where, key))
                if _is_empty(item):
                    ongoing = " (the position is ongoing)" if key == "endDate" and where[:1] == ("work",) else ""
                    self.say((*where, key), f"{said}, read as absent{ongoing}")
                    del value[key]
                else:
                    value[key] = item
        elif isinstance(value, list):
            kept, indices = [], []
            for index, member in enumerate(value):
                item, said = self._emptied_member(member, (*where, index))
                if _is_empty(item):
                    self.say((*where, index), f"{said}, left out")
                else:
                    kept.append(item)
                    indices.append(index)
            if len(kept) < len(value):
                self.kept[where] = indices
            value[:] = kept
        return value

    def _emptied_member(self, value: Any, where: tuple[str | int, ...]) -> tuple[Any, str]:
        written = "null" if value is None else f"empty ({json_text(value)})"
        mark = len(self.lines)
        item = self.emptied(value, where)
        if _is_empty(item) and len(self.lines) > mark:
            del self.lines[mark:]  # its members' lines: the member is reported whole
        return item, written

    # -- dates -------------------------------------------------------------------------

    def dates(self, doc: dict[str, Any]) -> None:
        for section, index, entry, keys in dated_entries(doc):
            for key in keys:
                self.date(entry, key, (section, index), carried=section in CARRIED_DATES)
        meta = doc.get("meta")
        stamp = meta.get("lastModified") if isinstance(meta, dict) else None
        if isinstance(stamp, str) and read_date(stamp)[0] is None:
            del meta["lastModified"]  # type: ignore[union-attr]
            self.say(("meta", "lastModified"), f"{json_text(stamp)} is not a date; left out")

    def date(self, entry: dict[str, Any], key: str, where: tuple[str | int, ...], *, carried: bool) -> None:
        value = entry.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            entry[key] = value = str(value)
            self.say((*where, key), f"the number {value} read as the year {json_text(value)}")
        if not isinstance(value, str):
            return
        if key == "endDate" and " ".join(value.split()).casefold() in ONGOING_WORDS:
            del entry[key]
            self.say((*where, key), f"{json_text(value)} read as ongoing (no endDate)")
            return
        result, what = read_date(value)
        if result is None:
            if not carried:
                del entry[key]
                self.say((*where, key), f"{json_text(value)} is not a date; left out, the entry kept without it")
            return
        entry[key] = result
        if what:
            self.say((*where, key), what)

    # -- kinds the schema wants ---------------------------------------------------------

    def kinds(self, doc: dict[str, Any]) -> None:
        for error in list(validator().iter_errors(doc)):
            if error.validator != "type" or not error.absolute_path:
                continue
            path = tuple(error.absolute_path)
            parent = doc
            for part in path[:-1]:
                parent = parent[part]
            value, wanted = error.instance, error.validator_value
            if wanted == "string" and isinstance(value, int | float) and not isinstance(value, bool):
                parent[path[-1]] = json.dumps(value)
                self.say(path, f"the number {json.dumps(value)} read as the string {json.dumps(json.dumps(value))}")
            elif wanted == "array" and isinstance(value, str) and path[-1] == "keywords":
                parent[path[-1]] = [word.strip() for word in value.split(",") if word.strip()]
                self.say(path, f"a string where the schema wants an array: read as {json_text(parent[path[-1]])}")
            elif wanted == "array" and isinstance(value, str):
                parent[path[-1]] = [value]
                self.say(path, "a string where the schema wants an array: read as an array of that one string")
            elif wanted == "object" and isinstance(value, str) and path == ("basics", "location"):
                parent[path[-1]] = {"city": value}
                self.say(path, f"a string where the schema wants an object: read as the city, {json_text(value)}")


def _is_empty(value: Any) -> bool:
    return value is None or value in ([], {}) or (isinstance(value, str) and not value.strip())


_POINTER = re.compile(r"(?<![\w/])/[^\s:,()\"]+")


@dataclass
class Repaired:
    """A repaired document, what was repaired, and the way back to the file's own pointers."""

    document: Any
    lines: list[str] = field(default_factory=list)
    kept: dict[tuple[str | int, ...], list[int]] = field(default_factory=dict)

    def leave_out(self, section: str, index: int) -> None:
        """Remove entry ``index`` of a top-level ``section``, keeping pointers into the file right."""
        entries = self.document[section]
        indices = self.kept.setdefault((section,), list(range(len(entries))))
        del entries[index], indices[index]
        if not entries:
            del self.document[section]

    def in_file(self, line: str) -> str:
        """``line`` with every JSON pointer into the repaired document made a pointer into the file."""
        return _POINTER.sub(lambda found: self._pointer(found[0]), line) if self.kept else line

    def _pointer(self, text: str) -> str:
        parts: list[str | int] = []
        for raw in text.split("/")[1:]:
            part = raw.replace("~1", "/").replace("~0", "~")
            indices = self.kept.get(tuple(parts))
            if indices is not None and part.isdigit() and int(part) < len(indices):
                parts.append(indices[int(part)])
            else:
                parts.append(int(part) if part.isdigit() else part)
        return pointer(*parts)


def repair(document: Any) -> Repaired:
    """A repaired copy of ``document`` and one line per repair, located in the file."""
    if not isinstance(document, dict):
        return Repaired(document)
    doc = copy.deepcopy(document)
    repairs = _Repairs()
    repairs.emptied(doc, ())  # located in the file as it walks it
    emptied = len(repairs.lines)
    repairs.renamed(doc)
    repairs.dates(doc)
    repairs.kinds(doc)
    repairs.dates(doc)  # numbers made strings may be dates
    result = Repaired(doc, kept=repairs.kept)
    result.lines = repairs.lines[:emptied] + [result.in_file(line) for line in repairs.lines[emptied:]]
    return result
