"""The chart sums (reader.library.charts): honest, and laid out in terminal cells.

Hand-made stories over January–April 2024 (tests/helpers/charts.py): 560 亿元 repeated in
one story, targets (力争, 计划) next to actual amounts, an undated story, an empty March.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.library.charts import (
    Chart,
    article_amounts,
    build_chart,
    chart_lines,
    collect,
)
from reader.search.figure_filter import FigureFilter, parse_filter
from tests.helpers.charts import chart_pairs

YI = 1e8


def chart(by: str, query: str = "") -> Chart:
    amounts, repeats = collect(chart_pairs(), parse_filter(query))
    return build_chart(amounts, by, repeats)


def test_a_repeated_amount_counts_once() -> None:
    article, ann = chart_pairs()[0]
    amounts, repeats = article_amounts(article, ann, FigureFilter())
    assert [a.row.value for a in amounts] == [560 * YI, 150 * YI]
    assert repeats == 1
    january = chart("month").bars[0]
    assert (january.key, january.actual) == ("2024-01", 710 * YI)


def test_the_same_value_in_two_stories_counts_twice() -> None:
    (first, ann), *_ = chart_pairs()
    twin = replace(first, id="twin")
    amounts, repeats = collect([(first, ann), (twin, ann)], FigureFilter())
    assert len(amounts) == 4 and repeats == 2


def test_targets_are_summed_apart() -> None:
    bars = {bar.key: bar for bar in chart("month").bars}
    assert (bars["2024-02"].actual, bars["2024-02"].target) == (300 * YI, 2000 * YI)
    assert (bars["2024-04"].actual, bars["2024-04"].target) == (130 * YI, 120 * YI)


def test_months_in_order_with_the_empty_one_and_the_undated_counted() -> None:
    month = chart("month")
    assert month.by == "month"
    assert [bar.key for bar in month.bars] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert month.bars[2].total == 0 and month.bars[2].rows == []
    assert month.unplaced == 1  # the undated 20 亿元
    assert month.counted == 9 and month.repeats == 1
    assert "1 with no date" in month.note() and "1 repeat counted once" in month.note()


def test_figures_spanning_years_are_summed_per_year() -> None:
    pairs = chart_pairs()
    old, ann = pairs[0]
    amounts, repeats = collect([*pairs, (replace(old, id="old", date="2023-11-02"), ann)],
                               FigureFilter())
    year = build_chart(amounts, "month", repeats)
    assert year.by == "year"
    assert [(bar.key, bar.actual) for bar in year.bars] == [
        ("2023", 710 * YI), ("2024", (710 + 300 + 130) * YI)]


def test_places_by_sentence_else_the_articles_most_named_place() -> None:
    places = chart("place")
    assert [bar.key for bar in places.bars] == ["武汉", "合肥", "西安", "成都"]
    # 华星光电's 150 亿元 names no place in its sentence: the story is about 武汉.
    assert places.bars[0].actual == 710 * YI
    assert (places.bars[1].actual, places.bars[1].target) == (345 * YI, 2000 * YI)
    assert places.unplaced == 0


def test_organisations_only_from_the_figures_sentence() -> None:
    orgs = chart("org")
    assert [(bar.key, bar.actual) for bar in orgs.bars] == [
        ("华星光电", 150 * YI), ("合肥晶合", 45 * YI), ("西安交通大学", 5 * YI)]
    assert orgs.unplaced == 6
    assert "6 with no org named" in orgs.note()


def test_top_names_and_the_rest() -> None:
    amounts, repeats = collect(chart_pairs(), FigureFilter())
    top = build_chart(amounts, "place", repeats, top=2)
    assert [bar.key for bar in top.bars] == ["武汉", "合肥"]
    assert top.rest_names == 2 and top.rest_money == (85 + 120 + 20) * YI


def test_the_filter_narrows_the_sums_and_a_bar_word_selects_it() -> None:
    assert chart("month", "area").counted == 0
    big = chart("month", ">=100亿")
    assert big.counted == 5  # 560, 150, 300 and the targets 2000 and 120
    assert chart("month", "date:2024-04").counted == 4
    hefei = chart("place", "place:合肥")
    assert [bar.key for bar in hefei.bars] == ["合肥"] and hefei.counted == 3
    bar = chart("month").bars[0]
    assert bar.filter_word("month") == "date:2024-01"


def test_labels_pad_to_the_same_cell_width_and_bars_scale() -> None:
    lines = chart_lines(chart("org"), width=60)
    assert len({cell_len(line.label) for line in lines}) == 1
    assert lines[0].label.strip() == "华星光电"
    assert lines[0].actual_cells > lines[1].actual_cells > lines[2].actual_cells >= 1
    widths = {cell_len(line.label) + 1 + line.actual_cells + line.target_cells for line in lines}
    assert max(widths) + 1 + max(cell_len(line.value) for line in lines) <= 60


def test_a_bar_with_a_target_shows_both() -> None:
    feb = chart_lines(chart("month"), width=50)[1]
    assert feb.target_cells > feb.actual_cells > 0
    assert "目标 2000亿元" in feb.value


# -- any set of stories ---------------------------------------------------------------------

amounts_st = st.lists(st.tuples(st.integers(1, 60), st.booleans()), min_size=0, max_size=6)
stories_st = st.lists(st.tuples(st.one_of(st.none(), st.integers(1, 12)), amounts_st),
                      min_size=0, max_size=8)


@given(stories_st)
@settings(max_examples=60, deadline=None)
def test_bars_add_up_to_the_distinct_amounts_of_each_story(stories) -> None:  # type: ignore[no-untyped-def]
    """Whatever the stories, the bars hold each distinct amount of a story exactly once,
    actual or target as first written, and the undated ones are counted, not lost."""
    from reader.annotate.pipeline import figure_annotations
    from reader.model import Annotations
    from tests.helpers.apps import make_article

    pairs, want_actual, want_target, want_undated, want_counted = [], 0.0, 0.0, 0, 0
    for n, (month, amounts) in enumerate(stories):
        text = "".join(f"{'计划投资' if target else '完成投资'} {yi} 亿元。"
                       for yi, target in amounts)
        date = f"2024-{month:02d}-01" if month else None
        article = make_article(n, [text] if text else [], title=f"第{n}篇", date=date)
        pairs.append((article, Annotations(figures=figure_annotations(article))))
        first: dict[int, bool] = {}
        for yi, target in amounts:
            first.setdefault(yi, target)
        want_counted += len(first)
        if month is None:
            want_undated += len(first)
            continue
        want_actual += sum(yi * YI for yi, target in first.items() if not target)
        want_target += sum(yi * YI for yi, target in first.items() if target)
    amounts, repeats = collect(pairs, FigureFilter())
    month = build_chart(amounts, "month", repeats)
    assert month.by == "month" and month.counted == want_counted
    assert month.unplaced == want_undated
    assert sum(bar.actual for bar in month.bars) == pytest.approx(want_actual)
    assert sum(bar.target for bar in month.bars) == pytest.approx(want_target)
    assert month.repeats == sum(len(a) for _m, a in stories) - want_counted
    assert [bar.key for bar in month.bars] == sorted(bar.key for bar in month.bars)
