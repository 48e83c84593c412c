"""Every build reports every problem: warnings are remembered across builds.

Sphinx reads again only the pages that changed, so a warning given while a page
was read, checked or written is not given again by the next incremental build,
and a strict build that failed once passes the second time with the mistake
still in the site. This module listens to every warning of a build, notes the
page it is about, and marks those pages out of date on the next build: they are
read, checked and written again, so each of their warnings comes back until the
source is fixed, exactly as a fresh build would give it.

A page deleted from the sources has its output file removed, and every page is
read again, so that links and table-of-contents entries pointing at it are
reported as a fresh build reports them.

The warnings of the current build, by page, are also what the live preview
shows on each page (:mod:`resume.authoring.preview`).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.util import logging as sphinx_logging

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

# In the doctree folder, beside Sphinx's pickled environment.
STATE_FILE = "resume-warned-pages.json"
_LINE_SUFFIX = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+))?$")


class Reported(NamedTuple):
    """One warning of this build, about one page."""

    line: int | None
    message: str
    kind: str  # "type.subtype", "type" or ""


class Recorder(logging.Handler):
    """Collects the warnings of one build, by the page they are about."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__(logging.WARNING)
        self.app = app
        self.by_page: dict[str, dict[Reported, None]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._record(record)
        except Exception:  # never let bookkeeping break a build's logging
            self.handleError(record)

    def _record(self, record: logging.LogRecord) -> None:
        kind, subtype = getattr(record, "type", None) or "", getattr(record, "subtype", None) or ""
        if sphinx_logging.is_suppressed_warning(kind, subtype, self.app.config.suppress_warnings):
            return
        label = ".".join(part for part in (kind, subtype) if part)
        message = record.getMessage()
        # Sphinx appends " [type.subtype]" when it prints a record; the same
        # record may reach this handler before and after that.
        if label and message.endswith(f" [{label}]"):
            message = message[: -len(label) - 3]
        for docname, line in self._places(getattr(record, "location", None)):
            self.by_page.setdefault(docname, {})[Reported(line, message, label)] = None

    def _places(self, location: object) -> list[tuple[str, int | None]]:
        """The pages a warning's location is about (none, one, or every includer)."""
        env = getattr(self.app, "env", None)
        if env is None or location is None:
            return []
        if isinstance(location, tuple):
            docname, line = location
            return [(docname, line or None)] if docname else []
        if isinstance(location, nodes.Node):
            source, line = get_source_line(location)
            return self._pages_of(source, line) if source else []
        if isinstance(location, str):
            if ":" not in location and location in env.found_docs:
                return [(location, None)]
            found = _LINE_SUFFIX.match(location)
            assert found is not None  # the pattern matches any text
            return self._pages_of(found["path"], int(found["line"]) if found["line"] else None)
        return []

    def _pages_of(self, source: str, line: int | None) -> list[tuple[str, int | None]]:
        env = self.app.env
        docname = env.path2doc(source)
        if docname is not None and docname in env.found_docs:
            return [(docname, line)]
        # A file pulled into pages (an {include} snippet): while a page is read
        # it is that page's; later, every page that depends on the file.
        reading = env.current_document.docname
        if reading:
            return [(reading, None)]
        path = Path(source).resolve()
        srcdir = Path(env.srcdir)
        return [
            (owner, None)
            for owner, files in sorted(env.dependencies.items())
            if any((srcdir / file).resolve() == path for file in files)
        ]

    def problems(self, docname: str) -> list[Reported]:
        """This build's warnings about ``docname``, in line order."""
        found = self.by_page.get(docname, {})
        return sorted(found, key=lambda r: (r.line or 0, r.message))


# One recorder per application, for as long as the application lives.
_RECORDERS: WeakKeyDictionary[Sphinx, Recorder] = WeakKeyDictionary()


def recorder(app: Sphinx) -> Recorder | None:
    return _RECORDERS.get(app)


def _state_file(app: Sphinx) -> Path:
    return Path(app.doctreedir) / STATE_FILE


def _previously_warned(app: Sphinx) -> set[str]:
    try:
        return set(json.loads(_state_file(app).read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return set()


def start_recording(app: Sphinx) -> None:
    """``builder-inited``: listen to the warnings of the build."""
    _RECORDERS[app] = Recorder(app)
    _listen(app)


def _listen(app: Sphinx) -> None:
    handler = recorder(app)
    logger = logging.getLogger(sphinx_logging.NAMESPACE)
    if handler is not None and handler not in logger.handlers:
        logger.addHandler(handler)


def outdated(app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]) -> list[str]:
    """``env-get-outdated``: pages that warned last time, or all pages after a deletion.

    Each build of an application passes here first, so it also starts a new
    record of warnings (an application may build more than once).
    """
    handler = recorder(app)
    if handler is not None:
        handler.by_page.clear()
        _listen(app)
    for docname in sorted(removed):
        _remove_output(app, docname)
    if removed:
        return sorted(env.found_docs)
    return sorted(_previously_warned(app) & env.found_docs)


def _remove_output(app: Sphinx, docname: str) -> None:
    builder = app.builder
    if hasattr(builder, "get_outfilename"):
        target = Path(builder.get_outfilename(docname))
    elif suffix := getattr(builder, "out_suffix", ""):  # text, man, … writers
        target = Path(builder.outdir) / f"{docname}{suffix}"
    else:
        return
    target.unlink(missing_ok=True)


def finish_recording(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: remember the pages that warned, for the next build."""
    handler = recorder(app)
    if handler is None:
        return
    logging.getLogger(sphinx_logging.NAMESPACE).removeHandler(handler)
    warned = set(handler.by_page)
    if exception is not None:  # the build stopped early: keep what is not yet known to be fixed
        warned |= _previously_warned(app)
    state = _state_file(app)
    if warned:
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(json.dumps(sorted(warned)), "utf-8")
    else:
        state.unlink(missing_ok=True)


def setup_problems(app: Sphinx) -> None:
    app.connect("builder-inited", start_recording)
    app.connect("env-get-outdated", outdated)
    app.connect("build-finished", finish_recording)
