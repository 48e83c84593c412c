"""How the extension's pure core grows with the number of entries.

For n employers and projects (a generated knowledge base of n + 4 pages), time
what the extension computes without Sphinx: validating every page's metadata,
``Career.build`` and its indexes, the timeline layouts and their SVG, the skill
matrix, and the render functions of every aggregate and every page's summary
box. Each stage is the fastest of a few runs.
"""

from __future__ import annotations

import functools
import gc
import math
import sys
import time
from collections.abc import Callable
from typing import Any

from benchmarks.generate import (
    EXT_DIR,
    FIXED_PAGES,
    catalogue_metadata,
    employer_metadata,
    plan,
    project_metadata,
)

if str(EXT_DIR) not in sys.path:
    sys.path.insert(0, str(EXT_DIR))

from resume.content.matrix import build_matrix
from resume.content.skill_index import build_skill_index
from resume.content.summaries import build_career_summary, build_page_summary
from resume.content.timeline import build_timeline
from resume.core.career import Career
from resume.core.dates import parse_month
from resume.core.model import parse_record
from resume.draw.svg import render_svg
from resume.draw.timeline import layout_timeline
from resume.sphinx_ext.links import Links

SIZES = (250, 500, 1000, 2000, 4000)
#: The target: cost per n·log n at the largest size at most this times that at the smallest.
NLOGN_TOLERANCE = 1.25


def metadata(entries: int, as_of: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(docname, title, front matter) of every page with metadata, for ``entries`` entries."""
    kb = plan(entries + len(FIXED_PAGES), as_of=as_of)
    pages = [(f"experience/{e.slug}", e.name, employer_metadata(e)) for e in kb.employers]
    pages += [(f"projects/{p.slug}", p.name, project_metadata(p)) for p in kb.projects]
    pages.append(("skills", "Skills", catalogue_metadata()))
    return pages


def parse(pages: list[tuple[str, str, dict[str, Any]]]) -> list[Any]:
    records = []
    for docname, title, data in pages:
        record, problems = parse_record(data, docname=docname, title=title, line_of=lambda path: 1)
        assert record is not None and not problems, (docname, problems)
        records.append(record)
    return records


def _stages(records: list[Any], as_of: int) -> dict[str, Callable[[], Any]]:
    def career() -> Career:
        built = Career.build(records, as_of)
        built.usage, built.entries, built.skill_names()  # the cached indexes
        return built

    state = {"career": career()}

    def page(docname: str) -> Links:
        return Links(docname, state["career"], "skills")

    def timelines() -> None:
        for show in (("positions", "projects"), ("positions",)):
            layout = layout_timeline(state["career"].timeline_items(show))
            render_svg(layout, href=lambda d: d, title="t", desc="d", id_prefix="tl")

    def aggregates() -> None:
        build_timeline(page("index"), {}, uid="tl-0")
        build_timeline(page("experience/index"), {"show": ("positions",)}, uid="tl-1")
        build_career_summary(page("experience/index"), {})
        build_career_summary(page("projects/index"), {"projects": True})
        build_matrix(page("skills"), {"group": True})
        build_skill_index(page("skills"), {})

    def summaries() -> None:
        for record in records:
            if hasattr(record, "skills"):
                build_page_summary(page(record.docname), {})

    return {
        "career": lambda: state.__setitem__("career", career()),
        "timeline layout + SVG": timelines,
        "matrix": lambda: state["career"].matrix(group=True),
        "aggregate renders": aggregates,
        "page summaries": summaries,
    }


def _fastest(function: Callable[[], Any], repeat: int, collector: bool) -> float:
    """Best of ``repeat`` runs; with ``collector`` False the cyclic garbage
    collector is paused while one runs (and run in between)."""
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        if not collector:
            gc.disable()
        try:
            started = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - started)
        finally:
            gc.enable()
    return best


def measure(
    sizes: tuple[int, ...] = SIZES, repeat: int = 3, as_of: str = "2012-04", collector: bool = False
) -> dict[str, Any]:
    """Seconds per stage for each size, and how the total grows against n log n.

    ``collector`` False times the algorithms alone; True includes the pauses of
    Python's cyclic garbage collector, which depend on everything else alive.
    """
    month = parse_month(as_of)
    rows = []
    counts, totals = [], []
    for entries in sizes:
        pages = metadata(entries, as_of)
        records = parse(pages)
        stages = {"parse metadata": _fastest(functools.partial(parse, pages), repeat, collector)}
        for name, stage in _stages(records, month).items():
            stages[name] = _fastest(stage, repeat, collector)
        counts.append(len(records) - 1)
        totals.append(sum(stages.values()))
        rows.append({"entries": counts[-1], "stages": stages, "total": totals[-1]})
    return {"collector": collector, "rows": rows, **growth(counts, totals)}


def growth(ns: list[int], seconds: list[float]) -> dict[str, Any]:
    """The fitted exponent of t ∝ n^k and the cost per n·log n, relative to the smallest n."""
    logs = [(math.log(n), math.log(t)) for n, t in zip(ns, seconds, strict=True)]
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    spread = sum((x - mean_x) ** 2 for x, _ in logs)
    exponent = sum((x - mean_x) * (y - mean_y) for x, y in logs) / spread if spread else float("nan")
    per_nlogn = [t / (n * math.log2(n)) for n, t in zip(ns, seconds, strict=True)]
    relative = [c / per_nlogn[0] for c in per_nlogn]
    return {
        "exponent": round(exponent, 3),
        "per_nlogn_relative": [round(r, 3) for r in relative],
        "within_nlogn": relative[-1] <= NLOGN_TOLERANCE,
    }
