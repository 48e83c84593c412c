"""A Sphinx extension for the tests: on every page, furo's own navigation
beside the one resume.site.navigation wrote.

Loaded after ``resume.site.navigation``, it runs after both (priority 700), asks the
theme for the page's navigation the theme's way (Sphinx's ``toctree()`` is
back in the context by then) and writes a JSON report at the end of the
build: the pages compared, those that differ, and how many pages the fast
path wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import furo
from sphinx.application import Sphinx

from resume.site import navigation


def _compare(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    if "furo_navigation_tree" not in context:
        return
    theirs = furo._compute_navigation_tree(context)
    compared = app.navigation_check  # type: ignore[attr-defined]
    compared["pages"].append(pagename)
    if context["furo_navigation_tree"] != theirs:
        compared["differ"].append(pagename)


def _report(app: Sphinx, exception: Exception | None) -> None:
    state = navigation.state_of(app.builder)
    app.navigation_check["fast"] = state.rendered if state else 0  # type: ignore[attr-defined]
    if app.config.navigation_check_report:
        Path(app.config.navigation_check_report).write_text(json.dumps(app.navigation_check), "utf-8")  # type: ignore[attr-defined]


def setup(app: Sphinx) -> dict[str, Any]:
    app.navigation_check = {"pages": [], "differ": [], "fast": 0}  # type: ignore[attr-defined]
    app.add_config_value("navigation_check_report", "", "", types=[str])
    app.connect("html-page-context", _compare, priority=700)
    app.connect("build-finished", _report)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
