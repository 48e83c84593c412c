"""Furo's site navigation, made once per build instead of once per page.

Furo puts the whole site's navigation in every page's sidebar. For each page
it asks Sphinx for the global toctree as seen from that page, which Sphinx
resolves and renders anew, and reshapes the HTML with BeautifulSoup: work in
proportion to the site, done for every page, so a build grows with the square
of its pages.

The pages' copies differ in little: links are relative to the page's folder,
a page links to itself as ``#``, and the page and its ancestors carry the
``current`` class (their branch's checkbox is checked, the page's own item is
``current-page``). So Sphinx and furo resolve, render and reshape the
navigation once, with a marker in each place that differs, and every page
fills the markers in. The result is the theme's markup byte for byte; the
markup being furo's, the module is tied to the furo version it was checked
against (:data:`FURO_VERSION`) and with any other it warns and leaves the
navigation to the theme. ``tests/site/test_navigation.py`` compares every page of
several sites with the theme's own output.

A page whose ancestors hold ``only`` directives in their table of contents is
left to the theme: Sphinx resolves those differently on an ancestor's pages.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import sphinx
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.util.osutil import relative_uri

from resume.core.vocabulary import Subtype
from resume.sphinx_ext.warnings import warn

if TYPE_CHECKING:
    from collections.abc import Callable

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata


#: The furo release whose markup this module reproduces.
FURO_VERSION = "2025.12.19"
#: The Sphinx releases (major, minor) whose toctree resolution it reproduces.
SPHINX_VERSIONS = frozenset({(9, 0)})
#: What furo's ``_compute_navigation_tree`` asks the ``toctree()`` template function for.
FURO_TOCTREE_ARGS = {"collapse": False, "titles_only": True, "maxdepth": -1, "includehidden": True}

# Before and after furo's own html-page-context handler (priority 500).
_BEFORE_THEME, _AFTER_THEME = 400, 600
# Not a document name: nothing in the toctree is current for it.
_NO_PAGE = "\x00navigation"
_MARK = "fnavq7"
_CLASS_MARK = re.compile(rf"{_MARK}c(\d+)\b")
_LINK_MARK = re.compile(rf'href="{_MARK}h(\d+)x([^"]*)"')
_CLASS_ATTR = re.compile(r' class="([^"]*)"')
# BeautifulSoup writes attributes sorted: furo's `checked` goes before `class`.
_CHECKBOX = re.compile(r'<input [^>]*?( )class="toctree-checkbox"[^>]*/>')
_CHECKED = ' checked=""'


class Unsupported(Exception):
    """The theme's markup is not what this module expects."""


class _LinkRecorder:
    """Stands in for the builder while Sphinx resolves the toctree: each
    internal link becomes a marker, and its target is remembered."""

    def __init__(self) -> None:
        self.targets: list[str] = []

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        self.targets.append(to)
        return f"{_MARK}h{len(self.targets) - 1}x"


