"""Benchmark the resume extension: what it costs a build, full and incremental.

    python benchmarks/run.py [--sizes 100,500,1000] [--repeat 3] [--quick]

For each size it generates a synthetic knowledge base (benchmarks/generate.py)
in three variants and measures, each build a fresh ``python -m sphinx``:

- full HTML builds of the variants side by side, in rounds that build each
  variant back to back (median of ``--repeat`` rounds): with the extension;
  with it loaded but its aggregates and summaries off; without it;
- a full build with ``-j 2``;
- an incremental build after adding a skill to one project's front matter, and
  a no-op rebuild: time, documents re-read and written (counted by the
  bench_probe extension's hooks);
- LaTeX (Sphinx only) and ePub builds; ``latexmk`` once at the smallest size;
- the size of the timeline SVG and of pages.

Then a cProfile reading of a full build at the largest size, the growth of the
extension's pure core with the number of entries, and the targets as PASS/FAIL.
Results go to stdout as Markdown, and to ``--output`` (Markdown) and a JSON
file beside it. A JSON file of an earlier run can be passed with ``--resume``
to skip the measurements it holds.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import outputs, report, scaling, vocabulary
from benchmarks.builds import Build, latexmk, sphinx_build
from benchmarks.generate import (
    AGGREGATE_PAGES,
    EXT_DIR,
    VARIANTS,
    KnowledgeBase,
    plan,
    site_settings,
    write_site,
)
from benchmarks.profile_ext import analyse, profile_build

DEFAULT_SIZES = (100, 500, 1000)
QUICK_SIZE = 24
STEPS = ("full", "sizes", "parallel", "incremental", "other")
LATEXMK_TIMEOUT = 900.0


class Store:
    """Results as nested dicts, saved after every measurement so a long run
    can be resumed (``--resume``) and read while it goes on."""

    def __init__(self, path: Path, previous: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data: dict[str, Any] = previous or {}

    def get(self, *keys: str) -> Any:
        node: Any = self.data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node

    def put(self, value: Any, *keys: str) -> Any:
        node = self.data
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=1, sort_keys=True), encoding="utf-8")
        return value

    def once(self, compute: Callable[[], Any], *keys: str) -> Any:
        found = self.get(*keys)
        return found if found is not None else self.put(compute(), *keys)


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def machine() -> dict[str, str]:
    import docutils
    import furo
    import myst_parser
    import sphinx

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = found.group(1) if found else cpu
    try:
        memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    except OSError:
        memory = "unknown"
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "free -h": memory,
        "python": platform.python_version(),
        "sphinx": sphinx.__version__,
        "docutils": docutils.__version__,
        "myst-parser": myst_parser.__version__,
        "furo": furo.__version__,
        "platform": platform.platform(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "extension changes not committed": _git("status", "--short", "--", str(EXT_DIR)) or "none",
    }


def _git(*command: str) -> str:
    try:
        done = subprocess.run(["git", *command], cwd=EXT_DIR.parent, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 else "unknown"


# -- one size --------------------------------------------------------------------------


class Size:
    """The sites and output folders of one knowledge-base size."""

    def __init__(self, root: Path, kb: KnowledgeBase, settings: dict[str, Any], ext_dir: Path) -> None:
        self.root = root
        self.kb = kb
        root.mkdir(parents=True, exist_ok=True)
        for variant in VARIANTS.values():
            source = self.src(variant.name)
            shutil.rmtree(source, ignore_errors=True)
            write_site(source, kb, variant, settings, ext_dir)

    def src(self, variant: str) -> Path:
        return self.root / f"src-{variant}"

    def out(self, name: str) -> Path:
        return self.root / "out" / name


def _round(builds: dict[str, tuple[Path, Path, str]], reverse: bool) -> dict[str, Build]:
    """One build of each variant, one after the other (in reverse order every
    other round, so that neither variant always runs first)."""
    names = list(builds)[::-1] if reverse else list(builds)
    return {name: sphinx_build(builds[name][0], builds[name][1], builder=builds[name][2]) for name in names}


def full_builds(size: Size, store: Store, key: str, repeat: int, other_repeat: int) -> None:
    """Full HTML builds in rounds: each round builds ``ext`` and ``none``
    back to back (and ``bare`` in the first ``other_repeat`` rounds). Each
    round gives ratios between builds made close in time; the overhead is
    their median."""
    done = store.get(key, "rounds") or []
    for index in range(len(done), max(repeat, other_repeat)):
        names = [name for name in VARIANTS if name != "bare" or index < other_repeat]
        log(f"{key}: full HTML builds {', '.join(names)}, round {index + 1}/{max(repeat, other_repeat)}")
        builds = _round({name: (size.src(name), size.out(f"html-{name}"), "html") for name in names}, index % 2 == 1)
        done = store.put([*done, {name: _summary(build) for name, build in builds.items()}], key, "rounds")


def _summary(build: Build) -> dict[str, Any]:
    return {
        "seconds": round(build.seconds, 3),
        "read": len(build.read),
        "written": len(build.written),
        "phases": build.phases,
        "gc": build.gc,
        "warnings": build.warnings[:20],
    }


def ensure_built(size: Size, variant: str) -> Path:
    out = size.out(f"html-{variant}")
    if not (out / "index.html").exists():
        log(f"(re)building {variant} for the steps that read its output")
        sphinx_build(size.src(variant), out)
    return out


def parallel_builds(size: Size, store: Store, key: str, repeat: int) -> None:
    """Full builds with ``-j 2`` of ``ext`` and of ``none``: whether a parallel
    build gains as much with the extension as without it."""
    for variant in ("ext", "none"):
        runs = store.get(key, "parallel", variant) or []
        for run in range(len(runs), repeat):
            log(f"{key}: full HTML build -j 2, {variant}, run {run + 1}/{repeat}")
            build = sphinx_build(size.src(variant), size.out(f"html-{variant}-j2"), jobs=2)
            runs = store.put([*runs, _summary(build)], key, "parallel", variant)
    if store.get(key, "parallel_identical") is None and store.get(key, "parallel", "ext"):
        serial = ensure_built(size, "ext")
        if not (size.out("html-ext-j2") / "index.html").exists():
            sphinx_build(size.src("ext"), size.out("html-ext-j2"), jobs=2)
        store.put(outputs.identical_trees(serial, size.out("html-ext-j2"))[:20], key, "parallel_identical")


def edited_project(kb: KnowledgeBase) -> tuple[str, str, str]:
    """(docname, employer docname, skill to add): a project that shares its
    employer with others, with a one-line skills list."""
    counts: dict[str, int] = {}
    for project in kb.projects:
        counts[project.employer] = counts.get(project.employer, 0) + 1
    names = [name for name, *_ in vocabulary.CATALOGUE[0][1]]  # the languages
    for project in kb.projects:
        if counts[project.employer] > 1:
            skill = next(name for name in names if name not in project.skills and "/" not in name)
            return f"projects/{project.slug}", f"experience/{project.employer}", skill
    project = kb.projects[0]
    return f"projects/{project.slug}", f"experience/{project.employer}", "Rust"


def toggle_skill(page: Path, skill: str) -> None:
    """Add ``skill`` to the page's front-matter skills, or take it out again."""
    text = page.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("  skills: [") and line.endswith("]"))
    names = [n.strip() for n in line[len("  skills: [") : -1].split(",")]
    names = [n for n in names if n != skill] if skill in names else [*names, skill]
    page.write_text(text.replace(line, "  skills: [" + ", ".join(names) + "]"), encoding="utf-8")


