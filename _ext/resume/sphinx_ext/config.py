"""The extension's settings: declared, typed and checked in one place."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from resume.core.dates import DateError, parse_month
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def setup_config(app: Sphinx) -> None:
    # The month "ongoing" roles are drawn up to: YYYY-MM. Empty means the month
    # of SOURCE_DATE_EPOCH, or of today.
    app.add_config_value("resume_as_of", "", "env", types=frozenset({str}))
    # The skill levels a catalogue may state, highest first.
    app.add_config_value("resume_levels", ["expert", "highly skilled"], "env", types=frozenset({list, tuple}))
    # Put a summary box (role, dates, duration, skills, links) on every
    # employer and project page.
    app.add_config_value("resume_auto_summary", True, "env", types=frozenset({bool}))
    # List each page's warnings at the top of the page: for the live preview
    # (`make live`), never for a published build.
    app.add_config_value("resume_show_problems", False, "html", types=frozenset({bool}))
    # The directions a career can be read for, slug -> label ("operating system
    # programming"); projects name them in `directions`, and a page whose front
    # matter sets `direction: <slug>` draws a brief tailored to one.
    app.add_config_value("resume_directions", {}, "env", types=frozenset({dict}))
    app.connect("config-inited", check_config)


def _this_month() -> str:
    stamp = float(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.strftime("%Y-%m", time.gmtime(stamp))


def check_config(app: Sphinx, config: Config) -> None:
    if not config.resume_as_of:
        config.resume_as_of = _this_month()
        return
    try:
        parse_month(str(config.resume_as_of))
    except DateError as error:
        message = f"resume_as_of: {error}; using {_this_month()}"
        warn(Subtype.CONFIG, message, _setting_location(app, "resume_as_of"))
        config.resume_as_of = _this_month()


def _setting_location(app: Sphinx, name: str) -> str | None:
    """``conf.py:N`` where the setting is assigned, for warnings about it."""
    conf = Path(app.confdir, "conf.py")
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    assignment = re.compile(rf"\s*{re.escape(name)}\s*=")
    line = next((n for n, text in enumerate(lines, 1) if assignment.match(text)), None)
    return f"{conf}:{line}" if line else str(conf)
