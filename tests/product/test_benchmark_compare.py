"""The side-by-side studies' harness: the peer's pages, the setups, the summary.

Structure only, no timing asserted (benchmarks/README.md has the numbers).
"""

from __future__ import annotations

import re

import pytest
import yaml

from benchmarks import compare, generate

pytestmark = pytest.mark.benchmark
PAGES = 24


@pytest.fixture(scope="module")
def kb() -> generate.KnowledgeBase:
    return generate.plan(PAGES, seed=0)


def test_the_peer_models_the_same_career(tmp_path, kb):
    root = generate.write_site(tmp_path / "needs", kb, generate.NEEDS)
    none = generate.write_site(tmp_path / "none", kb, generate.VARIANTS["none"])
    needs = {p.relative_to(root).as_posix(): p.read_text("utf-8") for p in root.rglob("*.md")}
    plain = {p.relative_to(none).as_posix(): p.read_text("utf-8") for p in none.rglob("*.md")}
    assert sorted(needs) == sorted(plain)
    directive = re.compile(r"^```\{(employer|project|needtable)\}.*?^```\n\n", re.MULTILINE | re.DOTALL)
    for name, text in needs.items():
        assert directive.sub("", text, count=1) == plain[name], name  # the same page text otherwise
    for employer in kb.employers:
        text = needs[f"experience/{employer.slug}.md"]
        assert f"```{{employer}} {employer.name}\n:id: {generate.need_id('E', employer.slug)}\n" in text
        assert f":tags: {';'.join(employer.skills)}\n" in text
    for project in kb.projects:
        text = needs[f"projects/{project.slug}.md"]
        assert f":tags: {';'.join(project.skills)}\n" in text
        assert f":employer: {generate.need_id('E', project.employer)}\n" in text
    assert sum(text.count("```{needtable}") for text in needs.values()) == 1
    conf = (root / "conf.py").read_text("utf-8")
    assert "'sphinx_needs'" in conf and "'resume'" not in conf
    ids = [generate.need_id("E", e.slug) for e in kb.employers] + [generate.need_id("P", p.slug) for p in kb.projects]
    assert len(set(ids)) == len(ids)


def test_navigation_and_collector_setups(tmp_path, kb):
    settings = generate.site_settings()
    setups = [setup for comparisons in compare.STUDIES.values() for c in comparisons for _, setup in c]
    compare.write_sources(tmp_path, PAGES, setups, settings, generate.EXT_DIR)
    theme = (tmp_path / compare.Setup("ext", navigation="theme").source / "conf.py").read_text("utf-8")
    fast = (tmp_path / compare.Setup("ext").source / "conf.py").read_text("utf-8")
    assert "resume.site.navigation" not in theme and "'resume.site.navigation'" in fast
    thawed = tmp_path / compare.Setup("ext", gc="thawed").source / "conf.py"
    assert thawed.read_text("utf-8").endswith(compare.GC_SETTINGS["thawed"])
    compile(thawed.read_text("utf-8"), str(thawed), "exec")
    front = yaml.safe_load((tmp_path / compare.Setup("ext").source / "skills.md").read_text("utf-8").split("---\n")[1])
    assert front["resume"]["kind"] == "catalogue"


def test_summary_takes_medians_of_round_ratios():
    comparison = [("a", compare.Setup("none")), ("b", compare.Setup("ext"))]
    rounds = [
        {
            "a": {"seconds": 10.0, "cpu": 8.0, "gc": {}, "warnings": 0},
            "b": {"seconds": 5.0, "cpu": 2.0, "gc": {}, "warnings": 0},
        },
        {
            "a": {"seconds": 20.0, "cpu": 8.0, "gc": {}, "warnings": 0},
            "b": {"seconds": 5.0, "cpu": 4.0, "gc": {}, "warnings": 1},
        },
    ]
    found = compare.summary(comparison, rounds)
    assert found["a"]["ratio to base"] == 1.0
    assert found["b"]["ratio to base"] == pytest.approx((0.5 + 0.25) / 2)
    assert found["b"]["cpu ratio to base"] == pytest.approx((0.25 + 0.5) / 2)
    assert found["b"]["median"] == 5.0 and found["b"]["warnings"] == 1
