"""Addresses that survive a rename: a page's former names redirect to it.

An employer or project page lists the document names it had before
(``moved_from:`` in its ``resume`` front matter). The HTML build writes a small
page at each former address that sends the browser on to the new one, keeping
the ``#fragment`` of the link that was followed: a script for browsers that run
it, a meta refresh and a plain link for the rest.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urljoin

from sphinx.util.osutil import relative_uri

from resume.core.model import Employer, Project, line_in
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.warnings import warn
from resume.web.previews import shares, site_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


class Redirect(NamedTuple):
    former: str  # the docname the page had
    docname: str  # the page it is now
    line: int  # where the former name is listed


def redirects(env: BuildEnvironment) -> list[Redirect]:
    """Every former address listed, in page order, valid or not."""
    domain = domain_of(env)
    found = []
    for docname in sorted(domain.records):
        record = domain.records[docname]
        if isinstance(record, Employer | Project):
            for index, former in enumerate(record.moved_from):
                found.append(Redirect(former, docname, line_in(record, ("moved_from", index))))
    return found


def valid_redirects(env: BuildEnvironment, *, report: bool = False) -> dict[str, str]:
    """Former address → new page, without those that clash (reported if asked)."""
    valid: dict[str, str] = {}
    for redirect in redirects(env):
        if redirect.former in env.found_docs:
            if report:
                warn(
                    Subtype.REDIRECT,
                    f"former address {redirect.former!r} is a page of the site; "
                    "remove it from 'moved_from' or rename that page",
                    (redirect.docname, redirect.line),
                )
        elif redirect.former in valid:
            if report:
                warn(
                    Subtype.REDIRECT,
                    f"former address {redirect.former!r} is already listed by {valid[redirect.former]!r}",
                    (redirect.docname, redirect.line),
                )
        else:
            valid[redirect.former] = redirect.docname
    return valid


def check_redirects(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a former address must be free and listed once."""
    valid_redirects(env, report=True)


def redirect_page(title: str, target: str, canonical: str | None) -> str:
    """The page left at a former address. ``target`` is relative to it."""
    link = html.escape(target)
    script_target = json.dumps(target).replace("<", "\\u003c")
    canonical_link = f'<link rel="canonical" href="{html.escape(canonical)}">\n' if canonical else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Moved: {html.escape(title)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f"{canonical_link}"
        f"<script>location.replace({script_target} + location.hash);</script>\n"
        f'<meta http-equiv="refresh" content="0; url={link}">\n'
        "</head>\n<body>\n<main>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        f'<p>This page has moved to <a href="{link}">{html.escape(title)}</a>.</p>\n'
        "</main>\n</body>\n</html>\n"
    )


def write_redirects(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: one redirect page per valid former address."""
    if exception is not None or not shares(app.builder):
        return
    builder = app.builder
    base = site_url(builder)
    career = domain_of(app.env).career
    for former, docname in sorted(valid_redirects(app.env).items()):
        source = builder.get_target_uri(former)
        target = builder.get_target_uri(docname)
        page = redirect_page(
            career.title(docname),
            relative_uri(source, target),
            urljoin(base, target) if base else None,
        )
        path = Path(builder.outdir, source)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")


def setup_redirects(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_redirects)
    app.connect("build-finished", write_redirects)
