"""The author's order: pages in the order the tables of contents give them.

The projects are listed in every aggregate in the order of the toctree that
holds them (the résumé's order), so the author states it once. Plain Python on
the mapping Sphinx keeps of each page's toctree entries.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reading_order(includes: Mapping[str, Sequence[str]], root: str) -> tuple[str, ...]:
    """Every page reachable from ``root``, depth first, each once, in toctree order.

    A page is placed where it is first reached; cycles are cut where they close.
    """
    seen: dict[str, None] = {}
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in seen:
            continue
        seen[docname] = None
        stack.extend(reversed([d for d in includes.get(docname, ()) if d not in seen]))
    return tuple(seen)