@dataclass
class Navigation:
    """The navigation's markup with a slot for each part that differs by page.

    ``pieces`` alternates static text and slots; a slot holds its value for a
    page where nothing is current.
    """

    pieces: list[str]
    link_slot: list[int]  # per link: index in pieces
    link_target: list[str]  # per link: the docname it points at
    link_anchor: list[str]  # per link: '' or '#id', as written
    class_slot: dict[int, int]  # node → index in pieces of its ` class="…"`
    class_parts: dict[int, tuple[list[str], list[str]]]  # node → classes before and after the marker
    checkbox_slot: dict[int, int]  # list item → index of its checkbox's `checked` attribute
    li_nodes: frozenset[int]
    current_chains: dict[str, list[list[int]]]  # docname → per link to it: the link's node and ancestors
    links_to: dict[str, list[int]]  # docname → links pointing at it
    by_folder: dict[str, list[str]] = field(default_factory=dict)

    def render(self, builder: Builder, pagename: str) -> str:
        if not self.pieces:
            return ""
        page_uri = builder.get_target_uri(pagename)
        pieces = self._pieces_for_folder(builder, page_uri.partition("#")[0].rpartition("/")[0]).copy()
        for link in self.links_to.get(pagename, ()):
            # A link to the page itself: relative_uri gives '' and Sphinx writes '#'.
            uri = builder.get_relative_uri(pagename, self.link_target[link]) + self.link_anchor[link]
            pieces[self.link_slot[link]] = _attribute(uri or "#")
        # Each link to the page makes its branch current; docutils writes a
        # class once however often it was added.
        current = {node for chain in self.current_chains.get(pagename, ()) for node in chain}
        current_page = max(current & self.li_nodes, default=None)
        for node in current:
            before, after = self.class_parts[node]
            classes = [*before, "current", *after]
            if node == current_page:
                classes.append("current-page")
            pieces[self.class_slot[node]] = _class_attribute(classes)
            if node in self.checkbox_slot:
                pieces[self.checkbox_slot[node]] = _CHECKED
        return "".join(pieces)

    def _pieces_for_folder(self, builder: Builder, folder: str) -> list[str]:
        pieces = self.by_folder.get(folder)
        if pieces is None:
            # Any page of the folder except the target itself: Builder.get_relative_uri
            # depends on the page only through its folder (checked in _supported).
            base = f"{folder}/{_NO_PAGE}" if folder else _NO_PAGE
            pieces = self.pieces.copy()
            for link, target in enumerate(self.link_target):
                uri = relative_uri(base, builder.get_target_uri(target)) + self.link_anchor[link]
                pieces[self.link_slot[link]] = _attribute(uri or "#")
            self.by_folder[folder] = pieces
        return pieces


def _attribute(value: str) -> str:
    if '"' in value:
        raise Unsupported(f"a link with a double quote: {value!r}")
    return html.escape(value, quote=False)


def _class_attribute(classes: list[str]) -> str:
    return f' class="{" ".join(classes)}"' if classes else ""


def _mark_nodes(tree: nodes.Element, targets: list[str]) -> tuple[dict[str, list[list[int]]], frozenset[int], int]:
    """Give each list, item and internal link a marker class; return, per
    docname, the chains of marked nodes from each plain link to it up to the
    root (the nodes Sphinx gives ``current`` on that page)."""
    from docutils import nodes

    ids: dict[int, int] = {}  # id(node) → marker number, in document order
    items: set[int] = set()
    chains: dict[str, list[list[int]]] = {}
    for node in tree.findall(nodes.Element):
        if not isinstance(node, (nodes.bullet_list, nodes.list_item, nodes.reference)):
            continue
        match = (
            re.fullmatch(rf"{_MARK}h(\d+)x.*", node.get("refuri", "")) if isinstance(node, nodes.reference) else None
        )
        if isinstance(node, nodes.reference) and match is None:
            continue  # an external link is never current
        number = ids[id(node)] = len(ids)
        node["classes"].append(f"{_MARK}c{number}")
        if isinstance(node, nodes.list_item):
            items.add(number)
        if match and not node["anchorname"]:
            chain: list[int] = []
            parent: nodes.Element | None = node
            while parent is not None:
                if id(parent) in ids:
                    chain.append(ids[id(parent)])
                parent = parent.parent
            chains.setdefault(targets[int(match[1])], []).append(chain)
    return chains, frozenset(items), len(ids)


def build_navigation(
    env: BuildEnvironment, builder: StandaloneHTMLBuilder, theme_navigation: Callable[[dict[str, Any]], str]
) -> Navigation:
    """Resolve, render and reshape the navigation once, as seen from no page."""
    recorder = _LinkRecorder()
    tree = global_toctree_for_doc(env, _NO_PAGE, recorder, tags=builder.tags, **FURO_TOCTREE_ARGS)  # type: ignore[arg-type]
    chains: dict[str, list[list[int]]]
    items: frozenset[int]
    if tree is None:
        markup = ""
        chains, items, marked = {}, frozenset(), 0
    else:
        chains, items, marked = _mark_nodes(tree, recorder.targets)
        markup = builder.render_partial(tree)["fragment"]

    def toctree(**kwargs: Any) -> str:
        if kwargs != FURO_TOCTREE_ARGS:
            raise Unsupported(f"furo asks for the toctree with {kwargs}")
        return markup

    return _slots(theme_navigation({"toctree": toctree}), recorder.targets, chains, items, marked)


