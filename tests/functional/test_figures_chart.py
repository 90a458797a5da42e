"""Pilot tests of the money chart in the figures view: toggle, move, Enter filters the table.

The stories are made up (tests/helpers/charts.py): January, February and April 2024 with
amounts, an empty March, targets, a repeated amount and an undated story.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from reader.ui.screens.figures import FiguresScreen
from reader.ui.widgets.money_chart import MoneyChart
from tests.helpers.apps import build_app
from tests.helpers.charts import chart_annotator, chart_articles


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.asyncio
async def test_the_chart_toggles_moves_and_filters_the_table_to_a_month() -> None:
    app = build_app(chart_articles(), annotator=chart_annotator)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        await pilot.press("ctrl+g")
        await settle(pilot)
        chart = screen.query_one(MoneyChart)
        table = screen.query_one(DataTable)
        assert chart.display and not table.display and app.focused is chart
        assert chart.chart is not None
        assert [bar.key for bar in chart.chart.bars] == [
            "2024-01", "2024-02", "2024-03", "2024-04"]
        assert chart.chart.unplaced == 1
        shown = str(chart.render())
        assert "2024-01" in shown and "1 with no date" in shown

        await pilot.press("down", "j", "k")
        assert chart.cursor == 1
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(Input).value == "date:2024-02"
        assert table.display and not chart.display and app.focused is table
        # February: 300 亿元 signed and the 2000 亿元 target, nothing else.
        assert sorted(row.value for row in screen.rows) == [3e10, 2e11]
        assert table.row_count == 2
        assert "chart bar" in str(screen.query_one("#figures-status").render())


@pytest.mark.asyncio
async def test_the_chart_by_organisation_filters_to_a_name_and_follows_the_filter() -> None:
    app = build_app(chart_articles(), annotator=chart_annotator)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        await pilot.press("ctrl+g")
        await settle(pilot)
        chart = screen.query_one(MoneyChart)
        await pilot.press("c", "c")  # month → place → org
        await settle(pilot)
        assert chart.by == "org" and chart.chart is not None
        assert [bar.key for bar in chart.chart.bars] == ["华星光电", "合肥晶合", "西安交通大学"]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert screen.query_one(Input).value == "org:合肥晶合"
        assert [(row.value, row.article_id) for row in screen.rows] == [(4.5e9, "test-4")]

        # Back to the chart: it now sums what the filter selects, one bar.
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert chart.chart is not None and [b.key for b in chart.chart.bars] == ["合肥晶合"]
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert not chart.display and screen.query_one(DataTable).display
