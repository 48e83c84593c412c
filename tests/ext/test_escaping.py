"""User text is text in every format: escaped in HTML and ePub, compiling in LaTeX."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
import zipfile

from helpers import build, site, warnings
from site_fixtures import poppler, require_tool

HOSTILE = ["<script>", "& % $ # _ { } ~ ^ \\", "C++", "100%", "×", "é"]


def test_html_shows_hostile_text_as_text(make_app, tmp_path):
    app = build(make_app, site(tmp_path, "hostile"))
    assert warnings(app) == []
    for page in ("index", "experience/evil", "projects/trap", "skills"):
        html = (app.outdir / f"{page}.html").read_text()
        assert "<script>alert" not in html and "<img src=x" not in html
    index = (app.outdir / "index.html").read_text()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Engineer &amp; 100% {$#_~^\\}" in index
    assert "Évil &amp; Co &lt;i&gt;" in index
    trap = (app.outdir / "projects/trap.html").read_text()
    assert "Summary with &lt;img src=x onerror=alert(1)&gt; &amp; 100% $ # _ { } ~ ^ \\ C++ × é" in (
        (app.outdir / "experience/evil.html").read_text()
    )
    assert "& % $ # _ { } ~ ^ \\" in trap.replace("&amp;", "&")


def test_epub_pages_are_well_formed_xml(make_app, tmp_path):
    app = build(make_app, site(tmp_path, "hostile"), "epub")
    epub = next(app.outdir.glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        pages = [n for n in archive.namelist() if n.endswith(".xhtml")]
        assert "EPUB/experience/evil.xhtml" in pages or any(p.endswith("evil.xhtml") for p in pages)
        for name in pages:
            root = ET.fromstring(archive.read(name))  # raises on markup injection
            assert not [el for el in root.iter() if el.tag.endswith("script")]


def test_latex_escapes_and_compiles(make_app, tmp_path):
    require_tool("latexmk")
    require_tool("xelatex")
    require_tool("pdftotext")
    app = build(make_app, site(tmp_path, "hostile"), "latex")
    assert warnings(app) == []
    tex = next(app.outdir.glob("*.tex"))
    source = tex.read_text()
    assert r"\{\$\#\_\textasciitilde{}\textasciicircum{}\textbackslash{}\}" in source
    assert r"100\%" in source
    run = subprocess.run(
        ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=app.outdir,
        capture_output=True,
        text=True,
        timeout=300,
    )
    log = tex.with_suffix(".log").read_text(errors="replace")
    assert run.returncode == 0, log[-3000:]
    assert "Missing character" not in log
    text = poppler("pdftotext", tex.with_suffix(".pdf").name, "-", cwd=app.outdir)
    assert "<script>alert(1)</script>" in text
    assert "Évil & Co" in text
