"""Writing data into Markdown pages so that it stays data.

Text from a JSON Resume file goes either into front matter, dumped by a YAML
emitter (which quotes whatever needs quoting), or into a heading, where every
ASCII punctuation character is backslash-escaped: CommonMark and MyST then see
no markup at all, only the characters.
"""

from __future__ import annotations

import re
import string
import unicodedata
from typing import Any

import yaml

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def inline(text: str) -> str:
    """``text`` on one line, with every Markdown and MyST construct escaped."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def front_matter(data: dict[str, Any]) -> str:
    """A front-matter block holding ``data``, YAML-quoted wherever needed."""
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False)
    return f"---\n{dumped}---\n"


def slugify(text: str, fallback: str) -> str:
    """Lowercase ASCII words joined by hyphens; ``fallback`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback
