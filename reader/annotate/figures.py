"""Find the figures in Chinese news text: amounts with units, percentages, dates, durations.

This is the pure core under the figure highlighting and the key numbers: it returns
:class:`reader.model.Figure` spans (code-point offsets into the text as shown) and never
touches the UI. A character class finds where a figure could start in a folded copy of the
text (see :mod:`reader.text.numerals`), one precompiled regex is matched there, and a little
Python rejects what is not a figure and reads the qualifiers around it (about 2 MB/s).

Decisions a reader of the output should know:

* A figure needs a unit, a measure word, a percent form or a date form. Bare numerals
  (``1+N``, ``世界500强``, ``1600万`` with nothing after) are not highlighted: without a
  unit a reader cannot tell what they measure. Years count only with 年 (``2021 年``).
* A currency named without an amount (``人民币国际化``, ``日元兑美元``) is a money figure
  with ``value`` None, unless it belongs to an amount (``8亿元人民币``, ``人民币 50万元``) or
  straddles another word (``节日元宵``, ``香港元朗``, ``越南盾构机``).
* Money is in 元 for the yuan (``千亿元`` → 1e11); other currencies keep their own unit
  (``1200亿美元`` → 1.2e11 美元). Area is converted to 平方米 (亩 = 666.67, 公顷 = 1e4,
  平方公里 = 1e6) so areas compare; other quantities keep the unit as written (吨, 千瓦, GB).
  Percent forms all become ``%`` (``百分之五点二`` → 5.2, ``九成`` → 90, ``八五折`` → 85,
  ``千分之三`` → 0.3) except percentage points, which keep unit ``个百分点``.
* Dates and durations keep the first number written, with 年/月/日/季度 or the time unit;
  ``1—10月`` is a date range. Small change belongs to a yuan amount (``五元三毛`` → 5.3);
  ``k`` after Arabic digits is a thousand (``10k~15k元``).
* Ranges (``3至5年``, ``10%—15%``, ``两到三万元``, ``七八个``) give ``value`` and
  ``value_max``; a multiplier written once applies to both ends where that is possible.
* A lone 一 before a measure word or time unit (一批, 一个, 一次, 一年) is an article, not a
  count; ordinals (第一, 第3名), slogans (六个一, “两个毫不动摇”, 三会一课, 九大赋能) and
  set phrases (千家万户, 百年大计, 最后一公里) are not figures.
* The space between a number and its unit is part of the figure (``1000 亿元``); a space
  before the number is not. Regexes use explicit character classes: hanzi are ``\\w``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from reader.annotate.figure_bare import bare_money
from reader.annotate.figure_currency import bare_currencies
from reader.annotate.figure_patterns import (
    ADJACENT,
    BARE_ONE,
    CANDIDATE,
    DIGIT_ORDER,
    FW_GROUP,
    GLUED,
    IDIOMS,
    MASTER,
    PROGRAMME,
    REL_BEFORE,
    YEAR,
)
from reader.annotate.figure_qualifiers import qualifiers
from reader.annotate.figure_units import LATIN_UNITS, SUBUNIT_RE, UNITS
from reader.model import Figure, FigureKind, Qualifier
from reader.model.labels import FIGURE_KIND_LABELS
from reader.text.numerals import CN_DIGITS, MULTIPLIER_VALUES, fold, parse_number
from reader.text.traditional import has_traditional, simplified

__all__ = ["figure_kind_label", "find_figures"]

def figure_kind_label(kind: FigureKind | str) -> str:
    """The Chinese name of a figure kind, for legends (money → 金额)."""
    return FIGURE_KIND_LABELS.get(kind, kind)


def find_figures(text: str) -> list[Figure]:
    """Find the figures in ``text``: sorted, non-overlapping, offsets are code points.

    Besides amounts, a currency named without one (人民币, 美元) is a money figure with
    ``value`` None.
    """
    if not text:
        return []
    if has_traditional(text):
        # 總投資約50億元: the qualifiers and units are read on the simplified characters (one
        # for one, so the offsets hold), the figure's text is as written.
        plain = simplified(text)
        return [
            replace(f, text=text[f.start : f.end])
            for f in bare_currencies(plain, bare_money(plain, _find_amounts(plain)))
        ]
    return bare_currencies(text, bare_money(text, _find_amounts(text)))


def _find_amounts(text: str) -> list[Figure]:
    """The figures that carry a number."""
    s = fold(text)
    if "，" in text:
        s = _full_width_groups(text, s)
    blocked = [m.span() for m in IDIOMS.finditer(s)]
    blocked_ends = [b for _, b in blocked]
    out: list[Figure] = []
    pos = 0
    find, match = CANDIDATE.search, MASTER.match
    while True:
        c = find(s, pos)
        if c is None:
            return out
        m = match(s, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        start, end = m.span()
        if blocked and _overlaps(blocked, blocked_ends, start, end):
            fig = None
        elif m.group("date") is not None:
            fig = _date(m, s, text)
        elif m.group("pct") is not None:
            fig = _percent_prefix(m, s, text)
        elif m.group("cur") is not None:
            fig = _currency_prefix(m, s, text)
        else:
            fig = _amount(m, s, text)
        if fig is None and m.group("n1") is not None and _unreadable(m):
            # 仟两千万元: the numeral before cannot be read with the amount; the amount
            # itself still can, one character on.
            glued = GLUED.match(s, start + 1)
            fig = _amount(glued, s, text) if glued is not None else None
        if fig is None or (out and fig.start < out[-1].end):
            pos = start + 1
            continue
        out.append(fig)
        pos = fig.end


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether ``start``..``end`` overlaps one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(ends, start)  # the first span that ends after ``start``
    return k < len(spans) and spans[k][0] < end


def _unreadable(m: re.Match[str]) -> bool:
    """Whether the amount ``m`` failed because its Chinese numeral cannot be read at all."""
    n1, m1 = m.group("n1"), m.group("m1")
    if n1[0].isdigit() or len(n1.replace(" ", "")) < 2 or m.group("n2") is not None:
        return False
    return ADJACENT.fullmatch(n1.replace(" ", "")) is None and _value(n1, m1, False) is None


def _full_width_groups(text: str, s: str) -> str:
    """Mark ，between full-width digits (９，９９９) as a thousands separator in the folded copy."""
    hits = [m.start() for m in FW_GROUP.finditer(text)]
    if not hits:
        return s
    chars = list(s)
    for pos in hits:
        chars[pos] = ","
    return "".join(chars)


def _date(m: re.Match[str], s: str, text: str) -> Figure | None:
    start, end = m.span()
    if m.group("y") is None and m.group("d") is None:
        rel = REL_BEFORE.search(s, max(0, start - 6), start)
        if rel:
            start = rel.start()
    for group, name in (("y", "年"), ("mo", "月"), ("d", "日")):
        raw = m.group(group)
        if raw is not None:
            value = parse_number(raw, direct=group == "y")
            unit = name
            break
    else:
        quarter = re.search("[一二三四1-4]", m.group(0))
        value = parse_number(quarter.group(0)) if quarter else None
        unit = "季度"
    if value is None:
        return None
    last = m.group("ym2") or m.group("mo2")
    high = parse_number(last) if last else None
    if high is not None and high > value:
        return Figure(start, end, text[start:end], value, unit, "date", ("range",), high)
    return Figure(start, end, text[start:end], value, unit, "date")


def _percent_prefix(m: re.Match[str], s: str, text: str) -> Figure | None:
    start, end = m.span()
    numeral = m.group("pn")
    value = parse_number(numeral)
    while value is None and len(numeral) > 1:  # 百分之七十百分位: the numeral stops at 七十
        numeral = numeral[:-1].rstrip()
        end -= 1
        value = parse_number(numeral)
    end = m.start("pn") + len(numeral)
    if value is None:
        return None
    scale = {"百": 1, "佰": 1, "千": 0.1, "仟": 0.1, "万": 0.01, "百万": 1e-4,
             "千万": 1e-5}[m.group("pp")]
    quals = qualifiers(s, start, end, "percent", ())
    return Figure(start, end, text[start:end], _tidy(value * scale), "%", "percent", quals)


def _currency_prefix(m: re.Match[str], s: str, text: str) -> Figure | None:
    value = parse_number(m.group("cn"), m.group("cm"))
    if value is None:
        return None
    unit = {"$": "美元", "US$": "美元", "¥": "元"}[m.group("cur")]
    start, end = m.span()
    quals = qualifiers(s, start, end, "money", ())
    return Figure(start, end, text[start:end], value, unit, "money", quals)


def _value(numeral: str, mult: str, direct: bool) -> float | None:
    if numeral[0].isdigit():
        return parse_number(numeral, mult)
    # Chinese numerals are read whole: the regex may split 一百二十 as 一百二 + 十.
    return parse_number(numeral + mult, direct=direct)


def _mult_value(mult: str) -> float:
    value = 1.0
    for ch in mult.replace(" ", ""):
        value *= MULTIPLIER_VALUES[ch]
    return value


#: Words before a bare 万元/亿元 that make it an amount (近亿元, 超亿元, 逾万元).
_BEFORE_BARE = frozenset("近超逾约过上达破")


def _amount(m: re.Match[str], s: str, text: str) -> Figure | None:
    key = m.group("unit").replace(" ", "")
    change = 0.0
    if key[0] in "元块" and len(key) > 1 and key not in UNITS:
        for digit, sub in SUBUNIT_RE.findall(key):
            change += (parse_number(digit) or 0) * (0.01 if sub == "分" else 0.1)
        key = "元"
    info = UNITS.get(key) or LATIN_UNITS.get(key)
    if info is None:  # pragma: no cover - the regex only matches known units
        return None
    kind, unit, factor = info
    n1, m1, n2 = m.group("n1"), m.group("m1"), m.group("n2")
    direct = key == "折"
    is_year_range = False
    if n2 is not None and key == "年" and re.fullmatch(YEAR, n1):
        kind, is_year_range, direct = "date", True, True
    inner: list[Qualifier] = []
    high: float | None = None
    digits = n1.replace(" ", "")
    if (
        digits in ("万", "亿")
        and not m1
        and n2 is None
        and s[max(0, m.start("n1") - 1) : m.start("n1")] not in _BEFORE_BARE
    ):
        return None  # 每万元GDP, 每万人: the unit of a rate, not an amount (近亿元 is one)
    pair = ADJACENT.fullmatch(digits) if n2 is None and not direct else None
    if pair and DIGIT_ORDER.index(digits[1]) > DIGIT_ORDER.index(digits[0]):
        # 三五年, 七八个, 四五千: two neighbouring digits give an approximate range.
        low = float(parse_number(digits[0]) or 0) * _mult_value(m1)
        high = float(parse_number(digits[1]) or 0) * _mult_value(m1)
        inner.append("approx")
    else:
        low_or_none = _value(n1, m1, direct)
        if low_or_none is None:
            return None
        low = low_or_none
    bare_one = n1 in BARE_ONE and not m1 and n2 is None
    if not n1[0].isdigit() and _not_a_quantity(n1, m1, key, kind):
        return None
    if bare_one and (kind in ("count", "duration") or key in ("度", "倍", "岁", "两")):
        return None
    if key == "两" and not (n1[0].isdigit() or n1 == "二" or any(c in n1 + m1 for c in "十百千万")):
        return None  # 三两天, 三两句: "two or three", not a weight
    start, end = m.span()
    if n1 in ("百", "千", "万") and not m1 and kind == "count" and PROGRAMME.match(s, end):
        return None  # 千人计划, 万人助万企: the name of a programme, not a head count
    # 六个一, 五位一体: a count glued to another numeral is a slogan, not an amount;
    # so is a quoted phrase opened by one (“两个毫不动摇”, “四个全面”).
    if kind == "count" and not n1[0].isdigit() and (
            (end < len(s) and s[end] in CN_DIGITS and m.group("tail") is None)
            or (start and s[start - 1] == "“" and "”" in s[end:end + 8])):
        return None
    # 百年, 千年, 万年: a bare hundred or thousand before a time unit is a figure of speech.
    if kind == "duration" and n1 in ("百", "千", "万") and not m1 and n2 is None:
        return None
    if key == "年内" or m.group("tail") == "内":
        kind = "duration"
        inner.append("upper_bound")
    if n2 is not None:
        m2 = m.group("m2") or ""
        high = _value(n2, m2, direct)
        if high is None:
            return None
        # In 3至5万元 the multiplier written once applies to both ends; in 十八至三十万
        # only the 万 does, and in 8500到3万 none (the low end would pass the high one).
        if n1[0].isdigit():
            spread = "" if m1 else m2
        elif len((n1 + m1).strip()) == 1:
            spread = m2
        else:
            spread = "" if any(c in m1 + n1 for c in "万亿") else m2.lstrip("十百千拾佰仟")
        if spread:
            scaled = _value(n1, m1 + spread, direct)
            if scaled is not None and scaled <= high:
                low = scaled
        if high < low:
            return None
    lead = s[start - 1] if start and n1[0] in "十百千万亿" else ""
    if lead in ("数", "几", "上"):
        start -= 1
        if lead == "上":
            inner.append("lower_bound")
        else:  # 数十亿: some billions, between one and ten
            high = low * 10
            inner.append("approx")
    if m.group("half"):
        low += 0.5
    low += change
    if key == "折" and low >= 10:
        factor = 1  # 75折 is 75%, 7.5折 and 八折 are tenths
    value = _tidy(low * factor)
    value_max = _tidy(high * (1 if key == "折" and high >= 10 else factor)) if high else None
    if _signed(s, start):
        start -= 1
        value = -value
    if kind == "date":
        unit = "年"
    if m.group("a1") or m.group("a2") or m.group("b1") or m.group("b2"):  # 10余万, 69万余
        inner.append("approx")
    if value_max is not None:
        inner.append("range")
    quals = ("range",) if is_year_range else qualifiers(s, start, end, kind, tuple(inner))
    return Figure(start, end, text[start:end], value, unit, kind, quals, value_max)


_MAGNITUDES = frozenset("十百千万亿")


def _not_a_quantity(n1: str, m1: str, key: str, kind: str) -> bool:
    """Chinese numerals before a measure word that name a phase, a category or a rank.

    一期/二期/一二期 are project phases and 三类 a category, not amounts; 二 alone before a
    measure word is an ordinal (二次开发, 二层), since the count is written with 两; 零 alone
    starts a word (零部件, 零件) rather than counting nothing; a magnitude alone (百亿项目)
    is the size of the things, not how many there are.
    """
    if key in ("期", "类"):
        return True
    size = (n1 + m1).replace(" ", "")
    if key == "项" and len(size) > 1 and set(size) <= _MAGNITUDES and "亿" in size:
        return True  # 百亿项目, 千亿项目: a class of things by size, no count of them
    if kind != "count" or m1:
        return False
    return n1 in ("二", "零", "〇")


def _signed(s: str, start: int) -> bool:
    """负3.9% and -22.2% are negative; the hyphen of 1万(含)-5万元 or A-3 is not a sign."""
    if start == 0:
        return False
    if s[start - 1] == "负":
        return True
    before = s[start - 2] if start >= 2 else ""
    return s[start - 1] == "-" and not (before.isascii() and before.isalnum()) \
        and (not before or before not in ")）")


def _tidy(value: float) -> float:
    # 265.6 * 1e8 is 26560000000.000004 in binary floating point; figures are written
    # with a few significant digits, so twelve are plenty and keep equality tests simple.
    return float(f"{value:.12g}")
