"""``make new``: a new, independent knowledge base from a JSON Resume file.

    python -m resume.jsonresume.newsite [--from resume.json] DEST

Checks the file first and writes nothing when it is refused; then copies the
machinery of this repository (extension, LaTeX design, Makefile, pinned
requirements, CI, Read the Docs, the generic tests), writes conf.py with the
new person's block, and the pages that :mod:`.importer` plans. Without
``--from`` it starts from :data:`STARTER`, a one-job career to edit.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pprint
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from resume.core.dates import this_month
from resume.jsonresume.importer import ImportRefused, NewSite, plan_site
from resume.jsonresume.markdown import inline

ROOT = Path(__file__).resolve().parents[3]
COPIED = (
    "_ext",
    "_latex",
    "Makefile",
    "requirements.txt",
    "requirements-test.txt",
    "requirements-live.txt",
    "constraints.txt",
    ".gitignore",
    ".ci",
    "package.json",
    "package-lock.json",
    "pyproject.toml",
    "guide",
    "benchmarks",
)
# The tests that check the extension and any site; the others are about this
# site's own facts and stay here.
GENERIC_TESTS = (
    "conftest.py",
    "site_fixtures.py",
    "helpers.py",
    "browser.py",
    "roots",
    "regression",
    "test_regression",
    "test_extension.py",
    "test_escaping.py",
    "test_broken_input.py",
    "test_regression.py",
    "test_jsonresume_export.py",
    "test_jsonresume_site.py",
)
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
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


def conf_text(site: NewSite) -> str:
    """This repository's conf.py with the person block written for ``site``."""
    conf = (ROOT / "conf.py").read_text(encoding="utf-8")
    year = site.as_of[:4]
    basics = pprint.pformat(site.basics, width=88, sort_dicts=False)
    block = (
        f"project = author = {site.name!r}\n"
        f"copyright = {f'{year}, {site.name}'!r}\n"
        "# The file names of the PDFs and the ePub, and the ePub's identifier.\n"
        f"resume_slug = {site.slug!r}\n"
        '# The month the résumé speaks from: "ongoing" ends and the PDF title pages.\n'
        f"resume_as_of = {site.as_of!r}\n"
        "# Contact details for the home page and the JSON Resume export (`make json`);\n"
        '# those under "private" are written only with `-t private`.\n'
        f"resume_basics = {basics}\n"
    )
    block += "# Directions for tailored two-page résumés: none yet (see the authoring guide).\nresume_directions = {}\n"
    block += "# The keywords of the PDFs' metadata.\nresume_pdf_keywords = []\n"
    if site.levels:
        block += f"# The skill levels the résumé states.\nresume_levels = {site.levels!r}\n"
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
the résumé speaks from are in the block at the top of `conf.py`.
"""


def write_site(site: NewSite, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=IGNORED)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    (dest / "tests").mkdir()
    for name in GENERIC_TESTS:
        source = ROOT / "tests" / name
        if source.is_dir():
            shutil.copytree(source, dest / "tests" / name, ignore=IGNORED)
        elif source.is_file():
            shutil.copy2(source, dest / "tests" / name)
    # The Read the Docs configuration names no file of the person's: the
    # Makefile and the extension derive them.
    shutil.copy2(ROOT / ".readthedocs.yaml", dest / ".readthedocs.yaml")
    (dest / "conf.py").write_text(conf_text(site), encoding="utf-8")
    # The new site's `make lint` checks conf.py as this one's does.
    if importlib.util.find_spec("ruff") is not None:
        subprocess.run([sys.executable, "-m", "ruff", "format", "--quiet", str(dest / "conf.py")], check=False)
    (dest / "references.bib").write_text("", encoding="utf-8")
    (dest / "README.md").write_text(readme_text(site), encoding="utf-8")
    for path, text in sorted(site.pages.items()):
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new", description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", help="a JSON Resume file")
    parser.add_argument("dest", help="where the new site goes (absent or empty)")
    args = parser.parse_args(argv)
    dest = Path(args.dest)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        print(f"make new: {dest} exists and is not an empty folder; nothing written", file=sys.stderr)
        return 2
    if args.source is None:
        document: Any = STARTER
        origin = "the starter"
    else:
        try:
            document = json.loads(Path(args.source).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            print(f"make new: cannot read {args.source}: {error}; nothing written", file=sys.stderr)
            return 2
        origin = str(args.source)
    try:
        site = plan_site(document, fallback_as_of=this_month())
    except ImportRefused as refused:
        print(f"make new: {origin} is refused; nothing written:", file=sys.stderr)
        for problem in refused.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    write_site(site, dest)
    pages = sum(1 for path in site.pages if path.startswith(("experience/", "projects/")))
    print(
        f"make new: {dest}: a site for {site.name} from {origin}, as of {site.as_of}, {pages} pages of work and projects"
    )
    if site.report:
        print("Not carried, or carried differently:")
        for line in site.report:
            print(f"  {line}")
    print(f"Next: cd {dest} && make html && make test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
