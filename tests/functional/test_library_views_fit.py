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


def named_articles() -> list[Article]:
    """An article naming a long organisation far down, after many paragraphs."""
    org = "深圳市高新技术产业园区科技成果转化促进服务中心有限公司"
    body = [f"第{i}段：示范区今年新引进项目 {i} 个。" for i in range(40)]
    body.append(f"会上，{org}与多家企业签约。")
    return [*sample_articles(), make_article(6, body, title="签约仪式举行", date="2024-05-02")]


def long_org_annotator(article: Article):  # type: ignore[no-untyped-def]
    from reader.model import Entity, Located
    from tests.helpers.apps import plain_annotator

    found = plain_annotator(article)
    org = "深圳市高新技术产业园区科技成果转化促进服务中心有限公司"
    extra = [
        Located(index, Entity(block.text.find(org), block.text.find(org) + len(org), org, "org"))
        for index, block in enumerate(article.blocks)
        if org in block.text
    ]
    return found.__class__(
        figures=found.figures, entities=[*found.entities, *extra], key_figures=found.key_figures
    )


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_names_view_fits_and_opens_at_the_first_mention_marked(
    size: tuple[int, int],
) -> None:
    from textual.widgets import OptionList

    from reader.ui.screens.entities import EntitiesScreen
    from reader.ui.widgets.article_view import ArticleView

    org = "深圳市高新技术产业园区科技成果转化促进服务中心有限公司"
    app = build_app(named_articles(), annotator=long_org_annotator)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("E", *"org")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntitiesScreen)
        listing = screen.query_one("#entities-articles", OptionList)
        assert not listing.display  # no empty panel before a name is chosen
        table = screen.query_one(DataTable)
        widths = [column.width for column in table.columns.values()]
        assert sum(widths) + 2 * len(widths) <= table.size.width  # the counts stay on screen
        if size[0] >= 120:
            assert widths[0] >= cell_len(org)  # the long name whole
        await pilot.press("down", "enter")
        await settle(pilot)
        assert listing.display and app.focused is listing
        widths = [column.width for column in table.columns.values()]
        assert sum(widths) + 2 * len(widths) <= table.size.width
        await pilot.press("enter")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.id == "test-6"
        assert view.mark_span is not None
        piece, start, end = view.mark_span
        assert view.pieces[piece].text[start:end] == org
        top = round(view.scroll_offset.y)
        shown = [line.piece for line in view.lines[top : top + view.size.height]]
        assert piece in shown  # scrolled to the mention
