"""Sphinx configuration of the career knowledge base: the person and the
site's choices. The ``resume.site`` extension derives everything else (file
names, download links, the PDFs' and the ePub's settings, the site's address);
README.md, "Configuration", lists what can be set here.
"""

import sys
from pathlib import Path

# The resume extension, kept beside the site.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- The person ----------------------------------------------------------------
# Everything in this file that is about the person the site describes.
# `make new` writes this block for a new site.

project = author = "Alfred Perlstein"
copyright = "2003–2012, Alfred Perlstein"
# The file names of the PDFs and the ePub, and the ePub's identifier.
resume_slug = "alfred-perlstein"
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
# (`directions` in their front matter); `make pdf` writes one two-page résumé
# per direction, from brief-<slug>.md, beside the general one.
resume_directions = {
    "operating-systems": "operating system programming",
    "internet-applications": "scalable internet applications",
    "systems-operation": "systems operation",
}
# The PDFs' keywords: what the résumé rates expert, and its main systems.
resume_pdf_keywords = [
    "FreeBSD",
    "kernel",
    "SMP",
    "NFS",
    "TCP/IP",
    "C",
    "C++",
    "UNIX shell",
    "PHP",
    "UNIX systems administration",
    "scalable internet applications",
]

# -- end of the person -------------------------------------------------------

language = "en"

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "sphinxext.opengraph",  # link previews (the resume extension supplies the text and cards)
    "notfound.extension",  # 404.md, with addresses that work at any depth
    "resume.site",  # the resume extension, and the site's layout of HTML, book and ePub
]

# "substitution" carries the download links into index.md.
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline", "substitution"]
bibtex_bibfiles = ["references.bib"]
bibtex_reference_style = "author_year"

# Snippets, only ever pulled into pages with {include}.
# The authoring guide is for authors: a file of the repository, not a page for readers.
exclude_patterns = ["_includes/**", "guide/**"]

html_theme = "furo"
# The one accent color of the site (light scheme) and of the PDFs.
resume_accent = "1F5F8B"
