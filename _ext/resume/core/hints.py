"""The name an author most likely meant, for warnings that give the fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(name: str, choices: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The choice closest to ``name`` (case ignored), or None if none is close.

    A choice that differs from ``name`` only in case is always the answer.
    """
    by_folded = {choice.casefold(): choice for choice in sorted(choices, key=str)}
    folded = name.casefold()
    if folded in by_folded:
        return by_folded[folded]
    close = difflib.get_close_matches(folded, sorted(by_folded), n=1, cutoff=cutoff)
    return by_folded[close[0]] if close else None
