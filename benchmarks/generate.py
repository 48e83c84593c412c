"""Generate synthetic career knowledge bases shaped like the site.

A knowledge base of about ``pages`` pages has employers with one to three
positions each (dates overlap, some are ongoing), one or more long-running
roles held beside the jobs (like a FreeBSD commit bit), projects (some dated,
some not), a skills catalogue, and the four pages that hold the aggregates:
the home page (timeline), the experience index (positions timeline and career
summary), the projects index (career summary with projects) and the skills
page (skill matrix and skills index).

Everything follows from ``(pages, seed)``. The same pages are written in three
variants (and the peer's), each with its own ``conf.py`` carrying the site's settings:

``ext``   the extension as the site uses it;
``bare``  the extension loaded, ``resume_auto_summary = False`` and the
          aggregate directives removed from the pages; ``{skill}`` roles, which
          link into the skills index, become plain text;
``none``  the same pages without the extension (MyST still parses the
          front matter).
``needs`` the pages of ``none`` with sphinx-needs modelling the same career:
          a need per employer and project (skills as tags, the employer as
          a link) and one needtable on the projects index.

Usage: ``python benchmarks/generate.py --pages 100 [--variant ext] OUTDIR``.
"""

from __future__ import annotations

import argparse
import json
import os
import pprint
import random
import re
import subprocess
import sys
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

import yaml

if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import vocabulary as vocab

BENCH_DIR = Path(__file__).resolve().parent
SITE_DIR = BENCH_DIR.parent
SITE_CONF = SITE_DIR / "conf.py"
EXT_DIR = SITE_DIR / "_ext"

#: Pages that are neither employers nor projects.
FIXED_PAGES = ("index", "experience/index", "projects/index", "skills")
#: Pages whose content the aggregate directives draw.
AGGREGATE_PAGES = FIXED_PAGES
AGGREGATE_DIRECTIVES = ("timeline", "skill-matrix", "skill-index", "career-summary")
#: About one employer for every PAGES_PER_EMPLOYER pages; the rest are projects.
PAGES_PER_EMPLOYER = 11
FIRST_MONTH = 1984 * 12  # the earliest start drawn


class Variant(NamedTuple):
    name: str
    description: str
    extension: bool  # the resume extension is loaded
    aggregates: bool  # the pages keep their aggregate directives


VARIANTS = {
    "ext": Variant("ext", "extension, as the site uses it", True, True),
    "bare": Variant("bare", "extension loaded, no aggregate directives, no automatic summaries", True, False),
    "none": Variant("none", "no extension; front matter still parsed by MyST", False, False),
}
#: The peer: the pages of ``none`` with sphinx-needs modelling the same career.
NEEDS = Variant("needs", "the peer, sphinx-needs: a need per employer and project, one needtable", False, False)


# -- the plan: plain data, no files ------------------------------------------------


@dataclass
class EmployerPlan:
    slug: str
    name: str
    short: str
    location: str | None
    positions: list[dict[str, str]]
    skills: list[str]
    focus: list[str]  # skills its projects mostly draw from
    tenure: tuple[int, int]  # months, inclusive
    ongoing: bool


@dataclass
class ProjectPlan:
    slug: str
    name: str
    employer: str
    summary: str | None
    start: str | None
    end: str | None
    skills: list[str]
    mentioned: list[str]  # skills the body links with {skill}


@dataclass
class KnowledgeBase:
    pages: int
    seed: int
    as_of: str
    employers: list[EmployerPlan] = field(default_factory=list)
    projects: list[ProjectPlan] = field(default_factory=list)

    @property
    def positions(self) -> int:
        return sum(len(e.positions) for e in self.employers)

    @property
    def dated_projects(self) -> int:
        return sum(p.start is not None for p in self.projects)


def _month_text(value: int) -> str:
    return f"{value // 12:04d}-{value % 12 + 1:02d}"


