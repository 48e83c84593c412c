"""``make new``: a new, independent knowledge base from a JSON Resume file.

    python -m resume.jsonresume.newsite [--from resume.json] DEST

Checks the file first and writes nothing when it is refused; then copies the
machinery of this repository (:mod:`resume.scaffold.machinery`: extension,
LaTeX design, Makefile, pinned requirements, CI, Read the Docs, the tests of
``tests/unit`` and ``tests/ext``), writes conf.py with the new person's block,
the starter's authoring guide, and the pages that :mod:`.importer` plans.
Without ``--from`` it starts from the starter's pages
(``resume/scaffold/starter``), a one-job career to edit whose person block
comes from :data:`STARTER`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from resume.core.dates import this_month
from resume.jsonresume.importer import ImportRefused, NewSite, plan_site
from resume.jsonresume.markdown import inline
from resume.scaffold.machinery import copy_machinery
from resume.scaffold.starter import guide_pages, starter_pages

ROOT = Path(__file__).resolve().parents[3]
PERSON_BLOCK = re.compile(r"(# -- The person -+\n(?:#[^\n]*\n)*)(.*?)(\n# -- end of the person -+\n)", re.S)

STARTER: dict[str, Any] = {
    "basics": {
        "name": "Your Name",
        "label": "Software engineer",
        "email": "you@example.org",
        "summary": "One paragraph about you: what you do, and what you are looking for.",
    },
    "work": [
        {
            "name": "Example Company",
            "position": "Software engineer",
            "startDate": "2020-01",
            "summary": "What the job was, in a sentence or two.",
            "highlights": ["Something you achieved there, with a figure if you have one"],
        }
    ],
    "projects": [
        {
            "name": "Example project",
            "description": "What the project was, in one sentence.",
            "highlights": ["What came of it"],
            "keywords": ["Python"],
            "startDate": "2021-03",
            "endDate": "2021-09",
            "entity": "Example Company",
        }
    ],
    "skills": [{"name": "Languages", "level": "Advanced", "keywords": ["Python", "SQL"]}],
}


LINE_LENGTH = 120  # pyproject.toml's [tool.ruff] line-length
INDENT = "    "


def py_string(text: str) -> str:
    """A string literal as ``ruff format`` writes it: double quotes unless single ones need fewer escapes."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote)
    escaped = re.sub(r"[\x00-\x1f]", lambda m: _ESCAPES.get(m[0], f"\\x{ord(m[0]):02x}"), escaped)
    return f"{quote}{escaped}{quote}"


_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def py_value(value: Any, prefix: str = "", level: int = 0, suffix: str = "") -> str:
    """``prefix`` + ``value`` as a Python literal + ``suffix``, laid out as ``ruff format`` lays it out.

    On one line when it fits the line length, else one item a line with a trailing comma.
    """
    indent = INDENT * level
    flat = _flat(value)
    if len(indent) + len(prefix) + len(flat) + len(suffix) <= LINE_LENGTH or not isinstance(value, dict | list):
        return f"{indent}{prefix}{flat}{suffix}"
    if isinstance(value, dict):
        items = [py_value(item, f"{py_string(str(key))}: ", level + 1, ",") for key, item in value.items()]
        opening, closing = "{", "}"
    else:
        items = [py_value(item, "", level + 1, ",") for item in value]
        opening, closing = "[", "]"
    return "\n".join([f"{indent}{prefix}{opening}", *items, f"{indent}{closing}{suffix}"])


def _flat(value: Any) -> str:
    if isinstance(value, str):
        return py_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{py_string(str(k))}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    return repr(value)


def conf_text(site: NewSite) -> str:
    """This repository's conf.py with the person block written for ``site``, ruff-format clean."""
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    year = site.as_of[:4]
    block = (
        py_value(site.name, "project = author = ")
        + "\n"
        + py_value(f"{year}, {site.name}", "copyright = ")
        + "\n# The file names of the PDFs and the ePub, and the ePub's identifier.\n"
        + py_value(site.slug, "resume_slug = ")
        + '\n# The month the résumé speaks from: "ongoing" ends and the PDF title pages.\n'
        + py_value(site.as_of, "resume_as_of = ")
        + "\n# Contact details for the home page and the JSON Resume export (`make json`);\n"
        + '# those under "private" are written only with `-t private`.\n'
        + py_value(site.basics, "resume_basics = ")
        + "\n"
    )
    block += "# Directions for tailored two-page résumés: none yet.\nresume_directions: dict[str, str] = {}\n"
    block += "# The keywords of the PDFs' metadata.\nresume_pdf_keywords: list[str] = []\n"
    if site.levels:
        block += "# The skill levels the résumé states.\n" + py_value(site.levels, "resume_levels = ") + "\n"
    text, count = PERSON_BLOCK.subn(lambda m: m[1] + "\n" + block + m[3], conf)
    if count != 1:
        raise RuntimeError("conf.py has no person block to replace")
    return text


