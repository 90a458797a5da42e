"""Copies of a page (under two names, in two folders) are one article that knows every path
it was read from, in the library and in files opened directly alike (issue #12)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.factory import open_files, open_library
from reader.library.source import ArticleSource
from reader.library.sqlite import Library
from reader.model import Article, Source
from reader.model.codec import content_key
from tests.helpers.library import quick_annotator, write_md

STORIES = [
    {"title": "武汉东湖高新区光谷签约",
     "paragraphs": ["东湖高新区签约项目 20 个，总投资 300 亿元。"]},
    {"title": "人才公寓交付", "paragraphs": ["首批 500 套人才公寓交付使用。"]},
]
OTHER = {"title": "合肥高新区量子产业园开园", "paragraphs": ["园区面积 12 万平方米。"]}


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Two folders holding the same page, one of them also under a second name."""
    root = tmp_path / "pages"
    (root / "inbox").mkdir(parents=True)
    write_md(root / "inbox" / "page.md", *STORIES)
    shutil.copytree(root / "inbox", root / "archive")
    shutil.copy(root / "inbox" / "page.md", root / "archive" / "page (1).md")
    write_md(root / "archive" / "other.md", OTHER)
    return root


def _library(tmp_path: Path) -> Library:
    return Library(tmp_path / "library", annotator=quick_annotator, workers=1)


@pytest.fixture(params=["memory", "sqlite"])
def source(request: pytest.FixtureRequest, pages: Path, tmp_path: Path) -> Iterator[ArticleSource]:
    if request.param == "memory":
        opened = open_files([pages], annotator=quick_annotator, watch=False)
    else:
        library = _library(tmp_path)
        assert not library.import_paths([pages]).errors
        opened = open_library(library)
    yield opened
    opened.close()


def test_copies_are_one_article_with_every_path(source: ArticleSource, pages: Path) -> None:
    rows = source.headlines(0, 100)
    assert source.count() == len(rows) == len(STORIES) + 1
    assert sorted(r.headline for r in rows) == sorted(
        [s["title"] for s in STORIES] + [OTHER["title"]])
    signing = next(r for r in rows if r.headline == STORIES[0]["title"])
    paths = source.copies(signing.article_id)
    assert sorted(Path(p).relative_to(pages).as_posix() for p in paths) == [
        "archive/page (1).md", "archive/page.md", "inbox/page.md"]
    assert paths[0] == signing.source_path  # the copy it is shown as comes first
    assert source.copies("no such article") == []


def test_search_finds_a_copied_article_once(source: ArticleSource) -> None:
    hits = source.search("光谷")
    assert len(hits) == 1 and hits[0].title == STORIES[0]["title"]
    assert hits[0].source and hits[0].date is None  # undated page: the file tells it apart


def test_names_and_figures_count_a_copied_article_once(source: ArticleSource) -> None:
    assert {(r.text, r.articles) for r in source.entities()} >= {("东湖", 1)}
    assert len(source.figures(kind="money")) == 1


def test_the_content_key_ignores_where_an_article_was_read() -> None:
    one = Article(id="a.txt#1", source=Source("a.txt", 1, 9), title="标题")
    two = Article(id="b/a.txt#1", source=Source("b/a.txt", 3, 11), title="标题")
    assert content_key(one) == content_key(two)
    assert content_key(one) != content_key(Article(id="a.txt#1", source=one.source, title="题"))


def test_library_reimport_is_idempotent_and_rebuild_keeps_copies(
    pages: Path, tmp_path: Path
) -> None:
    with _library(tmp_path) as library:
        first = library.import_paths([pages])
        assert first.articles_added == 3 and first.files_imported == 4
        again = library.import_paths([pages])
        assert again.articles_added == again.articles_removed == 0
        assert again.files_unchanged == 4 and library.count() == 3
        rows = library.conn.execute("SELECT count(*) FROM copies").fetchone()[0]
        assert rows == 2 * 3 + 1
        files = sorted(str(p) for p in pages.rglob("*.md"))
        assert sorted(library.state.sources()) == files  # every copy kept for a rebuild
    (tmp_path / "library" / "library.sqlite3").write_bytes(b"not a database")
    with _library(tmp_path) as rebuilt:
        assert rebuilt.count() == 3
        signing = rebuilt.search("光谷")[0].article_id
        assert len(rebuilt.copies(signing)) == 3


