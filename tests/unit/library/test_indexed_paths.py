"""The library answers field filters, the figures view and deep sidebar pages from indexes.

Nothing here is timed: each test pins the code path that makes the answer cheap at 100,000
articles (the query plan SQLite reports, or the absence of OFFSET), and checks that the fast
path gives the same answer as the slow, obvious one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest.loader import load_paths
from reader.library import Library, library_queries
from reader.model.rows import HeadlineRow
from reader.search.figure_filter import FigureQuery
from reader.search.match import search
from reader.search.predicate import Predicate
from reader.search.query import parse
from reader.search.sql import candidates_sql
from tests.helpers.library import quick_annotator, write_md

ZONES = ["东湖", "张江", "中关", "南山", "苏州", "西安"]
PEOPLE = ["王伟", "李娜", "张敏", "刘强"]


def _pages(folder: Path) -> list[Path]:
    """Eighteen dated pages of three articles: zones, bylines, figures and a photo each."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for day in range(18):
        zone = ZONES[day % len(ZONES)]
        articles = [
            {
                "title": f"{zone}高新区第{day}天第{i}篇报道",
                "byline": [PEOPLE[(day + i) % len(PEOPLE)]],
                "date": f"2024-03-{day + 1:02d}",
                "paragraphs": [
                    f"{zone}高新区今年投资{day + i + 1}00亿元，建成{i + 2}万平方米厂房。",
                    f"园区企业增长{day + 3}%，新增{i + 5}个项目。",
                ],
            }
            for i in range(2)
        ]
        articles.append({"title": f"{zone}图片新闻{day}", "kind": "photo", "date":
                         f"2024-03-{day + 1:02d}", "paragraphs": [f"{zone}园区一角。"]})
        files.append(write_md(folder / f"2024-03-{day + 1:02d}.md", *articles))
    return files


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("indexed")
    _pages(root / "src")
    library = Library(root / "data", annotator=quick_annotator, workers=1)
    result = library.import_paths([root / "src"])
    assert result.errors == [] and library.count() == 54
    return library


def _plan(conn: sqlite3.Connection, sql: str, args: list[object]) -> list[str]:
    return [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args)]


@pytest.mark.parametrize("query", [
    "高新区 byline:王伟", "title:东湖", "园区 -byline:李娜", "source:2024-03-0 投资",
    "投资 kind:photo", "kind:photo", "高新区 -kind:photo title:张江", "高新区今年 -东湖",
])
def test_field_filters_are_given_to_an_index(lib: Library, query: str) -> None:
    """No candidate query scans the texts or the articles one by one for a field filter."""
    sql, args = candidates_sql(Predicate(parse(query)))
    plan = _plan(lib.conn, sql, args)
    text = " | ".join(plan)
    assert "texts" not in text, text
    assert not any(step.startswith("SCAN articles") for step in plan), text
    assert "TEMP B-TREE" not in text, text  # candidates come newest first from the index
    if "kind:" in query:
        assert "articles_kind" in text, text
    if any(f in query for f in ("title:", "byline:", "source:")):
        assert "fts_meta" in text, text
    if "-东湖" in query:  # too short for the trigram index that drives: the bigram one says it
        assert "fts_bi" in text and "fts_tri" in text, text


@pytest.mark.parametrize("query", [
    "高新区 byline:王伟", "title:东湖", "园区 -byline:李娜", "source:2024-03-0 投资",
    "园区 kind:photo", "kind:photo", "高新区 -kind:photo title:张江", "-title:东湖 -投资",
    "byline:王 kind:article", "source:.md", "-kind:article", "亿元 title:高新 byline:张",
    "高新区今年 -东湖", "-东湖 -苏州高新区",
])
def test_indexed_search_equals_in_memory_search(lib: Library, tmp_path: Path, query: str) -> None:
    # Every file the module's library holds (another test imports one more into it), in
    # the order they went in.
    files = [row[0] for row in lib.conn.execute("SELECT path FROM files ORDER BY id")]
    articles = load_paths(files).articles
    ours = [(h.article_id, h.where, h.start, h.hits, h.in_title) for h in lib.search(query)]
    theirs = [(h.article_id, h.where, h.start, h.hits, h.in_title) for h in search(articles, query)]
    assert ours == theirs and ours, query


def test_figures_by_date_walks_articles_in_order_without_sorting(lib: Library) -> None:
    """ctrl+o: no sort of every figure, and a page at an offset is that slice of the list."""
    seen: list[str] = []
    real = lib.conn

    class Spy:
        def execute(self, sql: str, args: object = ()) -> sqlite3.Cursor:
            if sql.startswith("SELECT f.value"):
                seen.extend(_plan(real, sql, list(args)))  # type: ignore[call-overload]
            return real.execute(sql, args)  # type: ignore[arg-type]

    everything = library_queries.figures(Spy(), FigureQuery(), "date")  # type: ignore[arg-type]
    assert "TEMP B-TREE" not in " ".join(seen), seen
    assert any("articles_order" in s for s in seen) and any("figures_article" in s for s in seen)
    assert len(everything) > 100
    dates = [row.date for row in everything]
    assert dates == sorted(dates, reverse=True)
    for offset in (0, 7, 50, len(everything) - 3):
        assert lib.figures(order="date", limit=10, offset=offset) == everything[offset:offset + 10]


