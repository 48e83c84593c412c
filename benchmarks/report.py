"""Turn the results of benchmarks/run.py into Markdown: tables and target checks."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable
from typing import Any

#: The overhead target: the extension's whole cost at about 1000 pages.
OVERHEAD_TARGET = 0.05


def _median(runs: list[dict[str, Any]] | None) -> float | None:
    return statistics.median(r["seconds"] for r in runs) if runs else None


def _seconds(runs: list[dict[str, Any]] | None) -> str:
    return f"{statistics.median(r['seconds'] for r in runs):.2f} s ×{len(runs)}" if runs else "–"


def _speedup(serial: float | None, parallel: float | None) -> str:
    return "–" if serial is None or parallel is None else f"{serial / parallel:.2f}×"


def _variant(d: dict[str, Any], variant: str, builder: str = "rounds") -> list[dict[str, Any]]:
    """Every full build of one variant."""
    return [round_[variant] for round_ in d.get(builder, []) if variant in round_]


def overhead(d: dict[str, Any], variant: str, base: str = "none") -> float | None:
    """Median over the rounds of ``variant``'s time over ``base``'s, minus one."""
    ratios = [
        round_[variant]["seconds"] / round_[base]["seconds"]
        for round_ in d.get("rounds", [])
        if variant in round_ and base in round_
    ]
    return statistics.median(ratios) - 1 if ratios else None


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:+.1f} %"


def _gc(runs: list[dict[str, Any]]) -> str:
    """Median seconds spent in the cyclic garbage collector (all generations)."""
    spent = [sum(r["gc"]["seconds"]) for r in runs if r.get("gc")]
    return f"{statistics.median(spent):.1f} s" if spent else "–"


def _kib(size: int) -> str:
    return f"{size / 1024:.0f} KiB" if size >= 10 * 1024 else f"{size / 1024:.1f} KiB"


def _counts(runs: list[dict[str, Any]] | None) -> str:
    if not runs:
        return "–"
    seen = sorted({(r["read"], r["written"]) for r in runs})
    return ", ".join(f"{read} / {written}" for read, written in seen)


def _row(label: str, sizes: list[str], data: dict[str, Any], cell: Callable[[dict[str, Any]], str]) -> str:
    cells = []
    for size in sizes:
        try:
            cells.append(cell(data.get(size, {})))
        except (KeyError, TypeError, IndexError, ZeroDivisionError):
            cells.append("–")
    return f"| {label} | " + " | ".join(cells) + " |"


def results_table(data: dict[str, Any]) -> list[str]:
    sizes = [str(s) for s in sorted(data["options"]["sizes"])]
    lines = ["| measurement | " + " | ".join(f"{s} pages" for s in sizes) + " |", "|---|" + "---|" * len(sizes)]

    def add(label: str, cell: Callable[[dict[str, Any]], str]) -> None:
        lines.append(_row(label, sizes, data, cell))

    def both(d: dict[str, Any], builder: str) -> str:
        return f"{_seconds(_variant(d, 'ext', builder))} / {_seconds(_variant(d, 'none', builder))}"

    def incremental(d: dict[str, Any], variant: str, kind: str) -> str:
        runs = d["incremental"][variant][kind]
        return f"{_seconds(runs)}; {_counts(runs)}"

    add(
        "site: employers / positions / projects (dated)",
        lambda d: "{employers} / {positions} / {projects} ({dated_projects})".format(**d["site"]),
    )
    add("HTML full build, `ext`", lambda d: _seconds(_variant(d, "ext")))
    add(
        "HTML full build, `bare` (loaded; aggregates, roles and summaries off)", lambda d: _seconds(_variant(d, "bare"))
    )
    add("HTML full build, `none` (no extension)", lambda d: _seconds(_variant(d, "none")))
    add("**overhead `ext` vs `none`** (the extension's whole cost)", lambda d: _percent(overhead(d, "ext")))
    add("overhead `bare` vs `none` (front matter collection, domain, checks)", lambda d: _percent(overhead(d, "bare")))
    add("overhead `ext` vs `bare` (directives, roles and summaries)", lambda d: _percent(overhead(d, "ext", "bare")))
    add(
        "garbage collector in full builds, `ext` / `bare` / `none`",
        lambda d: " / ".join(_gc(_variant(d, v)) for v in ("ext", "bare", "none")),
    )
    add(
        "HTML full build `-j 2`: `ext` / `none`",
        lambda d: f"{_seconds(d['parallel']['ext'])} / {_seconds(d['parallel']['none'])}",
    )
    add(
        "`-j 2` speed-up over serial: `ext` / `none`",
        lambda d: " / ".join(_speedup(_median(_variant(d, v)), _median(d["parallel"][v])) for v in ("ext", "none")),
    )
    add(
        "`-j 2` HTML byte-identical to serial",
        lambda d: "yes" if not d["parallel_identical"] else f"no ({len(d['parallel_identical'])} files)",
    )
    add("no-op rebuild, `ext`: time; docs re-read / written", lambda d: incremental(d, "ext", "noop"))
    add("no-op rebuild, `none`: time; re-read / written", lambda d: incremental(d, "none", "noop"))
    add("edit one project's skills, `ext`: time; re-read / written", lambda d: incremental(d, "ext", "edit"))
    add("edit one project's skills, `bare`: time; re-read / written", lambda d: incremental(d, "bare", "edit"))
    add("edit one project's skills, `none`: time; re-read / written", lambda d: incremental(d, "none", "edit"))
    add("LaTeX (Sphinx only): `ext` / `none`", lambda d: both(d, "latex"))
    add("ePub: `ext` / `none`", lambda d: both(d, "epub"))
    add(
        "latexmk (PDF from the LaTeX build), `ext`",
        lambda d: (
            f"{d['latexmk']['seconds']:.1f} s ({d['latexmk']['note']})"
            if d["latexmk"]["seconds"] is not None
            else d["latexmk"]["note"]
        ),
    )
    add(
        "timeline SVG, home page (positions and dated projects)",
        lambda d: "{} for {} entries: {} per 100".format(
            _kib(d["sizes"]["home_svg"]),
            d["sizes"]["timeline_entries"],
            _kib(d["sizes"]["home_svg"] * 100 // d["sizes"]["timeline_entries"]),
        ),
    )
    add(
        "timeline SVG, experience page (positions only)",
        lambda d: "{} for {} positions: {} per 100".format(
            _kib(d["sizes"]["positions_svg"]),
            d["sizes"]["positions"],
            _kib(d["sizes"]["positions_svg"] * 100 // d["sizes"]["positions"]),
        ),
    )
    add(
        "home page HTML, `ext` / `none`; `ext` per 100 positions",
        lambda d: "{} / {}; {}".format(
            _kib(d["sizes"]["home_html"]),
            _kib(d["sizes"]["home_html_none"]),
            _kib(d["sizes"]["home_html"] * 100 // d["sizes"]["positions"]),
        ),
    )
    add(
        "skills page HTML (matrix and index), `ext` / `none`",
        lambda d: f"{_kib(d['sizes']['skills_html'])} / {_kib(d['sizes']['skills_html_none'])}",
    )
    add(
        "project page HTML (median), `ext` / `none`",
        lambda d: f"{_kib(d['sizes']['project_html'])} / {_kib(d['sizes']['project_html_none'])}",
    )
    add("warnings, all builds", lambda d: str(sum(len(run["warnings"]) for run in _all_runs(d))))
    return lines


def _all_runs(d: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for builder in ("rounds", "latex", "epub"):
        for round_ in d.get(builder, []):
            yield from round_.values()
    for runs in d.get("parallel", {}).values():
        yield from runs
    for kinds in d.get("incremental", {}).values():
        for runs in kinds.values():
            yield from runs


# -- targets ------------------------------------------------------------------------------


def checks(data: dict[str, Any], aggregate_pages: Iterable[str]) -> list[str]:
    sizes = [str(s) for s in sorted(data["options"]["sizes"])]
    largest = data.get(sizes[-1], {})
    lines = []

    cost = overhead(largest, "ext")
    if cost is not None:
        verdict = "PASS" if cost <= OVERHEAD_TARGET else "FAIL"
        ext, none = _median(_variant(largest, "ext")), _median(_variant(largest, "none"))
        lines.append(
            f"{verdict} extension overhead at {sizes[-1]} pages: {_percent(cost)} over the same pages "
            f"built without it (median of the rounds' ratios; medians {ext:.2f} s and {none:.2f} s; "
            f"target at most +{OVERHEAD_TARGET * 100:.0f} %)"
        )

    edit = largest.get("edit")
    runs = largest.get("incremental", {}).get("ext", {}).get("edit")
    if edit and runs:
        expected = {edit["docname"], edit["employer"], *aggregate_pages}
        reads = [r["read_docs"] for r in runs]
        writes = [set(r["written_docs"]) for r in runs]
        ok = all(read == [edit["docname"]] for read in reads) and all(w == expected for w in writes)
        extra = sorted(set().union(*writes) - expected)
        missing = sorted(expected - set.intersection(*writes))
        detail = f"re-read {sorted({len(r) for r in reads})}, wrote {sorted({len(w) for w in writes})}"
        detail += f"; unexpected {extra}" if extra else ""
        detail += f"; not rewritten {missing}" if missing else ""
        lines.append(
            f"{'PASS' if ok else 'FAIL'} incremental edit of {edit['docname']} at {sizes[-1]} pages "
            f"re-reads it alone and rewrites it, {edit['employer']} and the aggregate pages "
            f"({', '.join(sorted(aggregate_pages))}): {detail}"
        )

    for name, what in (
        ("scaling", "algorithms, garbage collector paused"),
        ("scaling_gc", "garbage collector running"),
    ):
        result = data.get(name)
        if result:
            ns = [r["entries"] for r in result["rows"]]
            lines.append(
                f"{'PASS' if result['within_nlogn'] else 'FAIL'} the extension's pure core grows no faster "
                f"than n log n ({what}): time per n·log n at n = {ns} relative to n = {ns[0]}: "
                f"{result['per_nlogn_relative']} (allowed up to 1.25 at the largest n); "
                f"fitted t ∝ n^{result['exponent']}"
            )

    differences = {s: data[s]["sizes"]["script_differences"] for s in sizes if "sizes" in data.get(s, {})}
    if differences:
        bad = {s: d for s, d in differences.items() if d}
        lines.append(
            f"{'FAIL' if bad else 'PASS'} no JavaScript added: the <script> tags of every page are the "
            f"same with and without the extension" + (f"; differ: {bad}" if bad else "")
        )
    return lines


# -- profile and scaling --------------------------------------------------------------


def profile_section(data: dict[str, Any]) -> list[str]:
    sizes = [str(s) for s in sorted(data["options"]["sizes"])]
    found = [(s, data[s]["profile"]) for s in sizes if data.get(s, {}).get("profile")]
    if not found:
        return []
    size, profile = found[-1]
    lines = [
        f"Full HTML build of the `ext` site at {size} pages under cProfile: "
        f"{profile['total_seconds']:.1f} s profiled, of which the extension "
        f"{profile['extension_seconds']:.2f} s (**{profile['extension_share'] * 100:.2f} %**; its own code alone, "
        f"without what it calls in Sphinx and docutils: {profile['extension_own_code_seconds']:.2f} s). "
        f"Extension profiled: {profile.get('extension', 'as in the timed builds')}.",
        "",
        "| function (`_ext/`) | calls | own time (s) | cumulative (s) | share of build |",
        "|---|---:|---:|---:|---:|",
    ]
    for f in profile["top"]:
        lines.append(
            f"| `{f['function']}` | {f['calls']} | {f['tottime']:.3f} | {f['cumtime']:.3f} | {f['share'] * 100:.2f} % |"
        )
    return lines


def scaling_section(data: dict[str, Any]) -> list[str]:
    lines = []
    for name, title in (("scaling", "garbage collector paused"), ("scaling_gc", "garbage collector running")):
        result = data.get(name)
        if not result:
            continue
        stages = list(result["rows"][0]["stages"])
        lines += [
            f"Pure core, {title} (seconds, best of the runs):",
            "",
            "| entries | " + " | ".join(stages) + " | total | per n·log n (rel.) |",
            "|---:|" + "---:|" * (len(stages) + 2),
        ]
        for row, rel in zip(result["rows"], result["per_nlogn_relative"], strict=True):
            cells = " | ".join(f"{row['stages'][s]:.4f}" for s in stages)
            lines.append(f"| {row['entries']} | {cells} | {row['total']:.4f} | {rel:.2f} |")
        lines += ["", f"Fitted exponent: t ∝ n^{result['exponent']}.", ""]
    return lines


def markdown(data: dict[str, Any], aggregate_pages: Iterable[str]) -> str:
    m = data["machine"]
    options = data["options"]
    lines = [
        "## Results",
        "",
        f"Machine: {m['cpu']}, {m['nproc']} CPUs; Python {m['python']}, Sphinx {m['sphinx']}, "
        f"docutils {m['docutils']}, MyST-Parser {m['myst-parser']}, Furo {m['furo']}; {m['platform']}. "
        f"Extension at commit {m.get('commit', '?')} (uncommitted changes in `_ext/`: "
        f"{m.get('extension changes not committed', '?')}; digest of the copy built: "
        f"{m.get('extension digest', '?')}).",
        "",
        "Times are wall-clock medians of whole `python -m sphinx` runs, one at a time; ×k is the number of "
        f"runs (`--repeat {options['repeat']}`, `--other-repeat {options['other_repeat']}`). The variants "
        "are built in rounds, back to back, and an overhead is the median of the rounds' ratios. "
        "Counts are documents re-read / HTML pages of documents written.",
        "",
        *results_table(data),
        "",
        "## Targets",
        "",
        "```",
        *checks(data, aggregate_pages),
        "```",
        "",
        "## Profile",
        "",
        *profile_section(data),
        "",
        "## Growth of the pure core",
        "",
        *scaling_section(data),
    ]
    return "\n".join(lines).rstrip() + "\n"
