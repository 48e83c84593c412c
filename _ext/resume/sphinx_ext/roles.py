"""Roles other than the domain's: ``{email}``."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from resume.core.vocabulary import Subtype
from resume.sphinx_ext.nodes import email_link, spoken_address
from resume.sphinx_ext.warnings import warn


class EmailRole(SphinxRole):
    """``{email}`someone@example.org` ``: a link that is not the plain address."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        address = self.text.strip()
        if "@" not in address:
            warn(Subtype.EMAIL, f"email: {address!r} is not an e-mail address", (self.env.docname, self.lineno))
        shown = spoken_address(address)
        return [email_link(shown, shown, address=address)], []
