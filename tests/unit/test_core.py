"""The pure core: dates, validation, and what the aggregates are drawn from."""

from __future__ import annotations

import pytest

from resume.core.career import Career
from resume.core.dates import (
    DateError,
    Period,
    format_duration,
    format_period,
    merge,
    merged_months,
    month,
    parse_month,
)
from resume.core.frontmatter import decode, line_finder, locate
from resume.core.model import Employer, Project, parse_record

AS_OF = month(2012, 4)


# -- dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "is_end", "expected"),
    [
        ("2007-01", False, month(2007, 1)),
        ("2010-8", True, month(2010, 8)),
        ("1999", False, month(1999, 1)),
        ("1999", True, month(1999, 12)),
        (2004, False, month(2004, 1)),
    ],
)
def test_parse_month(text, is_end, expected):
    assert parse_month(text, is_end=is_end) == expected


@pytest.mark.parametrize("text", ["2007-13", "2007-00", "07-2007", "2007-01-15", "soon", "", True, 3.5, None])
def test_parse_month_rejects(text):
    with pytest.raises(DateError):
        parse_month(text)


def test_duration_is_inclusive_and_readable():
    juniper = Period(month(2007, 1), month(2010, 8))
    assert juniper.months == 44
    assert format_duration(44) == "3 years 8 months"
    assert format_duration(12) == "1 year"
    assert format_duration(1) == "1 month"
    assert format_period(juniper) == "January 2007 – August 2010"
    assert format_period(Period(month(2011, 8), AS_OF, ongoing=True)) == "August 2011 – present (as of April 2012)"


def test_merge_unions_overlapping_and_touching_periods():
    periods = [
        Period(month(1999, 3), month(2001, 3)),
        Period(month(1998, 12), month(1999, 3)),  # overlaps the first by a month
        Period(month(2001, 4), month(2001, 6)),  # touches it
        Period(month(2005, 1), month(2005, 12)),
    ]
    assert merge(periods) == [
        Period(month(1998, 12), month(2001, 6)),
        Period(month(2005, 1), month(2005, 12)),
    ]
    assert merged_months(periods) == 31 + 12
    assert merged_months(periods) < sum(p.months for p in periods)  # merged, not summed


def test_merge_keeps_ongoing_flag():
    merged = merge([Period(10, 20), Period(15, 20, ongoing=True)])
    assert merged == [Period(10, 20, ongoing=True)]


# -- front matter lines ---------------------------------------------------------

SOURCE = """---
title: ignored
resume:
  kind: employer
  positions:
    - title: Engineer
      start: 2007-01
      end: 2006-01
  skills: [C, '']
---

# Acme
"""


def test_locate_maps_key_paths_to_source_lines():
    lines = locate(SOURCE)
    assert lines[("resume",)] == 3
    assert lines[("resume", "positions", 0, "end")] == 8
    assert lines[("resume", "skills", 1)] == 9
    line_of = line_finder(lines)
    assert line_of(("resume", "positions", 0, "nonexistent")) == 6  # nearest located parent
    assert locate("# no front matter\n") == {}
    assert locate("---\n: [broken\n---\n") == {}


def test_decode_reads_myst_json():
    assert decode('{"kind": "project"}') == {"kind": "project"}
    assert decode("plain text") == "plain text"


# -- validation -----------------------------------------------------------------


def parse(data, source=SOURCE):
    return parse_record(data, docname="experience/acme", title="Acme", line_of=line_finder(locate(source)))


def test_valid_employer():
    record, problems = parse(
        {
            "kind": "employer",
            "positions": [{"title": "CTO", "start": "2005-07", "end": "2006-08"}],
            "skills": ["C", "MySQL"],
            "location": "New York",
        }
    )
    assert problems == []
    assert isinstance(record, Employer)
    assert record.slug == "acme" and record.name == "Acme" and record.skills == ("C", "MySQL")
    assert record.positions[0].period(AS_OF).months == 14