def _slots(
    markup: str, targets: list[str], chains: dict[str, list[list[int]]], items: frozenset[int], marked: int
) -> Navigation:
    """Cut the theme's markup at the markers."""
    spans: list[tuple[int, int, str, int]] = []  # start, end, kind, number
    class_parts: dict[int, tuple[list[str], list[str]]] = {}
    anchors: dict[int, str] = {}
    for attribute in _CLASS_ATTR.finditer(markup):
        classes = attribute[1].split(" ")
        found = [i for i, name in enumerate(classes) if _CLASS_MARK.fullmatch(name)]
        if not found:
            continue
        if len(found) > 1:
            raise Unsupported("two markers in one class attribute")
        node = int(classes[found[0]][len(_MARK) + 1 :])
        class_parts[node] = (classes[: found[0]], classes[found[0] + 1 :])
        spans.append((attribute.start(), attribute.end(), "class", node))
        if node in items and "has-children" in classes:
            checkbox = _CHECKBOX.search(markup, attribute.end())
            if checkbox is None or "<li" in markup[attribute.end() : checkbox.start()]:
                raise Unsupported("a list item with children but no checkbox")
            spans.append((checkbox.start(1), checkbox.start(1), "checkbox", node))
    for link in _LINK_MARK.finditer(markup):
        number = int(link[1])
        anchors[number] = link[2]
        spans.append((link.start(1) - len(_MARK) - 1, link.end(2), "link", number))
    if len(class_parts) != marked or sorted(anchors) != list(range(len(targets))):
        raise Unsupported("the theme's navigation lost or repeated a marker")
    if len(_CLASS_MARK.findall(markup)) != marked or markup.count(f"{_MARK}h") != len(targets):
        raise Unsupported("a marker appears outside a class or link")

    pieces: list[str] = []
    link_slot = [0] * len(targets)
    class_slot: dict[int, int] = {}
    checkbox_slot: dict[int, int] = {}
    position = 0
    for start, end, kind, number in sorted(spans):
        pieces.append(markup[position:start])
        if kind == "class":
            class_slot[number] = len(pieces)
            pieces.append(_class_attribute([*class_parts[number][0], *class_parts[number][1]]))
        elif kind == "checkbox":
            checkbox_slot[number] = len(pieces)
            pieces.append("")
        else:
            link_slot[number] = len(pieces)
            pieces.append("")  # filled per folder
        position = end
    pieces.append(markup[position:])
    links_to: dict[str, list[int]] = {}
    for number, target in enumerate(targets):
        links_to.setdefault(target, []).append(number)
    return Navigation(
        pieces=pieces if markup else [],
        link_slot=link_slot,
        link_target=targets,
        link_anchor=[anchors[n] for n in range(len(targets))],
        class_slot=class_slot,
        class_parts=class_parts,
        checkbox_slot=checkbox_slot,
        li_nodes=items,
        current_chains=chains,
        links_to=links_to,
    )


# -- the Sphinx skin ---------------------------------------------------------------


@dataclass
class _Page:
    """The page being written: Sphinx's toctree() and whether the theme asked it for the navigation."""

    name: str
    sphinx_toctree: Callable[..., str]
    asked: bool = False

    def toctree(self, **kwargs: Any) -> str:
        # The theme's navigation call gets nothing (it is filled in after the
        # theme's handler); any other call goes to Sphinx.
        if kwargs == FURO_TOCTREE_ARGS:
            self.asked = True
            return ""
        return self.sphinx_toctree(**kwargs)


@dataclass
class _State:
    theme_navigation: Callable[[dict[str, Any]], str]
    navigation: Navigation | None = None
    left_to_theme: frozenset[str] | None = None  # pages whose ancestors hold `only`
    page: _Page | None = None
    failed: bool = False
    rendered: int = 0  # pages whose navigation this module wrote