def _month_value(text: str) -> int:
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def skill_names() -> list[str]:
    """Every catalogued skill once, in catalogue order."""
    return list(dict.fromkeys(name for _, skills in vocab.CATALOGUE for name, *_ in skills))


def _unique_names(rng: random.Random, parts: tuple[tuple[str, ...], ...], count: int, joiner: str) -> list[str]:
    combos = [joiner.join(combo) for combo in product(*parts)]
    rng.shuffle(combos)
    return [combos[i % len(combos)] + (f" {i // len(combos) + 1}" if i >= len(combos) else "")
            for i in range(count)]  # fmt: skip


def plan(pages: int, seed: int = 0, as_of: str = "2012-04") -> KnowledgeBase:
    """The knowledge base of about ``pages`` pages for ``seed``, as plain data."""
    if pages < len(FIXED_PAGES) + 2:
        raise ValueError(f"a knowledge base needs at least {len(FIXED_PAGES) + 2} pages")
    rng = random.Random(f"{seed}:{pages}")
    last = _month_value(as_of)
    kb = KnowledgeBase(pages=pages, seed=seed, as_of=as_of)
    all_skills = skill_names()

    total_employers = max(1, round(pages / PAGES_PER_EMPLOYER))
    concurrent = min(len(vocab.CONCURRENT_ROLES), 1 + pages // 400, total_employers)
    for name, short, title in vocab.CONCURRENT_ROLES[:concurrent]:
        start = FIRST_MONTH + rng.randint(0, 120)
        focus = rng.sample(all_skills, 8)
        kb.employers.append(EmployerPlan(
            slug=slugify(name), name=name, short=short, location=None,
            positions=[{"title": title, "start": _month_text(start), "end": "ongoing"}],
            skills=focus[:4], focus=focus, tenure=(start, last), ongoing=True,
        ))  # fmt: skip
    names = _unique_names(rng, (vocab.NAME_HEADS, vocab.NAME_TAILS), total_employers - concurrent, "")
    kinds = [rng.choice(vocab.NAME_KINDS) for _ in names]
    for head, kind in zip(names, kinds, strict=True):
        kb.employers.append(_employer(rng, f"{head} {kind}", head, last, all_skills))

    project_count = pages - len(FIXED_PAGES) - len(kb.employers)
    titles = _unique_names(
        rng, (vocab.PROJECT_QUALITIES, vocab.PROJECT_SUBJECTS, vocab.PROJECT_SETTINGS), project_count, " "
    )
    weights = [rng.uniform(0.3, 3.0) for _ in kb.employers]
    owners = list(kb.employers[:project_count])  # at least one project each, while they last
    owners += rng.choices(kb.employers, weights=weights, k=project_count - len(owners))
    for title, owner in zip(titles, owners, strict=True):
        kb.projects.append(_project(rng, title, owner, last, all_skills))
    return kb


def _employer(rng: random.Random, name: str, short: str, last: int, all_skills: list[str]) -> EmployerPlan:
    start = rng.randint(FIRST_MONTH, last - 6)
    end = min(start + rng.randint(6, 120) - 1, last)
    ongoing = end == last and rng.random() < 0.7
    if end == last and not ongoing:
        end = last - 1
    count = min(rng.choice((1, 1, 2, 2, 3)), max(1, (end - start) // 3))
    cuts = sorted(rng.sample(range(start + 1, end), count - 1)) if count > 1 else []
    bounds = [start, *cuts, end + 1]
    positions = []
    titles = rng.sample(vocab.TITLES, count)
    for index, title in enumerate(titles):
        # A promotion often overlaps the old role by a month or two.
        p_start = max(start, bounds[index] - (rng.randint(0, 2) if index else 0))
        p_end = bounds[index + 1] - 1
        final = index == count - 1
        positions.append({
            "title": title,
            "start": _month_text(p_start),
            "end": "ongoing" if final and ongoing else _month_text(p_end),
        })  # fmt: skip
    focus = rng.sample(all_skills, rng.randint(6, 12))
    return EmployerPlan(
        slug=slugify(name), name=name, short=short,
        location=rng.choice(vocab.CITIES) if rng.random() < 0.8 else None,
        positions=positions, skills=focus[: rng.randint(2, 5)], focus=focus,
        tenure=(start, end if not ongoing else last), ongoing=ongoing,
    )  # fmt: skip


def _project(rng: random.Random, title: str, owner: EmployerPlan, last: int, all_skills: list[str]) -> ProjectPlan:
    start = end = None
    if rng.random() < 0.6:
        lo, hi = owner.tenure
        first = rng.randint(lo, hi)
        final = min(first + rng.randint(1, 24) - 1, hi)
        start = _month_text(first)
        end = "ongoing" if owner.ongoing and final == last and rng.random() < 0.5 else _month_text(final)
    skills: list[str] = []
    for _ in range(rng.randint(2, 6)):
        pool = owner.focus if rng.random() < 0.8 else all_skills
        choice = rng.choice(pool)
        if choice not in skills:
            skills.append(choice)
    summary = None
    if rng.random() < 0.85:
        summary = f"{title} at {owner.short}: {_sentence(rng, 8, 14).rstrip('.').lower()}."
    return ProjectPlan(
        slug=slugify(title), name=title, employer=owner.slug, summary=summary,
        start=start, end=end, skills=skills,
        mentioned=[rng.choice(skills)] if rng.random() < 0.3 else [],
    )  # fmt: skip


# -- front matter and pages ------------------------------------------------------------


def employer_metadata(employer: EmployerPlan) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": "employer", "short": employer.short}
    if employer.location:
        data["location"] = employer.location
    data["positions"] = employer.positions
    data["skills"] = employer.skills
    return data


def project_metadata(project: ProjectPlan) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": "project", "employer": project.employer}
    if project.summary:
        data["summary"] = project.summary
    if project.start:
        data["start"] = project.start
        data["end"] = project.end
    data["skills"] = project.skills
    return data


def catalogue_metadata() -> dict[str, Any]:
    categories = []
    for category, skills in vocab.CATALOGUE:
        entries = []
        for name, level, years, note, aliases in skills:
            entry: dict[str, Any] = {"name": name}
            for key, value in (("level", level), ("years", years), ("note", note)):
                if value is not None:
                    entry[key] = value
            if aliases:
                entry["aliases"] = list(aliases)
            entries.append(entry)
        categories.append({"name": category, "skills": entries})
    return {"kind": "catalogue", "categories": categories}


def _front_matter(resume: dict[str, Any]) -> str:
    text = yaml.safe_dump({"resume": resume}, sort_keys=False, allow_unicode=True,
                          default_flow_style=None, width=100)  # fmt: skip
    return f"---\n{text}---\n"


def _sentence(rng: random.Random, shortest: int = 8, longest: int = 18) -> str:
    words = [rng.choice(vocab.WORDS) for _ in range(rng.randint(shortest, longest))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, mention: str | None = None) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(3, 5))]
    if mention:
        sentences.insert(1, f"The work was done in {{skill}}`{mention}`.")
    return " ".join(sentences)


def _directive(name: str, *options: str) -> str:
    return "\n".join([f"```{{{name}}}", *options, "```"])


def _toctree(entries: list[str], *, hidden: bool) -> str:
    options = [":hidden:"] if hidden else []
    return "\n".join(["```{toctree}", *options, ":maxdepth: 1", "", *entries, "```"])


def employer_page(rng: random.Random, employer: EmployerPlan) -> str:
    duties = "\n".join(f"- {_sentence(rng, 5, 10)}" for _ in range(rng.randint(3, 5)))
    paragraphs = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 2)))
    return (f"{_front_matter(employer_metadata(employer))}\n# {employer.name}\n\n{paragraphs}\n\n"
            f"## Responsibilities\n\n{duties}\n")  # fmt: skip


