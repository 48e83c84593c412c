"""``resume_basics``: the person's contact details, checked once when the build starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resume.core.vocabulary import Subtype
from resume.jsonresume.export import public_basics
from resume.jsonresume.schema import schema_problems
from resume.sphinx_ext.config import setting_location
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def setup_basics(app: Sphinx) -> None:
    app.connect("config-inited", check_basics)


def check_basics(app: Sphinx, config: Config) -> None:
    """Every build warns, at conf.py, about basics the JSON Resume schema rejects."""
    basics = public_basics(config.project, config.resume_basics, private=True)
    for problem in schema_problems({"basics": basics}):
        warn(Subtype.JSON, f"resume_basics: {problem}", setting_location(app, "resume_basics"))
