"""The fast path for everyday Chinese numerals agrees with cn2an."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.numerals import _parse_plain, parse_chinese


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三千五百", 3500),
        ("一万二千", 12000),
        ("三亿五千万", 350_000_000),
        ("一百零五", 105),
        ("十二", 12),
        ("两千万", 20_000_000),
        ("十二点五", 12.5),
        ("五点二", 5.2),
        ("九十九", 99),
    ],
)
def test_everyday_forms(text, value):
    assert _parse_plain(text) == value
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["千千", "三八", "壹仟", "十十", "万万", "一万亿"])
def test_unusual_forms_are_left_to_cn2an(text):
    assert _parse_plain(text) is None


def test_stacked_units_still_parse_through_cn2an():
    assert parse_chinese("一万亿") == 1e12
    assert parse_chinese("壹仟") == 1000


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**12 - 1))
def test_agrees_with_cn2an_on_every_written_number(n):
    text = cn2an.an2cn(n, "low")
    assert _parse_plain(text) == float(cn2an.cn2an(text, "normal"))