def test_library_keeps_an_article_while_a_copy_remains(pages: Path, tmp_path: Path) -> None:
    with _library(tmp_path) as library:
        library.import_paths([pages])
        signing = library.search("光谷")[0].article_id
        shown_as = library.copies(signing)[0]
        read_before = library.get(signing)
        assert read_before is not None and read_before.source.path == shown_as
        # The file it is shown as changes: its copy goes, the others keep the article.
        write_md(Path(shown_as), OTHER)
        result = library.import_paths([pages])
        assert result.articles_removed == 0 and library.count() == 3
        left = library.copies(signing)
        assert shown_as not in left and len(left) == 2
        moved = library.get(signing)
        assert moved is not None and moved.source.path == left[0]
        assert library.headlines(0, 10)[0].article_id  # the sidebar still lists it
        assert {r.source_path for r in library.headlines(0, 10)} >= {left[0]}
        # Every copy changed: the article goes with the last one.
        for path in left:
            write_md(Path(path), OTHER)
        result = library.import_paths([pages])
        assert library.get(signing) is None and result.articles_removed == len(STORIES)
        assert library.search("光谷") == [] and library.count() == 1


def test_memory_keeps_an_article_while_a_copy_remains(pages: Path) -> None:
    source = open_files([pages], annotator=quick_annotator, watch=False)
    signing = source.search("光谷")[0].article_id
    shown_as = source.copies(signing)[0]
    source.merge_files([], [shown_as])  # its file was deleted
    assert source.count() == 3
    hits = source.search("光谷")
    assert len(hits) == 1 and hits[0].source != shown_as
    assert shown_as not in source.copies(hits[0].article_id)
    for path in source.copies(hits[0].article_id):
        source.merge_files([], [path])
    assert source.search("光谷") == [] and source.count() == 1


def test_lookalike_rows_show_date_and_file(tmp_path: Path) -> None:
    """Two different stories under one headline: the sidebar and the results tell them
    apart by date and file, not by a kicker they share."""
    from reader.search.match import lookalike_notes

    for day, count in (("06", 30), ("07", 40)):
        write_md(tmp_path / f"2024-05-{day}.md",
                 {"title": "园区快讯", "paragraphs": [f"光谷新增企业 {count} 家。"]})
    source = open_files([tmp_path], annotator=quick_annotator, watch=False)
    rows = source.headlines(0, 10)
    assert len(rows) == 2 and all(r.kicker is None and r.first_line is None for r in rows)
    hits = source.search("园区快讯")
    notes = lookalike_notes(hits)
    assert all(notes) and len(set(notes)) == 2
    assert lookalike_notes(source.search("40")) == [""]


def test_the_article_is_the_copy_first_in_path_order_whatever_the_import_order(
    pages: Path, tmp_path: Path
) -> None:
    """Workers finish in any order: the id (so the read mark) must not depend on it."""
    archive, inbox = pages / "archive" / "page.md", pages / "inbox" / "page.md"
    with _library(tmp_path) as library:
        library.import_paths([inbox])
        first_id = library.headlines(0, 10)[0].article_id
        assert first_id.startswith(str(inbox))
        library.import_paths([archive])  # sorts before inbox: the article is shown as it
        rows = library.headlines(0, 10)
        assert library.count() == len(STORIES) and all(
            r.source_path == str(archive) for r in rows)
        signing = library.search("光谷")[0]
        assert signing.article_id.startswith(str(archive)) and signing.source == str(archive)
        assert [h.article_id for h in library.search("source:archive")] != []
        assert library.search("source:inbox") == []
        assert library.copies(signing.article_id) == [str(archive), str(inbox)]
        ids = sorted(r.article_id for r in rows)
    (tmp_path / "library" / "library.sqlite3").unlink()
    with _library(tmp_path) as rebuilt:
        assert sorted(r.article_id for r in rebuilt.headlines(0, 10)) == ids


def test_a_copy_dropped_into_a_watched_folder_adds_no_article(pages: Path) -> None:
    source = open_files([pages / "inbox"], annotator=quick_annotator)
    assert source.count() == len(STORIES) and source.refresh() is None
    shutil.copy(pages / "inbox" / "page.md", pages / "inbox" / "page copy.md")
    changes = source.refresh()
    assert changes is not None and changes.added == 0 and source.count() == len(STORIES)
    signing = source.search("光谷")[0].article_id
    assert len(source.copies(signing)) == 2
