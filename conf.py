"""Sphinx configuration for the career knowledge base.

One set of sources gives four products: the HTML site, an ePub, the full PDF
book and a two-page PDF résumé. The Makefile drives the builds; the README
explains them.
"""

from __future__ import annotations

import datetime
import gc
import html
import os
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sphinx.util import texescape

HERE = Path(__file__).parent.resolve()
sys.path.insert(0, str(HERE / "_ext"))

# -- The person ----------------------------------------------------------------
# Everything in this file that is about the person the site describes.
# `make new` writes this block, and nothing else of conf.py, for a new site.

project = author = "Alfred Perlstein"
copyright = "2003–2012, Alfred Perlstein"
# The file names of the PDFs and the ePub, and the ePub's identifier.
SLUG = "alfred-perlstein"
# The month the résumé speaks from: "ongoing" ends and the PDF title pages.
resume_as_of = "2012-04"
# Contact details for the JSON Resume export (`make json`); address and phone
# are written only with `-t private`.
resume_basics = {
    "label": "FreeBSD kernel and systems engineer",
    "email": "alfred@freebsd.org",
    "url": "http://freebsd.org/~alfred/",
    "location": {"city": "San Francisco", "region": "CA", "countryCode": "US"},
    "private": {"address": "9 Caire Terrace", "postalCode": "94107", "phone": "415.312.3931"},
}
# The directions the résumé's objective names. Projects say which they serve
# (`directions` in their front matter); `make pdf` writes one two-page brief
# per direction, from brief-<slug>.md, beside the general one.
resume_directions = {
    "operating-systems": "operating system programming",
    "internet-applications": "scalable internet applications",
    "systems-operation": "systems operation",
}

# -- end of the person -------------------------------------------------------

language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "resume",
    "sphinxext.opengraph",  # link previews (the resume extension supplies the text and cards)
    "notfound.extension",  # 404.md, with addresses that work at any depth
    "resume.site.accessible_html",  # valid ARIA for toctree captions and citations
    "resume.site.navigation",  # furo's sidebar made once per build, not once per page
    "resume.site.quiet",  # no debug dump, no false "configuration has changed"
    "resume.site.book",  # the PDF book: the home page as its first chapter
]

# "substitution" carries the download links below into index.md.
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline", "substitution"]
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"

exclude_patterns = [
    ".*",  # hidden folders: .ci, .venv, .pytest_cache, …
    "_build",
    "_ext",
    "_includes/**",  # snippets, only ever pulled into pages with {include}
    "README.md",
    "tests",
    "benchmarks",
    "test-artifacts",
    "node_modules",
    "venv",
]

# The résumé's edition is the date it speaks from (EPUB 3 wants a version);
# the PDF title pages show that date, not the day of the build.
version = release = resume_as_of
EDITION = datetime.date.fromisoformat(f"{resume_as_of}-01")
today = EDITION.strftime("%B %Y")
# Dates that Sphinx stamps into its output (the ePub's date and modification
# time) are the edition's, so that two builds are identical; a date given from
# outside (SOURCE_DATE_EPOCH) still wins.
# The Makefile gives the PDF tools the same date (EDITION_EPOCH).
EDITION_EPOCH = int(datetime.datetime.combine(EDITION, datetime.time(), datetime.UTC).timestamp())
os.environ.setdefault("SOURCE_DATE_EPOCH", str(EDITION_EPOCH))

# -- Download links ----------------------------------------------------------
#
# index.md offers the PDF book, the two-page résumé, the ePub and the JSON
# Resume document through the substitutions {{ download_pdf }},
# {{ download_brief }}, {{ download_epub }} and {{ download_json }}.
#
# On Read the Docs the links are absolute, so they work in every format: the
# book and the ePub are the version's own downloads, and the two-page résumé
# and the JSON Resume document are copied beside the HTML pages by jobs in
# .readthedocs.yaml.
# Locally, `make all` builds the PDFs and the ePub, puts them in a folder and
# names it in DOWNLOADS_DIR for the HTML build, which copies its files to the
# root of the site and links them. Without DOWNLOADS_DIR (the ePub, a plain
# sphinx-build) the formats are named without a link, so no link is broken.

# A private build (-t private) holds the street address and phone number; its
# files say so in their names, so that the wrong one is not sent.
_tags = globals().get("tags")  # Sphinx's build tags; absent when read by other tools
PRIVATE = "-private" if _tags is not None and _tags.has("private") else ""
BOOK_NAME = f"{SLUG}{PRIVATE}"
BRIEF_NAME = f"{SLUG}-brief{PRIVATE}"