def readme_text(site: NewSite) -> str:
    name = inline(site.name)
    return f"""# {name} — career knowledge base

The résumé of {name}, as one page per employer and per project, with a career
timeline, a skill matrix and index, a PDF book, a two-page PDF résumé, an ePub
and a JSON Resume document, built by [Sphinx](https://www.sphinx-doc.org/).

## Build and test

With Python 3.11 or newer and `make`:

```sh
make html   # the site, in _build/html (open _build/html/index.html)
make test   # every test
```

`make pdf` (the PDFs, needs XeLaTeX and latexmk), `make epub`, `make json`
(`_build/json/resume.json`) and `make all` build the other formats;
`make system-deps` installs the system packages they need on Debian or Ubuntu.
Every build is strict: a warning fails it.

## Editing

Each employer is `experience/<slug>.md`, each project `projects/<slug>.md`, the
skills catalogue is `skills.md`. The facts are in each page's front matter:
`resume:` holds what the site draws its timeline, summaries and skills from,
`jsonresume:` what only the JSON Resume format has (highlights, roles, links),
shown on the page by `{{resume-details}}`. Write the story of a job or a project
in Markdown below its title. The person's name, contact details and the date
the résumé speaks from are in the block at the top of `conf.py`; pages say them
with ``{{person}}`name` `` and ``{{person}}`as-of` ``. `guide/authoring.md` (a file of the
repository, for the author; not a page of the site) says more.

Every page must be listed in a `toctree`, or the build fails: a new employer page
goes in the list at the end of `experience/index.md`, a new project page in the one
of `projects/index.md`, by file name without `.md`. Renaming a page means renaming
it in its list too.

## Upgrading

The machinery (`_ext/`, `_latex/`, the Makefile, the requirements, CI, and the tests
in `tests/unit` and `tests/ext`) is a copy of the knowledge-base project's. To take
a newer version, get a newer checkout of that project and run

```sh
make upgrade FROM=path/to/the/newer/checkout
```

It replaces the machinery with the checkout's, prints every file it added, changed
or removed, and leaves every page, `conf.py`, this README and `guide/` as they are.
`make upgrade FROM=… DRY_RUN=1` only prints. Then run `make html` and `make test`.
Your own tests go in `tests/site/`, which an upgrade never touches.
"""


def write_site(site: NewSite, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    # The machinery (resume.scaffold.machinery), which `make upgrade` replaces later,
    # and the new site's authoring guide.
    copy_machinery(ROOT, dest)
    for name, text in guide_pages().items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_text(text, encoding="utf-8")
    # Written as `ruff format` writes it: the new site's `make lint` checks conf.py.
    (dest / "conf.py").write_text(conf_text(site), encoding="utf-8")
    (dest / "references.bib").write_text("", encoding="utf-8")
    (dest / "README.md").write_text(readme_text(site), encoding="utf-8")
    for path, text in sorted(site.pages.items()):
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text, encoding="utf-8")


BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decoded(data: bytes) -> tuple[str, str]:
    """The text of a file and its encoding: UTF-8 (a byte order mark, as some editors
    write, is not part of the JSON), UTF-16 or -32 after their byte order mark, else
    Windows-1252, as older Windows editors save; UnicodeDecodeError when none fits."""
    for mark, encoding in BOMS:
        if data.startswith(mark):
            return data.decode(encoding), encoding.upper()
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252"), "Windows-1252"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new", description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", help="a JSON Resume file")
    parser.add_argument("dest", help="where the new site goes (absent or empty)")
    args = parser.parse_args(argv)
    dest = Path(args.dest)
    encoding = "utf-8"
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        print(f"make new: {dest} exists and is not an empty folder; nothing written", file=sys.stderr)
        return 2
    if args.source is None:
        document: Any = STARTER
        origin = "the starter"
    else:
        try:
            text, encoding = decoded(Path(args.source).read_bytes())
            document = json.loads(text)
        except json.JSONDecodeError as error:
            print(
                f"make new: {args.source} is not JSON, at line {error.lineno}, column {error.colno}: "
                f"{error.msg}; nothing written",
                file=sys.stderr,
            )
            return 2
        except (OSError, UnicodeDecodeError) as error:
            print(f"make new: cannot read {args.source}: {error}; nothing written", file=sys.stderr)
            return 2
        origin = str(args.source)
    try:
        site = plan_site(document, fallback_as_of=this_month())
        if args.source is not None and encoding != "utf-8":
            site.repairs.insert(0, f"/: the file is not UTF-8; read as {encoding}")
    except ImportRefused as refused:
        print(f"make new: {origin} is refused; nothing written:", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if args.source is None:
        # The starter's own pages, which say the name and the date from conf.py,
        # and speak from this month (or the starter's last date, if that is later).
        site.pages = starter_pages()
        site.as_of = max(site.as_of, this_month())
    write_site(site, dest)
    pages = sum(1 for path in site.pages if path.startswith(("experience/", "projects/")))
    print(
        f"make new: {dest}: a site for {site.name} from {origin}, as of {site.as_of}, {pages} pages of work and projects"
    )
    if site.repairs:
        print("Repaired (read as JSON Resume means it):")
        for line in site.repairs:
            print(f"  {line}")
    if site.report:
        print("Not carried, or carried differently:")
        for line in site.report:
            print(f"  {line}")
    print(f"Next: cd {dest} && make html && make test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
