"""A tiny Sphinx extension that records what a build read and wrote.

Loaded by the synthetic sites' conf.py. It does nothing unless the
environment variable ``RESUME_BENCH_PROBE`` names a file; then it writes
there, as JSON lines:

- ``{"event": "read", "docnames": [...]}``: the documents this build reads
  (``env-before-read-docs``);
- ``{"event": "page", "pagename": ...}``: each HTML page written
  (``html-page-context``; appended from whichever process writes it, so
  parallel writes are counted too);
- ``{"event": "phase", "name": ..., "time": ...}``: wall-clock marks;
- ``{"event": "gc", "collections": [...], "seconds": [...]}``: at the end, how
  often and how long Python's cyclic garbage collector ran in the main
  process, per generation (``gc.callbacks``); seconds of CPU time
  (``time.process_time``), so that other processes on the machine do not
  count.
"""

from __future__ import annotations

import gc
import json
import os
import time
from typing import Any

PROBE = "RESUME_BENCH_PROBE"


def _record(**entry: Any) -> None:
    path = os.environ.get(PROBE)
    if not path:
        return
    # One short write per line in append mode: lines from forked writers do not interleave.
    with open(path, "a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


def _phase(name: str) -> None:
    _record(event="phase", name=name, time=time.time(), pid=os.getpid())


class _Collections:
    """Time spent in the garbage collector, per generation."""

    def __init__(self) -> None:
        self.count = [0, 0, 0]
        self.seconds = [0.0, 0.0, 0.0]
        self.started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.process_time()
        else:
            self.count[info["generation"]] += 1
            self.seconds[info["generation"]] += time.process_time() - self.started

    def record(self) -> None:
        _record(event="gc", collections=self.count, seconds=[round(s, 3) for s in self.seconds])


def setup(app: Any) -> dict[str, Any]:
    _phase("setup")
    collections = _Collections()
    if os.environ.get(PROBE):
        gc.callbacks.append(collections)
        app.connect("build-finished", lambda app, exc: collections.record())
    app.connect("builder-inited", lambda app: _phase("builder-inited"))
    app.connect("env-before-read-docs", lambda app, env, docnames: _record(event="read", docnames=sorted(docnames)))
    app.connect("env-updated", lambda app, env: _phase("env-updated"))
    app.connect("html-page-context", lambda app, pagename, *rest: _record(event="page", pagename=pagename))
    app.connect("build-finished", lambda app, exc: _phase("build-finished"))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
