"""The one function that emits the extension's warnings through Sphinx's logger.

The vocabulary (:class:`~resume.core.vocabulary.Subtype`) is pure and lives in
the core; this is the Sphinx side of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from resume.core.vocabulary import TYPE, Subtype

if TYPE_CHECKING:
    from docutils.nodes import Node

logger = logging.getLogger(__name__)


def warn(subtype: Subtype, message: str, location: tuple[str, int] | str | Node | None) -> None:
    """Emit a ``resume.<subtype>`` warning at ``location``: ``(docname, line)``,
    a ``path:line`` string, or a node whose source and line Sphinx reads."""
    logger.warning(message, location=location, type=TYPE, subtype=subtype.value)
