"""A knowledge base's Sphinx settings, derived from the person block of conf.py.

``conf.py`` states the person (``project``, ``author``, ``copyright`` and the
``resume_*`` values of :mod:`resume.sphinx_ext.config`) and the site's choices
(extensions, theme, MyST, bibliography). Everything else a knowledge base needs
follows from those and is set here at ``config-inited``, before Sphinx compares
the settings with the last build's: the edition's dates, the file names of the
PDFs and the ePub, the download links, the LaTeX documents and their look, the
ePub's metadata, the site's public address. A Sphinx setting that ``conf.py``
(or ``-D``) gives itself is left as given.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import html
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from sphinx.util import texescape
from sphinx.util.matching import Matcher

from resume.core.glyphs import latex_fallback, replaced

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

#: The document the book starts from, and the two-page résumé's.
BOOK, BRIEF = "index", "brief"
#: Pages about the site itself, with their titles and whether the book and the ePub carry them
#: (as an appendix, after the text): linked from every web page's footer, not in its navigation.
#: The colophon holds the résumé's own record of how it was written; the editorial notes and the
#: authoring guide (where a site builds it) are for the web site only.
ABOUT_PAGES = (
    ("editorial-notes", "Editorial notes", False),
    ("colophon", "Colophon", True),
    ("guide/authoring", "Authoring guide", False),
)
#: The extension's templates: furo's page with the footer's links to the pages about the site.
TEMPLATES = Path(__file__).parent / "templates"
#: Folders of the machinery, never pages of the site.
MACHINERY = [".*", "_build", "_ext", "tests", "benchmarks", "test-artifacts", "node_modules", "venv", "README.md"]
#: The LaTeX design: a theme and a wrapper class per kind of document, and the shared style (in the site's ``_latex``).
LATEX_DIR = "_latex"
LATEX_FILES = ("resumebook.cls", "resumebrief.cls", "resumestyle.sty")
#: GNU FreeFont covers every character the sources use: é, ×, ✓, en and em dashes, Greek and
#: Cyrillic; Noto Serif and Sans CJK draw Chinese, Japanese and Korean (resume.core.glyphs).
FONTS = r"""
\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, ItalicFont=*Italic,
  BoldFont=*Bold, BoldItalicFont=*BoldItalic]
\setsansfont{FreeSans}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique]
\setmonofont{FreeMono}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique, Scale=0.9]
""" + latex_fallback()
#: The dark scheme's shade of the accent, lighter for contrast.
DARK_ACCENT = "#7fb8e0"


class Download(NamedTuple):
    """One file the home page offers, by the MyST substitution that links it."""

    substitution: str
    text: str
    filename: str
    rtd_format: str | None  # the Read the Docs download it is, or None for a file beside the pages


def slug_of(config: Config) -> str:
    """``resume_slug``, or one made from ``project``."""
    if config.resume_slug:
        return str(config.resume_slug)
    ascii_text = unicodedata.normalize("NFKD", str(config.project)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "resume"


def private_suffix(app: Sphinx) -> str:
    """A private build (``-t private``) holds the street address and phone; its
    files say so in their names, so that the wrong one is not sent."""
    return "-private" if app.tags.has("private") else ""


def book_name(app: Sphinx) -> str:
    """The career book's file name (the PDF book and the ePub), without extension."""
    return f"{slug_of(app.config)}-career-book{private_suffix(app)}"


def brief_name(app: Sphinx, direction: str | None = None) -> str:
    """A two-page résumé's file name, general or for one direction, without extension."""
    middle = f"-resume-{direction}" if direction else "-resume"
    return f"{slug_of(app.config)}{middle}{private_suffix(app)}"


def edition(config: Config) -> datetime.date:
    """The first day of the month the résumé speaks from."""
    return datetime.date.fromisoformat(f"{config.resume_as_of}-01")


def edition_epoch(config: Config) -> int:
    return int(datetime.datetime.combine(edition(config), datetime.time(), datetime.UTC).timestamp())


def site_url(config: Config) -> str:
    """The site's public address: ``resume_site_url``, or the one Read the Docs gives."""
    return str(config.resume_site_url or os.environ.get("READTHEDOCS_CANONICAL_URL", ""))


def _given(config: Config, name: str) -> bool:
    """Whether conf.py or the command line sets ``name`` itself."""
    return name in config.overrides or name in getattr(config, "_raw_config", {})


def _default(config: Config, name: str, value: Any) -> None:
    if not _given(config, name):
        config[name] = value


