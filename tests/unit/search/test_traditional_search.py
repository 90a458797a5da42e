"""In-memory search across the two scripts: 高新区 finds 高新區 and the reverse, highlighted
where the traditional text shows it."""

from __future__ import annotations

import pytest

from reader.model import Article, Block, Source
from reader.search.match import search


def make(aid: str, title: str, *paragraphs: str, byline: tuple[str, ...] = ()) -> Article:
    return Article(
        id=aid,
        source=Source(f"pages/{aid}.txt", 1, 10),
        kind="article",
        title=title,
        byline=list(byline),
        blocks=[Block("paragraph", p) for p in paragraphs],
    )


ARTICLES = [
    make(
        "hk",
        "深圳高新區半導體產業加速發展",
        "據報道，深圳高新區今年新增企業三百家，電子資訊產業產值達1,200億元。",
        "區內企業研發投入同比增長15%。",
        byline=("本報記者 陳大文",),
    ),
    make(
        "cn",
        "某市高新区发布人才新政",
        "高新区将对新引进的半导体企业给予最高500万元奖励。",
    ),
    make("tw", "臺灣廠商赴蘇州工業園區投資", "廠商表示，看好園區的產業鏈配套。"),
]


def ids(hits: list) -> list[str]:
    return sorted(h.article_id for h in hits)


@pytest.mark.parametrize("query", ["高新区", "高新區", "高新區 半导体", "半導體"])
def test_either_script_finds_both(query: str) -> None:
    assert ids(search(ARTICLES, query)) == ["cn", "hk"]


def test_hits_point_at_the_traditional_text_as_shown() -> None:
    hit = next(h for h in search(ARTICLES, "电子资讯产业") if h.article_id == "hk")
    text = ARTICLES[0].blocks[0].text
    assert (hit.where, hit.block) == ("body", 0)
    assert text[hit.start : hit.end] == "電子資訊產業"
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["電子資訊產業"]


def test_counts_and_fields_work_across_scripts() -> None:
    (hit,) = [h for h in search(ARTICLES, "区内") if h.article_id == "hk"]
    assert ARTICLES[0].blocks[1].text[hit.start : hit.end] == "區內"
    assert ids(search(ARTICLES, "title:高新区")) == ["cn", "hk"]
    assert ids(search(ARTICLES, "title:台湾")) == ["tw"]
    assert ids(search(ARTICLES, "byline:陈大文")) == ["hk"]
    assert ids(search(ARTICLES, "园区 -台湾")) == []
    assert ids(search(ARTICLES, "工业园区")) == ["tw"]
    assert ids(search(ARTICLES, '"1,200亿元"')) == ["hk"]
