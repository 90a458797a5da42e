"""Pilot tests of the library inside the app: the figures view, the names view, library mode.

The articles are made up (tests/helpers/apps.py) and annotated by the stand-in
annotator there, so the counts asserted follow from the texts written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from reader.library import Library
from reader.library.memory import MemorySource
from reader.library.sqlite_source import SqliteSource
from reader.model import Article
from reader.search.figure_filter import format_value, parse_filter
from reader.ui.app import ReaderApp
from reader.ui.screens.entities import EntitiesScreen, parse_entity_filter
from reader.ui.screens.figures import FiguresScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList
from tests.helpers.apps import (
    SAMPLE_PAGE,
    build_app,
    make_article,
    plain_annotator,
    record_notifications,
    sample_articles,
)


def two_zone_articles() -> list[Article]:
    """The sample articles and one more naming 示范区, with two amounts of its own."""
    extra = make_article(
        5,
        ["示范区签约项目总投资 150 亿元，其中外资 8 亿元。", "园区新增企业 12 家。"],
        title="示范区签约大项目",
        date="2024-03-01",
    )
    return [*sample_articles(), extra]


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


# -- the filter line ------------------------------------------------------------------------


def test_filter_reads_kind_bounds_multipliers_and_unit() -> None:
    assert parse_filter("money >=100亿") == parse_filter("金额 ≥1e10")
    wanted = parse_filter("money >=100亿")
    assert (wanted.kind, wanted.min_value, wanted.max_value) == ("money", 1e10, None)
    wanted = parse_filter("area <=5万 平方米")
    assert (wanted.kind, wanted.unit, wanted.max_value) == ("area", "平方米", 5e4)
    wanted = parse_filter(">=2.5万亿元")
    assert (wanted.unit, wanted.min_value) == ("元", 2.5e12)
    assert parse_filter("percent 50").min_value == 50
    assert parse_filter("=3 年").min_value == parse_filter("=3 年").max_value == 3
    assert parse_filter("元 个").unknown == ("个",)
    assert parse_filter("x>3").unknown == ("x>3",)
    assert parse_filter("") == parse_filter("   ")


def test_values_are_shown_the_chinese_way() -> None:
    assert format_value(26_560_000_000, "元") == "265.6亿元"
    assert format_value(240_000, "平方米") == "24万平方米"
    assert format_value(1.5e12, "元") == "1.5万亿元"
    assert format_value(75, "%") == "75%"
    assert format_value(153, "个") == "153个"
    assert format_value(None, "元") == "—"


def test_entity_filter_reads_type_and_text() -> None:
    assert parse_entity_filter("org 高新") == ("org", "高新")
    assert parse_entity_filter("人物") == ("person", "")
    assert parse_entity_filter("科技 园") == (None, "科技 园")


# -- one adapter, two sources ---------------------------------------------------------------


def test_loaded_articles_give_the_same_rows_as_the_library(tmp_path: Path) -> None:
    from reader.ingest.loader import load_paths

    articles = list(load_paths([SAMPLE_PAGE]).articles)
    memory = MemorySource(articles, annotator=plain_annotator)
    with Library(tmp_path / "lib", annotator=plain_annotator, workers=1) as library:
        library.import_paths([SAMPLE_PAGE])
        store = SqliteSource(library)

        def figure_keys(rows: list) -> list[tuple]:  # type: ignore[type-arg]
            return [(r.article_id, r.block, r.start, r.value, r.unit, r.label) for r in rows]

        by_value = memory.figures(order="value")
        assert len(by_value) > 20
        assert sorted(figure_keys(by_value)) == sorted(figure_keys(store.figures()))
        values = [r.value for r in by_value if r.value is not None]
        assert values == sorted(values, reverse=True)
        rich = memory.figures(kind="money", min_value=1e10)
        assert rich and all(r.kind == "money" and r.value >= 1e10 for r in rich)  # type: ignore[operator]
        # Equal values may come in any order from SQL: compare the values, then the sets.
        stored = store.figures(kind="money", min_value=1e10)
        assert [r.value for r in rich] == [r.value for r in stored]
        assert sorted(figure_keys(rich)) == sorted(figure_keys(stored))
        assert figure_keys(memory.figures(order="date")) == figure_keys(store.figures(order="date"))
        assert memory.entities() == store.entities()
        # The stand-in annotator finds no people: the persons are the bylines' reporters.
        people = memory.entities("person")
        assert people == store.entities("person") == store.entities(role="author")
        assert people and all(r.role == "author" for r in people)
        assert memory.articles_naming("示范区", "place") == store.articles_naming("示范区", "place")


def test_memory_catalogue_annotates_each_article_once() -> None:
    calls: list[str] = []

    def counting(article: Article):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return plain_annotator(article)

    memory = MemorySource(two_zone_articles(), annotator=counting)
    memory.figures()
    memory.entities()
    memory.articles_naming("示范区")
    assert sorted(calls) == sorted(a.id for a in two_zone_articles())


# -- the figures view -----------------------------------------------------------------------


@pytest.mark.asyncio
async def test_F_lists_every_figure_largest_first_and_filters() -> None:
    articles = two_zone_articles()
    expected = MemorySource(articles, annotator=plain_annotator).figures()
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        assert isinstance(app.focused, Input)
        table = screen.query_one(DataTable)
        assert table.row_count == len(expected) == len(screen.rows)
        status = str(screen.query_one("#figures-status").render())
        assert f"{len(expected)} figures" in status and "largest value first" in status
        assert screen.rows[0].value == max(r.value or 0 for r in expected)

        await pilot.press(*"money >=100亿")
        await settle(pilot)
        rich = [r for r in expected if r.kind == "money" and (r.value or 0) >= 1e10]
        assert [(r.article_id, r.start) for r in screen.rows] == [
            (r.article_id, r.start) for r in rich
        ]
        assert table.row_count == len(rich) > 0
        # The 150 亿元 of the extra article sits among the sample's 12×n 亿元.
        assert any(r.article_id == "test-5" and r.value == 1.5e10 for r in screen.rows)

        await pilot.press("ctrl+o")
        await settle(pilot)
        assert "newest article first" in str(screen.query_one("#figures-status").render())
        assert screen.rows[0].article_id == "test-5"  # the only dated article


@pytest.mark.asyncio
async def test_a_filter_word_not_understood_is_shown_literally() -> None:
    """The status line repeats what was typed: it must not be read as markup."""
    app = build_app(two_zone_articles())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press(*"元 [b]粗[/x]")
        await settle(pilot)
        status = str(app.screen.query_one("#figures-status").render())
        assert "not understood: [b]粗[/x]" in status
        assert app.is_running


@pytest.mark.asyncio
async def test_choosing_a_figure_opens_its_article_there_and_marks_it() -> None:
    app = build_app(two_zone_articles())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press(*"money 8亿 <=8亿")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        assert [(r.article_id, r.text) for r in screen.rows] == [("test-5", "8 亿元")]
        await pilot.press("enter")  # filter -> table
        assert isinstance(app.focused, DataTable)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.id == "test-5"
        assert app.focused is view
        assert app.query_one(HeadlineList).highlighted == 4
        piece, start, end = view.mark_span  # type: ignore[misc]
        assert view.pieces[piece].text[start:end] == "8 亿元"


@pytest.mark.asyncio
async def test_deep_figure_scrolls_into_view() -> None:
    app = build_app(two_zone_articles())
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        await pilot.press("F", *"money >=288亿", "enter", "enter")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.id == "test-1"
        assert view.scroll_y > 0  # the largest amount is in the 24th paragraph
        piece, start, end = view.mark_span  # type: ignore[misc]
        assert "288" in view.pieces[piece].text[start:end]


@pytest.mark.asyncio
async def test_escape_closes_the_figures_view_and_palette_opens_it() -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+p", *"figures across")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen)


# -- the names view -------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_E_lists_names_with_article_counts_and_opens_an_article() -> None:
    app = build_app(two_zone_articles())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntitiesScreen)
        assert isinstance(app.focused, Input)
        # Besides 示范区, the reporters of the bylines, apart as authors (shown as 作者).
        named = [(r.text, r.type, r.articles) for r in screen.rows if r.role is None]
        assert named == [("示范区", "place", 2)]
        authors = [r for r in screen.rows if r.role == "author"]
        assert authors and len(authors) + 1 == len(screen.rows)
        assert f"{len(screen.rows)} names;" in str(screen.query_one("#entities-status").render())

        await pilot.press(*"person")
        await settle(pilot)
        assert [r.role for r in screen.rows] == ["author"] * len(authors)
        assert screen.query_one(DataTable).row_count == len(authors)
        await pilot.press(*["backspace"] * 6, *"地点")
        await settle(pilot)
        assert [r.text for r in screen.rows] == ["示范区"]

        await pilot.press("down", "enter")
        await settle(pilot)
        listing = screen.query_one("#entities-articles", OptionList)
        assert app.focused is listing
        # Newest first: the dated article, then the undated one.
        assert [row.article_id for row in screen.articles] == ["test-5", "test-1"]
        assert "2 articles" in str(screen.query_one("#entities-status").render())
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.id == "test-1"
        assert app.query_one(HeadlineList).highlighted == 0


@pytest.mark.asyncio
async def test_names_filter_by_part_of_a_name() -> None:
    app = build_app(two_zone_articles())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E", *"范区")
        await settle(pilot)
        assert [r.text for r in app.screen.rows] == ["示范区"]  # type: ignore[attr-defined]
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.rows == []  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+p", *"names across")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntitiesScreen)


# -- keys in help ---------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_help_lists_the_figures_and_names_keys() -> None:
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one("#help-text", Static).content)
        assert "F  " in shown and "Figures" in shown
        assert "E  " in shown and "Names" in shown


def test_new_bindings_have_descriptions_and_unique_ids() -> None:
    from reader.ui.screens.search import SearchScreen

    ids = []
    for owner in (
        ReaderApp,
        ReaderScreen,
        HeadlineList,
        ArticleView,
        SearchScreen,
        FiguresScreen,
        EntitiesScreen,
    ):
        for binding in owner.BINDINGS:
            assert binding.description and binding.id, binding  # type: ignore[union-attr]
            ids.append(binding.id)  # type: ignore[union-attr]
    assert len(ids) == len(set(ids))


# -- library mode ---------------------------------------------------------------------------

LIBRARY_FILES = 30
PER_FILE = 10


@pytest.fixture(scope="module")
def built_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library of 300 made-up articles in 30 dated files, imported once per module."""
    from reader.export.formats import to_markdown_all

    pages = tmp_path_factory.mktemp("pages")
    for day in range(1, LIBRARY_FILES + 1):
        articles = [
            make_article(
                n,
                [f"示范区第{day}批项目投资 {day * 100 + n} 亿元，新增企业 {n + 1} 家。"],
                title=f"园区动态{day:02d}{n:02d}号",
            )
            for n in range(PER_FILE)
        ]
        (pages / f"2024-01-{day:02d}-page.md").write_text(
            to_markdown_all(articles), encoding="utf-8"
        )
    data = tmp_path_factory.mktemp("library")
    with Library(data, annotator=plain_annotator, workers=1) as library:
        result = library.import_paths([pages])
        assert not result.errors
        assert library.count() == LIBRARY_FILES * PER_FILE
    return data


