"""The extension's settings: declared, typed, described and checked in one place.

Each :class:`Setting` is a ``resume_*`` value of ``conf.py`` with its type, its
default, what changing it rebuilds and what it means. :func:`check_config`
checks every one when the build starts (``config-inited``): a value that cannot
be used is a ``resume.config`` warning at its line of ``conf.py`` naming the
fix, and the setting falls back to its default, so the rest of the site builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from resume.core.dates import DateError, parse_month, this_month
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOUR = re.compile(r"[0-9A-Fa-f]{6}")


def _month(value: Any) -> str | None:
    try:
        parse_month(value)
    except DateError as error:
        return f"{error}; write the month as YYYY-MM, e.g. '2012-04'"
    return None


def _slug(value: Any) -> str | None:
    if not value or _SLUG.fullmatch(value):
        return None
    return f"{value!r} is not a slug: use lowercase letters, digits and single hyphens, e.g. 'ada-lovelace'"


def _directions(value: Mapping[Any, Any]) -> str | None:
    for slug, label in value.items():
        if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
            return f"direction {slug!r} is not a slug: use lowercase letters, digits and hyphens"
        if not isinstance(label, str) or not label.strip():
            return f"direction {slug!r} needs a label, e.g. 'operating system programming'"
    return None


def _levels(value: list[Any] | tuple[Any, ...]) -> str | None:
    if value and all(isinstance(level, str) and level.strip() for level in value):
        return None
    return "list the levels a catalog may state, highest first, e.g. ['expert', 'highly skilled']"


def _colour(value: Any) -> str | None:
    return None if _COLOUR.fullmatch(value) else f"{value!r} is not a color: write six hex digits, e.g. '1F5F8B'"


def _keywords(value: list[Any] | tuple[Any, ...]) -> str | None:
    return None if all(isinstance(word, str) and word.strip() for word in value) else "list the keywords as texts"


def _address(value: Any) -> str | None:
    if not value or (value.startswith(("http://", "https://")) and value.endswith("/")):
        return None
    return f"{value!r} is not a site address: write it in full, ending in '/', e.g. 'https://example.org/cv/'"


@dataclass(frozen=True)
class Setting:
    """One ``resume_*`` value of ``conf.py``."""

    name: str
    default: Any
    rebuild: Literal["env", "html", ""]  # what a change makes Sphinx do again
    types: tuple[type, ...]
    description: str
    check: Callable[[Any], str | None] | None = None  # a problem with a value of the right type, or None


SETTINGS = (
    Setting(
        "resume_as_of",
        "",
        "env",
        (str,),
        "The month the résumé speaks from (YYYY-MM): ongoing positions are drawn up to it and the PDF and "
        "ePub carry it. Empty: the month of SOURCE_DATE_EPOCH, or of today.",
        _month,
    ),
    Setting(
        "resume_levels",
        ["expert", "highly skilled"],
        "env",
        (list, tuple),
        "The skill levels a catalog may state, highest first.",
        _levels,
    ),
    Setting(
        "resume_auto_summary",
        True,
        "env",
        (bool,),
        "Put a summary box (role, dates, skills, links) at the top of every employer and project page.",
    ),
    Setting(
        "resume_show_problems",
        False,
        "html",
        (bool,),
        "List each page's warnings at its top: for the live preview (make live), never for a published build.",
    ),
    Setting(
        "resume_directions",
        {},
        "env",
        (dict,),
        "The directions the career can be read for, slug: label. Projects name theirs in `directions`; "
        "a page whose front matter sets `direction: <slug>` is a two-page résumé tailored to one.",
        _directions,
    ),
    Setting(
        "resume_basics",
        {},
        "env",
        (dict,),
        "The person's contact details, as JSON Resume's `basics` without the name (that is `project`); a "
        "`private` mapping holds what only `-t private` builds show (address, postal code, phone, references).",
    ),
    Setting(
        "resume_slug",
        "",
        "env",
        (str,),
        "The person's slug: the file names of the PDFs, the ePub and the Word résumés, and the ePub's "
        "identifier. Empty: made from `project`.",
        _slug,
    ),
    Setting(
        "resume_accent",
        "1F5F8B",
        "env",
        (str,),
        "The one accent color of the site (its light scheme) and of the PDFs, as six hex digits.",
        _colour,
    ),
    Setting(
        "resume_pdf_keywords",
        [],
        "env",
        (list, tuple),
        "The keywords written into every PDF's metadata.",
        _keywords,
    ),
    Setting(
        "resume_site_url",
        "",
        "html",
        (str,),
        "The site's public address, ending in '/': canonical links, link previews, the sitemap and the 404 "
        "page's links need it. Empty: the address Read the Docs gives (READTHEDOCS_CANONICAL_URL), else none.",
        _address,
    ),
    Setting(
        "resume_downloads_dir",
        "",
        "html",
        (str,),
        "A folder of built PDFs, ePub and JSON Resume files that the HTML site copies and links (`make all` "
        "sets it). Empty: the formats are named without links, except on Read the Docs.",
    ),
)


def setup_config(app: Sphinx) -> None:
    for setting in SETTINGS:
        app.add_config_value(
            setting.name,
            setting.default,
            setting.rebuild,
            types=frozenset(setting.types),
            description=setting.description,
        )
    app.connect("config-inited", check_config, priority=100)


def check_config(app: Sphinx, config: Config) -> None:
    """Check every setting; one that cannot be used warns and takes its default."""
    for setting in SETTINGS:
        value = config[setting.name]
        problem = setting.check(value) if setting.check is not None and isinstance(value, setting.types) else None
        if problem:
            warn(Subtype.CONFIG, f"{setting.name}: {problem}", setting_location(app, setting.name))
            config[setting.name] = setting.default
    if not config.resume_as_of:
        config.resume_as_of = this_month()


def setting_location(app: Sphinx, name: str) -> str | None:
    """``conf.py:N`` where the setting is assigned, for warnings about it;
    None where conf.py does not assign it (a ``-D`` option does)."""
    conf = Path(app.confdir, "conf.py")
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    assignment = re.compile(rf"\s*{re.escape(name)}\s*=")
    line = next((n for n, text in enumerate(lines, 1) if assignment.match(text)), None)
    return f"{conf}:{line}" if line else None
