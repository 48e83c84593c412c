"""Which characters the PDFs can print, and the LaTeX that prints them.

The PDFs set text in GNU FreeFont (serif, sans and mono, each upright, bold,
italic and bold italic) and draw the CJK ideographs, kana and hangul from Noto
Serif CJK and Noto Sans CJK, switched to by XeTeX's inter-character classes.
A character outside that coverage would stop XeLaTeX; the extension warns at
the line where it is written and the LaTeX output prints :data:`SUBSTITUTE`.

The coverage is precomputed in ``glyph-coverage.txt`` (ranges of code points,
read once) so that a build needs neither the fonts nor time to read them;
``python -m resume.core.glyphs FONT...`` (from ``_ext``) writes it again from the installed
fonts' character maps (fontTools), and a test checks it still matches them.
Pure Python; fontTools only for the rewrite.
"""

from __future__ import annotations

import bisect
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

#: What the LaTeX output prints for a character the fonts lack.
SUBSTITUTE = "?"

#: The blocks drawn from the CJK fallback fonts (first, last code point):
#: Hangul Jamo; CJK radicals to CJK symbols and punctuation; kana, Bopomofo,
#: compatibility Jamo, CJK strokes, enclosed and compatibility CJK,
#: extension A, the unified ideographs, Yi; Hangul Jamo extended A; Hangul
#: syllables and extended B; compatibility ideographs; vertical and small
#: forms; halfwidth and fullwidth forms; the supplementary ideographic plane.
FALLBACK_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),
    (0x2E80, 0x303F),
    (0x3040, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FA1F),
)

#: The fonts' file names (as Debian installs them), text faces then fallback faces.
TEXT_FONTS = tuple(
    f"Free{family}{face}.otf"
    for family, faces in (
        ("Serif", ("", "Bold", "Italic", "BoldItalic")),
        ("Sans", ("", "Bold", "Oblique", "BoldOblique")),
        ("Mono", ("", "Bold", "Oblique", "BoldOblique")),
    )
    for face in faces
)
FALLBACK_FONTS = tuple(
    f"Noto{family}CJK-{weight}.ttc" for family in ("Serif", "Sans") for weight in ("Regular", "Bold")
)

COVERAGE_FILE = Path(__file__).with_name("glyph-coverage.txt")


def in_fallback(code: int) -> bool:
    """Whether ``code`` is in a block the CJK fonts draw."""
    return any(first <= code <= last for first, last in FALLBACK_BLOCKS)


def coverage(text_faces: Iterable[set[int]], fallback_faces: Iterable[set[int]]) -> set[int]:
    """What every text face prints, and, in the fallback blocks, what every fallback face prints."""
    common = set.intersection(*text_faces)
    fallback = set.intersection(*fallback_faces)
    return {c for c in common if not in_fallback(c)} | {c for c in fallback if in_fallback(c)}


def to_ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted code points as runs (first, last)."""
    runs: list[tuple[int, int]] = []
    for code in sorted(codes):
        if runs and runs[-1][1] == code - 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return runs


def write_ranges(ranges: Sequence[tuple[int, int]]) -> str:
    lines = ["# Code points the PDFs' fonts print: first last (hex). Written by python -m resume.core.glyphs."]
    lines += [f"{first:X} {last:X}" for first, last in ranges]
    return "\n".join(lines) + "\n"


@cache
def _ranges() -> tuple[list[int], list[int]]:
    firsts: list[int] = []
    lasts: list[int] = []
    for line in COVERAGE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, last = line.split()
            firsts.append(int(first, 16))
            lasts.append(int(last, 16))
    return firsts, lasts


def printable(char: str) -> bool:
    """Whether the PDFs' fonts print ``char`` (ASCII and line ends always)."""
    code = ord(char)
    if code < 0x80:
        return True
    firsts, lasts = _ranges()
    i = bisect.bisect_right(firsts, code) - 1
    return i >= 0 and code <= lasts[i]