def test_problems_are_located_and_the_record_survives():
    record, problems = parse(
        {
            "kind": "employer",
            "positions": [{"title": "Engineer", "start": "2007-01", "end": "2006-01"}],
            "skills": ["C", ""],
        }
    )
    assert {(p.subtype, p.line) for p in problems} == {("range", 8), ("skill", 9)}
    assert isinstance(record, Employer) and record.skills == ("C",)


@pytest.mark.parametrize(
    ("data", "subtype"),
    [
        ("just text", "frontmatter"),
        ({"positions": []}, "frontmatter"),
        ({"kind": "boss"}, "frontmatter"),
        ({"kind": "employer", "positions": [{"title": "X", "start": "2007-13"}]}, "date"),
        ({"kind": "employer", "positions": [{"title": "X", "start": "2007", "end": "sometime"}]}, "date"),
        ({"kind": "employer", "positions": [{"title": "X", "start": "2007", "end": "2006"}]}, "range"),
        ({"kind": "employer", "positions": 5}, "type"),
        ({"kind": "employer", "positions": [{"start": "2007"}]}, "key"),
        ({"kind": "employer", "positions": [{"title": "X", "start": "2007"}], "skills": 5}, "type"),
        ({"kind": "employer", "positions": [{"title": "X", "start": "2007"}], "colour": "red"}, "key"),
        ({"kind": "project", "employer": "acme", "skills": ["C", 7]}, "type"),
        ({"kind": "project", "employer": "acme", "skills": ["  "]}, "skill"),
        ({"kind": "project", "summary": "S", "client": "X"}, "key"),  # no employer is fine, a stray key is not
        ({"kind": "catalogue", "categories": [{"name": "L", "skills": [{"name": "C", "years": "many"}]}]}, "type"),
    ],
)
def test_each_problem_has_its_subtype(data, subtype):
    _, problems = parse(data)
    assert subtype in {p.subtype for p in problems}, problems


def test_positions_need_a_start_but_projects_do_not():
    record, problems = parse({"kind": "project", "employer": "acme", "summary": "Done."})
    assert problems == [] and isinstance(record, Project) and record.period(AS_OF) is None
    record, problems = parse({"kind": "project", "employer": "acme", "start": "2001-06", "end": "ongoing"})
    assert problems == [] and record.period(AS_OF) == Period(month(2001, 6), AS_OF, ongoing=True)


# -- the career aggregate ---------------------------------------------------------


def employer(slug, *spans, skills=(), short=None):
    from resume.core.model import Position

    positions = tuple(Position(f"Role at {slug}", s, e) for s, e in spans)
    return Employer(f"experience/{slug}", slug, slug.title(), short, None, positions, tuple(skills))


def project(slug, employer_slug, skills=(), start=None, end=None):
    return Project(f"projects/{slug}", slug, slug.title(), employer_slug, None, start, end, tuple(skills))


@pytest.fixture
def career():
    records = [
        employer("juniper", (month(2007, 1), month(2010, 8)), skills=["C"]),
        employer("freebsd", (month(1999, 8), None), skills=["C", "NFS"]),
        employer("wintelcom", (month(1998, 12), month(1999, 3)), (month(1999, 3), month(2001, 3)), skills=["C"]),
        project("rwlock", "juniper", skills=["C", "SMP"]),
        project("zerocopy", "wintelcom", skills=["C"], start=month(2000, 1), end=month(2000, 6)),
    ]
    return Career.build(records, AS_OF)


def test_newest_first_puts_ongoing_roles_first(career):
    assert [e.slug for e in career.newest_first()] == ["freebsd", "juniper", "wintelcom"]


def test_years_of_use_merge_overlaps(career):
    usage = career.usage["C"]
    # FreeBSD (Aug 1999 – Apr 2012) covers Juniper; Wintelcom adds Dec 1998 – Jul 1999.
    assert usage.months == (AS_OF - month(1998, 12) + 1)
    # An undated project adds no time: its employer's whole span would overstate it.
    assert career.usage["SMP"].months == 0 and career.usage["SMP"].docnames == ("projects/rwlock",)
    assert career.employer_months(career.employers["wintelcom"]) == 28  # shared month counted once


