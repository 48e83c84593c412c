"""What each two-page résumé left out to fit its pages, after latexmk.

    python -m resume.site.fit LATEX_DIR

``resumebrief.cls`` keeps a brief's optional lines (project and position lines,
then the sections after the experience) up to the cut that fits
two pages and notes the cut in the ``.aux``; the LaTeX writer names each line
in a ``% resume-fit`` comment. This prints, for each brief, the lines left
out (an info line each), and a warning, located at the brief's page, for a
brief that is longer than two pages even without them: that PDF is removed,
and the exit status is 1, so that ``make pdf`` fails on it as on any warning.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from resume.core.vocabulary import Subtype

_LINE = re.compile(r"^% resume-fit (?P<rank>\d+) (?P<source>\S+) (?P<doc>\S*): (?P<title>.*)$", re.MULTILINE)
_STATE = re.compile(r"^\\resume@fitstate\{[^}]*\}\{\d+\}\{\d+\}\{(?P<cut>\d+)\}\{(?P<pages>\d+)\}", re.MULTILINE)
PAGES = 2


@dataclass(frozen=True)
class Fit:
    """One brief's outcome: its source page, its pages, and the lines left out (rank order)."""

    source: str
    pages: int
    lines: int  # the lines it may leave out: project and position lines, sections after the experience
    left_out: list[tuple[str, str]]  # (page, title)


def read_fit(tex: Path) -> Fit | None:
    """The outcome for the document of ``tex``, or None if it has no optional
    line or was not compiled (no ``.aux`` state)."""
    lines = {int(m["rank"]): m for m in _LINE.finditer(tex.read_text("utf-8"))}
    aux = tex.with_suffix(".aux")
    state = _STATE.search(aux.read_text("utf-8", errors="replace")) if aux.is_file() else None
    if not lines or state is None:
        return None
    cut = int(state["cut"])
    left_out = [(lines[rank]["doc"], lines[rank]["title"]) for rank in sorted(lines) if rank > cut]
    source = next(iter(lines.values()))["source"]
    return Fit(source, int(state["pages"]), len(lines), left_out)


def report(fit: Fit, pdf: str) -> list[str]:
    """The lines ``make pdf`` prints for one brief: what was left out, or the warning."""
    if fit.pages > PAGES:
        return [
            f"{fit.source}: WARNING: {pdf} takes {fit.pages} pages even without its {fit.lines} optional lines: "
            f"shorten the profile, a role's summary or the skills until it fits on {PAGES} [resume.{Subtype.FIT}]"
        ]
    if not fit.left_out:
        return []
    said = [f"{fit.source}: {pdf}: {len(fit.left_out)} of {fit.lines} optional lines left out to fit {PAGES} pages:"]
    return said + [f"    {title} ({page})" if page else f"    {title}" for page, title in fit.left_out]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m resume.site.fit", description=(__doc__ or "").split("\n")[0])
    parser.add_argument("folder", help="the LaTeX build folder, after latexmk")
    args = parser.parse_args(argv)
    status = 0
    for tex in sorted(Path(args.folder).glob("*.tex")):
        fit = read_fit(tex)
        if fit is None:
            continue
        pdf = tex.with_suffix(".pdf")
        for line in report(fit, pdf.name):
            print(line, file=sys.stderr if "WARNING" in line else sys.stdout)
        if fit.pages > PAGES:
            pdf.unlink(missing_ok=True)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
