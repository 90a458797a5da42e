"""Currencies named without an amount (人民币国际化, 美元走强): money figures with no value.

A currency name is a figure only where it stands alone: not inside an amount (8亿元人民币),
not right before one (人民币 50万元), and not where its characters belong to other words
(节日元宵, 香港元朗, 越南盾构机).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.annotate.figure_units import UNITS, words
from reader.model import Figure
from reader.text.numerals import CN_DIGITS, CN_MULTIPLIERS

__all__ = ["bare_currencies"]

# --- currencies named without an amount ---------------------------------------------------
# 人民币国际化, 美元走强, 以欧元结算: the currency is the news even with no number. Such a name
# is a money figure with value None. Names that are often pieces of other words (台币 in
# 平台币, 兰特 in 格兰特, 先令 in 首先令, 里拉 in 这里拉动, 美金 in 中美金融) are left out.
_BARE_CURRENCIES = words(
    "人民币 美元 欧元 日元 英镑 港元 港币 澳元 加元 韩元 新台币 卢布 瑞士法郎 法郎 泰铢"
    " 林吉特 新加坡元 新西兰元 越南盾 印尼盾 比索 雷亚尔 兹罗提 第纳尔 迪拉姆 比特币"
)
_BARE_RE = re.compile("|".join(sorted(_BARE_CURRENCIES, key=len, reverse=True)))
# Before the name: characters that make its first character the end of another word
# (节日 元宵, 香港 元朗, 增加 元素, 完美 元件); digits: 3日元旦 is a date.
_BARE_NOT_BEFORE = {
    "日": f"节假生今明昨每平周末次当翌同近往终逐择吉白落旭夏春秋冬首半整工念诞忌期时数多几"
          f"0-9{CN_DIGITS}{CN_MULTIPLIERS}",
    "美": "欧完精优赞审北南媲健甜华柔秀俊醇",
    "港": "香海空自商渔军良口航",
    "加": "增参追附外更施添叠强倍累",
}
# After the name: characters that make its last character the start of another word
# (元素, 元宇宙, 元旦, 元气; 盾构) or the name part of a longer one (卢布尔雅那, 雷亚尔马德里).
_BARE_NOT_AFTER = {
    "元": "宇宙素件器老首旦月宵代朝年气帅凶音勋配宝谋数认",
    "盾": "构牌",
    "布": "尔",
    "尔": "·社马萨",
}
_BARE_BEFORE_RE = {ch: re.compile(f"[{chars}]") for ch, chars in _BARE_NOT_BEFORE.items()}
_BARE_AFTER_RE = {ch: re.compile(f"[{chars}]") for ch, chars in _BARE_NOT_AFTER.items()}


def bare_currencies(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` with the currency names that stand alone added (in order, no overlaps)."""
    found: list[Figure] = []
    starts = [f.start for f in figures]
    for m in _BARE_RE.finditer(text):
        start, end = m.span()
        name = m.group()
        before = _BARE_BEFORE_RE.get(name[0])
        if start and before is not None and before.match(text, start - 1):
            continue
        after = _BARE_AFTER_RE.get(name[-1])
        if after is not None and after.match(text, end):
            continue
        k = bisect_right(starts, end - 1)  # figures that start before the name ends
        if k and figures[k - 1].end > start:
            continue  # part of a figure with a number (8亿元人民币, 4人民币)
        nxt = figures[k] if k < len(figures) else None
        if nxt is not None and nxt.kind == "money" and not text[end:nxt.start].strip():
            continue  # 人民币 50元: the amount that follows says it all
        found.append(Figure(start, end, name, None, UNITS[name][1], "money"))
    if not found:
        return figures
    return sorted(figures + found, key=lambda f: f.start)

