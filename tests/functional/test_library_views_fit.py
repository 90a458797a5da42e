"""Pilot tests: the figures and names views fit the terminal (issue #12): columns by
priority, numbers and dates never cut, the article's first mention marked."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable

from reader.model import Article
from reader.search.figure_filter import format_value
from reader.ui.screens.figures import FiguresScreen
from tests.helpers.apps import build_app, make_article, sample_articles

pytestmark = pytest.mark.asyncio


def dated_articles() -> list[Article]:
    extra = make_article(
        5,
        ["示范区签约项目总投资 150 亿元，其中外资 8 亿元，占地 1200 平方米。"],
        title="示范区签约大项目，总投资一百五十亿元的产业园开工建设",
        date="2024-03-01",
    )
    return [*sample_articles(), extra]


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize(
    ("size", "with_article"), [((120, 40), True), ((80, 24), False), ((60, 20), False)]
)
async def test_figure_columns_by_priority_never_cut_a_number_or_a_date(
    size: tuple[int, int], with_article: bool
) -> None:
    app = build_app(dated_articles())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        table = screen.query_one(DataTable)
        widths = {str(column.label): column.width for column in table.columns.values()}
        total = sum(widths.values()) + 2 * len(widths)  # DataTable pads each cell by 1+1
        assert total <= table.size.width  # no column pushed off the side
        rows = screen.rows
        assert any(row.date for row in rows)
        assert widths["date"] >= max(cell_len(row.date or "") for row in rows)
        assert widths["value"] >= max(cell_len(format_value(r.value, r.unit)) for r in rows)
        assert widths["as written"] >= max(cell_len(row.text) for row in rows)
        assert widths["label"] >= 6
        assert ("article" in widths) == with_article
