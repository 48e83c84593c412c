"""JSON Resume in and out of the knowledge base.

``-b jsonresume`` (``make json``) writes the site as a JSON Resume document;
``python -m resume.jsonresume.newsite`` (``make new``) makes a new site from one.
The mapping both ways is plain data (:mod:`.export`, :mod:`.importer`); what
JSON Resume has and the résumé model does not is kept in each page's
``jsonresume`` front matter and shown by ``{resume-details}`` (:mod:`.details`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .builder import JSONResumeBuilder
from .details import setup_details

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_jsonresume(app: Sphinx) -> None:
    # The person's contact details, as JSON Resume's basics (without name,
    # which is `project`); a "private" mapping holds what only -t private shows.
    app.add_config_value("resume_basics", {}, "env", types=frozenset({dict}))
    app.add_builder(JSONResumeBuilder)
    setup_details(app)
