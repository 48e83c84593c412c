"""The extension's warning vocabulary: what each kind of problem is about.

Every warning is of type ``resume`` with one of the :class:`Subtype` members
below, so ``suppress_warnings = ["resume"]`` silences them all and
``["resume.date"]`` one kind. The authoring guide lists the same subtypes with
the same descriptions (a test keeps the three in step).

To add a kind of warning: add one member with its description, use it, and
add its row to the guide's table. Pure Python: the core's validators name
their problems with it; :mod:`resume.sphinx_ext.warnings` emits them.
"""

from __future__ import annotations

from enum import StrEnum

#: The type of every warning the extension gives.
TYPE = "resume"


class Subtype(StrEnum):
    """What a warning is about; each member's ``__doc__`` says when it is reported."""

    def __new__(cls, value: str, doc: str) -> Subtype:
        member = str.__new__(cls, value)
        member._value_ = value
        member.__doc__ = doc
        return member

    FRONTMATTER = (
        "frontmatter",
        "the front matter is empty or not keys and values, the `resume` block is not a mapping, or `kind` is "
        "missing or unknown",
    )
    KEY = (
        "key",
        (
            "a key is not one of those above (the nearest one is suggested), is given twice, or is missing "
            "where it is required (a position's `end` too); a top-level key is a near miss of `resume`; "
            "the person record has a key that belongs in `resume_basics`, or `schools` (read from the "
            "education page)"
        ),
    )
    TYPE = "type", "a value has the wrong type (a number where a list belongs, …) or is not one of its choices"
    DATE = "date", "a date is malformed or impossible, or a start comes after `resume_as_of`"
    RANGE = "range", "an end comes before its start, or a project's dates fall outside its position's"
    EMPLOYER = "employer", "a project names an employer slug that has no page"
    POSITION = "position", "a project names a position its employer's page does not list"
    DIRECTION = (
        "direction",
        "a project or page names a direction that `resume_directions` in `conf.py` does not declare",
    )
    SLUG = "slug", "two pages of the same kind share a slug (each of the two is told, naming the other)"
    SKILL = (
        "skill",
        (
            "a skill name is empty or not in the catalog, or a ``{skill}`` role names a skill "
            "that has no entry to link to, or a catalog `level` is not one it knows"
        ),
    )
    DIRECTIVE = (
        "directive",
        (
            "a directive option names something that does not exist, or a range is reversed; a ``{career}`` role "
            "names something it cannot say, or has nothing to say where it is"
        ),
    )
    EMAIL = "email", "an ``{email}`` role is given something that is not an e-mail address"
    CONFIG = "config", "`resume_as_of` in `conf.py` is not a `YYYY-MM` date"
    YAML = (
        "yaml",
        (
            "the front matter is not valid YAML (the warning gives line, column and reason, and names a tab), "
            "or its closing `---` is missing"
        ),
    )
    TITLE = "title", "a page has no `#` title"
    ORDER = (
        "order",
        (
            "a toctree lists employers, or projects of different employers, in another order than the pages' "
            "generated lists (employers newest first): the warning gives the order to write"
        ),
    )
    TOCTREE = (
        "toctree",
        "a page is in no toctree: the warning names the page (and the line) whose toctree should list it",
    )
    GLYPH = (
        "glyph",
        "a page or `conf.py` uses a character the PDFs' fonts cannot print (an emoji, …): the PDFs print `?` instead",
    )
    JSON = "json", "the JSON Resume export (`make json`) does not validate against the schema"
    NAVIGATION = (
        "navigation",
        "the installed furo or Sphinx is not a version the site's fast navigation reproduces: the theme builds "
        "every page's navigation itself",
    )
    REDIRECT = "redirect", "a `moved_from` entry is not a document name, is listed twice, or names a live page"
    FIT = (
        "fit",
        "a two-page résumé takes more than two pages even without its optional lines (`make pdf` says so after "
        "LaTeX, and writes no such PDF)",
    )
