"""``make docx``: each two-page résumé as a Word file, beside its PDF.

The same documents as the two-page PDFs (``latex_documents`` with the
``resumebrief`` theme), under the same file names, from the same resolved
doctrees: what the PDF holds, the Word file holds (:mod:`resume.writers.docx`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.builders import Builder

from resume.site.settings import edition, site_url
from resume.writers.docx import Properties, write_docx

if TYPE_CHECKING:
    from collections.abc import Iterator, Set


class DocxBuilder(Builder):
    """Writes the Word résumés."""

    name = "docx"
    format = "docx"
    epilog = "The Word résumés are in %(outdir)s."
    allow_parallel = True

    def get_outdated_docs(self) -> Iterator[str]:
        # A few files drawn from the résumé pages, written at the end.
        yield from ()

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname + ".html"

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass

    def finish(self) -> None:
        config = self.config
        for entry in config.latex_documents:
            docname, target, theme = entry[0], entry[1], entry[4]
            if theme != "resumebrief" or docname not in self.env.found_docs:
                continue
            doctree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
            title = next(iter(doctree.findall(nodes.title)), None)
            direction = self.env.metadata[docname].get("direction")
            label = config.resume_directions.get(direction) if isinstance(direction, str) else None
            properties = Properties(
                name=config.project,
                subtitle=" · ".join(part for part in (title.astext() if title else "", config.today) if part),
                subject=f"Résumé of {config.author}" + (f", for {label}" if label else ""),
                keywords=list(config.resume_pdf_keywords),
                language=config.language or "en",
                edition=edition(config),
                site_url=site_url(config),
                accent=config.resume_accent,
            )
            (self.outdir / target).with_suffix(".docx").write_bytes(write_docx(doctree, properties))
