"""Builds of the same generated pages side by side, in interleaved rounds.

Each study compares a few setups of one site: every round builds each setup
once, back to back, in reverse order every other round, so that the load of a
shared machine falls on all of them alike; a comparison is the median of the
rounds' ratios to the first setup.

``navigation``  furo's own navigation against ``fast_navigation`` (the ``ext``
                pages, HTML);
``gc``          the fast HTML build with Python's collector frozen after
                reading as the site's conf.py does (``gc.collect();
                gc.freeze()`` at ``env-updated``), left as it is ("thawed"),
                and with a higher threshold instead;
``overhead``    the extension's whole cost, ``ext`` against ``none``, with the
                site's navigation and collector, for HTML, LaTeX and ePub, and
                its parts: ``bare`` (front matter read and checked, nothing
                drawn), ``ext`` without the summary boxes, and for HTML ``ext``
                with a site address (preview cards drawn, as on the host);
``peer``        the same pages with neither tool (``none``), with this
                extension (``ext``) and with sphinx-needs (``needs``), HTML.

Usage: ``python benchmarks/compare.py --study navigation --sizes 100,500,1000
--rounds 2 --output benchmarks/results/navigation.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.builds import sphinx_build
from benchmarks.generate import NEEDS, VARIANTS, plan, site_settings, write_site
from benchmarks.run import _git, extension_digest, log, machine, snapshot_extension

#: Lines added to a generated conf.py for each way of running the collector.
#: The site freezes the heap once reading is done (resume.site.settings: gc.freeze() at
#: env-updated) and the generated sites call its setup(): "site" keeps that,
#: "thawed" undoes it right after, "threshold" undoes it and raises the
#: collector's threshold instead.
_THAW = (
    "\n\nimport gc\n\n_site_setup = setup\n\n\n"
    "def setup(app):\n"
    "    _site_setup(app)\n"
    '    app.connect("env-updated", lambda app, env: gc.unfreeze() or [], priority=900)\n'
)
GC_SETTINGS = {
    "site": "",
    "thawed": _THAW,
    "threshold": _THAW + "\n\ngc.set_threshold(100_000, 50, 100)\n",
}
#: Other lines added to a generated conf.py: the site as built locally, without
#: the summary box on every employer and project page, or as built for the
#: host, whose address makes every HTML page get a preview card.
CONF_SETTINGS = {
    "site": "",
    "no-boxes": "\nresume_auto_summary = False\n",
    "deployed": '\nhtml_baseurl = "https://career.example.org/"\n',
}


@dataclass(frozen=True)
class Setup:
    """One way of building the generated pages."""

    variant: str  # ext, bare, none or needs
    navigation: str = "site"  # "theme": furo makes every page's navigation itself
    gc: str = "site"
    builder: str = "html"
    conf: str = "site"  # a key of CONF_SETTINGS

    @property
    def source(self) -> str:
        return f"src-{self.variant}-{self.navigation}-{self.gc}" + ("" if self.conf == "site" else f"-{self.conf}")


#: study → comparisons, each a list of (label, setup); the first is the base.
STUDIES: dict[str, list[list[tuple[str, Setup]]]] = {
    "navigation": [[("theme", Setup("ext", navigation="theme")), ("fast", Setup("ext"))]],
    "gc": [
        [("thawed", Setup("ext", gc="thawed")), ("frozen", Setup("ext")), ("threshold", Setup("ext", gc="threshold"))]
    ],
    "overhead": [
        [
            ("none", Setup("none", builder=builder)),
            ("bare", Setup("bare", builder=builder)),
            ("ext, no summary boxes", Setup("ext", builder=builder, conf="no-boxes")),
            ("ext", Setup("ext", builder=builder)),
            *([("ext, with cards", Setup("ext", conf="deployed"))] if builder == "html" else []),
        ]
        for builder in ("html", "latex", "epub")
    ],
    "peer": [[("none", Setup("none")), ("resume", Setup("ext")), ("sphinx-needs", Setup("needs"))]],
}


def load() -> str:
    """The load averages over 1, 5 and 15 minutes, as `uptime` shows them."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def write_sources(root: Path, pages: int, setups: list[Setup], settings: dict[str, Any], ext_dir: Path) -> None:
    kb = plan(pages, as_of=settings.get("resume_as_of") or "2012-04")
    for setup in {s.source: s for s in setups}.values():
        source = root / setup.source
        if source.exists():
            continue
        variant = NEEDS if setup.variant == NEEDS.name else VARIANTS[setup.variant]
        write_site(source, kb, variant, settings, ext_dir, navigation=setup.navigation)
        with (source / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(GC_SETTINGS[setup.gc] + CONF_SETTINGS[setup.conf])


def run_comparison(root: Path, comparison: list[tuple[str, Setup]], rounds: int) -> list[dict[str, Any]]:
    results = []
    for number in range(rounds):
        order = comparison if number % 2 == 0 else comparison[::-1]
        round_: dict[str, Any] = {"load before": load()}
        for label, setup in order:
            build = sphinx_build(root / setup.source, root / "out" / f"{label}-{setup.builder}", builder=setup.builder)
            round_[label] = {"seconds": round(build.seconds, 3), "cpu": round(build.cpu, 3), "gc": build.gc,
                             "warnings": len(build.warnings)}  # fmt: skip
            log(f"{root.name} {setup.builder} {label}: {build.seconds:.2f} s, CPU {build.cpu:.2f} s (load {load()})")
        results.append(round_)
    return results


def summary(comparison: list[tuple[str, Setup]], rounds: list[dict[str, Any]]) -> dict[str, Any]:
    base = comparison[0][0]
    found: dict[str, Any] = {}
    for label, _ in comparison:
        seconds = [r[label]["seconds"] for r in rounds]
        cpu = [r[label]["cpu"] for r in rounds]
        collector = [sum(r[label]["gc"].get("seconds", [])) for r in rounds if r[label].get("gc")]
        found[label] = {
            "median": statistics.median(seconds),
            "runs": seconds,
            "cpu median": statistics.median(cpu),
            "cpu runs": cpu,
            "gc median": statistics.median(collector) if collector else None,
            "ratio to base": statistics.median(r[label]["seconds"] / r[base]["seconds"] for r in rounds),
            "cpu ratio to base": statistics.median(r[label]["cpu"] / r[base]["cpu"] for r in rounds),
            "warnings": max(r[label]["warnings"] for r in rounds),
        }
    return found


def markdown(runs: list[dict[str, Any]]) -> str:
    """One table per study and builder from the results of one or more runs:
    per setup and size, the medians of CPU and wall-clock time and of the
    rounds' ratios to the base setup (the first row); the time in the garbage
    collector for the ``gc`` study."""
    tables: dict[tuple[str, str], dict[str, dict[str, dict[str, Any]]]] = {}
    rounds: dict[tuple[str, str, str], int] = {}
    for data in runs:
        for size, builders in data["sizes"].items():
            for builder, found in builders.items():
                for label, value in found["summary"].items():
                    tables.setdefault((data["study"], builder), {}).setdefault(label, {})[size] = value
                rounds[data["study"], builder, size] = len(found["rounds"])
    out = []
    for (study, builder), labels in tables.items():
        sizes = sorted({size for values in labels.values() for size in values}, key=int)
        out.append(
            f"{study}, {builder} | " + " | ".join(f"{size} pages (×{rounds[study, builder, size]})" for size in sizes)
        )
        out.append("|".join(["---"] * (len(sizes) + 1)))
        for label, values in labels.items():
            cells = []
            for size in sizes:
                v = values.get(size)
                if v is None:
                    cells.append("–")
                    continue
                ratio = "" if v["ratio to base"] == 1 else f" (×{v['cpu ratio to base']:.2f})"
                wall = "" if v["ratio to base"] == 1 else f" (×{v['ratio to base']:.2f})"
                collector = f"; GC {v['gc median']:.1f} s" if study == "gc" and v["gc median"] is not None else ""
                cells.append(f"CPU {v['cpu median']:.1f} s{ratio}; wall {v['median']:.0f} s{wall}{collector}")
            out.append(f"{label} | " + " | ".join(cells))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--study", choices=sorted(STUDIES))
    parser.add_argument("--report", type=Path, nargs="*", help="print the tables of these JSON results and stop")
    parser.add_argument("--sizes", default="100,500,1000")
    parser.add_argument("--builders", default=None, help="only the comparisons of these builders, comma-separated")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=None, help="JSON results (written after every size)")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="no untimed round first (the caches are warm from an earlier run)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.report:
        print(markdown([json.loads(path.read_text("utf-8")) for path in args.report]))
        return {}
    if not args.study:
        parser.error("--study or --report is needed")
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="resume-compare-"))).resolve()
    settings = site_settings()
    ext_dir = snapshot_extension(workdir)
    comparisons = STUDIES[args.study]
    if args.builders:
        comparisons = [c for c in comparisons if c[0][1].builder in args.builders.split(",")]
    data: dict[str, Any] = {"study": args.study, "machine": machine(), "rounds": args.rounds, "sizes": {},
                            "extension": f"commit {_git('rev-parse', '--short', 'HEAD')}, "
                                         f"digest {extension_digest(ext_dir)}"}  # fmt: skip
    data["setups"] = {label: asdict(setup) for comparison in comparisons for label, setup in comparison}
    for pages in (int(s) for s in args.sizes.split(",")):
        root = workdir / f"n{pages}"
        write_sources(root, pages, [s for c in comparisons for _, s in c], settings, ext_dir)
        for comparison in comparisons:
            builder = comparison[0][1].builder
            # An untimed build of each setup first: bytecode and disk caches.
            if args.warm_up and pages == min(int(s) for s in args.sizes.split(",")):
                run_comparison(root, comparison, 1)
            rounds = run_comparison(root, comparison, args.rounds)
            data["sizes"].setdefault(str(pages), {})[builder] = {
                "rounds": rounds,
                "summary": summary(comparison, rounds),
            }
            if args.output:
                args.output.parent.mkdir(parents=True, exist_ok=True)
                args.output.write_text(json.dumps(data, indent=1), encoding="utf-8")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps({size: {b: v["summary"] for b, v in d.items()} for size, d in data["sizes"].items()}, indent=1))
    return data


if __name__ == "__main__":
    main()