def derive_settings(app: Sphinx, config: Config) -> None:
    """``config-inited``: every setting that follows from the person block."""
    _edition(config)
    _exclude_machinery(config)
    _downloads(app, config)
    _html(config)
    _address(config)
    _epub(app, config)
    _latex(app, config)


def _edition(config: Config) -> None:
    """The edition is the month the résumé speaks from (EPUB 3 wants a
    version); the PDF title pages show it, not the day of the build, and the
    dates Sphinx stamps into its output are the edition's, so two builds are
    identical. A date given from outside (``SOURCE_DATE_EPOCH``) still wins."""
    _default(config, "version", config.resume_as_of)
    _default(config, "release", config.resume_as_of)
    _default(config, "today", edition(config).strftime("%B %Y"))
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(edition_epoch(config)))


def _exclude_machinery(config: Config) -> None:
    config.exclude_patterns = [*config.exclude_patterns, *(p for p in MACHINERY if p not in config.exclude_patterns)]


def downloads(app: Sphinx) -> list[Download]:
    book = book_name(app)
    return [
        Download("download_pdf", "PDF", f"{book}.pdf", "pdf"),
        Download("download_brief", "PDF", f"{brief_name(app)}.pdf", None),
        Download("download_docx", "Word", f"{brief_name(app)}.docx", None),
        Download("download_epub", "ePub", f"{book}.epub", "epub"),
        Download("download_json", "JSON Resume", "resume.json", None),
    ]


def _downloads(app: Sphinx, config: Config) -> None:
    """The home page's download links, as MyST substitutions.

    On Read the Docs the links are absolute, so they work in every format: the
    book and the ePub are the version's own downloads, and the two-page résumés
    and the JSON Resume document are copied beside the HTML pages by the
    Makefile's ``readthedocs`` target. Locally, ``make all`` builds the files
    into a folder and names it in ``resume_downloads_dir`` for the HTML build,
    which copies them to the root of the site and links them. Without it (the
    ePub, a plain sphinx-build) the formats are named without a link, so no
    link is broken.
    """
    folder = Path(config.resume_downloads_dir) if config.resume_downloads_dir else None
    on_rtd = bool(os.environ.get("READTHEDOCS"))

    def link(text: str, filename: str, rtd_format: str | None) -> str:
        url = _download_url(filename, rtd_format) if on_rtd else None
        if not on_rtd and folder is not None and (folder / filename).is_file():
            url = filename
        # {.external}: a plain link, which MyST would otherwise try to resolve as
        # a cross-reference to a source file.
        return f"[{text}]({url}){{.external}}" if url else text

    substitutions = {item.substitution: link(item.text, item.filename, item.rtd_format) for item in downloads(app)}
    # One line per tailored two-page résumé: what it is for, the PDF, the page on the site.
    substitutions["download_tailored"] = "\n".join(
        f"- For a position in {label}: {link('PDF', brief_name(app, slug) + '.pdf', None)}"
        f" or {link('Word', brief_name(app, slug) + '.docx', None)},"
        f" or read it online as {{doc}}`brief-{slug}`. It leads with the results and skills"
        f" of {label}."
        for slug, label in config.resume_directions.items()
    )
    config.myst_substitutions = {**substitutions, **config.myst_substitutions}
    if folder is not None and folder.is_dir() and not on_rtd:
        config.html_extra_path = [*config.html_extra_path, str(folder)]


def _download_url(filename: str, rtd_format: str | None) -> str:
    canonical = os.environ["READTHEDOCS_CANONICAL_URL"]
    if rtd_format is None:
        return urljoin(canonical, filename)
    site = urlsplit(canonical)
    return (
        f"{site.scheme}://{site.netloc}/_/downloads/"
        f"{os.environ['READTHEDOCS_LANGUAGE']}/{os.environ['READTHEDOCS_VERSION']}/{rtd_format}/"
    )


def _html(config: Config) -> None:
    # furo's footer, with links to the pages about the site (templates/page.html).
    if config.html_theme == "furo" and str(TEMPLATES) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]
    # The theme writes the title as HTML: a name with "<" or "&" in it must stay text.
    _default(config, "html_title", html.escape(config.project))
    # Furo follows the reader's light or dark preference and has a toggle.
    accent = f"#{config.resume_accent}"
    _default(
        config,
        "html_theme_options",
        {
            "light_css_variables": {"color-brand-primary": accent, "color-brand-content": accent},
            "dark_css_variables": {"color-brand-primary": DARK_ACCENT, "color-brand-content": DARK_ACCENT},
        },
    )
    # Code colours with WCAG AA contrast, light and dark.
    _default(config, "pygments_style", "a11y-light")
    _default(config, "pygments_dark_style", "a11y-dark")
    # Published pages only: the sources hold text for private builds (-t
    # private) that must not be copied to the site.
    _default(config, "html_copy_source", False)
    _default(config, "html_show_sourcelink", False)
    # No "last updated" stamp: it would differ between otherwise identical builds.
    _default(config, "html_last_updated_fmt", None)