def incremental_builds(size: Size, store: Store, key: str, repeat: int, other_repeat: int) -> None:
    docname, employer, skill = edited_project(size.kb)
    store.put({"docname": docname, "employer": employer, "skill": skill}, key, "edit")
    for variant in VARIANTS:
        if store.get(key, "incremental", variant, "edit") is not None:
            continue
        runs = repeat if variant != "bare" else other_repeat
        out = ensure_built(size, variant)
        page = size.src(variant) / f"{docname}.md"
        original = page.read_text(encoding="utf-8")
        results: dict[str, list[dict[str, Any]]] = {"noop": [], "edit": []}
        try:
            for run in range(runs):
                log(f"{key}: no-op rebuild, {variant}, run {run + 1}/{runs}")
                results["noop"].append(_incremental(sphinx_build(size.src(variant), out, fresh=False)))
            for run in range(runs):
                log(f"{key}: rebuild after editing {docname}, {variant}, run {run + 1}/{runs}")
                toggle_skill(page, skill)
                results["edit"].append(_incremental(sphinx_build(size.src(variant), out, fresh=False)))
        finally:
            page.write_text(original, encoding="utf-8")
        # The output is now one edit behind its sources: later steps rebuild it.
        shutil.rmtree(out, ignore_errors=True)
        store.put(results, key, "incremental", variant)


