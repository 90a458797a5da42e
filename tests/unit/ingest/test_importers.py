"""Decoding, format detection, web-copied text and Markdown round trips, folder loading."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.ingest.decode import DecodeError, decode_bytes
from reader.ingest.loader import (
    LoadError,
    bundled_articles_dir,
    date_from_name,
    load_file,
    load_paths,
)
from reader.ingest.markdown import parse_markdown, to_markdown
from reader.ingest.plain import parse_plain
from reader.model import Article, Block, Source

SAMPLE = "本报讯 近日，合肥高新区量子产业园正式开园，首批 16 家企业入驻。\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16le-bom", "utf16be-bom"],
)
def test_supported_encodings_decode(encoding, prefix):
    assert decode_bytes(prefix + SAMPLE.encode(encoding)) == SAMPLE


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            "這是台北市政府宣布的新科技園區計畫。".encode("big5"),
            "unsupported encoding",
        ),
        (
            "東京都は新しい計画を発表しました。".encode("shift_jis"),
            "unsupported",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "zip"),
        (SAMPLE.encode("utf-16-le"), "NUL"),
    ],
    ids=["big5", "shift-jis", "pdf", "png", "zip", "utf16-without-bom"],
)
def test_unsupported_input_is_refused_with_one_line(data, reason):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


def test_load_paths_reports_bad_files_and_keeps_the_good(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("合肥高新区量子产业园开园\n\n" + SAMPLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\u3000\n", encoding="utf-8")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\nxxxx")
    (tmp_path / "notes.md").write_text("---\ntitle: [unclosed\n---\n正文。\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = load_paths([tmp_path])
    assert [a.title for a in result.articles] == ["合肥高新区量子产业园开园"]
    messages = sorted(str(e) for e in result.errors)
    assert len(messages) == 4
    assert all("\n" not in m and str(tmp_path) in m for m in messages)
    assert any("empty file" in m for m in messages)
    assert any("only whitespace" in m for m in messages)
    assert any("PNG" in m for m in messages)
    assert any("front matter" in m for m in messages)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # never written


def test_missing_file_and_unreadable_file(tmp_path: Path):
    with pytest.raises(LoadError, match="no such file"):
        load_file(tmp_path / "nope.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text(SAMPLE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: permissions are not enforced
            pytest.skip("root can read any file")
        with pytest.raises(LoadError, match="permission denied"):
            load_file(locked)
    finally:
        locked.chmod(0o644)


def test_folder_walk_is_recursive_sorted_and_survives_symlink_loops(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "2022-07-01 第1版.txt").write_text("标题一\n正文一。\n", encoding="utf-8")
    (tmp_path / "a" / "deep" / "x.md").write_text("---\ntitle: 标题二\n---\n正文二。\n", "utf-8")
    (tmp_path / "a" / "image.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    result = load_paths([tmp_path])
    assert [a.title for a in result.articles] == ["标题二", "标题一"]
    assert result.articles[1].date == "2022-07-01"
    assert result.articles[0].date is None
    assert result.errors == []


def test_dates_come_only_from_real_dates_in_names():
    assert date_from_name("导报-2022-07-01-p1.txt") == "2022-07-01"
    assert date_from_name("2022-13-45.txt") is None
    assert date_from_name("page-12.txt") is None
    assert date_from_name("20220701.txt") is None


def test_web_copy_one_paragraph_per_line_with_fullwidth_indents():
    text = (
        "苏州工业园区发布生物医药产业新政\n"
        "\u3000\u3000日前，苏州工业园区发布若干措施，提出 20 条具体举措。\n"
        "\u3000\u3000根据新政，园区对一类创新药给予最高3000万元奖励。\n"
    )
    (article,) = parse_plain(text, "web.txt")
    assert article.title == "苏州工业园区发布生物医药产业新政"
    assert article.paragraphs == [
        "日前，苏州工业园区发布若干措施，提出 20 条具体举措。",
        "根据新政，园区对一类创新药给予最高3000万元奖励。",
    ]


def test_web_copy_blank_separated_and_hard_wrapped_with_dateline():
    text = (
        "深圳高新区新增三家国家级孵化器\n\n"
        "本报讯 近日，科技部公布新一批国家级科技\n企业孵化器名单，深圳高新区三家入选。\n\n"
        "据了解，这三家孵化器累计孵化企业 460 余家。\n"
    )
    (article,) = parse_plain(text, "web.txt")
    assert article.dateline == "本报讯"
    assert article.paragraphs == [
        "近日，科技部公布新一批国家级科技企业孵化器名单，深圳高新区三家入选。",
        "据了解，这三家孵化器累计孵化企业 460 余家。",
    ]


def test_markdown_front_matter_by_hand():
    text = (
        "---\ntitle: 青岛高新区：海洋科技成果加速落地\nbyline: 孙海洋, 王芳\n"
        "date: 2023-05-18\nsource: 中国高新技术产业导报\n---\n\n"
        "近年来，青岛高新区搭建海洋科技成果转化平台，\n三年来转化成果 320 项。\n\n"
        "## 人才引领\n\n管委会表示将继续加大支持力度。\n"
    )
    (article,) = parse_markdown(text, "hand.md")
    assert article.title == "青岛高新区：海洋科技成果加速落地"
    assert article.byline == ["孙海洋", "王芳"]
    assert article.date == "2023-05-18"
    assert article.blocks == [
        Block("paragraph", "近年来，青岛高新区搭建海洋科技成果转化平台，三年来转化成果 320 项。"),
        Block("subhead", "人才引领"),
        Block("paragraph", "管委会表示将继续加大支持力度。"),
    ]


def _same(a: Article, b: Article) -> None:
    for name in (
        "kind",
        "title",
        "kicker",
        "byline",
        "dateline",
        "credit",
        "captions",
        "blocks",
        "date",
    ):
        assert getattr(a, name) == getattr(b, name), name


def test_markdown_round_trip_of_every_bundled_article():
    result = load_paths([bundled_articles_dir()])
    text = "\n".join(to_markdown(a) for a in result.articles)
    back = parse_markdown(text, "round.md")
    assert len(back) == len(result.articles)
    for original, again in zip(result.articles, back, strict=True):
        _same(original, again)


field_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(st.none(), field_text),
    st.one_of(st.none(), field_text),
    st.lists(field_text, max_size=3),
    st.lists(field_text, max_size=2),
    st.lists(st.tuples(st.sampled_from(["paragraph", "subhead"]), field_text), max_size=5),
)
# A subhead ending in " #" once lost it: it read as an ATX closing sequence.
@example(None, None, [], [], [("subhead", "0 #")])
def test_markdown_round_trip_property(title, kicker, byline, captions, blocks):
    article = Article(
        id="x",
        source=Source("x.md", 1, 1),
        title=title,
        kicker=kicker,
        byline=byline,
        captions=captions,
        blocks=[Block(kind, text) for kind, text in blocks],  # type: ignore[arg-type]
    )
    (again,) = parse_markdown(to_markdown(article), "x.md")
    assert again.title == article.title
    assert again.kicker == article.kicker
    assert again.byline == article.byline
    assert again.captions == article.captions
    assert again.blocks == article.blocks
