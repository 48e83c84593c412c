"""Unit tests for the pure timeline layout (``_ext/resume/draw/timeline.py``)."""

from __future__ import annotations

import itertools
import pickle
import random
import time

import pytest

from resume.core.career import TimelineItem
from resume.core.dates import format_month_short as format_month
from resume.core.dates import month as month_index
from resume.draw.labels import LabelSpec, bar_text, describe, place_lane_labels, text_width_em, truncate_words
from resume.draw.timeline import (  # the lane rule itself
    PLOT_WIDTH_EM,
    TICK_MIN_SPACING_EM,
    TICK_STEPS,
    TimelineLayout,
    _occupied,
    _Visible,
    chronological,
    layout_timeline,
    tick_step_for,
)

m = month_index


def pos(label: str, start: int, end: int, *, group: str = "", ongoing: bool = False, doc: str = "") -> TimelineItem:
    """A position; without a group its label is drawn alone."""
    return TimelineItem(label, group, start, end, ongoing, doc or f"experience/{label}", "position")


def proj(label: str, start: int, end: int, *, group: str = "Acme") -> TimelineItem:
    return TimelineItem(label, group, start, end, False, f"projects/{label}", "project", "project")


def lanes_of(layout: TimelineLayout) -> dict[str, int]:
    return {bar.item.label: bar.lane for bar in layout.bars}


def career() -> list[TimelineItem]:
    """Jobs in sequence (two pairs sharing a boundary month) beside a committer role."""
    return [
        pos("Wintelcom", m(1997, 3), m(1999, 6)),
        pos("Ricoh", m(1999, 6), m(2000, 1)),
        pos("Apple", m(2000, 2), m(2007, 1)),
        pos("Juniper", m(2007, 1), m(2010, 8)),
        pos("iXsystems", m(2010, 9), m(2012, 4), ongoing=True),
        pos("FreeBSD committer", m(1999, 8), m(2012, 4), group="FreeBSD", ongoing=True),
        proj("rwlocks", m(2007, 1), m(2008, 6), group="Juniper"),
        proj("kqueue", m(2000, 3), m(2000, 3), group="FreeBSD"),
    ]


# -- dates and text -----------------------------------------------------------


def test_format_month() -> None:
    assert format_month(m(2011, 8)) == "Aug 2011"
    assert format_month(m(1999, 1)) == "Jan 1999"
    assert format_month(m(2000, 12)) == "Dec 2000"


def test_describe_and_bar_text() -> None:
    job = TimelineItem("BSD Kernel Programmer", "Juniper", m(2007, 1), m(2010, 8), False, "x", "position")
    assert describe(job) == "BSD Kernel Programmer, Juniper — Jan 2007 to Aug 2010"
    assert bar_text(job) == "Juniper: BSD Kernel Programmer"
    role = TimelineItem("FreeBSD committer", "FreeBSD", m(1999, 8), m(2012, 4), True, "y", "position")
    assert describe(role).endswith("Aug 1999 to present (as of April 2012)")
    # One form for every position, even where the employer is in the title.
    assert bar_text(role) == "FreeBSD: FreeBSD committer"
    yahoo = TimelineItem("Technical Yahoo", "Yahoo", m(2004, 4), m(2005, 4), False, "z", "position")
    assert bar_text(yahoo) == "Yahoo: Technical Yahoo"
    one = proj("kqueue", m(2000, 3), m(2000, 3))
    assert describe(one) == "kqueue, Acme — Mar 2000"
    assert bar_text(one) == "kqueue"


def test_chronological_newest_first() -> None:
    items = career()
    ordered = chronological(items)
    keys = [(i.start, i.end) for i in ordered]
    assert keys == sorted(keys, reverse=True)
    assert ordered[0].label == "iXsystems"
    # Same start: the later end comes first; full ties fall back to the label.
    a, b, c = pos("b", 10, 20), pos("a", 10, 30), pos("a2", 10, 30)
    assert [i.label for i in chronological([a, c, b])] == ["a", "a2", "b"]


