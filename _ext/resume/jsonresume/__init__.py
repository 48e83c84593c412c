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
from .config import setup_basics
from .details import setup_details

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_jsonresume(app: Sphinx) -> None:
    setup_basics(app)
    app.add_builder(JSONResumeBuilder)
    setup_details(app)