def _supported(app: Sphinx) -> str | None:
    """Why the navigation must be left to the theme, or None."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or "furo" not in app.extensions:
        return ""  # not a furo build: nothing to say
    import furo

    if furo.__version__ != FURO_VERSION:
        return f"furo {furo.__version__} is installed; this module reproduces the markup of furo {FURO_VERSION}"
    if sphinx.version_info[:2] not in SPHINX_VERSIONS:
        return f"Sphinx {sphinx.__version__} resolves toctrees in a way this module was not checked against"
    if type(builder).get_relative_uri is not Builder.get_relative_uri:
        return f"the {builder.name} builder computes its own relative links"
    return None


def _builder_inited(app: Sphinx) -> None:
    reason = _supported(app)
    if reason is None:
        import furo

        _STATES[app.builder] = _State(furo._compute_navigation_tree)
    elif reason:
        warn(
            Subtype.NAVIGATION,
            f"fast navigation is off: {reason}; the theme builds every page's navigation itself (slow on big "
            "sites). Update resume/site/navigation.py for this version, or remove it from the extensions in conf.py.",
            None,
        )


# The navigation of each HTML builder, for as long as the builder lives.
_STATES: WeakKeyDictionary[Builder, _State] = WeakKeyDictionary()


def state_of(builder: Builder) -> _State | None:
    """The navigation made for ``builder``'s pages, if this module made one."""
    return _STATES.get(builder)


def _state(app: Sphinx) -> _State | None:
    state = state_of(app.builder)
    return None if state is None or state.failed else state


def _env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if state := _state(app):
        state.navigation = state.left_to_theme = None
    return []


def _left_to_theme(env: BuildEnvironment) -> frozenset[str]:
    with_only = {doc for doc, toc in env.tocs.items() if next(toc.findall(addnodes.only), None) is not None}
    if not with_only:
        return frozenset()
    parent = {child: doc for doc, children in env.toctree_includes.items() for child in children}
    pages = set()
    for doc in env.found_docs:
        seen, current = [], doc
        while current in parent and current not in seen:
            seen.append(current)
            current = parent[current]
        if with_only.intersection(seen):
            pages.add(doc)
    return frozenset(pages)


def _before_theme(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    state = _state(app)
    state_page = None
    if state is not None and "toctree" in context:
        if state.left_to_theme is None:
            state.left_to_theme = _left_to_theme(app.env)
        # The 404 page (sphinx-notfound-page) is served at every depth: its own
        # toctree function writes links from the site's root path.
        not_found = app.config.notfound_pagename if "notfound_pagename" in app.config else None
        if pagename not in state.left_to_theme and pagename != not_found:
            state_page = _Page(pagename, context["toctree"])
            context["toctree"] = state_page.toctree
    if state is not None:
        state.page = state_page


def _after_theme(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    state = _state(app)
    page = state.page if state else None
    if state is None or page is None or page.name != pagename:
        return
    state.page = None
    context["toctree"] = page.sphinx_toctree
    if not page.asked:
        return  # the theme did not ask: leave its navigation as it is
    try:
        if state.navigation is None:
            assert isinstance(app.builder, StandaloneHTMLBuilder)  # only HTML builders keep a state
            state.navigation = build_navigation(app.env, app.builder, state.theme_navigation)
        context["furo_navigation_tree"] = state.navigation.render(app.builder, pagename)
        state.rendered += 1
    except Unsupported as problem:
        state.failed = True
        warn(
            Subtype.NAVIGATION,
            f"fast navigation is off: {problem}; the theme builds the navigation itself. "
            "Update resume/site/navigation.py.",
            None,
        )
        context["furo_navigation_tree"] = state.theme_navigation(context)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", _builder_inited)
    app.connect("env-updated", _env_updated)
    app.connect("html-page-context", _before_theme, priority=_BEFORE_THEME)
    app.connect("html-page-context", _after_theme, priority=_AFTER_THEME)
    return {"version": FURO_VERSION, "parallel_read_safe": True, "parallel_write_safe": True}