# -- lanes --------------------------------------------------------------------


def test_overlapping_positions_get_separate_lanes() -> None:
    lanes = lanes_of(layout_timeline([pos("a", 0, 10), pos("b", 5, 20)]))
    assert lanes["a"] != lanes["b"]


def test_sharing_a_month_is_an_overlap() -> None:
    layout = layout_timeline([pos("a", 0, 10), pos("b", 10, 20)])
    assert layout.position_lanes == 2


def test_consecutive_months_share_a_lane() -> None:
    layout = layout_timeline([pos("a", 0, 10), pos("b", 11, 20)])
    assert layout.position_lanes == 1
    assert set(lanes_of(layout).values()) == {0}


def test_lowest_free_lane_is_reused() -> None:
    # After d, lane 1 frees first (month 11), then 2 (12), then 0 (13); at
    # month 14 all are free and e takes lane 0, the lowest, not lane 1.
    layout = layout_timeline(
        [
            pos("a", 0, 2),
            pos("b", 1, 11),
            pos("c", 2, 12),
            pos("d", 3, 13),
            pos("e", 14, 20),
            pos("f", 15, 25),
        ]
    )
    lanes = lanes_of(layout)
    assert [lanes[k] for k in "abcdef"] == [0, 1, 2, 0, 0, 1]
    assert layout.position_lanes == 3


def test_role_holding_several_jobs_goes_below_them() -> None:
    # A long role holding two short contracts: the contracts keep the main lane.
    lanes = lanes_of(layout_timeline([pos("outer", 0, 100), pos("inner", 20, 30), pos("later", 40, 50)]))
    assert lanes["inner"] == lanes["later"] == 0
    assert lanes["outer"] == 1


def test_umbrella_roles_never_share_a_lane() -> None:
    items = [
        pos("side", 0, 50),
        pos("a", 10, 20),
        pos("b", 30, 40),
        pos("core", 60, 120),
        pos("c", 70, 80),
        pos("d", 90, 100),
    ]
    layout = layout_timeline(items)
    lanes = lanes_of(layout)
    assert lanes["a"] == lanes["b"] == lanes["c"] == lanes["d"] == 0
    assert (lanes["side"], lanes["core"]) == (1, 2)
    assert layout.position_lanes == 3


def test_holding_one_job_is_not_an_umbrella() -> None:
    # Two short jobs that nest by chance are packed like any others.
    layout = layout_timeline([pos("tutor", 0, 10), pos("telecom", 6, 10), pos("next", 12, 20)])
    lanes = lanes_of(layout)
    assert (lanes["tutor"], lanes["telecom"], lanes["next"]) == (0, 1, 0)


def test_counting_held_positions() -> None:
    # Two positions with one identical span count as two held positions...
    twins = [pos("outer", 0, 100), pos("a", 20, 30), pos("b", 20, 30, doc="b2"), pos("z", 0, 5)]
    assert lanes_of(layout_timeline(twins[:3]))["outer"] == 2
    # ...and a span sharing the outer start and a smaller end is held too.
    lanes = lanes_of(layout_timeline([pos("outer", 0, 100), pos("z", 0, 5), pos("a", 20, 30)]))
    assert lanes["outer"] == 1 and lanes["z"] == lanes["a"] == 0


def test_identical_spans_do_not_hold_each_other() -> None:
    layout = layout_timeline([pos("a", 0, 10), pos("b", 0, 10), pos("c", 11, 12)])
    assert layout.position_lanes == 2
    assert lanes_of(layout)["c"] == 0


