"""Text taken from data an author or a file supplied, where anything may stand."""

from __future__ import annotations


def text_of(value: object) -> str | None:
    """A string without its outer whitespace; None for an empty one or a non-string."""
    return value.strip() or None if isinstance(value, str) else None


def words_of(value: object) -> str | None:
    """Like :func:`text_of`, with every run of whitespace inside made one space."""
    return " ".join(value.split()) or None if isinstance(value, str) else None