def _incremental(build: Build) -> dict[str, Any]:
    return {**_summary(build), "read_docs": build.read, "written_docs": build.written}


def other_builders(size: Size, store: Store, key: str, repeat: int, smallest: bool, run_latexmk: bool) -> None:
    for builder in ("latex", "epub"):
        done = store.get(key, builder) or []
        for run in range(len(done), repeat):
            log(f"{key}: {builder} builds, ext and none, round {run + 1}/{repeat}")
            builds = _round(
                {v: (size.src(v), size.out(f"{builder}-{v}"), builder) for v in ("ext", "none")}, run % 2 == 1
            )
            done = store.put([*done, {v: _summary(b) for v, b in builds.items()}], key, builder)
    if smallest and run_latexmk and store.get(key, "latexmk") is None:
        latex_dir = size.out("latex-ext")
        if not (latex_dir / "Makefile").exists():
            sphinx_build(size.src("ext"), latex_dir, builder="latex")
        log(f"{key}: latexmk (PDF of the LaTeX build)")
        seconds, note = latexmk(latex_dir, LATEXMK_TIMEOUT)
        store.put({"seconds": seconds, "note": note}, key, "latexmk")


def output_sizes(size: Size, store: Store, key: str) -> None:
    if store.get(key, "sizes") is not None:
        return
    ext, none = ensure_built(size, "ext"), ensure_built(size, "none")
    kb = size.kb
    home_svgs = outputs.svg_bytes(ext / "index.html")
    positions_svgs = outputs.svg_bytes(ext / "experience" / "index.html")
    store.put(
        {
            "timeline_entries": kb.positions + kb.dated_projects,
            "positions": kb.positions,
            "home_svg": home_svgs[0] if home_svgs else 0,
            "positions_svg": positions_svgs[0] if positions_svgs else 0,
            "home_html": outputs.page_bytes(ext / "index.html"),
            "home_html_none": outputs.page_bytes(none / "index.html"),
            "experience_html": outputs.page_bytes(ext / "experience" / "index.html"),
            "skills_html": outputs.page_bytes(ext / "skills.html"),
            "skills_html_none": outputs.page_bytes(none / "skills.html"),
            "project_html": outputs.median_page_bytes(ext, "projects"),
            "project_html_none": outputs.median_page_bytes(none, "projects"),
            "script_differences": outputs.script_differences(ext, none)[:20],
            "script_tags_home": len(outputs.script_tags(ext / "index.html")),
        },
        key,
        "sizes",
    )


def profile(size: Size, store: Store, previous: Path | None, ext_dir: Path) -> None:
    key = str(size.kb.pages)
    if previous is not None:
        store.put(json.loads(previous.read_text(encoding="utf-8")), key, "profile")
    if store.get(key, "profile") is None:
        log(f"{key}: full HTML build under cProfile")
        stats = size.root / "build.prof"
        profile_build(size.src("ext"), size.out("html-profiled"), stats)
        analysis = analyse(stats, ext_dir / "resume")
        analysis["extension"] = f"commit {_git('rev-parse', '--short', 'HEAD')}, digest {extension_digest(ext_dir)}"
        store.put(analysis, key, "profile")