@pytest.mark.parametrize("extra", [[], [pos("VESID", m(1997, 9), m(1998, 7)), pos("Telecom", m(1998, 3), m(1998, 7))]])
def test_committer_role_has_a_lane_of_its_own(extra: list[TimelineItem]) -> None:
    layout = layout_timeline(career() + extra)
    committer = next(b for b in layout.bars if b.item.label == "FreeBSD committer")
    sharing = [b.item.label for b in layout.bars if b.lane == committer.lane and b is not committer]
    assert sharing == []
    # It sits beside the jobs, not among the projects.
    assert committer.lane < layout.position_lanes
    # A plain greedy pass would have put it after Wintelcom (ended Jun 1999).
    wintelcom = next(b for b in layout.bars if b.item.label == "Wintelcom")
    assert wintelcom.lane != committer.lane


def test_jobs_are_packed_into_the_fewest_lanes() -> None:
    """Without one span holding another, greedy partitioning is optimal: the
    lane count equals the largest number of positions live in one month, each
    counted until the end of its label where the label does not fit inside."""
    rng = random.Random(7)
    for _ in range(50):
        starts = sorted(rng.sample(range(0, 400), 30))
        ends, last = [], -1
        for start in starts:  # strictly increasing ends: nothing holds anything
            last = max(last + 1, start + rng.randrange(0, 60))
            ends.append(last)
        items = [pos(f"p{i}", s, e) for i, (s, e) in enumerate(zip(starts, ends, strict=False))]
        layout = layout_timeline(items)
        spans = [_occupied(_Visible(i, i.start, i.end), layout.month_start, layout.month_end) for i in items]
        assert all(span.first <= s and span.last >= e for span, s, e in zip(spans, starts, ends, strict=False))
        depth = max(sum(1 for span in spans if span.first <= month <= span.last) for month in range(-400, 700))
        assert layout.position_lanes == depth


def test_no_two_bars_on_a_lane_overlap() -> None:
    rng = random.Random(11)
    for _ in range(50):
        items = []
        for i in range(40):
            start = rng.randrange(0, 300)
            end = start + rng.randrange(0, 80)
            kind = rng.choice([pos, proj])
            items.append(kind(f"x{i}", start, end))
        layout = layout_timeline(items)
        by_lane: dict[int, list[tuple[int, int]]] = {}
        for bar in layout.bars:
            by_lane.setdefault(bar.lane, []).append((bar.start, bar.end))
        for spans in by_lane.values():
            spans.sort()
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end < start
        for bar in layout.bars:  # projects strictly below positions
            assert (bar.lane >= layout.position_lanes) == (bar.item.kind == "project")
        assert max(b.lane for b in layout.bars) == layout.lanes - 1


def test_projects_lanes_leave_room_for_labels() -> None:
    # Two projects a month apart: the first one's label would run over the second.
    layout = layout_timeline([pos("job", 0, 120), proj("first project", 10, 10), proj("second", 12, 12)])
    lanes = lanes_of(layout)
    assert layout.project_lanes == 2
    assert lanes["first project"] != lanes["second"]
    assert min(lanes["first project"], lanes["second"]) == layout.position_lanes


def test_layout_scales_n_log_n() -> None:
    """20 000 mutually overlapping positions need 20 000 lanes: a quadratic
    lane search would take minutes; the heap-based one well under seconds."""
    n = 20_000
    staggered = [pos(f"s{i}", i, i + n) for i in range(n)]
    nested = [pos(f"n{i}", i, 3 * n - i) for i in range(n)]  # each holds the next
    for items in (staggered, nested):
        began = time.perf_counter()
        layout = layout_timeline(items)
        assert time.perf_counter() - began < 5.0
        assert layout.position_lanes == n


# -- determinism ----------------------------------------------------------------


def test_layout_ignores_input_order() -> None:
    items = [*career(), pos("twin", 5, 9), pos("twin", 5, 9), pos("twin", 5, 9, doc="other")]
    expected = layout_timeline(items)
    rng = random.Random(3)
    for _ in range(30):
        shuffled = items[:]
        rng.shuffle(shuffled)
        assert layout_timeline(shuffled) == expected
        assert layout_timeline(tuple(shuffled), start=m(2001, 1), end=m(2008, 6)) == layout_timeline(
            items, start=m(2001, 1), end=m(2008, 6)
        )


