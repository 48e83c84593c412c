"""A Sphinx extension for the benchmarks: what furo's own navigation would cost.

Where a build with furo's per-page navigation takes too long to run (1000
pages on a loaded machine), this samples it: during a build with
``fast_navigation``, for every ``THEME_SAMPLE_STEP``-th page (default 20) it
has furo compute the page's navigation its own way, as furo's
``html-page-context`` handler would, and adds up the CPU time. The JSON
written to ``THEME_SAMPLE_OUT`` at the end gives pages, pages sampled and
their CPU seconds; the theme's navigation for the whole build is about
``cpu / sampled * pages``.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

import furo

STEP = int(os.environ.get("THEME_SAMPLE_STEP", "20"))


def setup(app: Any) -> dict[str, Any]:
    seen = {"pages": 0, "sampled": 0, "cpu": 0.0, "step": STEP}

    def sample(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
        if "furo_navigation_tree" not in context:
            return
        seen["pages"] += 1
        if seen["pages"] % STEP:
            return
        started = time.process_time()
        furo._compute_navigation_tree(context)
        seen["cpu"] += time.process_time() - started
        seen["sampled"] += 1

    def report(app: Any, exception: Exception | None) -> None:
        with open(os.environ["THEME_SAMPLE_OUT"], "w", encoding="utf-8") as out:
            json.dump(seen, out)

    app.connect("html-page-context", sample, priority=700)
    app.connect("build-finished", report)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": False}
