"""`make pdf` leaves no PDF of a previous build behind when this build fails."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_make_pdf_removes_the_previous_pdfs_before_building() -> None:
    rule = (ROOT / "Makefile").read_text("utf-8").split("\npdf:", 1)[1].split("\n\n", 1)[0]
    lines = [line.strip() for line in rule.splitlines()[1:]]
    removal = lines.index("rm -f $(BUILDDIR)/latex/*.pdf")
    assert removal < next(i for i, line in enumerate(lines) if "all-pdf" in line)


def test_system_deps_install_the_cjk_fonts() -> None:
    script = (ROOT / ".ci" / "install-system-deps").read_text("utf-8")
    assert "fonts-noto-cjk" in script.split("packages=(", 1)[1].split(")", 1)[0]