def test_layout_is_plain_picklable_data() -> None:
    layout = layout_timeline(career())
    assert pickle.loads(pickle.dumps(layout)) == layout
    with pytest.raises(AttributeError):
        layout.month_start = 0  # type: ignore[misc]
    assert isinstance(layout.bars, tuple) and isinstance(layout.ticks, tuple)


def test_tones_are_the_engagements_drawn_in_legend_order() -> None:
    items = [
        pos("a", 0, 10),
        TimelineItem("b", "B", 5, 20, False, "b", "position", "teaching"),
        TimelineItem("c", "C", 8, 9, False, "c", "position", "open-source"),
        proj("p", 3, 4),
    ]
    layout = layout_timeline(items)
    assert layout.tones == ("employment", "open-source", "teaching", "project")
    assert {bar.item.label: bar.item.tone for bar in layout.bars}["b"] == "teaching"


# -- window -------------------------------------------------------------------------


def test_window_clips_and_drops() -> None:
    window = (m(2005, 1), m(2008, 12))
    layout = layout_timeline(career(), start=window[0], end=window[1])
    assert (layout.month_start, layout.month_end) == window
    labels = {b.item.label for b in layout.bars}
    assert "Wintelcom" not in labels and "iXsystems" not in labels and "kqueue" not in labels
    bars = {b.item.label: b for b in layout.bars}
    apple = bars["Apple"]
    assert (apple.start, apple.end) == (window[0], m(2007, 1))
    assert apple.clipped_start and not apple.clipped_end and apple.clipped
    committer = bars["FreeBSD committer"]
    assert (committer.start, committer.end) == window
    assert committer.clipped_start and committer.clipped_end
    rw = bars["rwlocks"]
    assert not rw.clipped and (rw.start, rw.end) == (rw.item.start, rw.item.end)
    for bar in layout.bars:
        assert window[0] <= bar.start <= bar.end <= window[1]


def test_window_edges_are_inclusive() -> None:
    layout = layout_timeline([pos("a", 0, 10), pos("b", 20, 30), pos("c", 31, 40)], start=10, end=20)
    bars = {b.item.label: b for b in layout.bars}
    assert set(bars) == {"a", "b"}
    assert (bars["a"].start, bars["a"].end) == (10, 10)
    assert (bars["b"].start, bars["b"].end) == (20, 20)


def test_window_with_nothing_inside() -> None:
    layout = layout_timeline(career(), start=m(1980, 1), end=m(1985, 1))
    assert layout.is_empty and layout.lanes == 0 and layout.months == 0
    assert layout_timeline([]).is_empty


