"""What the extension's own builders share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.builders import Builder

if TYPE_CHECKING:
    from collections.abc import Iterator, Set

    from docutils import nodes


class WrittenAtFinish(Builder):
    """A builder whose files are drawn from the whole site and written in
    ``finish``: nothing is written per page. Links to pages name their HTML files."""

    allow_parallel = True

    def get_outdated_docs(self) -> Iterator[str]:
        yield from ()

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return docname + ".html"

    def prepare_writing(self, docnames: Set[str]) -> None:
        pass

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        pass
