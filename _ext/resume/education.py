"""The schools of the home page's JSON-LD (``alumniOf``), read where the site
states its education.

A site states its education once: as prose on a page whose ``jsonresume``
front matter says ``read: education`` (this site), or as the ``education``
entries that an imported site keeps in that front matter. The JSON Resume
export reads the same page (:mod:`.jsonresume.builder`) and reports a school
it cannot read. This collector keeps each such page's institutions, and asks
for the home page to be written again when they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.environment.collectors import EnvironmentCollector

from .domain import domain_of
from .jsonresume import prose
from .jsonresume.details import page_details

if TYPE_CHECKING:
    from collections.abc import Set

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def institutions(details: dict[str, Any], doctree: nodes.document) -> tuple[str, ...] | None:
    """The schools a page states, in its order; None for a page that states none."""
    entries = details.get("education")
    if not isinstance(entries, list):
        if details.get("read") != "education":
            return None
        try:
            entries = prose.education(doctree)
        except prose.ProseError:
            return None  # the JSON Resume export says what is wrong
    names = (entry.get("institution") for entry in entries if isinstance(entry, dict))
    return tuple(name.strip() for name in names if isinstance(name, str) and name.strip())


def _by_page(env: BuildEnvironment) -> dict[str, tuple[str, ...]]:
    if not hasattr(env, "resume_schools"):
        env.resume_schools = {}  # type: ignore[attr-defined]
    return env.resume_schools  # type: ignore[attr-defined,no-any-return]


def schools(env: BuildEnvironment) -> tuple[str, ...]:
    """The schools of the first page (by name) that states any."""
    found = _by_page(env)
    return next((found[docname] for docname in sorted(found) if found[docname]), ())


class SchoolsCollector(EnvironmentCollector):
    """Keeps :func:`schools` per page, for incremental and parallel builds."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        _by_page(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
        _by_page(env).update({d: found for d, found in _by_page(other).items() if d in docnames})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        found = institutions(page_details(app, app.env.docname), doctree)
        if found is not None:
            _by_page(app.env)[app.env.docname] = found

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """The home page, when the schools it shows have changed."""
        now = schools(env)
        if getattr(env, "resume_schools_shown", None) == now:
            return []
        env.resume_schools_shown = now  # type: ignore[attr-defined]
        person = domain_of(env).career.person
        return [person.docname] if person is not None and person.docname in env.found_docs else []