def test_one_sided_window_keeps_the_items_own_bound() -> None:
    """``:from:`` alone ends the axis at the last item; ``:to:`` alone starts it
    at the first item's January (not at year 0 or 83000, as it once did)."""
    items = career()
    after = layout_timeline(items, start=m(2005, 1))
    assert (after.month_start, after.month_end) == (m(2005, 1), m(2012, 4))
    assert [t // 12 for t in after.ticks] == list(range(2005, 2013))
    before = layout_timeline(items, end=m(2005, 12))
    assert (before.month_start, before.month_end) == (m(1997, 1), m(2005, 12))
    assert [t // 12 for t in before.ticks] == list(range(1997, 2006))
    widths = [bar.end - bar.start for bar in after.bars if bar.item.kind == "position"]
    assert max(widths) > 60  # bars are drawn to scale, not squeezed to a sliver


def test_reversed_window_is_an_error() -> None:
    with pytest.raises(ValueError):
        layout_timeline(career(), start=20, end=10)


def test_range_starts_in_january() -> None:
    layout = layout_timeline(career())
    assert layout.month_start == m(1997, 1)
    assert layout.month_end == m(2012, 4)


# -- ticks ---------------------------------------------------------------------------


def test_ticks_are_januaries_on_the_step() -> None:
    layout = layout_timeline(career())
    assert layout.tick_step == 1
    assert [t // 12 for t in layout.ticks] == list(range(1997, 2013))
    assert all(t % 12 == 0 for t in layout.ticks)


@pytest.mark.parametrize("years", [1, 3, 10, 16, 18, 20, 25, 40, 60, 100, 300])
def test_ticks_never_closer_than_their_labels(years: int) -> None:
    items = [pos("long", m(1950, 1), m(1950 + years, 1) - 1)]
    layout = layout_timeline(items)
    em_per_month = PLOT_WIDTH_EM / layout.months
    label = max(text_width_em(str(t // 12)) for t in layout.ticks)
    assert label < TICK_MIN_SPACING_EM  # the spacing rule leaves a gap
    for a, b in zip(layout.ticks, layout.ticks[1:], strict=False):
        assert (b - a) * em_per_month >= TICK_MIN_SPACING_EM
        assert b - a == 12 * layout.tick_step
    # And the step is the smallest that keeps that distance.
    smaller = [s for s in TICK_STEPS if s < layout.tick_step]
    if smaller:
        assert smaller[-1] * 12 * em_per_month < TICK_MIN_SPACING_EM
    assert all(layout.month_start <= t <= layout.month_end for t in layout.ticks)


def test_tick_step_grows_with_the_range() -> None:
    steps = [tick_step_for(months) for months in range(1, 2400, 7)]
    assert steps == sorted(steps)
    assert tick_step_for(16 * 12) == 1 and tick_step_for(40 * 12) in (2, 5)


def test_windowed_ticks_start_at_the_next_january() -> None:
    layout = layout_timeline(career(), start=m(2003, 5), end=m(2006, 2))
    assert layout.ticks == (m(2004, 1), m(2005, 1), m(2006, 1))


# -- labels ----------------------------------------------------------------------------


def test_truncate_words_keeps_whole_words() -> None:
    def measure(text: str) -> float:
        return float(len(text))

    assert truncate_words("alpha beta gamma", 12, measure) == "alpha beta"
    assert truncate_words("alpha beta gamma", 7, measure) == "alpha"
    assert truncate_words("alpha beta gamma", 5, measure) is None
    assert truncate_words("alpha, beta", 7, measure) == "alpha"  # no dangling comma


def test_lane_labels_never_overlap() -> None:
    rng = random.Random(5)
    words = ["Kernel", "SMP", "network", "stack", "locking", "for", "the", "JUNOS", "C++", "100%"]

    def measure(text: str) -> float:
        return text_width_em(text) * 10

    for _ in range(200):
        x, specs = 0.0, []
        for _ in range(rng.randrange(1, 8)):
            x0 = x + rng.uniform(0, 80)
            x1 = x0 + rng.uniform(2, 150)
            inner = (x0, x1) if rng.random() < 0.5 else None
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 6)))
            specs.append(LabelSpec(x0, x1, inner, text))
            x = x1
        placed = place_lane_labels(specs, measure, lo=0.0, hi=x + 40, gap=3.0, pad=4.0)
        boxes = []
        for spec, label in zip(specs, placed, strict=False):
            if label is None:
                continue
            box = label.span(measure)
            assert spec.text.startswith(label.text)
            if label.truncated:
                assert spec.text[len(label.text)] in " ,"  # cut between words
            if label.anchor == "end":  # left of its mark, hugging it
                assert label.x == spec.x0 - 3.0 and not label.inside
            if label.inside:
                assert spec.inner is not None and spec.inner[0] <= box[0] and box[1] <= spec.inner[1]
            else:
                for other in specs:  # clear of every mark
                    assert box[1] <= other.x0 or box[0] >= other.x1
                assert box[0] >= 0.0 and box[1] <= x + 40
            boxes.append(box)
        boxes.sort()
        for (_, right), (left, _) in itertools.pairwise(boxes):
            assert right <= left
