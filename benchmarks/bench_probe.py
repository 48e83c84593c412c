"""A tiny Sphinx extension that records what a build read and wrote.

Loaded by the synthetic sites' conf.py. It does nothing unless the
environment variable ``RESUME_BENCH_PROBE`` names a file; then it writes
there, as JSON lines:

- ``{"event": "read", "docnames": [...]}``: the documents this build reads
  (``env-before-read-docs``);
- ``{"event": "page", "pagename": ...}``: each HTML page written
  (``html-page-context``; appended from whichever process writes it, so
  parallel writes are counted too);
- ``{"event": "phase", "name": ..., "time": ...}``: wall-clock marks.
"""

from __future__ import annotations

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


def setup(app: Any) -> dict[str, Any]:
    _phase("setup")
    app.connect("builder-inited", lambda app: _phase("builder-inited"))
    app.connect("env-before-read-docs",
                lambda app, env, docnames: _record(event="read", docnames=sorted(docnames)))  # fmt: skip
    app.connect("env-updated", lambda app, env: _phase("env-updated"))
    app.connect("html-page-context",
                lambda app, pagename, *rest: _record(event="page", pagename=pagename))  # fmt: skip
    app.connect("build-finished", lambda app, exc: _phase("build-finished"))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
