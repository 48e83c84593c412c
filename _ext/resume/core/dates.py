"""Month-precision dates, periods and durations: plain Python, no Sphinx.

A month is an ``int``: ``year * 12 + (month - 1)``. Periods are inclusive at both
ends, as a résumé means them: "January 2007 – August 2010" covers 44 months.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from typing import NamedTuple

ONGOING = "ongoing"

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2}))?")


class DateError(ValueError):
    """A date that is malformed or impossible; the message says which."""


class Period(NamedTuple):
    """An inclusive range of months; ``ongoing`` when it had no end as of the build."""

    start: int
    end: int
    ongoing: bool = False

    @property
    def months(self) -> int:
        return self.end - self.start + 1


def month(year: int, month_of_year: int) -> int:
    return year * 12 + month_of_year - 1


def year_of(value: int) -> int:
    return value // 12


def parse_month(value: object, *, is_end: bool = False) -> int:
    """Parse ``YYYY`` or ``YYYY-MM`` (a string or, as YAML gives it, an int).

    A bare year means its first month for a start and its last for an end.
    """
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise DateError(f"expected YYYY or YYYY-MM, got {type(value).__name__}")
    text = str(value).strip()
    found = _DATE.fullmatch(text)
    if not found:
        raise DateError(f"{text!r} is not a date of the form YYYY or YYYY-MM")
    year = int(found["year"])
    if found["month"] is None:
        return month(year, 12 if is_end else 1)
    month_of_year = int(found["month"])
    if not 1 <= month_of_year <= 12:
        raise DateError(f"{text!r} has no month {month_of_year}")
    return month(year, month_of_year)


def format_month(value: int) -> str:
    """``2011*12+7`` → ``"August 2011"``."""
    return f"{MONTH_NAMES[value % 12]} {year_of(value)}"


def format_month_numeric(value: int) -> str:
    """``2011*12+7`` → ``"2011-08"``, as front matter writes it."""
    return f"{year_of(value)}-{value % 12 + 1:02d}"


def format_month_short(value: int) -> str:
    """``2011*12+7`` → ``"Aug 2011"``."""
    return f"{MONTH_NAMES[value % 12][:3]} {year_of(value)}"


def format_period(period: Period, *, short: bool = False) -> str:
    """An ongoing period says the month it is drawn up to: the reader of an
    old résumé must not take "present" for today."""
    fmt = format_month_short if short else format_month
    end = f"present (as of {fmt(period.end)})" if period.ongoing else fmt(period.end)
    if period.start == period.end and not period.ongoing:
        return fmt(period.start)
    return f"{fmt(period.start)} – {end}"


def format_years_span(period: Period) -> str:
    """``"2007–2010"``, ``"2005"``, or ``"since 2011, as of April 2012"`` while ongoing."""
    first, last = year_of(period.start), year_of(period.end)
    if period.ongoing:
        return f"since {first}, as of {format_month(period.end)}"
    return str(first) if first == last else f"{first}–{last}"


def format_duration(months: int) -> str:
    """``44`` → ``"3 years 8 months"``; ``1`` → ``"1 month"``."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def covering(periods: Iterable[Period]) -> Period:
    """The one period from the earliest start to the latest end; ongoing if any is."""
    found = list(periods)
    return Period(min(p.start for p in found), max(p.end for p in found), any(p.ongoing for p in found))


def merge(periods: Iterable[Period]) -> list[Period]:
    """Union of inclusive periods: overlapping or touching ones become one."""
    merged: list[Period] = []
    for period in sorted(periods):
        if merged and period.start <= merged[-1].end + 1:
            last = merged[-1]
            if period.end > last.end:
                merged[-1] = Period(last.start, period.end, period.ongoing)
            elif period.end == last.end and period.ongoing:
                merged[-1] = last._replace(ongoing=True)
        else:
            merged.append(period)
    return merged


def merged_months(periods: Iterable[Period]) -> int:
    """Months covered by the periods, overlaps counted once."""
    return sum(p.months for p in merge(periods))


def format_number(value: float | None) -> str:
    """A stated number as the author wrote it: ``9`` not ``9.0``; nothing for None."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def this_month() -> str:
    """The month of ``SOURCE_DATE_EPOCH``, or of today: ``YYYY-MM``."""
    stamp = float(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m", time.gmtime(stamp))