def _address(config: Config) -> None:
    """The site's address gives every page's canonical link, the absolute
    ``og:url`` and ``og:image`` of link previews, the JSON-LD addresses, the
    sitemap and the 404 page's links. Without it the pages carry none of
    those rather than a relative or invented address."""
    url = site_url(config)
    _default(config, "html_baseurl", url)
    _default(config, "ogp_site_url", url)
    # The resume extension draws each page's preview card from its metadata.
    _default(config, "ogp_social_cards", {"enable": False})
    # The 404 page is served for every missing address, at any depth, so its
    # links and assets are written from the site's root path.
    _default(config, "notfound_urls_prefix", urlsplit(url).path or "/")


def about_pages(app: Sphinx, *, in_books: bool = False) -> list[tuple[str, str]]:
    """The pages about the site that this site has (a new site may have none),
    or only those the book and the ePub carry."""
    excluded = Matcher(app.config.exclude_patterns)
    return [
        (docname, title)
        for docname, title, book in ABOUT_PAGES
        if (book or not in_books) and Path(app.srcdir, f"{docname}.md").is_file() and not excluded(f"{docname}.md")
    ]


def web_only(app: Sphinx) -> list[str]:
    """The pages of the web site that the book and the ePub leave out."""
    books = dict(about_pages(app, in_books=True))
    return [docname for docname, _ in about_pages(app) if docname not in books]


