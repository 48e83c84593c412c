"""Small docutils building blocks for the extension's generated content."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes


def para(*children: nodes.Node | str, classes: list[str] | None = None) -> nodes.paragraph:
    """A paragraph of nodes and plain strings (strings become Text)."""
    paragraph = nodes.paragraph(classes=classes or [])
    for child in children:
        paragraph += nodes.Text(child) if isinstance(child, str) else child
    return paragraph


def bullets(items: Sequence[nodes.Node], classes: list[str] | None = None) -> nodes.bullet_list:
    """A bullet list; an inline item is wrapped in a paragraph."""
    found = nodes.bullet_list(classes=classes or [])
    for item in items:
        body = item if isinstance(item, nodes.Body) else para(item)
        found += nodes.list_item("", body)
    return found


def web_link(url: str, text: str | None = None) -> nodes.reference:
    """A link to an address outside the site (a page's own links are resolved by Sphinx)."""
    label = text or url.removeprefix("mailto:")
    return nodes.reference(label, label, refuri=url)


def field(name: str, *body: nodes.Node) -> nodes.field:
    return nodes.field("", nodes.field_name(name, name), nodes.field_body("", *body))


def joined(items: list[nodes.Node], separator: str) -> list[nodes.Node]:
    """The items with ``separator`` as Text between them."""
    out: list[nodes.Node] = []
    for index, item in enumerate(items):
        if index:
            out.append(nodes.Text(separator))
        out.append(item)
    return out


def insert_under_title(doctree: nodes.document, node: nodes.Element) -> None:
    """Put ``node`` right under the page's title (first in the page if it has none)."""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, node)
        return
    title = section.next_node(nodes.title)
    section.insert(section.index(title) + 1 if title is not None else 0, node)
