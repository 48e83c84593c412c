"""A page's source as the author typed it: front matter and title.

MyST reports any YAML mistake as "Malformed YAML" on line 1, without the line,
the column or the reason, and takes a front matter block without its closing
``---`` for a horizontal rule. These checks run on the source before MyST sees
it: each mistake becomes one warning at its own line that says what to change,
and a block that cannot be read is blanked (line numbers kept) so that the rest
of the page still builds and MyST does not report it a second time. Pages whose
metadata could not be read are remembered, so that other pages are not told
that the employer they name does not exist.

A page without a ``#`` title gets one warning, and its file name as a stand-in
title, instead of a warning from every table of contents that lists it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from docutils import nodes
from sphinx.transforms import SphinxTransform

from resume.core.frontmatter import KEY_LINES, LOADER, key_lines
from resume.core.glyphs import SUBSTITUTE, describe, lacking, unprintable
from resume.core.hints import nearest
from resume.core.vocabulary import Subtype
from resume.sphinx_ext.domain import domain_of
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

_FENCES = ("---", "...")
_KEY = "resume"
# JSON Resume fields of an imported page (resume.jsonresume), not a misspelt "resume".
_JSONRESUME_KEY = "jsonresume"

# What to do about the parser's most common complaints.
_ADVICE = (
    ("tab", "indent with spaces: YAML does not allow tabs"),
    ("mapping values are not allowed", "quote a value that contains ': ', e.g. summary: \"Speed: 5x\""),
    ("expected <block end>", "line up the keys of one mapping at the same indentation"),
    ("did not find expected key", "line up the keys of one mapping at the same indentation"),
    ("could not find expected ':'", "write each key as 'key: value', and quote a value that spans lines"),
    ("expected ',' or ']'", "close the list with ']', or quote an item that contains a comma"),
    ("expected ',' or '}'", "close the mapping with '}', or quote a value that contains a comma"),
)


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: check the characters and the front matter; repair what MyST would misread."""
    check_glyphs(app, docname, source[0])
    lines = source[0].splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in _FENCES), None)
    if end is None:
        end = _close(lines)
        if end is None:
            message = (
                "the page starts with '---' but has no front matter after it: remove the line, "
                "or add the front matter and a closing '---'"
            )
            warn(Subtype.YAML, message, (docname, 1))
            lines[0] = "\n"
            source[0] = "".join(lines)
            return
        message = (
            f"the front matter that opens on line 1 is not closed: add a line '---' after its last "
            f"line (read up to line {end} as front matter)"
        )
        warn(Subtype.YAML, message, (docname, 1))
        lines[end] = "---\n"
    block = "".join(lines[1:end])
    root = _BROKEN if _tab(block, docname) else _parse(block, docname)
    if root is None or (root is not _BROKEN and not isinstance(root, yaml.MappingNode)):
        _not_a_mapping(root, docname, end)
        domain_of(app.env).unreadable.add(docname)
        # No front matter at all: the fences become blank lines, so MyST does
        # not report it again and the line numbers stay.
        lines[0] = lines[end] = "\n"
        lines[1:end] = ["\n"] * (end - 1)
    elif root is _BROKEN:
        domain_of(app.env).unreadable.add(docname)
        # An empty mapping on the same lines, so MyST reads no front matter
        # and the page's line numbers stay as the author sees them.
        lines[1:end] = ["{}\n", *["\n"] * (end - 2)]
    elif isinstance(root, yaml.MappingNode):
        app.env.temp_data[KEY_LINES] = key_lines(root)
        _duplicates(root, docname)
        if _misspelt_key(root, docname):
            domain_of(app.env).unreadable.add(docname)
    source[0] = "".join(lines)


def check_glyphs(app: Sphinx, docname: str, text: str, path: str | None = None) -> None:
    """Warn at each character the PDFs' fonts lack (in the page, or in the snippet at
    ``path`` it includes), and note it for the LaTeX output."""
    found = unprintable(text)
    if not found:
        return
    for line, column, char in found:
        message = (
            f"the PDFs' fonts have no glyph for {describe(char)} (column {column}): the PDFs print "
            f"{SUBSTITUTE!r} in its place; write it in words or another character to have it printed"
        )
        warn(Subtype.GLYPH, message, f"{path}:{line}" if path else (docname, line))
    noted = domain_of(app.env).unprintable
    noted[docname] = "".join(sorted(set(noted.get(docname, "")) | lacking(text)))


def check_included_glyphs(app: Sphinx, path: Path, docname: str, content: list[str]) -> None:
    """``include-read``: a snippet's characters, at the snippet's own lines."""
    check_glyphs(app, docname, content[0], str(Path(app.srcdir) / path))


def check_conf_glyphs(app: Sphinx, config: Config) -> None:
    """``config-inited``: warn at each character of ``conf.py`` the PDFs' fonts lack (the name, …)."""
    path = Path(app.confdir) / "conf.py"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return
    for line, column, char in unprintable(text):
        message = (
            f"the PDFs' fonts have no glyph for {describe(char)} (column {column}): the PDFs print "
            f"{SUBSTITUTE!r} in its place; write it another way to have it printed"
        )
        warn(Subtype.GLYPH, message, f"{path}:{line}")


