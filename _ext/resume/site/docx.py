"""``make docx``: each two-page résumé as a Word file, beside its PDF.

The same documents as the two-page PDFs (``latex_documents`` with the
``resumebrief`` theme), under the same file names, from the same resolved
doctrees: what the PDF holds, the Word file holds (:mod:`resume.writers.docx`).
"""

from __future__ import annotations

from docutils import nodes

from resume.site.settings import edition, site_url
from resume.sphinx_ext.builders import WrittenAtFinish
from resume.writers.docx import Properties, write_docx


class DocxBuilder(WrittenAtFinish):
    """Writes the Word résumés."""

    name = "docx"
    format = "docx"
    epilog = "The Word résumés are in %(outdir)s."

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
