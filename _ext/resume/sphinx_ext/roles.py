"""Roles other than the domain's: ``{email}``, ``{career}`` and ``{person}``."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxRole

from resume.core.dates import format_month, parse_month
from resume.core.hints import nearest
from resume.core.standing import KEYS
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.nodes import aggregate, email_link, spoken_address
from resume.sphinx_ext.warnings import warn


class EmailRole(SphinxRole):
    """``{email}`someone@example.org` ``: a link that is not the plain address."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        address = self.text.strip()
        if "@" not in address:
            warn(Subtype.EMAIL, f"email: {address!r} is not an e-mail address", (self.env.docname, self.lineno))
        shown = spoken_address(address)
        return [email_link(shown, shown, address=address)], []


class CareerRole(SphinxRole):
    """``{career}`latest-status` ``: words about where the career stands, from the data
    (:mod:`resume.core.standing`), filled in once every page is read."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        if key not in KEYS:
            guess = nearest(key, KEYS)
            hint = f"did you mean {guess!r}?" if guess else f"write one of {', '.join(KEYS)}"
            warn(Subtype.DIRECTIVE, f"career: {key!r} is not something the role can say: {hint}", self.get_location())
            return [nodes.inline(self.rawtext, key)], []
        domain_of(self.env).note_aggregate(self.env.docname, "career", self.lineno, {"key": key})
        node = aggregate(directive="career", options={"key": key}, docname=self.env.docname)
        self.set_source_info(node)
        return [node], []


#: What ``{person}`` can say: the person block's values in conf.py.
PERSON_KEYS = ("name", "label", "as-of")


class PersonRole(SphinxRole):
    """``{person}`name` ``: a value of conf.py's person block (``name``, ``label``,
    ``as-of``), so that no page types what the person block already says."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        config = self.env.config
        if key == "name":
            text = str(config.project)
        elif key == "label":
            text = str((config.resume_basics or {}).get("label", ""))
        elif key == "as-of":
            text = format_month(parse_month(config.resume_as_of))
        else:
            warn(
                Subtype.DIRECTIVE,
                f"person: {key!r} is not a value of the person block: write one of {', '.join(PERSON_KEYS)}",
                (self.env.docname, self.lineno),
            )
            text = key
        return [nodes.Text(text)], []
