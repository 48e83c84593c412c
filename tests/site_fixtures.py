"""Builds of the real site, made once per test session and shared by the tests
(and by the workers of ``pytest -n``: the first to need a build makes it).

Each builder runs as its own ``sphinx-build`` process with this interpreter,
strictly (``-W --keep-going -n``) and with ``SOURCE_DATE_EPOCH`` fixed, into a
temporary folder. A build that warns fails every test that uses it, with the
warnings in the failure message. Tools from outside Python (LaTeX, epubcheck,
Poppler) are looked up with :func:`require_tool`.
"""

from __future__ import annotations

import calendar
import fcntl
import functools
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NoReturn

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRICT = ("-W", "--keep-going", "-n")


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}


def unavailable(message: str) -> NoReturn:
    """Stop a test that lacks a tool: skipped locally, failed in CI (``CI``
    set), so that CI never passes by skipping."""
    if running_in_ci():
        pytest.fail(message)
    pytest.skip(message)


def require_tool(name: str) -> str:
    """Return the path of the command *name*, or stop the test without it."""
    path = shutil.which(name)
    if path:
        return path
    unavailable(f"{name} is not installed; `make system-deps` installs it")


def poppler(tool: str, *arguments: str, cwd: Path | None = None) -> str:
    """What the Poppler command *tool* (pdftotext, pdfinfo, pdffonts, pdftocairo) prints for *arguments*."""
    done = subprocess.run([require_tool(tool), *arguments], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def pdf_pages(pdf: Path) -> int:
    """How many pages *pdf* has, as pdfinfo says."""
    info = poppler("pdfinfo", str(pdf))
    found = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert found, info
    return int(found[1])


def source_pages(root: Path, kind: str) -> set[str]:
    """The docnames of the pages under ``root`` whose front matter says ``kind: <kind>``."""
    found = set()
    for path in root.rglob("*.md"):
        parts = path.relative_to(root).parts
        if parts[0].startswith((".", "_")) or parts[0] in {"node_modules", "tests", "benchmarks"}:
            continue
        text = path.read_text("utf-8")
        if text.startswith("---\n") and re.search(rf"^  kind: {kind}$", text.split("\n---", 1)[0], re.MULTILINE):
            found.add(path.relative_to(root).with_suffix("").as_posix())
    return found


def read_site_config(tags: tuple[str, ...] = ()) -> dict[str, Any]:
    """The site's settings as a build sees them: conf.py read by Sphinx, with
    every value the extensions derive from it, from the extension's own
    command (in a process of its own, so no Sphinx state is left behind)."""
    command = [sys.executable, "-m", "resume.site.settings", str(ROOT), *(f"--tag={tag}" for tag in tags)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}
    done = subprocess.run(command, env=environment, capture_output=True, text=True, check=True)
    settings: dict[str, Any] = json.loads(done.stdout)
    return settings


@functools.cache
def site_config() -> dict[str, Any]:
    """:func:`read_site_config` once per session."""
    return read_site_config()


def site_extensions(*, without: str = "") -> list[str]:
    """Every extension the site loads (``resume.site`` spelt out in its
    parts), without ``without``: for ``-D extensions=…``."""
    from resume.site import PARTS

    listed = site_config()["extensions"]
    expanded = [part for e in listed for part in (PARTS if e == "resume.site" else (e,))]
    return [e for e in expanded if e != without]


def source_date_epoch() -> str:
    """The first day of the month of ``resume_as_of``, in seconds since 1970."""
    year, month = map(int, str(site_config()["resume_as_of"]).split("-"))
    return str(calendar.timegm((year, month, 1, 0, 0, 0)))


def build_environment(**extra: str) -> dict[str, str]:
    """The environment of a local build: fixed date, not Read the Docs, no downloads."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("READTHEDOCS")}
    env["SOURCE_DATE_EPOCH"] = source_date_epoch()
    env.update(extra)
    return env


def sphinx_build(
    builder: str,
    outdir: Path,
    *options: str,
    env: Mapping[str, str] | None = None,
    srcdir: Path = ROOT,
) -> Path:
    """Build the site (or another at *srcdir*) with *builder* into *outdir*;
    fail the test on any warning.

    The doctrees go beside *outdir*, not into it, so that the output holds only
    what is published.
    """
    warnings = outdir.parent / f"{outdir.name}.warnings"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        builder,
        *STRICT,
        "-q",
        "-d",
        str(outdir.parent / f"{outdir.name}.doctrees"),
        "-w",
        str(warnings),
        *options,
        str(srcdir),
        str(outdir),
    ]
    result = subprocess.run(
        command,
        env=dict(env) if env is not None else build_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    reported = warnings.read_text("utf-8").strip() if warnings.exists() else ""
    if result.returncode != 0 or reported:
        pytest.fail(
            f"sphinx-build -b {builder} {' '.join(options)} did not build cleanly:\n"
            f"{reported or result.stderr[-5000:]}",
            pytrace=False,
        )
    return outdir


@pytest.fixture(scope="session")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder that holds every whole-site build of the session: shared by
    the workers of ``pytest -n`` (pytest-xdist), which build each one once."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = tmp_path_factory.getbasetemp().parent / "site"
        shared.mkdir(exist_ok=True)
        return shared
    return tmp_path_factory.mktemp("site")


def once(outdir: Path, make: Callable[[], object]) -> Path:
    """Run ``make`` unless another worker of this session made ``outdir``
    already; wait while one is making it."""
    with open(outdir.parent / f"{outdir.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        done = outdir.parent / f"{outdir.name}.done"
        if not done.exists():
            make()
            done.touch()
    return outdir


def shared_build(builder: str, outdir: Path, *options: str) -> Path:
    """:func:`sphinx_build`, once for all the workers of the session."""
    return once(outdir, lambda: sphinx_build(builder, outdir, *options))


@pytest.fixture(scope="session")
def site_html(site_root: Path) -> Path:
    """The HTML site, built serially, without download files."""
    return shared_build("html", site_root / "html")


@pytest.fixture(scope="session")
def site_epub(site_root: Path) -> Path:
    """The ePub file."""
    outdir = shared_build("epub", site_root / "epub")
    return outdir / f"{site_config()['epub_basename']}.epub"


@pytest.fixture(scope="session")
def site_latex(site_root: Path) -> Path:
    """The LaTeX output folder: one .tex file per document in latex_documents."""
    return shared_build("latex", site_root / "latex")


def fit_report(latex: Path) -> subprocess.CompletedProcess[str]:
    """`make pdf`'s last step on a compiled LaTeX folder: what each two-page résumé left out."""
    return subprocess.run(
        [sys.executable, "-m", "resume.site.fit", str(latex)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site_pdfs(site_latex: Path) -> dict[str, Path]:
    """Every PDF, compiled by latexmk as `make pdf` does, keyed by start document."""
    documents = {entry[0]: Path(entry[1]).stem for entry in site_config()["latex_documents"]}
    once(site_latex.parent / "pdfs", functools.partial(compile_pdfs, site_latex, documents))
    return {start: site_latex / f"{name}.pdf" for start, name in documents.items()}


def compile_pdfs(site_latex: Path, documents: dict[str, str]) -> None:
    latexmk = require_tool("latexmk")
    require_tool("xelatex")
    # One latexmk per document, side by side; latexmkrc in the folder makes
    # them run xelatex.
    runs = {
        start: subprocess.Popen(
            [latexmk, "-pdf", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
            cwd=site_latex,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for start, name in documents.items()
    }
    failures = []
    for start, run in runs.items():
        output, _ = run.communicate()
        if run.returncode != 0:
            failures.append(f"latexmk for {start} failed:\n{output[-5000:]}")
    # Then, as `make pdf`, the report of what each two-page résumé left out to fit.
    fit = fit_report(site_latex)
    if fit.returncode != 0:
        failures.append(f"resume.site.fit failed:\n{fit.stderr}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)


@pytest.fixture(scope="session")
def site_pdf(site_pdfs: dict[str, Path]) -> Path:
    """The full PDF book, from index."""
    return site_pdfs["index"]


@pytest.fixture(scope="session")
def site_brief_pdf(site_pdfs: dict[str, Path]) -> Path:
    """The two-page résumé, from brief."""
    return site_pdfs["brief"]


@pytest.fixture(scope="session")
def site_html_parallel(site_root: Path) -> Path:
    """The HTML site built with two processes (``-j 2``), which must give the same files."""
    return shared_build("html", site_root / "html-parallel", "-j", "2")


#: The address the JSON Resume export of the tests is made for.
JSON_BASE = "https://resume.example.org/"


@pytest.fixture(scope="session")
def site_json(site_root: Path) -> Path:
    """The JSON Resume document (`make json`), with page addresses under JSON_BASE."""
    return shared_build("jsonresume", site_root / "json", "-D", f"html_baseurl={JSON_BASE}") / "resume.json"


@pytest.fixture(scope="session")
def site_docx(site_root: Path) -> dict[str, Path]:
    """The Word résumés (`make docx`), keyed by start document."""
    outdir = shared_build("docx", site_root / "docx")
    return {
        entry[0]: outdir / Path(entry[1]).with_suffix(".docx").name
        for entry in site_config()["latex_documents"]
        if entry[4] == "resumebrief"
    }


@pytest.fixture(scope="session")
def site_html_with_downloads(
    site_root: Path, site_pdfs: dict[str, Path], site_epub: Path, site_docx: dict[str, Path]
) -> Path:
    """The HTML site as `make all` builds it: PDFs, Word files and ePub copied in and linked."""
    downloads = site_root / "downloads"

    def gather() -> None:
        downloads.mkdir(exist_ok=True)
        for built in (*site_pdfs.values(), *site_docx.values(), site_epub):
            shutil.copy2(built, downloads)

    once(downloads, gather)
    return shared_build("html", site_root / "html-with-downloads", "-D", f"resume_downloads_dir={downloads}")