@pytest.fixture
def library_dir(built_library: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built library, so marks made by one test stay in it."""
    import shutil

    return Path(shutil.copytree(built_library, tmp_path / "library"))


def build_library_app(directory: Path) -> ReaderApp:
    from reader.state.user import State
    from reader.ui.app import make_app

    return make_app(library=Library(directory), state=State.load(), theme="textual-dark")


@pytest.mark.asyncio
async def test_library_mode_loads_the_sidebar_a_page_at_a_time(library_dir: Path) -> None:
    from reader.ui.widgets.headline_list import PAGE_SIZE

    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        assert headlines.total == LIBRARY_FILES * PER_FILE > PAGE_SIZE
        assert headlines.option_count == PAGE_SIZE
        assert app.focused is headlines
        view = app.query_one(ArticleView)
        # Newest first: the last file's first article.
        assert view.article is not None and view.article.headline == "园区动态3000号"
        assert headlines.highlighted == 0
        # The summary shows the annotations stored at import (the stand-in's money figures).
        summary = str(app.query_one("#key-figures").render_line(0).text)
        assert "3000 亿元" in summary

        await pilot.press("j")
        await settle(pilot)
        assert view.article is not None and view.article.headline == "园区动态3001号"

        await pilot.press("end")  # the last headline of the library, not of the page
        await settle(pilot)
        assert view.article is not None and view.article.headline == "园区动态0109号"
        assert headlines.library_index == LIBRARY_FILES * PER_FILE - 1
        await pilot.press("J")  # already the last: stays
        await settle(pilot)
        assert view.article is not None and view.article.headline == "园区动态0109号"


@pytest.mark.asyncio
async def test_library_mode_read_marks_and_bookmarks_go_to_the_library(
    library_dir: Path,
) -> None:
    app = build_library_app(library_dir)
    app.state.read_after = 0  # an article shown is read at once (the delay has its own test)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        first = headlines.rows[0].article_id
        second = headlines.rows[1].article_id
        assert headlines.render_line(2).text.startswith("●")  # the second is unread
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("B")
        await pilot.pause()
        assert "★" in headlines.render_line(2).text
        await pilot.press("k", "m")  # the first back to unread
        await settle(pilot)
        assert headlines.render_line(0).text.startswith("●")
    with Library(library_dir) as library:
        assert second in library.read_ids() and first not in library.read_ids()
        assert [article_id for article_id, _note in library.bookmarks()] == [second]


@pytest.mark.asyncio
async def test_library_mode_search_uses_the_index(library_dir: Path) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # An article beyond the first page of headlines.
        await pilot.press("ctrl+f", *"动态0105号")
        await settle(pilot)
        hits = app.screen.hits  # type: ignore[attr-defined]
        assert [hit.title for hit in hits] == ["园区动态0105号"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.headline == "园区动态0105号"
        assert view.mark_span is not None
        assert app.focused is view


@pytest.mark.asyncio
async def test_library_mode_figures_and_names_come_from_the_library(library_dir: Path) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F", *"money >=2905亿")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FiguresScreen)
        # 3000..3009 亿元 from the last file, and 2905..2909 from the one before.
        assert [r.value for r in screen.rows] == [(3000 + n) * 1e8 for n in range(9, -1, -1)] + [
            (2900 + n) * 1e8 for n in range(9, 4, -1)
        ]
        await pilot.press("enter", *["down"] * 3, "enter")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.headline == "园区动态3006号"
        assert app.query_one(HeadlineList).highlighted == 6

        await pilot.press("E")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntitiesScreen)
        assert [(r.text, r.articles) for r in screen.rows] == [("示范区", LIBRARY_FILES * PER_FILE)]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert len(screen.articles) == LIBRARY_FILES * PER_FILE
        await pilot.press("end", "enter")  # the oldest: not among the headlines loaded yet
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert view.article is not None and view.article.headline == "园区动态0109号"


def test_library_flag_takes_no_paths(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.main import main

    assert main(["--library", "somewhere.txt"]) == 2
    assert "hitech-reader import" in capsys.readouterr().err


# -- watched folders ------------------------------------------------------------------------


def test_folder_watch_reports_added_changed_and_removed_pages(tmp_path: Path) -> None:
    import os

    from reader.ingest.watch import FolderWatch

    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    watch = FolderWatch([tmp_path])
    assert not watch.changes()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("乙", encoding="utf-8")
    (tmp_path / "a.txt").write_text("甲乙丙", encoding="utf-8")
    os.utime(tmp_path / "a.txt", ns=(1, 1))  # a different time even on a coarse clock
    changes = watch.changes()
    assert changes.added == [tmp_path / "sub" / "b.md"]
    assert changes.changed == [tmp_path / "a.txt"]
    (tmp_path / "a.txt").unlink()
    changes = watch.changes()
    assert (changes.added, changes.changed, changes.removed) == ([], [], [tmp_path / "a.txt"])


def _page(path: Path, *titles: str) -> None:
    from reader.export.formats import to_markdown_all

    articles = [
        make_article(n, [f"{title}的正文，投资 {n + 2} 亿元。"], title=title)
        for n, title in enumerate(titles)
    ]
    path.write_text(to_markdown_all(articles), encoding="utf-8")


@pytest.mark.asyncio
async def test_pages_dropped_into_an_opened_folder_appear_in_the_sidebar(tmp_path: Path) -> None:
    from reader.state.user import State
    from reader.ui.app import make_app

    folder = tmp_path / "pages"
    folder.mkdir()
    _page(folder / "2024-01-01-a.md", "旧闻一", "旧闻二")
    app = make_app([folder], state=State.load(), theme="textual-dark", annotator=plain_annotator)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        assert headlines.option_count == 2
        await pilot.press("j")  # reading the second article
        await settle(pilot)
        _page(folder / "2024-01-02-b.md", "新闻甲", "新闻乙", "新闻丙")
        app.reader.check_folders()  # what the timer calls every WATCH_SECONDS
        await settle(pilot)
        assert headlines.option_count == 5
        assert [a.headline for a in headlines.rows][2:] == ["新闻甲", "新闻乙", "新闻丙"]
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.headline == "旧闻二"  # not moved
        assert headlines.highlighted == 1
        assert headlines.render_line(4).text.startswith("● 新闻甲")

        (folder / "2024-01-01-a.md").unlink()
        app.reader.check_folders()
        await settle(pilot)
        assert [a.headline for a in headlines.rows] == ["新闻甲", "新闻乙", "新闻丙"]
        assert view.article is not None and view.article.headline == "新闻乙"


@pytest.mark.asyncio
async def test_B_bookmarks_in_plain_file_mode_too() -> None:
    from reader.state.user import State

    app = build_app()
    app.state.read_after = 0  # the first article is read as it is shown
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        await pilot.press("B")
        await pilot.pause()
        assert headlines.render_line(0).text.startswith("  ★ 示范区")
        await pilot.press("j", "B", "B")
        await pilot.pause()
        assert "★" not in headlines.render_line(2).text
    saved = State.load()
    assert saved.is_bookmarked("test-1") and not saved.is_bookmarked("test-2")


@pytest.mark.asyncio
async def test_library_mode_palette_goes_to_a_loaded_headline(library_dir: Path) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"园区动态2903")
        await pilot.pause(0.5)  # the palette debounces its search
        await pilot.press("enter")
        await settle(pilot)
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.headline == "园区动态2903号"
        assert app.query_one(HeadlineList).highlighted == PER_FILE + 3


@pytest.mark.asyncio
async def test_an_empty_library_opens_and_says_how_to_fill_it(tmp_path: Path) -> None:
    app = build_library_app(tmp_path / "empty")
    shown = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.query_one(HeadlineList).option_count == 0
        assert app.query_one(ArticleView).article is None
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FiguresScreen) and app.screen.rows == []
    assert any("hitech-reader import" in message for message in shown)


def _headline(index: int) -> str:
    """The headline at ``index`` of the test library's list (newest file first)."""
    return f"园区动态{LIBRARY_FILES - index // PER_FILE:02d}{index % PER_FILE:02d}号"


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Pages of 40 headlines, so the 300-article library is several pages long."""
    import reader.ui.widgets.headline_list as headline_list

    monkeypatch.setattr(headline_list, "PAGE_SIZE", 40)
    monkeypatch.setattr(headline_list, "PAGE_MARGIN", 10)
    return 40


@pytest.mark.asyncio
async def test_G_fetches_the_last_page_of_the_library_directly(
    library_dir: Path, small_pages: int
) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        view = app.query_one(ArticleView)
        assert headlines.option_count == small_pages
        await pilot.press("G")
        await settle(pilot)
        total = LIBRARY_FILES * PER_FILE
        assert view.article is not None and view.article.headline == _headline(total - 1)
        assert headlines.library_index == total - 1
        # Only the last page was fetched, not every page on the way.
        assert headlines.option_count == small_pages
        assert headlines.window_start == total - small_pages
        # Going up from there fetches the page before, the cursor staying on its article.
        for _ in range(small_pages - 5):
            await pilot.press("k")
        await settle(pilot)
        assert headlines.window_start == total - 2 * small_pages
        assert headlines.option_count == 2 * small_pages
        index = headlines.library_index
        assert index == total - small_pages + 4
        assert view.article is not None and view.article.headline == _headline(index)
        assert headlines.highlighted_option is not None
        assert headlines.highlighted_option.id == headlines.rows[headlines.highlighted].article_id
        await pilot.press("g")  # and the first of the library again
        await settle(pilot)
        assert headlines.window_start == 0 and headlines.library_index == 0
        assert view.article is not None and view.article.headline == _headline(0)


async def _wheel(headlines: HeadlineList, pilot, down: bool, until) -> None:  # type: ignore[no-untyped-def]
    """Turn the mouse wheel over the sidebar until ``until()`` holds (at most 200 notches)."""
    from textual import events

    kind = events.MouseScrollDown if down else events.MouseScrollUp
    for _ in range(200):
        if until():
            return
        headlines.post_message(kind(headlines, 5, 5, 0, 1 if down else -1, 0, False, False, False))
        await pilot.pause()
    raise AssertionError("the wheel never got there")


@pytest.mark.asyncio
async def test_the_mouse_wheel_fetches_the_next_page_at_the_bottom(
    library_dir: Path, small_pages: int
) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        assert headlines.option_count == small_pages
        await _wheel(headlines, pilot, True, lambda: headlines.option_count > small_pages)
        assert headlines.option_count == 2 * small_pages
        assert [row.headline for row in headlines.rows] == [
            _headline(i) for i in range(2 * small_pages)
        ]
        assert headlines.highlighted == 0  # the wheel scrolls; the cursor stays


@pytest.mark.asyncio
async def test_the_mouse_wheel_fetches_the_page_before_at_the_top(
    library_dir: Path, small_pages: int
) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.query_one(HeadlineList)
        await pilot.press("G")
        await settle(pilot)
        start = headlines.window_start
        await _wheel(headlines, pilot, False, lambda: headlines.window_start < start)
        assert headlines.window_start == start - small_pages
        total = LIBRARY_FILES * PER_FILE
        assert [row.headline for row in headlines.rows] == [
            _headline(i) for i in range(start - small_pages, total)
        ]
        # The cursor is still on the last article, which is still the one shown.
        assert headlines.library_index == total - 1
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.headline == _headline(total - 1)


@pytest.mark.asyncio
async def test_library_mode_reopens_the_last_article_even_past_the_first_page(
    library_dir: Path, small_pages: int
) -> None:
    app = build_library_app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
    again = build_library_app(library_dir)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = again.query_one(ArticleView)
        last = _headline(LIBRARY_FILES * PER_FILE - 1)
        assert view.article is not None and view.article.headline == last


@pytest.mark.asyncio
async def test_library_mode_passing_through_marks_nothing_but_m_does(library_dir: Path) -> None:
    app = build_library_app(library_dir)
    app.state.read_after = 60  # out of reach: only `m` marks here
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "J", "J")
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        shown = app.query_one(HeadlineList).rows[3].article_id
    with Library(library_dir) as library:
        assert library.read_ids() == {shown}