@pytest.mark.parametrize("wanted", [
    FigureQuery(), FigureQuery(kind="money"), FigureQuery(unit="个"),
    FigureQuery(kind="money", min_value=5e10), FigureQuery(kind="percent", max_value=8),
    FigureQuery(kind="area", unit="平方米", min_value=3e4, max_value=3e4),
    FigureQuery(kind="money", min_value=1e30),
])
@pytest.mark.parametrize("order", ["value", "date"])
def test_figure_query_is_one_filter_for_sql_and_memory(
    lib: Library, wanted: FigureQuery, order: str
) -> None:
    everything = lib.figures(order=order)
    expected = [row for row in everything if wanted.matches(row)]
    assert lib.figures(order=order, query=wanted) == expected
    pages = [lib.figures(order=order, query=wanted, limit=4, offset=at)
             for at in range(0, len(expected) + 4, 4)]
    assert [row for page in pages for row in page] == expected


def test_figures_by_value_walk_a_value_index(lib: Library) -> None:
    for wanted, index in ((FigureQuery(), "figures_value"),
                          (FigureQuery(kind="money"), "figures_kind_value"),
                          (FigureQuery(unit="个"), "figures_unit_value")):
        where, args = wanted.sql("f")
        plan = " | ".join(_plan(
            lib.conn, "SELECT f.value FROM figures f JOIN articles a ON a.rowid = f.article"
            f" WHERE {where} ORDER BY f.value DESC, f.rowid DESC LIMIT 5", args))
        assert index in plan and "TEMP B-TREE" not in plan, plan


def test_deep_sidebar_pages_use_no_offset(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = [HeadlineRow(*r) for r in lib.conn.execute(
        "SELECT id, headline, date, kind, source_path FROM articles"
        " ORDER BY sortkey DESC, source_path, position")]
    monkeypatch.setattr(library_queries, "NEAR_TOP", 0)
    statements: list[str] = []
    lib.conn.set_trace_callback(statements.append)
    try:
        pages = [lib.headlines(at, 5) for at in range(0, len(everything) + 5, 5)]
    finally:
        lib.conn.set_trace_callback(None)
    assert [r for page in pages for r in page] == everything
    assert not any("OFFSET" in s for s in statements)
    assert lib.headlines(len(everything), 5) == []


def test_sidebar_order_follows_an_import_by_another_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection's import changes the order: the next deep page shows it.

    On a library of its own: the shared one must keep exactly its pages for the others.
    """
    monkeypatch.setattr(library_queries, "NEAR_TOP", 0)
    _pages(tmp_path / "src")
    lib = Library(tmp_path / "data", annotator=quick_annotator, workers=1)
    lib.import_paths([tmp_path / "src"])
    before = lib.headlines(50, 10)
    other = Library(lib.directory, annotator=quick_annotator, workers=1)
    try:
        newest = write_md(tmp_path / "2030-01-01.md",
                          *({"title": f"新的报道{i}", "date": "2030-01-01",
                             "paragraphs": ["新内容。"]} for i in range(3)))
        other.import_paths([newest])
    finally:
        other.close()
    after = lib.headlines(53, 10)
    assert after[: len(before)] == before
    assert [r.headline for r in lib.headlines(0, 3)] == [f"新的报道{i}" for i in range(3)]
    lib.close()


_WORDS = ["高新区", "园区", "东湖", "张江", "投资", "亿元", "王伟", "李", "张", "图片", "新闻",
          "第3天", "%", "03", ".md", "报道", "万平方米"]
_PREFIXES = ["", "", "-", "title:", "byline:", "source:", "-title:", "-byline:", "-source:"]


@st.composite
def _queries(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        word = draw(st.sampled_from(_WORDS))
        if draw(st.booleans()) and len(word) > 1:
            word = f'"{word}"'
        parts.append(draw(st.sampled_from(_PREFIXES)) + word)
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["kind:photo", "kind:article", "-kind:photo"])))
    return " ".join(draw(st.permutations(parts)))


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_queries())
def test_any_query_means_the_same_in_the_library_and_in_memory(lib: Library, query: str) -> None:
    """One predicate: the indexes only narrow the candidates, never change the answer."""
    # Every file the module's library holds (another test imports one more into it), in
    # the order they went in.
    files = [row[0] for row in lib.conn.execute("SELECT path FROM files ORDER BY id")]
    articles = load_paths(files).articles
    ours = [(h.article_id, h.where, h.block, h.start, h.hits, h.in_title, h.snippet)
            for h in lib.search(query, limit=100)]
    theirs = [(h.article_id, h.where, h.block, h.start, h.hits, h.in_title, h.snippet)
              for h in search(articles, query, limit=100)]
    assert ours == theirs, query
