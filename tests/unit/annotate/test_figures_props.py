"""Property tests for the figure finder: it never fails, and its spans are always sound."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotate.figures import find_figures
from reader.annotate.labels import LABEL_CHARS, SENTENCE_CHARS, Sentences, clause_label
from reader.text.numerals import CN_DIGITS, CN_MULTIPLIERS, fold

# Text rich in what the finder looks at: digits (ASCII and full-width), Chinese numerals,
# units, qualifiers, separators and spaces, mixed with arbitrary Unicode.
_PIECES = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９.,，．%％-—～至到 \u3000一二两三十百千万亿零〇点",
        "亿元",
        "万元",
        "美元",
        "平方米",
        "个",
        "人次",
        "年",
        "月",
        "日",
        "天",
        "年内",
        "季度",
        "百分之",
        "个百分点",
        "成",
        "折",
        "约",
        "超",
        "余",
        "多",
        "以上",
        "左右",
        "第",
        "数",
        "吨",
        "GB",
        "km",
        "2023年",
        "今年",
        "力争",
        "目标",
        "。",
        "；",
        "“",
        "”",
    ]
)
# Issue #14: a paragraph of hundreds or thousands of figures with no sentence end (or no
# punctuation at all), which used to make every figure read to the end of the text.
_ENDLESS = st.builds(
    lambda piece, count: piece * count,
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), min_size=1, max_size=8)
    .map("".join).map(lambda s: s.translate({ord(c): None for c in "。；!?;！？\n"})),
    st.integers(min_value=100, max_value=3000),
)
_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join),
    _ENDLESS,
)
# Hanzi that are not numerals in any written form: 贰 and 萬 are numerals (贰千亿元 is
# 2000亿元, rightly), so they are left out like 二 and 万. A numeral the amount cannot be
# read with (仟两千万元) must still leave the amount: see test_figures_cases.py.
_FILLER = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(
        lambda c: (
            fold(c) not in CN_DIGITS + CN_MULTIPLIERS
            and c not in "数几上第约近超逾余多来左右以下内不到足达突破负"
        )
    ),
    max_size=12,
)


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "400")), deadline=None)
@given(_TEXT)
def test_spans_are_sound(text: str) -> None:
    figures = find_figures(text)
    last_end = 0
    for fig in figures:
        assert 0 <= last_end <= fig.start < fig.end <= len(text)
        assert fig.text == text[fig.start : fig.end]
        assert not fig.text[0].isspace() and not fig.text[-1].isspace()
        if fig.value_max is not None and fig.value is not None:
            assert "range" in fig.qualifiers
        last_end = fig.end


@settings(max_examples=60, deadline=None)
@given(_ENDLESS)
def test_labels_in_endless_paragraphs_stay_bounded(text: str) -> None:
    figures = find_figures(text)
    split = Sentences(text)
    for fig in figures[:: max(1, len(figures) // 50)]:
        label = clause_label(text, fig.start, fig.end)
        assert len(label) <= LABEL_CHARS + 1
        kept = split.at(fig.start)
        assert len(kept) <= SENTENCE_CHARS + 2


@settings(max_examples=200, deadline=None)
@given(
    _FILLER,
    _FILLER,
    st.sampled_from(
        [
            "265.6亿元",
            "24 万平方米",
            "153 个",
            "75%",
            "百分之五点二",
            "千亿元",
            "6000余人次",
            "3.5万吨",
            "两千万元",
            "1000 亿元",
        ]
    ),
)
def test_surrounding_hanzi_do_not_change_the_value(before: str, after: str, figure: str) -> None:
    alone = find_figures(figure)
    assert len(alone) == 1
    # A comma after the figure: hanzi glued after a unit can make another word (元宇宙).
    text = f"{before}{figure}，{after}"
    found = [f for f in find_figures(text) if f.start == len(before)]
    assert len(found) == 1
    assert found[0].text == figure
    assert found[0].value == alone[0].value
    assert found[0].unit == alone[0].unit
