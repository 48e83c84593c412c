"""Every key fact of the résumé reaches the built HTML, and nothing private does.

The facts below were written from the source résumé: employers, position titles,
dates as the site renders them (month and year), the figures that results are
measured in, technologies, education, interests and the colophon. They are checked
against the visible text of all HTML pages taken together, so a fact may live on
any page, but it has to be somewhere.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_fixtures import ROOT, source_pages

EMPLOYERS = [
    "Pontiflex",
    "Juniper Networks",
    "Humor Rainbow",
    "OkCupid",
    "The FreeBSD Project",
    "Yahoo Inc.",
    "Apple Computer Inc.",
    "Clickarray",
    "Array Networks",
    "Wintelcom",
    "Hot Jobs Inc.",
    "SUNY Tech Telecommunications Department",
    "VESID",
    "SUNY Tech Learning Center",
]

POSITIONS = [
    "Senior Systems Engineer",
    "BSD Kernel Programmer",
    "CTO",
    "Chief technical officer",
    "FreeBSD committer",
    "Technical Yahoo",
    "Kernel developer, contractor",
    "Kernel developer",
    "Principal Technologist",
    "Systems administrator (part-time contracting)",
    "Developer",
    "Systems administrator",
    "Tutor",
]

# Every start and end month of the résumé, as the site writes it.
DATES = [
    "August 2011",
    "January 2007",
    "August 2010",
    "July 2005",
    "August 2006",
    "August 1999",
    "April 2004",
    "April 2005",
    "November 2002",
    "March 2004",
    "June 2001",
    "October 2001",
    "March 1999",
    "March 2001",
    "December 1998",
    "May 1998",
    "March 1998",
    "July 1998",
    "September 1997",
    "March 1997",
    "July 1997",
    "July 1996",
    "July 1994",
    "April 2012",
]

FIGURES = [
    "32-processor router blade",
    "5x speedup",
    "8 cores",
    "3 developers",
    "half the hardware",
    "two servers",
    "scale to the hundreds",
    "100% redundant",
    "multiple incidents per week",
    "less than one incident per month",
    "three free months",
    "40 megabit",
    "less than half",
    "five days",
    "ten hours",
    "one week",
    "2500 connections per second",
    "400 MHz",
    "on call 24/7",
    '"C", "D" and "F"',
    '"B" and "C"',
]

WORK = [
    # Pontiflex
    "slow queries",
    "query cache",
    "ramdisk",
    "data migrations",
    "per-process overhead",
    "OpenStack",
    "single repository",
    "Git",
    "building packages",
    "keeping people happy",
    "patches",
    # Juniper Networks
    "JUNOS",
    "reader/writer lock",
    "FreeBSD 7.x",
    "FreeBSD 6",
    "turnstiles",
    "sx locks",
    "writer priority",
    "critical sections",
    "spin locks",
    "real-time processes",
    "Flow affinity",
    "FreeBSD liaison",
    "core intellectual property",
    "non-core intellectual property modifications",
    "several strong FreeBSD developers",
    "CVS-to-Subversion gateway",
    "top of tree",
    # OkCupid
    "R*-tree",
    "memcached",
    "physical RAM",
    "MySQL-backed",
    "fast path",
    "image servers",
    "co-location facility",
    "load balancer",
    "bidding war",
    "egress",
    "Release engineering",
    "data center",
    # FreeBSD
    "Autofs for FreeBSD",
    "dynamic browsing",
    "VFS",
    "NFS performance",
    "software RAID",
    "Linux emulator",
    "buffer cache",
    "threads libraries",
    "network buffer allocator",
    "socket subsystem",
    "file allocation subsystem",
    "Seigo Tanimura",
    "BSD/OS",
    "Prism2",
    "System V IPC",
    "POSIX",
    "loadable kernel modules",
    "PXE",
    "Google",
    "Jarna",
    "people.freebsd.org/~alfred/pxe",
    "accept filter",
    "Yahoo!",
    "pthread cancel",
    "OpenBSD",
    # Yahoo
    "Session server",
    "key/value",
    "quorum",
    "broadcast",
    "DNS cache",
    "Companion servers",
    "Yahoo toolbar",
    "binary format",
    "multiple buckets",
    "Invariants class",
    "memory leaks",
    "negligible performance impact",
    "Apache data bridge module",
    "third-party developer",
    "Search operations",
    # Apple
    "mobile users",
    "Autofs for OS X",
    "AutoFS",
    "notification mechanism",
    "low disk space",
    "escape mechanism",
    "broken NFS mount",
    "forceful unmount",
    # Clickarray
    "TCP splicing",
    "MSOCKS",
    "web caching load balancer",
    "Sun RPC",
    "message passing",
    "lock contention",
    "reboot",
    "vi/vim",
    "emacs",
    "memory corruption",
    "file leaks",
    # Wintelcom
    "web tracking system",
    "BIND 8",
    "2.2.x",
    "Sun Solaris (2.6 and 7)",
    "Red Hat Linux",
    "bandwidth monitoring",
    "page rankings",
    "PostgreSQL",
    "mainstream sources",
    "zero-copy",
    "PII",
    "UltraSPARC",
    "virtual mail",
    "web service redirection",
    "FreeBSD 3.0",
    "statistics",
    "topology",
    # Hot Jobs
    "Reslex™",
    "unformatted résumés",
    "spell checking engine",
    "NNTP",
    "text search engine",
    "HTML upload module",
    "database conversion",
    "CGI",
    "SGI IRIX 6.2",
    "Solaris 2.6",
    # SUNY Tech and VESID
    "SunOS 4.1.1",
    "legacy software for training",
    "Office of Vocational and Educational Services for Individuals with Disabilities",
    "BSD/HP-UX",
    "heterogeneous",
]

SKILLS = [
    "UNIX shell",
    "sh/zsh",
    "Unix and PC environment",
    "PHP",
    "OOP/STL",
    "Perl",
    "SQL",
    "80x86 assembly",
    "MS-DOS",
    "Python",
    "Ruby",
    "Java",
    "LISP/Scheme",
    "HTML",
    "Basic",
    "Tcl/Tk",
    "Berkeley and GNU",
    "lex/flex",
    "yacc/bison",
    "CVS",
    "gprof",
    "GDB",
    "Subversion",
    "Valgrind",
    "Purify",
    "Perforce",
    "DDD",
    "FreeBSD",
    "OS X",
    "NetBSD",
    "OpenBSD",
    "SGI IRIX",
    "6.x",
    "sparc/x86: 2.6",
    "SunOS",
    "TCP/IP",
    "UDP",
    "NFS",
    "RPC",
    "HTTP",
    "FTP",
    "SMTP",
    "Disk I/O subsystems",
    "SCSI/FC",
    "Ethernet drivers",
    "expert",
    "highly skilled",
    "FreeBSD kernel",
    "SMP",
    "MySQL",
    "Apache",
]

PEOPLE_AND_PLACES = [
    "Alfred Perlstein",
    "FreeBSD kernel and systems engineer",
    "http://freebsd.org/~alfred/",
    "architect in software development",
    "device driver programming",
    "SUNY Tech at Utica/Rome",
    "BA in Computer Science (incomplete)",
    "Herkimer County Community College",
    "AS in Computer Science",
    "CCSF",
    "Stuyvesant High School",
    "New York, NY",
    "skiing",
    "weight lifting",
    "2003 Yamaha Vmax",
    "maintenance",
    "vim",
    "xmlresume",
    "$Id: res.xml.in,v 1.8 2005/04/04 17:30:42 bright Exp $",
    "Copyright © 2003, 2005, 2006, 2008, 2012 Alfred Perlstein. All rights reserved.",
    "Maltz",
    "Bhagwat",
    "Beckmann",
    "Fitzpatrick",
]

FACTS = EMPLOYERS + POSITIONS + DATES + FIGURES + WORK + SKILLS + PEOPLE_AND_PLACES

PRIVATE = ["9 Caire Terrace", "Caire", "94107", "415.312.3931", "312.3931"]

# Slips in the résumé that the site corrects. Only the editorial notes may quote
# them, since recording the original text is their purpose.
SLIPS = ["Peristein", "grof ", "turaround", "heterogenous", "high our premier", "an linearly"]
EDITORIAL_NOTES = "editorial-notes.html"


def _text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "noscript", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


@cache
def _pages(root: Path) -> dict[str, str]:
    pages = {
        path.relative_to(root).as_posix(): _text(path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*.html"))
    }
    assert pages, f"no HTML pages under {root}"
    return pages


def _normalise(text: str) -> str:
    # Typographic quotes and spaces as the theme may render them.
    return " ".join(text.translate(str.maketrans("“”‘’\u00a0", "\"\"'' ")).split())


@pytest.fixture(scope="module")
def site_text(site_html: Path) -> str:
    return _normalise(" ".join(_pages(site_html).values()))


@pytest.mark.parametrize("fact", FACTS)
def test_fact_is_on_the_site(site_text: str, fact: str) -> None:
    assert _normalise(fact) in site_text


def test_every_employer_and_project_has_a_page(site_html: Path) -> None:
    """As many pages as the sources have: adding a job or a project keeps this true."""
    for folder, kind in (("experience", "employer"), ("projects", "project")):
        built = {p.relative_to(site_html).with_suffix("").as_posix() for p in (site_html / folder).glob("*.html")}
        assert built - {f"{folder}/index"} == source_pages(ROOT, kind)


@pytest.mark.parametrize("private", PRIVATE)
def test_private_details_stay_out_of_the_default_build(site_html: Path, private: str) -> None:
    leaks = [
        path.relative_to(site_html).as_posix()
        for path in site_html.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".js", ".txt", ".md", ".json", ".xml", ".inv"}
        and private in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert not leaks, f"{private!r} is published in {leaks}"


@pytest.mark.parametrize("slip", SLIPS)
def test_slips_are_corrected(site_html: Path, slip: str) -> None:
    pages = _pages(site_html)
    found = [name for name, text in pages.items() if name != EDITORIAL_NOTES and slip in text]
    assert not found, f"{slip!r} appears on {found}"


def test_editorial_notes_record_the_slips(site_html: Path) -> None:
    notes = _pages(site_html)[EDITORIAL_NOTES]
    for original in ("Peristein", "grof", "turaround", "СТО", "heterogenous"):
        assert original in notes


def test_cto_is_typed_in_latin_letters(site_html: Path) -> None:
    pages = _pages(site_html)
    cyrillic = re.compile("[\u0400-\u04ff]")
    found = [name for name, text in pages.items() if name != EDITORIAL_NOTES and cyrillic.search(text)]
    assert not found, f"Cyrillic letters on {found}"


def test_every_employer_and_project_is_two_clicks_from_the_index(site_html: Path) -> None:
    """A breadth-first walk over the links a reader can click, from the home page."""
    depth = {"index.html": 0}
    frontier = ["index.html"]
    for clicks in (1, 2):
        reached = []
        for page in frontier:
            soup = BeautifulSoup((site_html / page).read_text(encoding="utf-8"), "html.parser")
            for link in soup.find_all("a", href=True):
                href = str(link["href"]).split("#")[0]
                if not href or "://" in href or href.startswith("mailto:"):
                    continue
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
                if (site_html / target).is_file() and target not in depth:
                    depth[target] = clicks
                    reached.append(target)
        frontier = reached
    pages = [
        p.relative_to(site_html).as_posix()
        for folder in ("experience", "projects")
        for p in (site_html / folder).glob("*.html")
    ]
    far = sorted(p for p in pages if depth.get(p, 99) > 2)
    assert not far, f"more than two clicks from the index: {far}"
