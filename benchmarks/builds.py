"""Run sphinx-build on a generated site and read what the probe recorded.

Each build is a fresh ``python -m sphinx`` process, as ``make html`` or a live
preview starts one, so a time includes interpreter start-up and imports.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_probe import PROBE


class BuildError(RuntimeError):
    """sphinx-build failed; the message ends with its output."""


@dataclass
class Build:
    builder: str
    seconds: float  # wall clock of the whole process
    cpu: float = 0.0  # user and system CPU time of the process and its children
    read: list[str] = field(default_factory=list)  # documents re-read
    written: list[str] = field(default_factory=list)  # HTML pages written, documents only
    other_pages: list[str] = field(default_factory=list)  # genindex, search, …
    phases: dict[str, float] = field(default_factory=dict)  # seconds since the probe's setup
    gc: dict[str, list] = field(default_factory=dict)  # collections and seconds per generation
    warnings: list[str] = field(default_factory=list)


def sphinx_build(
    srcdir: Path,
    outdir: Path,
    *,
    builder: str = "html",
    jobs: int = 1,
    doctrees: Path | None = None,
    fresh: bool = True,
    extra: list[str] | None = None,
    python: list[str] | None = None,
) -> Build:
    """Build ``srcdir`` into ``outdir``; ``fresh`` removes earlier output first.

    ``python`` replaces the interpreter command, e.g. to run under cProfile.
    """
    doctrees = doctrees or outdir.with_name(outdir.name + ".doctrees")
    if fresh:
        for path in (outdir, doctrees):
            shutil.rmtree(path, ignore_errors=True)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    probe = outdir.with_name(outdir.name + ".probe.jsonl")
    probe.unlink(missing_ok=True)
    command = [
        *(python or [sys.executable]),
        "-m",
        "sphinx",
        "-b",
        builder,
        "-q",
        "-d",
        str(doctrees),
        "-j",
        str(jobs),
        *(extra or []),
        str(srcdir),
        str(outdir),
    ]
    env = {**os.environ, PROBE: str(probe), "PYTHONHASHSEED": "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise BuildError(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    build = Build(builder=builder, seconds=seconds, cpu=cpu)
    build.warnings = [line for line in done.stderr.splitlines() if line.strip()]
    _read_probe(probe, srcdir, build)
    return build


def _read_probe(probe: Path, srcdir: Path, build: Build) -> None:
    if not probe.exists():
        return
    start = None
    pages: set[str] = set()
    for line in probe.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["event"] == "read":
            build.read = entry["docnames"]
        elif entry["event"] == "page":
            pages.add(entry["pagename"])
        elif entry["event"] == "gc":
            build.gc = {"collections": entry["collections"], "seconds": entry["seconds"]}
        elif entry["event"] == "phase":
            start = entry["time"] if start is None else start
            build.phases[entry["name"]] = round(entry["time"] - start, 3)
    documents = {p for p in pages if (srcdir / f"{p}.md").exists()}
    build.written = sorted(documents)
    build.other_pages = sorted(pages - documents)


def latexmk(latex_dir: Path, timeout: float) -> tuple[float | None, str]:
    """Compile the PDF with the Makefile Sphinx wrote; (seconds, note)."""
    if shutil.which("latexmk") is None:
        return None, "latexmk not installed"
    started = time.perf_counter()
    try:
        done = subprocess.run(
            ["make", "-C", str(latex_dir), "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -silent"],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, f"stopped after {timeout:.0f} s"
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        return None, "failed: " + " / ".join(tail)
    pdfs = sorted(latex_dir.glob("*.pdf"))
    return seconds, f"{pdfs[0].name}, {pdfs[0].stat().st_size // 1024} KiB" if pdfs else "no PDF"
