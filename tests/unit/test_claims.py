"""What the site may claim about a skill's years and a project's time (core.claims)."""

from __future__ import annotations

import pytest

from resume.core.career import Career
from resume.core.claims import project_claim, read_stated, skill_claim, stated_years, with_stated
from resume.core.dates import month
from resume.core.model import Catalogue, Employer, Position, Project, SkillEntry

AS_OF = month(2012, 4)


def employer(slug: str, title: str, start: int, end: int | None, skills: tuple[str, ...] = ()) -> Employer:
    return Employer(f"experience/{slug}", slug, slug.title(), None, None, (Position(title, start, end),), skills)


def project(slug: str, employer_slug: str, skills: tuple[str, ...], start: int | None = None, end: int | None = None):
    return Project(f"projects/{slug}", slug, slug.title(), employer_slug, None, start, end, skills)


def career() -> Career:
    return Career.build(
        [
            employer("juniper", "BSD Kernel Programmer", month(2007, 1), month(2010, 8), ("C",)),
            employer("freebsd", "FreeBSD committer", month(1999, 8), None, ("NFS",)),
            employer("wintelcom", "Principal Technologist", month(1999, 3), month(2001, 3)),
            project("rwlock", "juniper", ("SMP",)),
            project("autofs", "freebsd", ("Filesystems",)),
            project("zerocopy", "wintelcom", ("C",), month(2000, 1), month(2000, 6)),
            Catalogue(
                "skills",
                (
                    SkillEntry("C", "Languages", "expert", 9, None, ()),
                    SkillEntry("NFS", "Protocols", "expert", None, None, ()),
                    SkillEntry("Cobol", "Languages", None, None, None, ()),
                ),
            ),
        ],
        AS_OF,
    )


def test_stated_years_are_the_only_figure() -> None:
    claim = skill_claim(career(), "C")
    assert claim.stated and claim.years == 9 and claim.text == "9 years"
    assert stated_years(SkillEntry("C", "L", None, 9, None, ())) == "9 years"
    assert stated_years(SkillEntry("C", "L", None, 1, None, ())) == "1 year"
    assert stated_years(SkillEntry("C", "L", "expert", None, None, ())) is None


def test_without_stated_years_only_the_labeled_span_of_the_evidence() -> None:
    nfs = skill_claim(career(), "NFS")
    assert not nfs.stated and nfs.years is None
    assert nfs.text == "in use 1999–2012"  # FreeBSD since August 1999, as of April 2012
    # An undated project places its skill within its position's years: no sum, no months.
    assert skill_claim(career(), "SMP").text == "in use 2007–2010"
    assert skill_claim(career(), "Cobol").text == ""  # no page shows it: nothing to claim
    for name in ("NFS", "SMP", "Filesystems"):
        assert "year" not in skill_claim(career(), name).text


def test_a_dated_project_shows_its_own_dates_and_their_length() -> None:
    built = career()
    claim = project_claim(built, next(p for p in built.projects if p.slug == "zerocopy"))
    assert claim.dated and claim.when() == "January 2000 – June 2000 (6 months)"


def test_an_undated_project_says_where_it_belongs_without_a_duration() -> None:
    built = career()
    rwlock = project_claim(built, next(p for p in built.projects if p.slug == "rwlock"))
    assert not rwlock.dated and rwlock.when() is None
    assert rwlock.belongs() == "at Juniper, as BSD Kernel Programmer, 2007–2010"
    assert rwlock.undated() == "no dates of its own; within the position held 2007–2010"
    autofs = project_claim(built, next(p for p in built.projects if p.slug == "autofs"))
    assert autofs.belongs() == "at Freebsd, as FreeBSD committer, since 1999, as of April 2012"
    for text in (rwlock.belongs(), rwlock.undated(), autofs.belongs()):
        assert "month" not in (text or "") and "years" not in (text or "")


def test_the_matrix_carries_no_computed_years() -> None:
    rows = {row.skill: row for row in career().matrix().rows}
    assert rows["C"].years == 9 and rows["C"].stated
    assert rows["NFS"].years is None and rows["SMP"].years is None


def test_the_export_gives_an_undated_project_its_place_and_no_dates() -> None:
    from resume.jsonresume.export import SiteData, export

    built = career()
    site = SiteData(
        "A", {}, AS_OF, list(built.employers.values()), built.projects, built.catalogue
    )  # fmt: skip
    projects = {p["name"]: p for p in export(site)["projects"]}
    rwlock = projects["Rwlock"]
    assert "startDate" not in rwlock and "endDate" not in rwlock
    assert rwlock["entity"] == "Juniper" and rwlock["roles"] == ["BSD Kernel Programmer"]
    assert projects["Zerocopy"]["startDate"] == "2000-01"
    # One entry per category; a skill's years only where the résumé states them.
    assert export(site)["skills"] == [
        {"name": "Languages", "keywords": ["C (expert, 9 years)", "Cobol"]},
        {"name": "Protocols", "keywords": ["NFS (expert)"]},
    ]


def test_a_preview_card_places_an_undated_project_without_a_duration() -> None:
    from resume.core.model import Person
    from resume.draw.cards import page_card

    built = career()
    person = Person("index", "A")
    rwlock = page_card(next(p for p in built.projects if p.slug == "rwlock"), person, built)
    assert rwlock.details == ("at Juniper", "as BSD Kernel Programmer, 2007–2010")
    zerocopy = page_card(next(p for p in built.projects if p.slug == "zerocopy"), person, built)
    assert zerocopy.details == ("Wintelcom", "Jan 2000 – Jun 2000")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Spell checking engine", "Spell checking to improve data entry", True),
        ("Autofs for OS X", "An implementation of the autofs filesystem for OS X", True),
        ("DNS cache", "Caching lookups for the crawler.", False),
        ("Text search engine", "Searching text, for the back end of the site's CGI systems.", True),
        ("The", "The", False),
    ],
)
def test_a_summary_repeats_its_title(title: str, text: str, expected: bool) -> None:
    from resume.core.text import repeats

    assert repeats(title, text) is expected


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("C (expert, 9 years)", ("C", "expert", 9.0)),
        ("GDB (Highly Skilled)", ("GDB", "Highly Skilled", None)),
        ("Go (1 year)", ("Go", None, 1.0)),
        ("Tcl/Tk", ("Tcl/Tk", None, None)),
        ("Python (Django)", ("Python (Django)", None, None)),  # not a level: part of the name
        ("C (expert, expert)", ("C (expert, expert)", None, None)),
    ],
)
def test_a_skill_with_what_is_stated_reads_back(text: str, read: tuple[str, str | None, float | None]) -> None:
    assert read_stated(text, ["expert", "highly skilled"]) == read
    name, level, years = read
    assert with_stated(SkillEntry(name, "L", level, years, None, ())) == text  # and written back, the same
