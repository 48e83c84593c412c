"""JSON Resume ``publications`` as BibTeX entries and back: plain data in,
plain data out.

`make new` writes a résumé's publications into the site's ``references.bib``,
where sphinxcontrib-bibtex lists them (the publications page's
``{bibliography}``, filtered by :data:`KEYWORD`); the two-page résumé and the
export read them back from the parsed entries. Each field is written as the
file gives it, so export → import → export keeps it; a text BibTeX would read
as markup (a brace, a backslash, a dollar or a tilde) cannot be written so,
and :func:`unwritable` names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

#: The keyword that marks an entry as one of the person's publications.
KEYWORD = "publication"
#: JSON Resume's key for each BibTeX field written (``date``: the release date as given).
#: (``howpublished``: what the styles show of a ``@misc`` entry's publisher.)
FIELDS = {"name": "title", "publisher": "howpublished", "releaseDate": "date", "url": "url", "summary": "note"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MARKUP = frozenset("{}\\$~")


def unwritable(publications: Iterable[Mapping[str, Any]]) -> tuple[int, str] | None:
    """The first (index, key) whose text BibTeX would not keep as written."""
    for index, entry in enumerate(publications):
        for key in FIELDS:
            value = entry.get(key)
            if value is not None and not writable(value):
                return index, key
    return None


def writable(value: Any) -> bool:
    return isinstance(value, str) and not _MARKUP & set(value)


def bib_text(publications: Iterable[Mapping[str, Any]], author: str, keys: Iterable[str]) -> str:
    """One ``@misc`` entry per publication, with the person as author, under ``keys``."""
    entries = []
    for key, entry in zip(keys, publications, strict=True):
        lines = [f"@misc{{{key},", f"  author = {{{author}}},"]
        for name, field in FIELDS.items():
            value = entry.get(name)
            if value is None:
                continue
            # The title braced once more: styles keep its capitals as written.
            lines.append(f"  {field} = {{{{{value}}}}}," if field == "title" else f"  {field} = {{{value}}},")
            if name == "releaseDate" and len(value) >= 4:
                lines.append(f"  year = {{{value[:4]}}},")
                if len(value) >= 7:  # BibTeX's own month names, which styles write out
                    lines.append(f"  month = {_MONTHS[int(value[5:7]) - 1]},")
        lines += [f"  keywords = {{{KEYWORD}}},", "}"]
        entries.append("\n".join(lines))
    return "\n\n".join(entries) + "\n"


def is_publication(fields: Mapping[str, str]) -> bool:
    keywords = fields.get("keywords", "")
    return KEYWORD in (word.strip() for word in keywords.split(","))


def publication_of(fields: Mapping[str, str]) -> dict[str, str]:
    """A JSON Resume publication from a parsed entry's fields."""
    found: dict[str, str] = {}
    for name, field in FIELDS.items():
        value = fields.get(field)
        if value is None:
            continue
        if field == "title" and value.startswith("{") and value.endswith("}"):
            value = value[1:-1]
        found[name] = value
    if "releaseDate" not in found and fields.get("year"):
        found["releaseDate"] = fields["year"]
    return found
