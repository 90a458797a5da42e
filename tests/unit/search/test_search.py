"""Tests for in-memory search: matching, folding, ranking, snippets and find-in-text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.model import Article, Block, Source
from reader.search.match import find_in_text, make_snippet, search
from reader.text.fold import simplified


def make(
    aid: str,
    title: str | None,
    *paragraphs: str,
    kind: str = "article",
    byline: tuple[str, ...] = (),
    captions: tuple[str, ...] = (),
    path: str = "pages/2023-05-01-p1.txt",
) -> Article:
    return Article(
        id=aid,
        source=Source(path, 1, 10),
        kind=kind,  # type: ignore[arg-type]
        title=title,
        byline=list(byline),
        captions=list(captions),
        blocks=[Block("paragraph", p) for p in paragraphs],
    )


ARTICLES = [
    make("a", "某市高新区召开大会", "会议提出三年内工业总产值突破千亿元。", "园区企业代表发言。"),
    make("b", "企业服务中心揭牌", "高新区企业服务中心揭牌。高新区将优化服务。高新区人才站。"),
    make("c", None, "图为新建的厂房。", kind="photo", captions=("高新区新厂房",)),
    make("d", "另一座城市", "该区发布科技新政，最高奖励 5000万元。", byline=("记者 甲乙",)),
]


def ids(hits: list) -> list[str]:
    return [h.article_id for h in hits]


def test_headline_hits_rank_first_then_by_count() -> None:
    hits = search(ARTICLES, "高新区")
    assert ids(hits) == ["a", "b", "c"]
    assert [h.hits for h in hits] == [1, 3, 1]
    assert hits[0].in_title and not hits[1].in_title


def test_terms_are_anded_and_excludes_remove() -> None:
    assert ids(search(ARTICLES, "高新区 揭牌")) == ["b"]
    assert ids(search(ARTICLES, "高新区 -揭牌")) == ["a", "c"]


def test_single_character_and_phrase() -> None:
    assert ids(search(ARTICLES, "厂")) == ["c"]
    assert ids(search(ARTICLES, '"5000万元"')) == ["d"]


def test_fields() -> None:
    assert ids(search(ARTICLES, "title:高新区")) == ["a"]
    assert ids(search(ARTICLES, "高新区 -title:高新区")) == ["b", "c"]
    assert ids(search(ARTICLES, "kind:photo")) == ["c"]
    assert ids(search(ARTICLES, "byline:甲乙")) == ["d"]
    assert ids(search(ARTICLES, "source:2023-05-01 kind:article")) == ["a", "b", "d"]
    assert search(ARTICLES, "source:nowhere") == []


def test_hit_points_at_first_body_match_with_snippet() -> None:
    hit = search(ARTICLES, "企业")[0]
    assert hit.article_id == "b"
    assert (hit.where, hit.block) == ("body", 0)
    text = ARTICLES[1].blocks[0].text
    assert text[hit.start : hit.end] == "企业"
    for s, e in hit.snippet_spans:
        assert hit.snippet[s:e] == "企业"
    assert len(hit.snippet_spans) == 1 and hit.hits == 2  # title + body


def test_caption_hit() -> None:
    hit = search(ARTICLES, "新厂房")[0]
    assert (hit.where, hit.block, hit.start) == ("caption", 0, 3)


def test_title_only_hit_points_at_title() -> None:
    hit = search(ARTICLES, "揭牌")[0]
    assert hit.in_title and hit.where == "body"  # the body mentions it too
    hit = search(ARTICLES, "另一座")[0]
    assert (hit.where, hit.block, hit.start, hit.end) == ("title", None, 0, 3)


def test_folding_lookalikes_keeps_original_offsets() -> None:
    # Kangxi radical ⼤ (U+2F24) and full-width digits, as PDF extraction leaves them.
    article = make("k", None, "举行⼤会，投资１０００亿元。")
    hit = search([article], "大会 1000")[0]
    text = article.blocks[0].text
    assert text[hit.start : hit.end] == "⼤会"
    assert find_in_text(text, "1000") == [(7, 11)]


def test_empty_query_and_limit() -> None:
    assert search(ARTICLES, "") == []
    assert search(ARTICLES, "  ") == []
    assert len(search(ARTICLES, "。", limit=2)) == 2


def test_only_exclusions_match_whole_articles() -> None:
    assert ids(search(ARTICLES, "-高新区")) == ["d"]


def test_snippet_ellipses() -> None:
    text = "甲" * 50 + "目标" + "乙" * 50
    snippet, spans = make_snippet(text, [(50, 52)], (50, 52))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert snippet[spans[0][0] : spans[0][1]] == "目标"
    assert len(snippet) == 42
    short, spans = make_snippet("目标在此", [(0, 2)], (0, 2))
    assert short == "目标在此" and spans == ((0, 2),)


@given(st.text(max_size=60), st.text(min_size=1, max_size=3))
def test_find_in_text_agrees_with_str_find_on_plain_text(text: str, needle: str) -> None:
    ascii_only = "".join(c for c in text if "a" <= c <= "z" or "\u4e00" <= c <= "\u9fff")
    pattern = "".join(c for c in needle if "a" <= c <= "z" or "\u4e00" <= c <= "\u9fff")
    spans = find_in_text(ascii_only, pattern)
    # Traditional hanzi read as simplified ones, one for one: str.find on both simplified.
    plain, wanted = simplified(ascii_only), simplified(pattern)
    expected, at = [], plain.find(wanted) if wanted else -1
    while at != -1:
        expected.append((at, at + len(wanted)))
        at = plain.find(wanted, at + len(wanted))
    assert spans == expected
