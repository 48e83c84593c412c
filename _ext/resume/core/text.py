"""Text taken from data an author or a file supplied, where anything may stand."""

from __future__ import annotations

import re


def text_of(value: object) -> str | None:
    """A string without its outer whitespace; None for an empty one or a non-string."""
    return value.strip() or None if isinstance(value, str) else None


def words_of(value: object) -> str | None:
    """Like :func:`text_of`, with every run of whitespace inside made one space."""
    return " ".join(value.split()) or None if isinstance(value, str) else None


def list_items(text: str) -> list[str]:
    """The items of a text written as a list, every line starting with "- ",
    "* " or "• " (each item on one line); none for any other text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or any(line[:2] not in ("- ", "* ", "• ") for line in lines):
        return []
    return [" ".join(line[2:].split()) for line in lines]


#: Words that say nothing of what a title names.
_LITTLE_WORDS = frozenset(
    ["a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"]
)


def _content_words(text: str) -> list[str]:
    words = re.findall(r"[^\W_]+", text.casefold())
    return [word for word in words if len(word) > 1 and word not in _LITTLE_WORDS]


def repeats(title: str, text: str) -> bool:
    """Whether ``text`` says what ``title`` names: two thirds or more of the
    title's words (a shared stem of five letters counts) are in it.
    ``"Spell checking engine"`` / ``"Spell checking to improve data entry"``."""
    named = _content_words(title)
    said = _content_words(text)
    if not named:
        return False
    found = sum(any(word[:5] == other[:5] for other in said) for word in named)
    return 3 * found >= 2 * len(named)


def is_web_address(text: str, schemes: tuple[str, ...] = ("http://", "https://")) -> bool:
    """One of ``schemes`` (``http://`` or ``https://``) and no space: an address a page may link."""
    return text.lower().startswith(schemes) and not any(ch.isspace() for ch in text)
