"""One contract, two article sources: files opened directly and the SQLite library.

The shell talks to :class:`reader.library.source.ArticleSource` only, so both sources must
answer alike. Each test here runs against a :class:`~reader.library.memory.MemorySource`
over a few hand-written articles and a :class:`~reader.library.sqlite_source.SqliteSource`
over the same articles imported into a library. The articles are written here (made-up
news), annotated by the quick stand-in of ``tests/helpers/library.py``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.factory import open_files, open_library
from reader.library.source import ArticleSource
from reader.model.rows import FigureRow
from tests.helpers.library import quick_annotator, write_md

ROOT = Path(__file__).resolve().parents[3]

PAGES = {
    "2024-03-01-a.md": [
        {"title": "苏州高新区项目集中签约", "paragraphs": [
            "苏州高新区签约项目 12 个，总投资 150 亿元。", "其中外资项目投资 8 亿元。",
        ]},
        {"title": "园区新增企业", "paragraphs": ["园区今年新增科技企业 320 家，同比增长 15%。"]},
    ],
    "2024-03-02-b.md": [
        {"title": "成都高新区发布人才政策", "paragraphs": [
            "成都高新区拿出 5 亿元支持人才引进。", "苏州高新区的同行前来交流。",
        ]},
        {"title": "短讯", "paragraphs": ["孵化器面积达到 24 万平方米。"]},
        {"title": "厂房建设提速", "paragraphs": ["新建标准厂房 60 万平方米，投资 30 亿元。"]},
    ],
}
TOTAL = sum(len(articles) for articles in PAGES.values())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name, articles in PAGES.items():
        write_md(folder / name, *articles)
    return folder


@pytest.fixture(params=["memory", "sqlite"])
def source(request: pytest.FixtureRequest, pages: Path, tmp_path: Path) -> Iterator[ArticleSource]:
    """The same articles, opened directly or imported into a library."""
    if request.param == "memory":
        opened = open_files([pages], annotator=quick_annotator, watch=False)
    else:
        from reader.library.sqlite import Library

        library = Library(tmp_path / "library", annotator=quick_annotator, workers=1)
        assert not library.import_paths([pages]).errors
        opened = open_library(library)
    yield opened
    opened.close()


def _ids(source: ArticleSource) -> list[str]:
    return [row.article_id for row in source.headlines(0, 1000)]


def test_the_headlines_come_in_pages_that_add_up(source: ArticleSource) -> None:
    assert source.count() == TOTAL
    whole = source.headlines(0, TOTAL)
    assert len(whole) == TOTAL == len({row.article_id for row in whole})
    assert source.headlines(0, 2) + source.headlines(2, 2) + source.headlines(4, 10) == whole
    assert source.headlines(TOTAL, 10) == []
    titles = {row.headline for row in whole}
    assert titles == {a["title"] for articles in PAGES.values() for a in articles}


def test_an_article_is_read_by_id(source: ArticleSource) -> None:
    row = next(r for r in source.headlines(0, TOTAL) if r.headline == "短讯")
    article = source.article(row.article_id)
    assert article is not None and article.headline == "短讯"
    assert [b.text for b in article.blocks] == ["孵化器面积达到 24 万平方米。"]
    assert source.article("no-such-article") is None
    # What is at hand (no I/O) is that article or nothing, never another.
    at_hand = source.article_at_hand(row.article_id)
    assert at_hand is None or at_hand == article


def test_annotations_are_the_annotators(source: ArticleSource) -> None:
    row = next(r for r in source.headlines(0, TOTAL) if r.headline == "成都高新区发布人才政策")
    article = source.article(row.article_id)
    assert article is not None
    full = source.annotations(article)
    expected = quick_annotator(article)
    assert full.figures == expected.figures and full.entities == expected.entities
    assert [loc.span.text for loc in full.entities] == ["成都", "苏州"]
    assert [loc.span.text for loc in source.quick_figures(article)] == ["5 亿元"]


def test_search_finds_the_same_articles(source: ArticleSource) -> None:
    def found(query: str) -> set[str]:
        return {hit.title for hit in source.search(query)}

    assert found("高新区") == {"苏州高新区项目集中签约", "成都高新区发布人才政策"}
    assert found("高新区 -成都") == {"苏州高新区项目集中签约"}
    assert found("平方米") == {"短讯", "厂房建设提速"}
    assert found("没有这个词") == set()


def _figure_keys(rows: list[FigureRow]) -> list[tuple[str, float | None, str]]:
    return [(row.title, row.value, row.unit) for row in rows]


def test_figures_filter_and_order_alike(source: ArticleSource) -> None:
    money = source.figures(kind="money")
    assert _figure_keys(money) == [
        ("苏州高新区项目集中签约", 1.5e10, "元"),
        ("厂房建设提速", 3e9, "元"),
        ("苏州高新区项目集中签约", 8e8, "元"),
        ("成都高新区发布人才政策", 5e8, "元"),
    ]
    assert _figure_keys(source.figures(kind="money", min_value=1e9, limit=1)) == [
        ("苏州高新区项目集中签约", 1.5e10, "元")
    ]
    assert {row.value for row in source.figures(unit="平方米")} == {2.4e5, 6e5}
    newest = source.figures(order="date")
    assert newest[0].date == "2024-03-02" and newest[-1].date == "2024-03-01"


def test_names_and_the_articles_naming_them(source: ArticleSource) -> None:
    names = [(row.text, row.type, row.articles) for row in source.entities()]
    assert names == [("苏州", "place", 2), ("成都", "place", 1)]
    assert source.entities("person") == []
    naming = [row.headline for row in source.articles_naming("苏州", "place")]
    assert naming == ["成都高新区发布人才政策", "苏州高新区项目集中签约"]  # newest first
    assert source.articles_naming("苏州", "org") == []


def test_marks_positions_and_the_last_article_are_kept(source: ArticleSource) -> None:
    first, second = _ids(source)[:2]
    state = source.state
    state.set_read(first, True)
    state.set_bookmark(second, True)
    state.set_position(second, 1, 4)
    state.last_article = second
    assert state.is_read(first) and not state.is_read(second)
    assert state.is_bookmarked(second) and not state.is_bookmarked(first)
    assert state.position(second) == (1, 4)
    state.set_read(first, False)
    assert not state.is_read(first)
    state.save()
    assert state.last_article == second


def test_nothing_to_refresh_without_watched_folders(source: ArticleSource) -> None:
    assert source.refresh() is None


def test_a_watched_folder_takes_in_a_new_page(pages: Path, tmp_path: Path) -> None:
    import shutil

    folder = Path(shutil.copytree(pages, tmp_path / "watched"))
    source = open_files([folder], annotator=quick_annotator)
    assert source.refresh_every is not None and source.refresh() is None
    new = {"title": "新落成研发中心", "paragraphs": ["占地 3 万平方米。"]}
    write_md(folder / "2024-03-03-c.md", new)
    changes = source.refresh()
    assert changes is not None and changes.added == 1 and not changes.errors
    assert source.count() == TOTAL + 1
    assert source.headlines(TOTAL, 5)[0].headline == "新落成研发中心"


# -- the shell imports nothing that opens SQLite ----------------------------------------


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_shell_imports_no_database_module() -> None:
    shell = sorted((ROOT / "reader" / "ui").rglob("*.py"))
    assert len(shell) > 10  # the scan looks where the shell is
    forbidden = ("sqlite3", "reader.library.sqlite", "reader.library.sqlite_source",
                 "reader.library.schema", "reader.library.user_state", "reader.search.sql")
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            name for name in _imports(path)
            if any(name == bad or name.startswith(f"{bad}.") for bad in forbidden)
        )
        for path in shell
    }
    assert {path: names for path, names in offenders.items() if names} == {}


@pytest.mark.parametrize("query", [
    {"kind": "money"}, {"unit": "平方米"}, {"min_value": 5e8}, {"max_value": 1e9},
    {"kind": "money", "min_value": 1e9, "max_value": 1e10}, {"kind": "percent", "unit": "元"},
])
def test_the_figure_filter_is_the_one_figure_query(source: ArticleSource, query: dict) -> None:
    """Both sources filter as FigureQuery.matches does (the filter is written once)."""
    from reader.search.figure_filter import FigureQuery

    wanted = FigureQuery(**query)
    every = source.figures()
    assert source.figures(**query) == [row for row in every if wanted.matches(row)]


def test_memory_figures_go_through_figure_query(monkeypatch: pytest.MonkeyPatch) -> None:
    """The memory catalogue has no kind/unit/bound checks of its own: it asks FigureQuery."""
    from reader.library import catalogue
    from reader.search.figure_filter import FigureQuery

    asked: list[object] = []
    monkeypatch.setattr(FigureQuery, "matches", lambda self, fig: asked.append(fig) or True)
    from reader.model import Article, Block, Source
    from tests.helpers.library import quick_annotator as annotate

    article = Article(id="x#1", source=Source("x", 1, 1), kind="article", title="t",
                      blocks=[Block("paragraph", "投资 8 亿元，面积 3 万平方米。")])
    rows = catalogue.figure_rows([article], annotate, kind="area")
    assert len(rows) == len(asked) == 2  # the patched query let the money figure through


def test_bookmarked_and_unread_headlines_alike(source: ArticleSource) -> None:
    whole = source.headlines(0, TOTAL)
    by_title = {row.headline: row.article_id for row in whole}
    assert source.marked_headlines("bookmarked") == []
    assert source.marked_headlines("unread") == whole  # nothing read yet, in sidebar order
    state = source.state
    state.set_bookmark(by_title["短讯"])
    state.set_bookmark(by_title["苏州高新区项目集中签约"])
    state.set_read(by_title["短讯"])
    state.set_read(by_title["园区新增企业"])
    bookmarked = source.marked_headlines("bookmarked")
    assert [row.headline for row in bookmarked] == [
        row.headline for row in whole if row.headline in {"短讯", "苏州高新区项目集中签约"}
    ]
    unread = [row.headline for row in source.marked_headlines("unread")]
    assert unread == [
        row.headline for row in whole if row.headline not in {"短讯", "园区新增企业"}
    ]
    assert len(source.marked_headlines("unread", limit=2)) == 2
    state.set_bookmark(by_title["短讯"], False)
    assert [row.headline for row in source.marked_headlines("bookmarked")] == [
        "苏州高新区项目集中签约"
    ]