def test_matrix_marks_link_to_the_page_that_proves_them(career):
    matrix = career.matrix()
    columns = [c.docname for c in matrix.columns]
    assert columns == ["experience/freebsd", "experience/juniper", "experience/wintelcom"]
    rows = {row.skill: row for row in matrix.rows}
    assert rows["SMP"].proofs == (None, "projects/rwlock", None)  # proven by the project page
    assert rows["C"].proofs == ("experience/freebsd", "experience/juniper", "experience/wintelcom")
    assert rows["NFS"].proofs == ("experience/freebsd", None, None)
    by_years = [row.skill for row in career.matrix(sort="years").rows]
    assert by_years[0] == "C"


def catalogue(*entries):
    from resume.core.model import Catalogue, SkillEntry

    return Catalogue("skills", tuple(SkillEntry(*entry) for entry in entries))


def test_matrix_one_row_per_skill_one_years_figure(career):
    """Issue 11, 21: stated years where stated, else none; a skill in two
    categories is one row naming both; skills without evidence and columns
    without marks are left out."""
    records = [
        *(career.employers.values()),
        *career.projects,
        catalogue(
            ("C", "Languages", "expert", 9, None, ()),
            ("NFS", "Protocols", "expert", None, None, ()),
            ("NFS", "Technologies", None, None, None, ()),
            ("Cobol", "Languages", None, 3, None, ()),
            ("SMP", "Technologies", None, None, None, ()),
        ),
        employer("idle", (month(1990, 1), month(1990, 6))),
    ]
    full = Career.build(records, AS_OF)
    rows = {row.skill: row for row in full.matrix(group=True).rows}
    assert "Cobol" not in rows  # in the catalogue, but no page shows it
    assert (rows["C"].years, rows["C"].stated) == (9, True)
    assert rows["NFS"].categories == ("Protocols", "Technologies")
    assert rows["NFS"].years is None and not rows["NFS"].stated  # never a computed figure
    assert rows["SMP"].years is None
    assert "experience/idle" not in [c.docname for c in full.matrix().columns]  # no mark: no column
    assert [row.skill for row in full.matrix(category="Technologies").rows] == ["NFS", "SMP"]


def test_matrix_sorts_by_level_then_years(career):
    records = [
        *(career.employers.values()),
        *career.projects,
        catalogue(
            ("C", "Languages", "highly skilled", 9, None, ()),
            ("NFS", "Protocols", "expert", 1, None, ()),
            ("SMP", "Technologies", "expert", 4, None, ()),
        ),
    ]
    full = Career.build(records, AS_OF)
    assert [row.skill for row in full.matrix(sort="level").rows] == ["SMP", "NFS", "C"]
    assert [row.skill for row in full.matrix(sort="years").rows] == ["C", "SMP", "NFS"]
    assert [row.skill for row in full.matrix(sort="name").rows] == ["C", "NFS", "SMP"]


def test_timeline_items_filter(career):
    items = career.timeline_items(("positions",), employer="wintelcom")
    assert [i.label for i in items] == ["Role at wintelcom", "Role at wintelcom"]
    projects = career.timeline_items(("projects",))
    assert [i.docname for i in projects] == ["projects/zerocopy"]  # only dated projects


def test_suggest_canonical_names():
    career = Career.build([catalogue(("C++", "Languages", "expert", 5, None, ("cpp",)))], AS_OF)
    assert career.suggest("c++") == "C++"
    assert career.suggest("cpp") == "C++"
    assert career.suggest("Haskell") is None
    # Not an alias: the closest spelling, by difflib's ratio.
    freebsd = Career.build([catalogue(("FreeBSD", "Platforms", None, None, None, ()))], AS_OF)
    assert freebsd.suggest("FreeBDS") == "FreeBSD"
    assert freebsd.suggest("Linux") is None
