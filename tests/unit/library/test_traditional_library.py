"""The library's SQL search reads traditional characters as simplified ones, as the in-memory
search does, and a library folded without them is rebuilt when opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.ingest.loader import load_paths
from reader.library import Library
from reader.library.schema import fold_signature
from reader.search.match import search
from tests.helpers.library import quick_annotator, write_md

PAGES = [
    (
        "hk.md",
        {"title": "深圳高新區半導體產業加速發展",
         "paragraphs": ["據報道，深圳高新區今年新增企業三百家，電子資訊產業產值達1,200億元。",
                        "區內企業研發投入同比增長15%。"]},
    ),
    (
        "cn.md",
        {"title": "某市高新区发布人才新政",
         "paragraphs": ["高新区将对新引进的半导体企业给予最高500万元奖励。"]},
    ),
    (
        "tw.md",
        {"title": "臺灣廠商赴蘇州工業園區投資", "paragraphs": ["廠商表示，看好園區的產業鏈配套。"]},
    ),
]

#: One, two, three and more characters: the library answers each length from another index.
QUERIES = ["區", "区", "新區", "新区", "高新區", "高新区", "半導體產業", "半导体产业", "园区",
           "園區 -台湾", "title:高新區", "title:台湾", "产业链", '"1,200亿元"', "亿元 企业"]


def hit_keys(hits: list) -> list[tuple]:
    return [(h.article_id, h.where, h.block, h.start, h.end, h.hits, h.snippet,
             h.snippet_spans, h.in_title) for h in hits]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name, article in PAGES:
        write_md(folder / name, article)
    return folder


def test_sql_search_finds_across_scripts_as_in_memory_search_does(
    tmp_path: Path, pages: Path
) -> None:
    lib = Library(tmp_path / "data", annotator=quick_annotator, workers=1)
    assert lib.import_paths([pages]).articles_added == 3
    articles = load_paths([pages]).articles
    titles = {a.id: a.title for a in articles}
    for query in QUERIES:
        assert hit_keys(lib.search(query)) == hit_keys(search(articles, query)), query
    assert sorted(titles[h.article_id] for h in lib.search("高新区")) == [
        "某市高新区发布人才新政", "深圳高新區半導體產業加速發展"]
    assert sorted(titles[h.article_id] for h in lib.search("高新區")) == [
        "某市高新区发布人才新政", "深圳高新區半導體產業加速發展"]
    hit = next(h for h in lib.search("电子资讯") if titles[h.article_id].startswith("深圳"))
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["電子資訊"]
    lib.close()


def test_a_library_folded_by_older_rules_is_rebuilt_and_then_finds_both(
    tmp_path: Path, pages: Path
) -> None:
    lib = Library(tmp_path / "data", annotator=quick_annotator, workers=1)
    lib.import_paths([pages])
    lib.close()
    # As a library built before traditional characters folded: another signature, and
    # folded texts that still hold 高新區.
    conn = sqlite3.connect(tmp_path / "data" / "library.sqlite3")
    with conn:
        conn.execute("UPDATE meta SET value='older rules' WHERE key='fold'")
    conn.close()
    reopened = Library(tmp_path / "data", annotator=quick_annotator, workers=1)
    assert any("built with other text-folding rules" in n and "rebuilt from 3 files" in n
               for n in reopened.notices), reopened.notices
    assert len(reopened.search("高新区")) == 2
    row = reopened.conn.execute("SELECT value FROM meta WHERE key='fold'").fetchone()
    assert row == (fold_signature(),) and "高新区" in fold_signature()
    reopened.close()
