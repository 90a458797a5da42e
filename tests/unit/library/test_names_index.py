"""The names index knows short forms and authors (#16), in the library and in memory alike:
a full name listed once with its short forms, each article counted once whichever forms it
uses; "articles naming it" finds stories using any form; reporters kept apart as authors,
also those named only in a byline (no span in the text)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.factory import open_files, open_library
from reader.library.rows import name_entries
from reader.library.source import ArticleSource
from reader.model import Annotations, Article, Block, Entity, Located, Source
from tests.helpers.library import write_md
from tests.helpers.names import FULL, STORIES, names_annotator


@pytest.fixture(params=["memory", "sqlite"])
def source(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ArticleSource]:
    (tmp_path / "pages").mkdir()
    write_md(tmp_path / "pages" / "stories.md", *STORIES)
    if request.param == "memory":
        opened = open_files([tmp_path / "pages"], annotator=names_annotator, watch=False)
    else:
        from reader.library.sqlite import Library

        library = Library(tmp_path / "library", annotator=names_annotator, workers=1)
        assert not library.import_paths([tmp_path / "pages"]).errors
        opened = open_library(library)
    yield opened
    opened.close()


def _row(source: ArticleSource, text: str, role: str | None = None):
    rows = [r for r in source.entities() if r.text == text and r.role == role]
    assert len(rows) == 1, rows
    return rows[0]


def test_a_full_name_is_listed_once_with_its_short_forms(source: ArticleSource) -> None:
    full = _row(source, FULL)
    assert full.type == "org" and full.aliases == ("大疆",) and full.articles == 1
    assert not [r for r in source.entities() if "大疆" in r.aliases and r.text != FULL]
    # 大疆 named on its own in another story is a name of that story.
    assert _row(source, "大疆").articles == 1


def test_articles_naming_a_name_find_every_form(source: ArticleSource) -> None:
    by_full = [r.headline for r in source.articles_naming(FULL)]
    assert by_full == ["大疆新品发布", "无人机企业扩产"]  # newest first
    assert [r.headline for r in source.articles_naming("大疆")] == by_full


def test_reporters_are_authors_kept_apart(source: ArticleSource) -> None:
    authors = source.entities(role="author")
    assert {(r.text, r.type, r.articles) for r in authors} == {
        ("周斌", "person", 2), ("王鹏", "person", 1)}  # 王鹏: only in a byline
    people = source.entities(type="person")
    assert {(r.text, r.role) for r in people} == {
        ("李峥", None), ("周斌", "author"), ("王鹏", "author")}
    assert _row(source, "李峥").articles == 2
    assert [r.headline for r in source.articles_naming("王鹏", "person", "author")] == [
        "无人机企业扩产"]


def test_both_sources_list_the_same_rows(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    write_md(tmp_path / "pages" / "stories.md", *STORIES)
    from reader.library.sqlite import Library

    memory = open_files([tmp_path / "pages"], annotator=names_annotator, watch=False)
    library = open_library(Library(tmp_path / "lib", annotator=names_annotator, workers=1))
    library.library.import_paths([tmp_path / "pages"])  # type: ignore[attr-defined]
    for type_, role in ((None, None), ("person", None), ("org", None), (None, "author")):
        assert memory.entities(type_, role) == library.entities(type_, role)
    for name in (FULL, "大疆", "李峥", "周斌", "王鹏", "nobody"):
        assert ([r.article_id.rsplit("#", 1)[1] for r in memory.articles_naming(name)]
                == [r.article_id.rsplit("#", 1)[1] for r in library.articles_naming(name)])
    library.close()


def test_name_entries_of_one_article() -> None:
    article = Article(id="x#1", source=Source("x", 1, 3), title="t", byline=["周斌", " "],
                      blocks=[Block("paragraph", "华为（简称华为）周斌")])
    ann = Annotations(entities=[
        Located(0, Entity(0, 2, "华为", "org")),
        Located(0, Entity(8, 10, "周斌", "person")),
    ])
    assert sorted(name_entries(article, ann)) == [
        ("华为", "华为", "org", None, 1), ("周斌", "周斌", "person", "author", 1)]
