"""The timeline's colours, defined once: the stylesheet (light and dark) and
the PDF's TikZ picture are both generated from this table.

Each tone is a kind of engagement (see ``resume.core.model.ENGAGEMENTS``) or
the project tone. ``ink`` is the colour of a label drawn on ``fill``; every
pair has a contrast of at least 4.5:1 (checked in tests/unit/test_svg.py).
"""

from __future__ import annotations

from typing import NamedTuple


class Tone(NamedTuple):
    fill: str
    ink: str
    edge: str


#: What the legend calls each tone.
NAMES = {
    "employment": "Employment",
    "contract": "Contract",
    "open-source": "Open source",
    "teaching": "Teaching",
    "volunteer": "Volunteer",
    "project": "Project",
}

LIGHT = {
    "employment": Tone("#dbe6fd", "#0b1f4d", "#1d4ed8"),
    "contract": Tone("#e9defc", "#2e1065", "#6d28d9"),
    "open-source": Tone("#d5f0eb", "#06372f", "#0f766e"),
    "teaching": Tone("#fbe7c6", "#451a03", "#b45309"),
    "volunteer": Tone("#fce7f3", "#500724", "#be185d"),
    "project": Tone("#64748b", "#ffffff", "#334155"),
}

DARK = {
    "employment": Tone("#1e3a8a", "#e8eefc", "#60a5fa"),
    "contract": Tone("#4c1d95", "#f3e8ff", "#a78bfa"),
    "open-source": Tone("#134e4a", "#e6fffa", "#2dd4bf"),
    "teaching": Tone("#78350f", "#fff7ed", "#f59e0b"),
    "volunteer": Tone("#831843", "#fdf2f8", "#f472b6"),
    "project": Tone("#94a3b8", "#0f172a", "#cbd5e1"),
}


def _variables(tones: dict[str, Tone], indent: str) -> list[str]:
    return [
        f"{indent}--resume-tl-{name}-{part}: {value};"
        for name, tone in tones.items()
        for part, value in tone._asdict().items()
    ]


def stylesheet() -> str:
    """CSS custom properties for every tone: light by default, dark under furo's
    switch and, in its automatic mode, under the system's dark preference;
    then a rule per tone class that picks its values."""
    lines = [
        "/* Generated from resume/palette.py: the timeline's colours. */",
        ":root {",
        *_variables(LIGHT, "  "),
        "}",
        'body[data-theme="dark"] {',
        *_variables(DARK, "  "),
        "}",
        "@media (prefers-color-scheme: dark) {",
        '  body:not([data-theme="light"]) {',
        *_variables(DARK, "    "),
        "  }",
        "}",
    ]
    for name in LIGHT:
        lines += [
            f".resume-tl-tone-{name} {{",
            *(f"  --resume-tl-{part}: var(--resume-tl-{name}-{part});" for part in Tone._fields),
            "}",
        ]
    return "\n".join(lines) + "\n"


def tikz_colours() -> list[str]:
    """``\\definecolor`` lines for the light tones (a PDF is read on paper)."""
    return [
        f"\\definecolor{{resumetl{name.replace('-', '')}{part}}}{{HTML}}{{{value[1:].upper()}}}"
        for name, tone in LIGHT.items()
        for part, value in tone._asdict().items()
    ]


def tikz_colour(tone: str, part: str) -> str:
    """The TikZ name :func:`tikz_colours` defines for ``tone``'s ``part``."""
    return f"resumetl{tone.replace('-', '')}{part}"
