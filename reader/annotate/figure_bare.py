"""Amounts written without 元: 总投资50亿, 年产值超3000万 (money read from the words before).

News often drops the 元 of an amount when the measure before it can only be money: 总投资50亿,
营收1.2万亿, 融资3000万. Such a number with 万/亿 and no unit is a money figure in 元 when a
money word stands before it in its clause; elsewhere (用户突破1亿, 人口3万) it is no figure,
as before, because what it counts is not written.
"""

from __future__ import annotations

import re

from reader.annotate.figure_qualifiers import qualifiers
from reader.model import Figure
from reader.text.numerals import parse_number

__all__ = ["bare_money"]

#: A number with 万/亿 and nothing after it that could be a unit (a hanzi of a unit, a
#: letter, a percent sign): the amount ends there.
_BARE = re.compile(
    r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)[ ]*(万亿|亿|万)"
    r"(?![万亿元美欧英日港台韩卢人平方亩公米千克吨个家项台件股户名位只辆套座栋间条张次倍%％A-Za-z0-9])"
)
#: Measures that can only be money, right before the amount in its clause.
_MONEY_WORDS = re.compile(
    "(?:投资|资金|收入|营收|产值|融资|利润|利税|税收|税金|销售额|交易额|成交额|总额|基金|资本|资产"
    "|GDP|生产总值|增加值|出口额|进口额|贷款|补贴|奖励|预算|估值|市值|金额)"
    "[^，。；、：,;:0-9]{0,6}$"
)


def bare_money(text: str, found: list[Figure]) -> list[Figure]:
    """``found`` (sorted, not overlapping) with the money amounts written without 元 added."""
    if "亿" not in text and "万" not in text:
        return found
    added: list[Figure] = []
    taken = [(f.start, f.end) for f in found]
    for m in _BARE.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if not _MONEY_WORDS.search(text, max(0, start - 14), start):
            continue
        value = parse_number(m.group(1), m.group(2))
        if value is None:
            continue
        quals = qualifiers(text, start, end, "money", ())
        added.append(Figure(start, end, m.group(), value, "元", "money", quals))
    if not added:
        return found
    return sorted([*found, *added], key=lambda f: f.start)