def project_page(rng: random.Random, project: ProjectPlan) -> str:
    count = rng.randint(2, 4)
    mention = project.mentioned[0] if project.mentioned else None
    paragraphs = "\n\n".join(_paragraph(rng, mention if i == 0 else None) for i in range(count))
    return (f"{_front_matter(project_metadata(project))}\n# {project.name}\n\n{paragraphs}\n\n"
            f"## Result\n\n{_paragraph(rng)}\n")  # fmt: skip


def newest_first(kb: KnowledgeBase) -> list[EmployerPlan]:
    """The employers in the site's order: latest end, then latest start, then name."""

    def key(employer: EmployerPlan) -> tuple[int, int, str, str]:
        latest_start = max(_month_value(position["start"]) for position in employer.positions)
        return (-employer.tenure[1], -latest_start, employer.name.casefold(), employer.name)

    return sorted(kb.employers, key=key)


def pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every source file of the ``ext`` variant: relative path → text."""
    employers = newest_first(kb)
    rank = {employer.slug: index for index, employer in enumerate(employers)}
    rng = random.Random(f"{kb.seed}:{kb.pages}:prose")
    files = {
        "index.md": "\n\n".join([
            "# A synthetic career",
            f"A generated knowledge base of {kb.pages} pages: {len(kb.employers)} employers, "
            f"{kb.positions} positions and {len(kb.projects)} projects. {_paragraph(rng)}",
            "## Career at a glance",
            _directive("timeline"),
            _toctree(["experience/index", "projects/index", "skills"], hidden=False),
        ]) + "\n",
        "experience/index.md": "\n\n".join([
            "# Experience",
            _paragraph(rng),
            _directive("timeline", ":show: positions"),
            _directive("career-summary"),
            _toctree([e.slug for e in employers], hidden=True),
        ]) + "\n",
        "projects/index.md": "\n\n".join([
            "# Projects",
            _paragraph(rng),
            _directive("career-summary", ":projects:"),
            _toctree([p.slug for p in sorted(kb.projects, key=lambda p: rank[p.employer])], hidden=True),
        ]) + "\n",
        "skills.md": "\n\n".join([
            _front_matter(catalogue_metadata()) + "\n# Skills",
            _paragraph(rng),
            "## Skills by employer",
            _directive("skill-matrix", ":group:"),
            "## Skills index",
            _directive("skill-index"),
        ]) + "\n",
    }  # fmt: skip
    for employer in kb.employers:
        files[f"experience/{employer.slug}.md"] = employer_page(rng, employer)
    for project in kb.projects:
        files[f"projects/{project.slug}.md"] = project_page(rng, project)
    return files


_FENCE_OPEN = re.compile(r"^```\{(?P<name>[a-z-]+)\}")
_SKILL_ROLE = re.compile(r"\{skill\}`([^`]+)`")


def strip_aggregates(text: str) -> str:
    """The page without its aggregate directive blocks."""
    out: list[str] = []
    skipping = False
    for line in text.splitlines(keepends=True):
        opened = _FENCE_OPEN.match(line)
        if opened and opened["name"] in AGGREGATE_DIRECTIVES:
            skipping = True
            continue
        if skipping:
            skipping = line.rstrip() != "```"
            continue
        out.append(line)
    return "".join(out)


def plain_skill_roles(text: str) -> str:
    return _SKILL_ROLE.sub(r"\1", text)


def need_id(prefix: str, slug: str) -> str:
    return f"{prefix}_{slug.upper().replace('-', '_')}"


def _need(directive: str, title: str, options: dict[str, str]) -> str:
    return _directive(f"{directive}", *(f":{key}: {value}" for key, value in options.items())).replace(
        f"{{{directive}}}", f"{{{directive}}} {title}", 1
    )


def needs_directives(kb: KnowledgeBase) -> dict[str, str]:
    """The sphinx-needs model of ``kb``: source path → the directive that goes
    below its title (a need per employer and project, skills as tags, the
    employer as a link; the projects index holds the one needtable)."""
    found = {"projects/index.md": _directive("needtable", ":types: project", ":columns: id;title;employer;tags",
                                             ":style: table")}  # fmt: skip
    for e in kb.employers:
        found[f"experience/{e.slug}.md"] = _need(
            "employer", e.name, {"id": need_id("E", e.slug), "tags": ";".join(e.skills)}
        )
    for p in kb.projects:
        options = {"id": need_id("P", p.slug), "tags": ";".join(p.skills), "employer": need_id("E", p.employer)}
        found[f"projects/{p.slug}.md"] = _need("project", p.name, options)
    return found


_FIRST_HEADING = re.compile(r"^# .*\n", re.MULTILINE)


def with_need(text: str, directive: str) -> str:
    """``text`` with ``directive`` after its first heading."""
    heading = _FIRST_HEADING.search(text)
    assert heading is not None, "every generated page has a title"
    return f"{text[: heading.end()]}\n{directive}\n{text[heading.end() :]}"


def variant_source(text: str, variant: Variant) -> str:
    if not variant.aggregates:
        # A {skill} role links into the skills index, an aggregate: without
        # the index it would only dangle (and warn).
        text = plain_skill_roles(strip_aggregates(text))
    return text


# -- conf.py ------------------------------------------------------------------------

_COPIED = frozenset({"project", "author", "copyright", "language", "version", "release", "today",
                     "pygments_style", "pygments_dark_style"})  # fmt: skip
_COPIED_PREFIXES = ("html_", "epub_", "latex_", "myst_", "resume_")
# Settings that name files of the site, or pages the synthetic sites do not have.
_NOT_COPIED = frozenset({"html_extra_path", "html_baseurl", "html_static_path", "latex_documents",
                         "latex_appendices", "epub_post_files", "epub_exclude_files",
                         "myst_substitutions"})  # fmt: skip
_SITE_RELATIVE = ("latex_theme_path", "latex_additional_files")


def _plain(value: Any) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def site_settings(conf: Path = SITE_CONF) -> dict[str, Any]:
    """The settings that shape a build of the site (its conf.py and what the
    extension derives from it), with file paths made absolute and the LaTeX
    document pointed at the synthetic root."""
    namespace = read_settings(conf)
    settings = {
        name: value for name, value in namespace.items()
        if (name in _COPIED or name.startswith(_COPIED_PREFIXES))
        and name not in _NOT_COPIED and _plain(value)
    }  # fmt: skip
    for name in _SITE_RELATIVE:
        if name in settings:
            settings[name] = [str(conf.parent / path) for path in settings[name]]
    theme = namespace.get("latex_documents", [("", "", "", "", "manual")])[0][4]
    settings["latex_documents"] = [
        ("index", "knowledge-base.tex", settings.get("project", "Benchmark"), settings.get("author", ""), theme)
    ]
    settings["epub_basename"] = "knowledge-base"
    from resume.site import PARTS

    listed = [part for e in namespace.get("extensions", []) for part in (PARTS if e == "resume.site" else (e,))]
    settings["site_extensions"] = [e for e in listed if e in ("myst_parser", "resume", "resume.site.navigation")]
    return settings


def read_settings(conf: Path) -> dict[str, Any]:
    """Every setting of a build of the site at ``conf``'s folder, as Sphinx
    reads it (``config-inited`` has run), by name: the extension's own command."""
    command = [sys.executable, "-m", "resume.site.settings", str(conf.parent)]
    done = subprocess.run(
        command, env={**os.environ, "PYTHONPATH": str(EXT_DIR)}, capture_output=True, text=True, check=True
    )
    settings: dict[str, Any] = json.loads(done.stdout)
    return settings


