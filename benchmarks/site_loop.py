"""This site's own build loop, with furo's navigation and with fast_navigation.

Two measurements on a copy of the site's tracked files:

* a cold ``make all`` (PDF book, two-page résumé, ePub, then the HTML site
  that links them), each in a fresh build folder;
* under the live preview (``make live``'s sphinx-autobuild command, on a free
  port of 127.0.0.1), the time from saving an edit of one project page to the
  end of the rebuild the preview reloads after (sphinx-autobuild's "Serving
  on" line): a prose edit, then an edit of its front matter (one more skill).
  Each edit is undone after, untimed.

The setups alternate in rounds (A B, then B A). ``theme`` passes
``-D extensions=…`` without ``fast_navigation`` through SPHINXOPTS, as a
reader could.

Usage: ``python benchmarks/site_loop.py --rounds 2 --output benchmarks/results/site-loop.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.compare import load
from benchmarks.generate import read_settings
from benchmarks.run import log, machine

SITE = Path(__file__).resolve().parents[1]
PAGE = "projects/accept-filters.md"
REBUILT = "Serving on"
WATCHING = "Waiting to detect changes"
TIMEOUT = 600.0


def copy_site(target: Path) -> Path:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=SITE, capture_output=True, text=True, check=True)
    for name in filter(None, tracked.stdout.split("\0")):
        if (SITE / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(SITE / name, target / name)
    return target


def sphinxopts(setup: str, site: Path) -> str:
    if setup == "fast":
        return ""
    from resume.site import PARTS

    listed = read_settings(site / "conf.py")["extensions"]
    expanded = [part for e in listed for part in (PARTS if e == "resume.site" else (e,))]
    return "-D extensions=" + ",".join(e for e in expanded if e != "resume.site.navigation")


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("READTHEDOCS")}


def cold_make_all(site: Path, setup: str, build: Path) -> float:
    shutil.rmtree(build, ignore_errors=True)
    command = ["make", "-C", str(site), "all", f"BUILDDIR={build}", "VENV=", f"PYTHON={sys.executable}",
               f"SPHINXOPTS={sphinxopts(setup, site)}"]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=environment())
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"make all ({setup}) failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return seconds


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Preview:
    """sphinx-autobuild as ``make live`` starts it, its output in a file."""

    def __init__(self, site: Path, setup: str, build: Path) -> None:
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir(parents=True)
        self.log = build / "autobuild.log"
        opts = [*sphinxopts(setup, site).split(), "-D", f"resume_downloads_dir={build / 'downloads'}"]
        command = [sys.executable, "-m", "sphinx_autobuild", str(site), str(build / "live"),
                   "-d", str(build / "doctrees"), "--watch", str(site / "_ext"), "--ignore", str(build),
                   "--host", "127.0.0.1", "--port", str(_free_port()), *opts]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
                                        env=environment())  # fmt: skip
        self.wait_for(1)
        # The watcher starts after the first build: an edit before it would go unseen.
        deadline = time.perf_counter() + TIMEOUT
        while WATCHING not in self.log.read_text("utf-8", errors="replace"):
            if time.perf_counter() > deadline:
                raise RuntimeError("the preview never started watching")
            time.sleep(0.05)
        time.sleep(1.0)

    def builds(self) -> int:
        return self.log.read_text("utf-8", errors="replace").count(REBUILT)

    def wait_for(self, count: int) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while self.builds() < count:
            if self.process.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"the preview stopped or hung:\n{self.log.read_text('utf-8')[-3000:]}")
            time.sleep(0.02)

    def edit(self, path: Path, text: str) -> float:
        """Save ``text`` to ``path``; seconds until the preview has rebuilt."""
        count = self.builds()
        started = time.perf_counter()
        path.write_text(text, encoding="utf-8")
        self.wait_for(count + 1)
        return time.perf_counter() - started

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def edits(site: Path) -> dict[str, str]:
    """The page as it is, with one more prose sentence, with one more skill."""
    original = (site / PAGE).read_text("utf-8")
    skills = re.search(r"^  skills: \[(.*)\]$", original, re.MULTILINE)
    assert skills, f"{PAGE} lists its skills on one line"
    added = "Perl"  # catalogued, and not among this page's skills
    assert added not in skills[1]
    return {
        "original": original,
        "prose": original.rstrip("\n") + "\n\nThe filter was reviewed again.\n",
        "front matter": original.replace(skills[0], f"  skills: [{skills[1]}, {added}]"),
    }


def live_round(site: Path, setup: str, build: Path) -> dict[str, float]:
    texts = edits(site)
    preview = Preview(site, setup, build)
    try:
        found = {}
        for kind in ("prose", "front matter"):
            found[kind] = round(preview.edit(site / PAGE, texts[kind]), 3)
            preview.edit(site / PAGE, texts["original"])
        return found
    finally:
        preview.stop()
        (site / PAGE).write_text(texts["original"], encoding="utf-8")


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--steps", default="live,all")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="resume-site-loop-"))).resolve()
    site = copy_site(workdir / "site")
    data: dict[str, Any] = {"machine": machine(), "rounds": args.rounds, "live": [], "all": []}
    setups = ["theme", "fast"]
    for step in args.steps.split(","):
        for number in range(args.rounds):
            round_: dict[str, Any] = {"load before": load()}
            for setup in setups if number % 2 == 0 else setups[::-1]:
                build = workdir / f"build-{step}-{setup}"
                if step == "live":
                    round_[setup] = live_round(site, setup, build)
                else:
                    round_[setup] = round(cold_make_all(site, setup, build), 3)
                log(f"{step} {setup}: {round_[setup]} (load {load()})")
            data[step].append(round_)
            if args.output:
                args.output.parent.mkdir(parents=True, exist_ok=True)
                args.output.write_text(json.dumps(data, indent=1), encoding="utf-8")
    for step in args.steps.split(","):
        for setup in setups:
            values = [r[setup] for r in data[step]]
            if step == "live":
                log(f"live {setup}: " + ", ".join(
                    f"{k} {statistics.median(v[k] for v in values):.2f} s" for k in values[0]))  # fmt: skip
            else:
                log(f"make all {setup}: {statistics.median(values):.1f} s")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return data


if __name__ == "__main__":
    main()