def _tab(block: str, docname: str) -> bool:
    """Warn at the first tab outside quotes (YAML does not allow tabs); whether there is one."""
    for number, line in enumerate(block.splitlines(), start=2):
        for column, char in enumerate(line):
            before = line[:column]
            if char == "\t" and before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
                message = (
                    f"the front matter is not valid YAML (line {number}, column {column + 1}: a tab): indent with "
                    "spaces: YAML does not allow tabs, to indent or after a key's colon; the page is built without it"
                )
                warn(Subtype.YAML, message, (docname, number))
                return True
    return False


def _not_a_mapping(root: Any, docname: str, end: int) -> None:
    """Warn about a front matter that is empty, or a list or a value instead of keys."""
    if root is None:
        message = (
            f"the front matter (lines 1 to {end + 1}) is empty: write the page's `resume:` block between "
            "the two '---' lines, or remove them"
        )
    else:
        what = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        message = (
            f"the front matter is {what}, not keys and values: write it as `resume:` followed by the page's "
            "keys, indented (see the authoring guide); the page is built without it"
        )
    warn(Subtype.FRONTMATTER, message, (docname, 1 if root is None else root.start_mark.line + 2))


def _close(lines: list[str]) -> int | None:
    """Where an unclosed front matter most likely ends: its first blank line."""
    return next((i for i, line in enumerate(lines[1:], 1) if not line.strip()), None)


_BROKEN = object()


def _parse(block: str, docname: str) -> Any:
    """The composed YAML of ``block``, or ``_BROKEN`` after warning where and why."""
    loader = LOADER(block)
    try:
        root = loader.get_single_node()
        if root is not None:
            loader.construct_document(root)  # what composing cannot find (tags, …)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1  # after the opening fence, 1-based
        column = f", column {mark.column + 1}" if mark else ""
        context = error.context
        if context and error.context_mark and mark and error.context_mark.line != mark.line:
            context += f" that starts on line {error.context_mark.line + 2}"
        reason = " ".join(part for part in (context, error.problem) if part)
        advice = next((f": {fix}" for key, fix in _ADVICE if key in reason), "")
        message = (
            f"the front matter is not valid YAML (line {line}{column}: {reason}){advice}; the page is built without it"
        )
        warn(Subtype.YAML, message, (docname, line))
        return _BROKEN
    except yaml.YAMLError as error:
        warn(Subtype.YAML, f"the front matter is not valid YAML: {error}; the page is built without it", (docname, 1))
        return _BROKEN
    finally:
        loader.dispose()
    return root


def _duplicates(node: yaml.Node, docname: str) -> None:
    """Warn at every key a mapping repeats: YAML keeps only its last value."""
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 2
            if isinstance(key, yaml.ScalarNode):
                if key.value in first:
                    message = (
                        f"key {key.value!r} is given twice (first on line {first[key.value]}); YAML keeps "
                        "only the last value: remove one of them"
                    )
                    warn(Subtype.KEY, message, (docname, line))
                else:
                    first[key.value] = line
            _duplicates(value, docname)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicates(item, docname)


def _misspelt_key(root: yaml.MappingNode, docname: str) -> bool:
    """Warn about a top-level key that is almost ``resume``; True if there is one."""
    keys = [key for key, _ in root.value if isinstance(key, yaml.ScalarNode)]
    if any(key.value == _KEY for key in keys):
        return False
    for key in keys:
        if key.value != _JSONRESUME_KEY and nearest(key.value, [_KEY]) == _KEY:
            message = (
                f"front-matter key {key.value!r} is not 'resume': spell it 'resume' (lowercase), or the "
                "page's metadata is ignored"
            )
            warn(Subtype.KEY, message, (docname, key.start_mark.line + 2))
            return True
    return False


class MissingTitle(SphinxTransform):
    """One warning for a page without a title, and its file name as the title."""

    default_priority = 870  # before the doctree-read event (880)

    def apply(self, **kwargs: Any) -> None:
        document = self.document
        if any(isinstance(child, nodes.section) for child in document.children):
            return
        if self.env.docname not in self.env.found_docs:
            return
        name = self.env.docname.rsplit("/", 1)[-1]
        line = _first_line(document)
        message = (
            f"the page has no title: start its text with a line '# Title' (the file name {name!r} stands in for it)"
        )
        warn(Subtype.TITLE, message, (self.env.docname, line))
        section = nodes.section(ids=[nodes.make_id(name) or "page"], names=[name])
        section += nodes.title(name, name)
        # The front matter's docinfo stays before the section: the HTML writer
        # leaves out all that precedes a docinfo, which would be the title.
        moved = [child for child in document.children if not isinstance(child, nodes.PreBibliographic | nodes.docinfo)]
        for child in moved:
            document.remove(child)
        section.extend(moved)
        document += section


def _first_line(document: nodes.document) -> int:
    for node in document.findall(nodes.Element):
        if node.line:
            return node.line
    return 1


def setup_source_checks(app: Sphinx) -> None:
    app.connect("source-read", check_source)
    app.connect("config-inited", check_conf_glyphs)
    app.connect("include-read", check_included_glyphs)
    app.add_transform(MissingTitle)