def unprintable(text: str) -> list[tuple[int, int, str]]:
    """Each character of ``text`` the fonts lack: (line from 1, column from 1, char).

    Variation selectors and joiners that follow such a character belong to it
    and are not reported again.
    """
    found: list[tuple[int, int, str]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.isascii():
            continue
        for column, char in enumerate(line, start=1):
            if not printable(char) and not _joiner(char):
                found.append((lineno, column, char))
    return found


def _joiner(char: str) -> bool:
    code = ord(char)
    return code == 0x200D or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF


def lacking(text: str) -> set[str]:
    """Every character of ``text`` the fonts lack, joiners included."""
    return set() if text.isascii() else {char for char in set(text) if not printable(char)}


def substitute(char: str) -> str:
    """What the PDFs print for a character the fonts lack: nothing for a joiner."""
    return "" if _joiner(char) else SUBSTITUTE


def replaced(text: str) -> str:
    """``text`` with each character the fonts lack as :data:`SUBSTITUTE` (joiners dropped)."""
    if text.isascii():
        return text
    return "".join(c if printable(c) else substitute(c) for c in text)


def describe(char: str) -> str:
    """``'🚀' (U+1F680 ROCKET)``."""
    return f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')})"


def latex_fallback() -> str:
    r"""XeLaTeX preamble lines: the fallback blocks switch to Noto Serif or Sans CJK
    (as the surrounding text is serif or sans) and break lines between ideographs."""
    classes = "\n".join(rf"\resume@cjkblock{{{first}}}{{{last}}}" for first, last in FALLBACK_BLOCKS)
    return (
        r"""\makeatletter
\newfontfamily\resume@cjkserif{Noto Serif CJK SC}
\newfontfamily\resume@cjksans{Noto Sans CJK SC}
\newXeTeXintercharclass\resume@cjkclass
\def\resume@cjkblock#1#2{\@tempcnta=#1\relax
  \loop\ifnum\@tempcnta>#2\relax\else
    \XeTeXcharclass\@tempcnta=\resume@cjkclass\advance\@tempcnta\@ne\repeat}
"""
        + classes
        + r"""
\def\resume@cjkenter{\edef\resume@family{\f@family}%
  \ifx\f@family\sfdefault\resume@cjksans\else\resume@cjkserif\fi
  \XeTeXlinebreaklocale "zh"\XeTeXlinebreakskip=0pt plus 1pt\relax}
\def\resume@cjkleave{\fontfamily{\resume@family}\selectfont
  \XeTeXlinebreaklocale ""\XeTeXlinebreakskip=0pt\relax}
\XeTeXinterchartoks\z@\resume@cjkclass{\resume@cjkenter}
\XeTeXinterchartoks\e@alloc@intercharclass@top\resume@cjkclass{\resume@cjkenter}
\XeTeXinterchartoks\resume@cjkclass\z@{\resume@cjkleave}
\XeTeXinterchartoks\resume@cjkclass\e@alloc@intercharclass@top{\resume@cjkleave}
\XeTeXinterchartokenstate=\@ne
\makeatother
"""
    )


def main(argv: Sequence[str]) -> int:
    """Write the coverage file (or the file after ``-o``) from the font files given, named as in
    TEXT_FONTS and FALLBACK_FONTS."""
    output = COVERAGE_FILE
    if argv[:1] == ["-o"]:
        output, argv = Path(argv[1]), argv[2:]
    from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

    faces: dict[str, set[int]] = {}
    for path in map(Path, argv):
        # A collection's faces (SC, TC, JP, KR, HK) each print what all of them do.
        fonts = TTCollection(path, lazy=True).fonts if path.suffix == ".ttc" else [TTFont(path, lazy=True)]
        faces[path.name] = set.intersection(*(set(font.getBestCmap()) for font in fonts))
    missing = [n for n in TEXT_FONTS + FALLBACK_FONTS if n not in faces]
    if missing:
        print("missing fonts: " + ", ".join(missing), file=sys.stderr)
        return 2
    covered = coverage([faces[n] for n in TEXT_FONTS], [faces[n] for n in FALLBACK_FONTS])
    output.write_text(write_ranges(to_ranges(covered)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