def _footer_links(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: the footer's links to the pages about the site
    (on the web site only: an ePub carries its own pages after the text)."""
    if not getattr(app.builder, "embedded", True):
        context["resume_about"] = [(context["pathto"](docname), title) for docname, title in about_pages(app)]


def _epub(app: Sphinx, config: Config) -> None:
    project = config.project
    uid = f"{slug_of(config)}-resume"  # an XML name; the identifier is the same stable string
    values = {
        "epub_basename": book_name(app),
        "epub_title": f"{project} — Résumé",
        "epub_description": f"The career of {project}: employers, projects and skills.",
        "epub_author": config.author,
        "epub_publisher": config.author,
        "epub_contributor": config.author,
        # The table of contents reaches every employer and project, which the
        # experience and projects pages list in hidden toctrees, and no deeper.
        "epub_tocscope": "includehidden",
        "epub_tocdepth": 2,
        "epub_copyright": config.copyright,
        "epub_language": config.language,
        "epub_uid": uid,
        "epub_identifier": uid,
        "epub_scheme": "unknown",
        # A link in an e-reader can be followed; written-out URLs would only clutter.
        "epub_show_urls": "no",
        # A résumé has no index: no empty Index page at the end.
        "epub_use_index": False,
        # The tailored two-page résumés are PDFs (and pages of the site); the
        # ePub has the general one. The 404 page is for the web site.
        "epub_exclude_files": [
            "404.xhtml",
            f"{BRIEF}.xhtml",
            *(f"{BRIEF}-{direction}.xhtml" for direction in config.resume_directions),
            *(f"{docname}.xhtml" for docname in web_only(app)),
        ],
        # The pages about the site that the ePub carries follow the text.
        "epub_post_files": [(f"{docname}.xhtml", title) for docname, title in about_pages(app, in_books=True)],
    }
    for name, value in values.items():
        _default(config, name, value)


def _latex(app: Sphinx, config: Config) -> None:
    """Two kinds of PDF from the same sources: the whole book from the home
    page, and the two-page résumés. Each has its own LaTeX theme (paper, point
    size, wrapper class); the wrapper classes set each one's title block,
    margins and page style, and ``resumestyle.sty`` the shared look."""
    _default(config, "latex_engine", "xelatex")
    texescape.init()

    # Title and author are LaTeX markup: the name is escaped to stay text, and
    # printed with what the fonts lack replaced (check_conf_glyphs warns).
    def _tex(text: str) -> str:
        return texescape.escape(replaced(text), config.latex_engine)

    name = _tex(config.project)
    # A tailored résumé says its direction under the name (\resumefor, resumestyle.sty).
    documents = [
        (BOOK, f"{book_name(app)}.tex", name, name, "resumebook"),
        (BRIEF, f"{brief_name(app)}.tex", name, name, "resumebrief"),
        *(
            (
                f"{BRIEF}-{slug}",
                f"{brief_name(app, slug)}.tex",
                rf"{name}\resumefor{{{_tex(label)}}}",
                name,
                "resumebrief",
            )
            for slug, label in config.resume_directions.items()
        ),
    ]
    accent = config.resume_accent

    values: dict[str, Any] = {
        "latex_documents": documents,
        "latex_theme_path": [f"{LATEX_DIR}/themes"],
        "latex_additional_files": [f"{LATEX_DIR}/{name}" for name in LATEX_FILES],
        # The pages about the site that the book carries are an appendix, not chapters.
        "latex_appendices": [docname for docname, _ in about_pages(app, in_books=True)],
        # A résumé has no index.
        "latex_domain_indices": False,
        "latex_elements": {
            "fontpkg": FONTS,
            # Sphinx's fncychap chapter pages are for manuals; resumestyle.sty sets plain headings instead.
            "fncychap": "",
            # Each wrapper class names its margins in \resumegeometry.
            "geometry": r"\usepackage{geometry}\expandafter\geometry\expandafter{\resumegeometry}",
            "preamble": r"\usepackage{resumestyle}"
            + rf"\renewcommand\resumekeywords{{{', '.join(_tex(word) for word in config.resume_pdf_keywords)}}}",
            "printindex": "",
            "makeindex": "",
            "sphinxsetup": ", ".join(
                f"{key}={{HTML}}{{{accent}}}" for key in ("TitleColor", "InnerLinkColor", "OuterLinkColor")
            ),
        },
    }
    for setting, value in values.items():
        _default(config, setting, value)


def freeze_heap(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: once every page is read, what is alive lives to the
    end of the build; taken out of the cyclic garbage collector's scans, it
    makes a 1000-page build 4-9 % (HTML) and 14 % (LaTeX) cheaper in CPU time
    (benchmarks/README.md, "Garbage collection")."""
    gc.collect()
    gc.freeze()
    return []


def configure_latexmk(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: latexmk gives XeLaTeX the edition's date, so that two
    builds of a PDF are byte-identical (a date given from outside still wins),
    and runs it often enough for a two-page résumé to find its fit
    (resumebrief.cls: about log2 of its project lines, plus two)."""
    if exception is not None or app.builder.name != "latex":
        return
    rc = Path(app.outdir) / "latexmkrc"
    if not rc.is_file():
        return
    text = rc.read_text(encoding="utf-8")
    for line in (f"$ENV{{'SOURCE_DATE_EPOCH'}} //= '{edition_epoch(app.config)}';\n", "$max_repeat = 12;\n"):
        if line not in text:
            text += ("" if text.endswith("\n") else "\n") + line
    rc.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> ExtensionMetadata:
    from resume import __version__
    from resume.site.docx import DocxBuilder

    app.setup_extension("resume")
    app.add_builder(DocxBuilder)
    # After the extension's own settings are checked (priority 100), before
    # other extensions read theirs (500).
    app.connect("config-inited", derive_settings, priority=200)
    app.connect("html-page-context", _footer_links)
    app.connect("env-updated", freeze_heap)
    app.connect("build-finished", configure_latexmk)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}


def read_settings(srcdir: Path, tags: Sequence[str] = ()) -> dict[str, Any]:
    """Every setting of a build of the site in ``srcdir``, as the build sees
    them (conf.py read, ``config-inited`` run), by name; those that JSON can
    hold. For scripts and tests: ``python -m resume.site.settings SRCDIR``."""
    from sphinx.application import Sphinx

    with tempfile.TemporaryDirectory() as scratch:
        app = Sphinx(srcdir, srcdir, f"{scratch}/out", f"{scratch}/doctrees", "dummy", None, None, tags=tags)
    found: dict[str, Any] = {"extensions": list(app.config.extensions)}  # a plain attribute, not a setting
    for value in app.config:
        try:
            found[value.name] = json.loads(json.dumps(value.value))
        except (TypeError, ValueError):
            continue  # a function or an object: no script needs it
    return found


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Print a site's Sphinx settings as JSON.")
    parser.add_argument("srcdir", help="the folder of the site's conf.py")
    parser.add_argument("-t", "--tag", action="append", default=[], help="a build tag, as sphinx-build -t")
    args = parser.parse_args(argv)
    # By name; each value in its own order (the directions' order is the author's).
    found = read_settings(Path(args.srcdir).resolve(), args.tag)
    json.dump(dict(sorted(found.items())), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
