"""The site-level part of the extension: what a knowledge base needs beyond
the ``resume`` extension itself.

``extensions = [..., "resume.site"]`` in conf.py loads ``resume`` with it, and
sets every Sphinx setting that follows from the person block
(:mod:`.settings`): file names, download links, the LaTeX documents and their
look, the ePub's metadata, the site's address. Its modules also give the book
its chapters (:mod:`.book`), make furo's navigation once per build
(:mod:`.navigation`), write valid ARIA (:mod:`.accessible_html`) and keep the
console quiet (:mod:`.quiet`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: What ``resume.site`` loads; each is an extension of its own, so a build can
#: leave one out (``-D extensions=…`` listing the others).
PARTS = (
    "resume",
    "resume.site.settings",
    "resume.site.accessible_html",
    "resume.site.navigation",
    "resume.site.quiet",
    "resume.site.book",
)


def setup(app: Sphinx) -> ExtensionMetadata:
    from resume import __version__

    for part in PARTS:
        app.setup_extension(part)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
