"""Traditional characters fold to simplified ones for search, and simplified text stays as it is."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text import traditional
from reader.text.fold import find_all, fold, has_traditional, simplified
from reader.text.traditional import JIEBA_FLOOR, derive, traditional_table

HANZI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]+")


@lru_cache(maxsize=1)
def jieba_words() -> list[str]:
    """Words of jieba's dictionary of two or more hanzi it has seen in use: simplified text
    (its traditional spellings sit at the floor frequency, see JIEBA_FLOOR). Words with
    Latin letters (T恤) are left out: folding lowercases those."""
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None
    words = []
    with (Path(spec.origin).parent / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, freq, *_ = line.split(" ")
            if len(word) > 1 and int(freq) > JIEBA_FLOOR and HANZI.fullmatch(word):
                words.append(word)
    return words


@lru_cache(maxsize=1)
def jieba_chars() -> list[str]:
    return sorted({ch for word in jieba_words() for ch in word})


@lru_cache(maxsize=1)
def simplified_pieces() -> st.SearchStrategy[str]:
    """A word or a character of jieba's, or punctuation, digits and small Latin letters."""
    return st.one_of(
        st.sampled_from(jieba_words()),
        st.sampled_from(jieba_chars()),
        st.sampled_from(list("，。、；：“”（）《》0123456789.%abcxyz")),
    )


@lru_cache(maxsize=1)
def mixed_chars() -> st.SearchStrategy[str]:
    """A character of the table, or a character of jieba's simplified words."""
    traditional_chars = sorted(chr(code) for code in traditional_table())
    return st.one_of(st.sampled_from(traditional_chars), st.sampled_from(jieba_chars()))


@pytest.mark.parametrize(
    ("shown", "read_as"),
    [
        ("深圳高新區今年新增企業三百家", "深圳高新区今年新增企业三百家"),
        ("半導體與電子資訊產業產值突破一千億元", "半导体与电子资讯产业产值突破一千亿元"),
        ("臺灣廠商在蘇州工業園區設立研發中心", "台湾厂商在苏州工业园区设立研发中心"),
        ("管委會表示，將建設國家級科技創新平臺。", "管委会表示，将建设国家级科技创新平台。"),
        ("開發區去年實現營業收入逾兩萬億元", "开发区去年实现营业收入逾两万亿元"),
        ("戰略性新興產業集群發展", "战略性新兴产业集群发展"),  # 戰: OpenCC names two targets
        ("這麼多專精特新「小巨人」", "这么多专精特新「小巨人」"),
    ],
)
def test_traditional_sentences_read_as_simplified(shown: str, read_as: str) -> None:
    assert has_traditional(shown)
    assert simplified(shown) == read_as
    assert fold(shown).text == read_as


def test_characters_simplified_text_uses_are_left_as_written() -> None:
    # OpenCC lists 乾 於 麽 as simplified too (乾隆, a surname 於, 幺麽); 著 and 瞭 are not
    # traditional-only; jieba uses 拚 and 塚 in words (拚命, 手塚治虫).
    for text in ("乾隆年间", "位於", "幺麽", "著名", "瞭望", "拚命", "手塚治虫"):
        assert not has_traditional(text)
        assert simplified(text) is text
        assert fold(text).text == text


def test_the_table_is_one_for_one_and_folding_twice_changes_nothing() -> None:
    table = traditional_table()
    assert len(table) > 3000
    for code, target in table.items():
        assert len(target) == 1 and target != chr(code)
        assert ord(target) not in table  # a chain was followed to its end
    header = traditional._TABLE_FILE.read_text(encoding="utf-8").split("\n# Regenerate")[0]
    assert "OpenCC" in header and "Apache License" in header
    remain = re.search(r"(\d+) mappings remain", header)
    assert remain is not None and int(remain.group(1)) == len(table)


def test_gb2312_hanzi_fold_to_themselves_but_the_six_the_header_names() -> None:
    gb2312 = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                gb2312.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    assert len(gb2312) > 6700
    changed = {ch for ch in gb2312 if simplified(ch) != ch}
    # In GB2312 but not in any jieba word above its floor; 後 is the 后 of 之後 and 後來.
    assert changed == set("後捱榘菸醣麴")


def test_derive_keeps_one_target_and_leaves_out_what_simplified_text_uses() -> None:
    opencc = [
        "# a comment",
        "區\t区",
        "開\t开 𫔭",  # several targets: the first, OpenCC's default
        "乾\t干 乾",  # the character is among its own targets: simplified too
        "薴\t苧",
        "苧\t苎",  # a chain: 薴 goes to 苎
        "拚\t拼",
        "塚\t冢",
    ]
    jieba = ["拚命 589 v", "三塚 3 nr", "高新区 100 n"]  # 三塚 is at jieba's floor
    lines, counts = derive(opencc, jieba)
    assert lines == sorted(["區\t区", "開\t开", "薴\t苎", "苧\t苎", "塚\t冢"])
    assert counts["in_jieba_chars"] == "拚" and counts["also_simplified"] == 1
    assert counts["kept"] == 5 and counts["several_targets"] == 1


def test_astral_characters_are_found_and_folded() -> None:
    astral = next(chr(code) for code in traditional_table() if code > 0xFFFF)
    text = f"甲{astral}乙"
    assert has_traditional(text) and len(simplified(text)) == 3
    assert not has_traditional("甲\U0002a6a5乙")  # astral, not in the table


def test_offsets_point_into_the_traditional_text_as_shown() -> None:
    text = "據報道，深圳高新區 半導體產值達１０００億元。"
    assert [text[s:e] for s, e in find_all(text, "高新区")] == ["高新區"]
    assert [text[s:e] for s, e in find_all(text, "高新區")] == ["高新區"]
    assert [text[s:e] for s, e in find_all(text, "区半导体")] == ["區 半導體"]
    assert [text[s:e] for s, e in find_all(text, "1000亿元")] == ["１０００億元"]
    other = "深圳高新区"
    assert [other[s:e] for s, e in find_all(other, "深圳高新區")] == ["深圳高新区"]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_simplified_text_from_jiebas_words_is_never_changed(data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(simplified_pieces(), max_size=40)))
    assert not has_traditional(text)
    assert simplified(text) is text
    assert fold(text).text == text


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_mixed_scripts_fold_one_for_one_with_offsets_kept(data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(mixed_chars(), min_size=1, max_size=30)))
    folded = fold(text)
    assert folded.text == simplified(text) and len(folded.text) == len(text)
    assert not has_traditional(folded.text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert folded.to_original(start, end) == (start, end)
    needle = text[start:end]
    if needle:  # the needle, in either script, is found where it was taken from
        rest = text[start:]
        assert find_all(rest, needle)[0] == (0, len(needle))
        assert find_all(rest, simplified(needle))[0] == (0, len(needle))
