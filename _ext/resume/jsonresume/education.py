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

from resume.jsonresume import prose
from resume.jsonresume.details import page_details
from resume.sphinx_ext.domain import domain_of

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


def schools(env: BuildEnvironment) -> tuple[str, ...]:
    """The schools of the first page (by name) that states any."""
    return domain_of(env).schools()


class SchoolsCollector(EnvironmentCollector):
    """Reads each page's schools into the domain (which keeps them per page,
    for incremental and parallel builds), and rewrites the home page when they change."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        pass  # the domain drops the page's schools

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
        pass  # the domain merges them

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        found = institutions(page_details(app, app.env.docname), doctree)
        if found is not None:
            domain_of(app.env).schools_by_page[app.env.docname] = found

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """The home page, when the schools it shows have changed."""
        domain = domain_of(env)
        now = domain.schools()
        if domain.data.get("schools_shown") == now:
            return []
        domain.data["schools_shown"] = now
        person = domain_of(env).career.person
        return [person.docname] if person is not None and person.docname in env.found_docs else []
