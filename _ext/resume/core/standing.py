"""Where the career stands, in words derived from the data: the ``{career}`` role.

Text that names the current position or the résumé's date is not typed by
hand: ``{career}`latest-status``` reads "is Senior Systems Engineer at
Pontiflex as of April 2012" while that position is ongoing, and "was Senior
Systems Engineer at Pontiflex until May 2012" once its page gives an end, so
ending a job or moving ``resume_as_of`` changes every page that says it.
Pure Python on the career model.
"""

from __future__ import annotations

from collections.abc import Sequence

from resume.core.career import Career
from resume.core.dates import format_month
from resume.core.model import Employer, Position

#: What the role can say, and what each says.
KEYS = {
    "as-of": "the month the résumé speaks from (`resume_as_of`), e.g. April 2012",
    "latest": "the most recent position and its employer, e.g. Senior Systems Engineer at Pontiflex",
    "latest-status": (
        "the same with its standing: is … as of April 2012 while it is ongoing, was … until May 2012 once it ended"
    ),
    "status": "on an employer's page, its most recent position with its standing, without the employer's name",
    "directions": (
        "the directions of `resume_directions`, as a list (a, b or c); on a tailored two-page résumé, its own"
    ),
}


def latest_position(employers: list[Employer]) -> tuple[Employer, Position] | None:
    """The position held now (the latest started, if several), else the one that ended last."""
    held = [(employer, position) for employer in employers for position in employer.positions]
    if not held:
        return None
    return max(held, key=lambda pair: (pair[1].end is None, pair[1].end or 0, pair[1].start, pair[0].slug))


def _standing(position: Position, as_of: int) -> str:
    if position.end is None or position.end > as_of:
        return f"as of {format_month(as_of)}"
    return f"until {format_month(position.end)}"


def _verb(position: Position, as_of: int) -> str:
    return "is" if position.end is None or position.end > as_of else "was"


def career_text(
    key: str, career: Career, docname: str, directions: Sequence[str] = (), direction: str | None = None
) -> str | None:
    """The words ``{career}`key``` stands for on page ``docname`` (tailored to
    ``direction``, one of the ``directions``' labels); None if it says nothing there."""
    if key == "as-of":
        return format_month(career.as_of)
    if key == "directions":
        said = [direction] if direction else list(directions)
        return None if not said else said[0] if len(said) == 1 else f"{', '.join(said[:-1])} or {said[-1]}"
    if key == "status":
        employer = next((e for e in career.employers.values() if e.docname == docname), None)
        found = latest_position([employer]) if employer is not None else None
        if found is None:
            return None
        _, position = found
        return f"{_verb(position, career.as_of)} {position.title} {_standing(position, career.as_of)}"
    found = latest_position(list(career.employers.values()))
    if found is None or key not in KEYS:
        return None
    employer, position = found
    at = f"{position.title} at {employer.name}"
    if key == "latest":
        return at
    return f"{_verb(position, career.as_of)} {at} {_standing(position, career.as_of)}"
