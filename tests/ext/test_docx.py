"""`make docx`: each two-page résumé as a Word file under its PDF's name, in
Word's own structure (title, headings, list paragraphs; no table, no text
box), with its properties set, the private lines only with `-t private`,
and the same bytes on every build."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import Any

from docx import Document

from helpers import build, read_page, site, warnings

PAGES = {
    "projects/locks.md": '---\nresume:\n  kind: project\n  employer: acme\n  result: "Faster locks on eight cores."\n'
    "---\n\n# Reader/writer locks\n\nReader/writer locks.\n",
    "brief.md": "# Résumé\n\n- Web: <https://example.org/ada/>\n\n```{only} private\n- Phone: 555 0100\n```\n\n"
    "## Experience\n\n```{brief-experience}\n```\n",
}


def _word(make_app: Any, src: Path, **kwargs: Any) -> dict[str, bytes]:
    app = build(make_app, src, "docx", **kwargs)
    assert warnings(app) == []
    files = {path.name: path.read_bytes() for path in sorted(Path(app.outdir).glob("*.docx"))}
    briefs = {
        Path(entry[1]).with_suffix(".docx").name for entry in app.config.latex_documents if entry[4] == "resumebrief"
    }
    assert set(files) == briefs  # one Word file per two-page PDF, under its name
    app.cleanup()  # unregister its nodes, for the next application of the test
    return files


def test_a_brief_is_a_word_file_with_words_own_structure(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path, "scripts", files=PAGES)
    files = _word(make_app, src)
    ((name, data),) = files.items()
    assert name.endswith("-resume.docx")
    word = Document(io.BytesIO(data))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in word.paragraphs]
    assert paragraphs[0] == ("Title", "王小明")
    assert paragraphs[1] == ("Subtitle", "Résumé · April 2012")
    assert ("Heading 1", "Experience") in paragraphs
    front, _ = read_page(src / "experience" / "acme.md")
    for position in front["positions"]:
        assert any(style == "Heading 2" and position["title"] in text for style, text in paragraphs), position
    assert ("List Bullet", "Reader/writer locks: Faster locks on eight cores.") in paragraphs
    assert not any("555 0100" in text for _, text in paragraphs)
    # One column of paragraphs: no table, no text box, no drawing.
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert not word.tables and "txbxContent" not in body and "<w:drawing" not in body
    assert "w:hyperlink" in body
    properties = word.core_properties
    assert properties.author == "王小明" and properties.title == "王小明: Résumé · April 2012"
    assert properties.created == properties.modified == datetime.datetime(2012, 4, 1, tzinfo=datetime.UTC)


def test_private_lines_only_in_a_private_build_and_the_same_bytes_every_time(make_app: Any, tmp_path: Path) -> None:
    src = site(tmp_path, "scripts", files=PAGES)
    first = _word(make_app, src, freshenv=True)
    again = _word(make_app, src, freshenv=True)
    assert first == again
    private = _word(make_app, src, tags=["private"], builddir=tmp_path / "private")
    ((name, data),) = private.items()
    assert name.endswith("-private.docx")
    assert any("555 0100" in p.text for p in Document(io.BytesIO(data)).paragraphs)
