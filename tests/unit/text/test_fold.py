"""Tests of search folding: lookalikes, offsets back to the original, display sanitising."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.fold import find_all, fold, sanitize_for_display


@pytest.mark.parametrize(
    ("original", "folded"),
    [
        ("⼤会", "大会"),  # Kangxi radical U+2F24
        ("\uf9d1", "六"),  # CJK compatibility ideograph
        ("\uf900", "岂"),  # … of a traditional character (豈), then that one simplified
        ("１０００亿元", "1000亿元"),
        ("增长５％", "增长5%"),
        ("２３．４％", "23.4%"),
        ("ＡＢＣ abc", "abc abc"),
        ("高新\u200b区\ufeff", "高新区"),
        ("a\u202eb\u2066c\u2069", "abc"),
        ("产业，制造。“第一”", "产业，制造。“第一”"),  # CJK punctuation kept as is
        ("1000 亿元", "1000亿元"),  # a space next to hanzi is a PDF artefact
        ("千\u3000亿\n元", "千亿元"),
        ("high   tech\tzone", "high tech zone"),
        ("  lead and trail  ", "lead and trail"),
        ("Ünïcode", "Ünïcode"),  # only ASCII is lowercased
    ],
)
def test_fold_cases(original: str, folded: str) -> None:
    assert fold(original).text == folded


def test_to_original_maps_back_through_drops_and_space_runs() -> None:
    original = "总额\u200b１０００  亿元，ABC"
    folded = fold(original)
    assert folded.text == "总额1000亿元，abc"
    start = folded.text.index("1000")
    assert folded.to_original(start, start + 4) == (3, 7)
    assert original[slice(*folded.to_original(start, start + 6))] == "１０００  亿元"
    # The zero-width space inside a span is part of it; at its edge it is not.
    assert folded.to_original(1, 3) == (1, 4)
    assert folded.to_original(2, 2) == (3, 3)
    assert folded.to_original(len(folded.text), len(folded.text)) == (len(original),) * 2
    with pytest.raises(ValueError):
        folded.to_original(3, 2)
    with pytest.raises(ValueError):
        folded.to_original(0, len(folded.text) + 1)


def test_find_all_uses_folding_both_ways() -> None:
    text = "珠海⼤会上，营收达１０００ 亿元；ABC 与 abc"
    assert [text[s:e] for s, e in find_all(text, "大会")] == ["⼤会"]
    assert [text[s:e] for s, e in find_all(text, "1000亿元")] == ["１０００ 亿元"]
    assert [text[s:e] for s, e in find_all(text, "１０００")] == ["１０００"]
    assert [text[s:e] for s, e in find_all(text, "abc")] == ["ABC", "abc"]
    assert find_all(text, "，") == [(text.index("，"), text.index("，") + 1)]
    assert find_all(text, ",") == []  # NFKC would have merged these; we do not


def test_find_all_is_non_overlapping_and_ignores_empty_needles() -> None:
    assert find_all("aaaa", "aa") == [(0, 2), (2, 4)]
    assert find_all("abc", "") == []
    assert find_all("abc", " \u200b ") == []


def test_sanitize_shows_controls_and_keeps_offsets() -> None:
    text = "a\x1b[31mb\tc\u202ed\x85e\x00\x7f\n中"
    shown = sanitize_for_display(text)
    assert shown == "a␛[31mb c\ufffdd\ufffde␀␡\n中"
    assert len(shown) == len(text)
    assert sanitize_for_display("高新区 ABC，“第一”") == "高新区 ABC，“第一”"


# --- properties ----------------------------------------------------------------------------

LOOKALIKES = st.sampled_from(
    [*"大⼤会１2０ＡaＢb％%，, \u3000\u200b\u202e\ufeff\n国\uf900區区門⾨门", "e\u0301"]
)
TEXTS = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=80),
    st.lists(LOOKALIKES, max_size=80).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, data=st.data())
def test_to_original_spans_are_in_bounds_and_monotone(text: str, data) -> None:
    folded = fold(text)
    size = len(folded.text)
    a, b, c = sorted(data.draw(st.lists(st.integers(0, size), min_size=3, max_size=3)))
    first, second = folded.to_original(a, b), folded.to_original(b, c)
    for start, end in (first, second):
        assert 0 <= start <= end <= len(text)
    assert first[0] <= second[0] and first[1] <= second[1]
    if b < c:
        assert folded.to_original(a, c) == (first[0], second[1])


@settings(max_examples=300, deadline=None)
@given(haystack=TEXTS, data=st.data())
def test_every_match_folds_to_the_needle(haystack: str, data) -> None:
    folded = fold(haystack).text
    start = data.draw(st.integers(0, len(folded)))
    end = data.draw(st.integers(start, len(folded)))
    needle = folded[start:end]
    matches = find_all(haystack, needle)
    if fold(needle).text:
        assert matches
    previous_end = 0
    for match_start, match_end in matches:
        assert previous_end <= match_start < match_end <= len(haystack)
        assert fold(haystack[match_start:match_end]).text == fold(needle).text
        previous_end = match_end


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=80))
def test_sanitized_text_has_no_controls_and_same_length(text: str) -> None:
    shown = sanitize_for_display(text)
    assert len(shown) == len(text)
    assert not any((ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) < 0xA0 for ch in shown)
    assert not set(shown) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