def brief_name(direction: str) -> str:
    return f"{SLUG}-brief-{direction}{PRIVATE}"


DOWNLOADS = {
    # substitution: (link text, file name, Read the Docs download format)
    "download_pdf": ("PDF", f"{BOOK_NAME}.pdf", "pdf"),
    "download_brief": ("PDF", f"{BRIEF_NAME}.pdf", None),
    "download_epub": ("ePub", f"{BOOK_NAME}.epub", "epub"),
    "download_json": ("JSON Resume", "resume.json", None),
}

on_rtd = bool(os.environ.get("READTHEDOCS"))
downloads_dir = Path(os.environ["DOWNLOADS_DIR"]) if os.environ.get("DOWNLOADS_DIR") else None


def _download_url(filename: str, rtd_format: str | None) -> str | None:
    """Where the site offers one download, or None where it has none."""
    if on_rtd:
        canonical = os.environ["READTHEDOCS_CANONICAL_URL"]
        if rtd_format is None:
            return urljoin(canonical, filename)
        site = urlsplit(canonical)
        return (
            f"{site.scheme}://{site.netloc}/_/downloads/"
            f"{os.environ['READTHEDOCS_LANGUAGE']}/{os.environ['READTHEDOCS_VERSION']}"
            f"/{rtd_format}/"
        )
    if downloads_dir and (downloads_dir / filename).is_file():
        return filename
    return None


def _download_link(text: str, filename: str, rtd_format: str | None) -> str:
    """Markdown for one download: a link, or the bare name with no file."""
    url = _download_url(filename, rtd_format)
    # {.external}: a plain link, which MyST would otherwise try to resolve as
    # a cross-reference to a source file.
    return f"[{text}]({url}){{.external}}" if url else text


myst_substitutions = {key: _download_link(*spec) for key, spec in DOWNLOADS.items()}
# One line per tailored brief: what it is for, the PDF, the page on the site.
myst_substitutions["download_tailored"] = "\n".join(
    f"- For a position in {label}: {_download_link('PDF', brief_name(slug) + '.pdf', None)},"
    f" or read it online as {{doc}}`brief-{slug}`. It leads with the results and skills"
    f" of {label}."
    for slug, label in resume_directions.items()
)

# -- HTML --------------------------------------------------------------------

# The one accent colour of the site (light scheme) and of the PDFs.
ACCENT = "1F5F8B"

html_theme = "furo"
# The theme writes the title as HTML: a name with "<" or "&" in it must stay text.
html_title = html.escape(project)
# Furo follows the reader's light or dark preference and has a toggle; the
# dark scheme gets a lighter shade of the accent, for contrast.
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": f"#{ACCENT}",
        "color-brand-content": f"#{ACCENT}",
    },
    "dark_css_variables": {
        "color-brand-primary": "#7fb8e0",
        "color-brand-content": "#7fb8e0",
    },
}
pygments_style = "a11y-light"
pygments_dark_style = "a11y-dark"

# Published pages only: the Markdown sources hold text for private builds
# (-t private) that must not be copied to the site.
html_copy_source = False
html_show_sourcelink = False
# No "last updated" stamp: it would differ between otherwise identical builds.
html_last_updated_fmt = None
html_extra_path = [str(downloads_dir)] if downloads_dir and downloads_dir.is_dir() and not on_rtd else []

# -- Sharing: the site's address, link previews, the 404 page ----------------
#
# The one place the site's public address is given, ending in "/". Read the
# Docs sets it; for another host write it here. From it come every page's
# <link rel="canonical">, the absolute og:url and og:image of link previews,
# the JSON-LD addresses, sitemap.xml and the 404 page's links. Without it the
# pages carry no canonical link, og:url, og:image or sitemap rather than a
# relative or invented address.
SITE_URL = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
html_baseurl = SITE_URL
ogp_site_url = SITE_URL
# The resume extension draws each page's preview card from its metadata.
ogp_social_cards = {"enable": False}
# Read the Docs serves 404.html for every missing address, at any depth, so
# its links and assets are written from the site's root path.
notfound_urls_prefix = urlsplit(SITE_URL).path or "/"

# -- ePub --------------------------------------------------------------------

