"""What share of a full build is the extension's own work: a cProfile reading.

The extension's time is counted where the build enters it: for every function
in ``_ext/resume/``, the cumulative time of its calls made from code outside
the extension (Sphinx, docutils, MyST, the theme). That includes what those
calls spend in Sphinx and docutils on the extension's behalf (making nodes,
relative URIs) and counts nothing twice as long as the extension is not
re-entered through outside code, which it is not: no extension code calls
Sphinx in a way that calls the extension back.
"""

from __future__ import annotations

import pstats
import sys
from pathlib import Path
from typing import Any

from benchmarks.builds import Build, sphinx_build

Key = tuple[str, int, str]


def profile_build(srcdir: Path, outdir: Path, stats_file: Path) -> Build:
    """A full HTML build under cProfile; the statistics go to ``stats_file``."""
    return sphinx_build(srcdir, outdir, python=[sys.executable, "-m", "cProfile", "-o", str(stats_file)])


def _label(key: Key, root: Path) -> str:
    filename, line, name = key
    path = Path(filename)
    shown = path.relative_to(root) if path.is_relative_to(root) else path.name
    return f"{shown}:{line}({name})"


def analyse(stats_file: Path, ext_dir: Path, top: int = 15) -> dict[str, Any]:
    """Total profiled time, the extension's time and share, its top functions."""
    stats = pstats.Stats(str(stats_file))
    table: dict[Key, tuple] = stats.stats  # type: ignore[attr-defined]
    prefix = str(ext_dir.resolve()) + "/"

    def inside(key: Key) -> bool:
        return key[0].startswith(prefix)

    total = max(ct for _, _, _, ct, _ in table.values())  # the outermost frame
    entered = 0.0
    own = 0.0
    functions = []
    for key, (_, calls, tottime, cumtime, callers) in table.items():
        if not inside(key):
            continue
        own += tottime
        entered += sum(edge[3] for caller, edge in callers.items() if not inside(caller))
        functions.append(
            {
                "function": _label(key, ext_dir.parent),
                "calls": calls,
                "tottime": round(tottime, 4),
                "cumtime": round(cumtime, 4),
                "share": round(cumtime / total, 5),
            }
        )
    functions.sort(key=lambda f: -f["cumtime"])
    return {
        "total_seconds": round(total, 3),
        "extension_seconds": round(entered, 3),
        "extension_share": round(entered / total, 5),
        "extension_own_code_seconds": round(own, 3),
        "top": functions[:top],
    }