def snapshot_extension(workdir: Path) -> Path:
    """A copy of the extension for every build of this run to load: others may
    change ``_ext/`` while a long run goes on. Returns the folder holding it."""
    folder = workdir / "extension"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(EXT_DIR / "resume", folder / "resume", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def extension_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in (folder / "resume").rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def warm_up(args: argparse.Namespace, settings: dict[str, Any]) -> None:
    """Build each variant of a small site once, untimed, so that no timed build
    pays for compiling modules to bytecode or filling the disk cache."""
    log("warm-up builds (not timed)")
    size = Size(args.workdir / "warm-up", plan(min(args.sizes), seed=args.seed), settings, args.ext_dir)
    for variant in VARIANTS:
        sphinx_build(size.src(variant), size.out(f"html-{variant}"))


def bench_size(pages: int, args: argparse.Namespace, store: Store, settings: dict[str, Any]) -> Size:
    key = str(pages)
    kb = plan(pages, seed=args.seed, as_of=settings.get("resume_as_of") or "2012-04")
    store.put(
        {
            "pages": pages,
            "employers": len(kb.employers),
            "positions": kb.positions,
            "projects": len(kb.projects),
            "dated_projects": kb.dated_projects,
        },
        key,
        "site",
    )
    size = Size(args.workdir / f"n{pages}", kb, settings, args.ext_dir)
    steps = {
        "full": lambda: full_builds(size, store, key, args.repeat, args.other_repeat),
        "sizes": lambda: output_sizes(size, store, key),
        "parallel": lambda: parallel_builds(size, store, key, args.other_repeat),
        "incremental": lambda: incremental_builds(size, store, key, args.repeat, args.other_repeat),
        "other": lambda: other_builders(size, store, key, args.other_repeat, pages == min(args.sizes), args.latexmk),
    }
    for name, step in steps.items():
        if name in args.steps:
            step()
    return size


# -- command line ---------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default=None, help="pages per knowledge base, comma-separated (default 100,500,1000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of the full builds compared for the overhead")
    parser.add_argument(
        "--other-repeat",
        type=int,
        default=None,
        help="runs of the other slow builds: the bare variant, -j 2, LaTeX, ePub (default: --repeat)",
    )
    parser.add_argument("--quick", action="store_true", help="one small size, one run each: checks the harness")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=None, help="where sites are generated and built")
    parser.add_argument("--output", type=Path, default=None, help="write the Markdown report here too (and .json)")
    parser.add_argument("--resume", type=Path, default=None, help="JSON results of an earlier run to continue")
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument(
        "--profile-from",
        type=Path,
        default=None,
        help="JSON of profile_ext.analyse() for the largest size, from a separate run",
    )
    parser.add_argument("--no-latexmk", dest="latexmk", action="store_false")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"what to measure at each size, comma-separated (default {','.join(STEPS)})",
    )
    parser.add_argument("--no-scaling", dest="scaling", action="store_false", help="skip the pure-core growth")
    args = parser.parse_args(argv)
    args.steps = set(args.steps.split(","))
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
    if args.quick:
        args.sizes = sizes[:1] if sizes else (QUICK_SIZE,)
        args.repeat = args.other_repeat = 1
        args.latexmk = False
        args.scaling_sizes, args.scaling_repeat = (100, 200, 400), 1
    else:
        args.sizes = sizes or DEFAULT_SIZES
        args.scaling_sizes, args.scaling_repeat = scaling.SIZES, 3
    if args.other_repeat is None:
        args.other_repeat = args.repeat
    return args


def main(argv: list[str] | None = None) -> str:
    """Run the benchmarks; returns (and prints) the Markdown report."""
    args = parse_args(argv)
    temporary = args.workdir is None
    args.workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="resume-bench-"))).resolve()
    json_path = args.output.with_suffix(".json") if args.output else args.workdir / "results.json"
    previous = json.loads(args.resume.read_text(encoding="utf-8")) if args.resume else None
    store = Store(json_path, previous)
    store.put(
        {
            "sizes": list(args.sizes),
            "repeat": args.repeat,
            "other_repeat": args.other_repeat,
            "seed": args.seed,
            "quick": args.quick,
        },
        "options",
    )
    settings = site_settings()
    args.ext_dir = snapshot_extension(args.workdir)
    # A resumed run keeps the machine and extension its measurements were made with.
    store.once(lambda: {**machine(), "extension digest": extension_digest(args.ext_dir)}, "machine")
    try:
        if not args.quick:  # a quick run checks the harness, not the timings
            warm_up(args, settings)
        sizes = [bench_size(pages, args, store, settings) for pages in args.sizes]
        for collector in (False, True) if args.scaling else ():
            name = "scaling_gc" if collector else "scaling"
            log(
                f"pure core at {args.scaling_sizes} entries ({'with' if collector else 'without'} the garbage collector)"
            )
            store.once(
                functools.partial(scaling.measure, args.scaling_sizes, args.scaling_repeat, collector=collector), name
            )
        # Last: its numbers are shares within one profiled build, not times to compare.
        if args.profile:
            profile(max(sizes, key=lambda size: size.kb.pages), store, args.profile_from, args.ext_dir)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
    text = report.markdown(store.data, aggregate_pages=AGGREGATE_PAGES)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