#: sphinx-needs: employers and projects as need types, the employer as a link type.
NEEDS_SETTINGS: dict[str, Any] = {
    "needs_types": [
        {"directive": "employer", "title": "Employer", "prefix": "E_", "color": "#BFD8D2", "style": "node"},
        {"directive": "project", "title": "Project", "prefix": "P_", "color": "#FEDCD2", "style": "node"},
    ],
    "needs_links": {"employer": {"incoming": "projects", "outgoing": "employer"}},
    "needs_id_regex": "^[A-Z0-9_]{3,}",
    "needs_build_json": False,
}


def conf_py(variant: Variant, settings: dict[str, Any], ext_dir: Path = EXT_DIR, *, navigation: str = "site") -> str:
    """The site's conf.py for ``variant``; ``navigation`` "theme" leaves
    furo's navigation to the theme even where the site makes it fast."""
    values = dict(settings)
    extensions = [
        e for e in values.pop("site_extensions")
        if (variant.extension or e != "resume") and (navigation == "site" or e != "resume.site.navigation")
    ]  # fmt: skip
    if not variant.extension:
        values = {k: v for k, v in values.items() if not k.startswith("resume_")}
    elif not variant.aggregates:
        values["resume_auto_summary"] = False
    if variant.name == "needs":
        extensions.append("sphinx_needs")
        values.update(NEEDS_SETTINGS)
    lines = [
        f'"""A synthetic knowledge base, variant {variant.name!r}: {variant.description}.',
        "",
        f"Written by benchmarks/generate.py with the settings of {SITE_CONF}.",
        '"""',
        "",
        "import sys",
        "",
        f"sys.path[:0] = [{str(ext_dir)!r}, {str(BENCH_DIR)!r}]",
        "",
        f"extensions = {[*extensions, 'bench_probe']!r}",
        'exclude_patterns = ["_build"]',
    ]
    lines += [f"{name} = {pprint.pformat(value, width=100)}" for name, value in sorted(values.items())]
    lines += [
        "",
        "",
        "def setup(app):",
        "    # As the site does: the heap frozen once every page is read.",
        "    from resume.site.settings import freeze_heap",
        "",
        '    app.connect("env-updated", freeze_heap)',
    ]
    return "\n".join(lines) + "\n"


