"""``-b jsonresume``: the site's records as ``resume.json``, checked against the schema."""

from __future__ import annotations

import json
from collections.abc import Iterator, Set
from typing import TYPE_CHECKING, Any

from sphinx.builders import Builder

from ..dates import parse_month
from ..warnings import Subtype, warn
from .details import page_details
from .export import SiteData, export
from .schema import schema_problems

if TYPE_CHECKING:
    from docutils import nodes

FILENAME = "resume.json"


class JSONResumeBuilder(Builder):
    """Writes one JSON Resume document from the metadata of every page."""

    name = "jsonresume"
    format = "json"
    epilog = "The JSON Resume document is in %(outdir)s."
    allow_parallel = True

    def get_outdated_docs(self) -> Iterator[str]:
        # One file drawn from every page: nothing is written per page.
        yield from ()

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname + ".html"

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        document = export(self.site_data())
        for problem in schema_problems(document):
            warn(Subtype.JSON, f"{FILENAME} does not validate: {problem}", None)
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        (self.outdir / FILENAME).write_text(text, encoding="utf-8")

    def site_data(self) -> SiteData:
        career = self.env.domains["resume"].career  # type: ignore[attr-defined]
        base = self.config.html_baseurl.rstrip("/")
        documents = sorted(self.env.found_docs)
        employers = sorted(career.employers.values(), key=lambda record: record.docname)
        return SiteData(
            name=self.config.project,
            basics=self.config.resume_basics,
            as_of=parse_month(self.config.resume_as_of),
            employers=employers,
            projects=career.projects,
            catalogue=career.catalogue,
            extras={docname: details for docname in documents if (details := page_details(self.app, docname))},
            urls={record.docname: f"{base}/{record.docname}.html" for record in [*employers, *career.projects] if base},
            canonical=f"{base}/{FILENAME}" if base else None,
            private=self.tags.has("private"),
            results=_results(career.projects),
        )


def _results(projects: list[Any]) -> dict[str, Any]:
    """A project's stated result, where the model records one."""
    return {p.docname: p.result for p in projects if getattr(p, "result", None)}