epub_basename = BOOK_NAME
epub_title = f"{project} — Résumé"
epub_description = f"The career of {project}: employers, projects and skills."
epub_author = author
epub_publisher = author
epub_contributor = author
# The table of contents reaches every employer and project, which the
# experience and projects pages list in hidden toctrees, and no deeper.
epub_tocscope = "includehidden"
epub_tocdepth = 2
epub_copyright = copyright
epub_language = language
# epub_uid must be an XML name; the identifier is the same stable string.
epub_uid = f"{SLUG}-resume"
epub_identifier = epub_uid
epub_scheme = "unknown"
# A link in an e-reader can be followed; written-out URLs would only clutter.
epub_show_urls = "no"
# The tailored briefs are PDFs (and pages of the site); the ePub has the general one.
# The 404 page (404.md) is for the web site, whose server shows it.
epub_exclude_files = ["404.xhtml", *(f"brief-{direction}.xhtml" for direction in resume_directions)]
# The pages about the site itself (index.md's "About this site", which the
# ePub's table of contents leaves out) follow the text, reachable by links.
ABOUT_PAGES = [
    (docname, title)
    for docname, title in [
        ("editorial-notes", "Editorial notes"),
        ("colophon", "Colophon"),
        ("guide/authoring", "Authoring guide"),
    ]
    if (HERE / f"{docname}.md").is_file()  # a site made by `make new` has the guide only
]
epub_post_files = [(f"{docname}.xhtml", title) for docname, title in ABOUT_PAGES]

# -- LaTeX / PDF -------------------------------------------------------------
#
# Two PDFs from the same sources: the whole book from index, and the two-page
# résumé from brief. Each has its own LaTeX theme in _latex/themes (paper,
# point size, wrapper class); the wrapper classes in _latex/ set each one's
# title block, margins and page style, and resumestyle.sty the shared look.

latex_engine = "xelatex"
latex_theme_path = ["_latex/themes"]
# Title and author are LaTeX markup: the name is escaped to stay text.
texescape.init()
LATEX_NAME = texescape.escape(project, latex_engine)
latex_documents = [
    ("index", f"{BOOK_NAME}.tex", LATEX_NAME, LATEX_NAME, "resumebook"),
    ("brief", f"{BRIEF_NAME}.tex", LATEX_NAME, LATEX_NAME, "resumebrief"),
    *(
        (f"brief-{direction}", f"{brief_name(direction)}.tex", LATEX_NAME, LATEX_NAME, "resumebrief")
        for direction in resume_directions
    ),
]
latex_additional_files = [
    "_latex/resumebook.cls",
    "_latex/resumebrief.cls",
    "_latex/resumestyle.sty",
]
# The pages about the site are an appendix to the book, not chapters.
latex_appendices = [docname for docname, _ in ABOUT_PAGES]
# A résumé has no index.
latex_domain_indices = False
latex_elements = {
    # FreeSerif, FreeSans and FreeMono (GNU FreeFont) cover every character
    # the sources use: é, ×, ✓, en and em dashes.
    "fontpkg": r"""
\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, ItalicFont=*Italic,
  BoldFont=*Bold, BoldItalicFont=*BoldItalic]
\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique]
\setmonofont{FreeMono}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique, Scale=0.9]
""",
    # Sphinx's fncychap chapter pages are for manuals; resumestyle.sty sets
    # plain headings instead.
    "fncychap": "",
    # Each wrapper class names its margins in \resumegeometry.
    "geometry": r"\usepackage{geometry}\expandafter\geometry\expandafter{\resumegeometry}",
    "preamble": r"\usepackage{resumestyle}"
    # The PDFs' keywords: what the résumé rates expert, and its main systems.
    r"\renewcommand\resumekeywords{FreeBSD, kernel, SMP, NFS, TCP/IP, C, C++, UNIX shell,"
    r" PHP, UNIX systems administration, scalable internet applications}",
    "printindex": "",
    "makeindex": "",
    "sphinxsetup": ", ".join(
        f"{key}={{HTML}}{{{ACCENT}}}" for key in ("TitleColor", "InnerLinkColor", "OuterLinkColor")
    ),
}

# -- Build speed -------------------------------------------------------------


def _freeze_heap(app: object, env: object) -> list[str]:
    """Once every page is read, what is alive lives to the end of the build;
    taken out of the cyclic garbage collector's scans, it makes a 1000-page
    build 4-9 % (HTML) and 14 % (LaTeX) cheaper in CPU time
    (benchmarks/README.md, "Garbage collection")."""
    gc.collect()
    gc.freeze()
    return []


def setup(app: object) -> None:
    app.connect("env-updated", _freeze_heap)  # type: ignore[attr-defined]
