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


class NavigationCheck:
    """What the check found in one build: the pages compared, those that differ."""

    def __init__(self) -> None:
        self.found: dict[str, Any] = {"pages": [], "differ": [], "fast": 0}

    def compare(self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
        if "furo_navigation_tree" not in context:
            return
        self.found["pages"].append(pagename)
        if context["furo_navigation_tree"] != furo._compute_navigation_tree(context):
            self.found["differ"].append(pagename)

    def report(self, app: Sphinx, exception: Exception | None) -> None:
        state = navigation.state_of(app.builder)
        self.found["fast"] = state.rendered if state else 0
        if app.config.navigation_check_report:
            Path(app.config.navigation_check_report).write_text(json.dumps(self.found), "utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    check = NavigationCheck()  # one per application: nothing kept on it
    app.add_config_value("navigation_check_report", "", "", types=[str])
    app.connect("html-page-context", check.compare, priority=700)
    app.connect("build-finished", check.report)
    return {"parallel_read_safe": True, "parallel_write_safe": False}
