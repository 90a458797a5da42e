"""The one definition of a hanzi and of a sentence end."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.text.hanzi import all_hanzi, ends_sentence, has_hanzi, is_hanzi


def test_hanzi_ranges() -> None:
    assert all(is_hanzi(ch) for ch in "高新区㐀豈𠀀𪚥")  # basic, ext A, compatibility, ext B
    assert not any(is_hanzi(ch) for ch in "a1，。Ａあᄀ⼤")  # Latin, punctuation, kana, radicals
    assert has_hanzi("GDP增长") and not has_hanzi("GDP 7.5%")
    assert all_hanzi("珠海高新区") and not all_hanzi("珠海1区") and not all_hanzi("")


def test_sentence_ends() -> None:
    assert ends_sentence("营收增长15%。")
    assert ends_sentence("他说：“要做强产业。”")
    assert ends_sentence("真的吗？ ")
    assert not ends_sentence("营收增长15%，")
    assert not ends_sentence("（下转第4版）")
    assert not ends_sentence("")


@given(st.text())
def test_all_hanzi_means_each_is_hanzi(text: str) -> None:
    assert all_hanzi(text) == (bool(text) and all(is_hanzi(ch) for ch in text))
    assert has_hanzi(text) == any(is_hanzi(ch) for ch in text)