def write_site(
    root: Path,
    kb: KnowledgeBase,
    variant: Variant,
    settings: dict[str, Any] | None = None,
    ext_dir: Path = EXT_DIR,
    *,
    navigation: str = "site",
) -> Path:
    """Write ``kb`` as a Sphinx project in ``root``, its conf.py loading the
    extension from ``ext_dir`` (the folder that holds ``resume/``)."""
    settings = settings if settings is not None else site_settings()
    root.mkdir(parents=True, exist_ok=True)
    needs = needs_directives(kb) if variant.name == "needs" else {}
    for relative, text in pages(kb).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        text = variant_source(text, variant)
        if relative in needs:
            text = with_need(text, needs[relative])
        target.write_text(text, encoding="utf-8")
    (root / "conf.py").write_text(conf_py(variant, settings, ext_dir, navigation=navigation), encoding="utf-8")
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=[*sorted(VARIANTS), NEEDS.name], default="ext")
    parser.add_argument("--navigation", choices=("site", "theme"), default="site",
                        help="theme: furo builds every page's navigation itself (no fast_navigation)")  # fmt: skip
    args = parser.parse_args(argv)
    settings = site_settings()
    kb = plan(args.pages, args.seed, as_of=settings.get("resume_as_of") or "2012-04")
    variant = NEEDS if args.variant == NEEDS.name else VARIANTS[args.variant]
    write_site(args.outdir, kb, variant, settings, navigation=args.navigation)
    print(f"{args.outdir}: {args.pages} pages, {len(kb.employers)} employers, "
          f"{kb.positions} positions, {len(kb.projects)} projects")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
