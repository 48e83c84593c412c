"""JSON Resume dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) against the site's months.

The schema's pattern lets through months 13 to 19 and days up to 39; these
functions accept only dates that exist. The site keeps month precision; a
more precise date from an imported file is kept beside it and exported again
as long as it still names the month the page says.
"""

from __future__ import annotations

import datetime
import json
import re

from resume.core.dates import month, year_of

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a real JSON Resume date, or None when it is one."""
    found = _DATE.fullmatch(text)
    if not found:
        return f"{json.dumps(text, ensure_ascii=False)} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    year, month_text, day_text = found.groups()
    if month_text is not None and not 1 <= int(month_text) <= 12:
        return f"{json.dumps(text, ensure_ascii=False)} is not a real month"
    if day_text is not None:
        try:
            datetime.date(int(year), int(month_text), int(day_text))
        except ValueError:
            return f"{json.dumps(text, ensure_ascii=False)} is not a real day"
    return None


def site_date(text: str) -> str:
    """A valid JSON Resume date as the site writes it: ``YYYY`` or ``YYYY-MM``."""
    return text[:7]


def month_of(text: str, *, is_end: bool) -> int:
    """The month a valid date stands for; a bare year is its first or last month."""
    if len(text) == 4:
        return month(int(text), 12 if is_end else 1)
    return month(int(text[:4]), int(text[5:7]))


def format_date(value: int) -> str:
    """A month of the site as a JSON Resume date, ``YYYY-MM``."""
    return f"{year_of(value):04d}-{value % 12 + 1:02d}"


def exported_date(value: int, original: object, *, is_end: bool) -> str:
    """``original`` (from an imported file) when it still names ``value``, else ``YYYY-MM``."""
    if isinstance(original, str) and date_problem(original) is None and month_of(original, is_end=is_end) == value:
        return original
    return format_date(value)
