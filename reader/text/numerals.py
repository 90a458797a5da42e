"""Numerals as Chinese news writes them: Arabic, Chinese and mixed, with look-alike folding.

The figure finder needs two things that have nothing to do with units: a way to match
text whose characters come in look-alike forms (full-width digits from PDF dumps, Kangxi
radicals such as ⼀ U+2F00 for 一, traditional 萬/億/點), and a way to turn a matched
numeral into a number. Both live here so the finder stays about units and context.

Folding is strictly one character to one character, so offsets found in the folded copy
are offsets into the original text (NFKC would turn `，` into `,` and change nothing in
length here, but it also rewrites characters we must keep, so we fold only what we need).
Everyday Chinese numerals (三千五百, 三亿五千万) are parsed here directly; the rarer written
forms (拾万零五十六点叁叁, 廿二, stacked units) go to cn2an, imported on first use because
importing it costs a quarter of a second before the app's first paint. We also add what
cn2an lacks: a bare leading unit (千亿 → 一千亿) and Arabic-with-multiplier forms (3.5万).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = [
    "CN_DIGITS",
    "CN_MULTIPLIERS",
    "MULTIPLIER_VALUES",
    "fold",
    "parse_arabic",
    "parse_chinese",
    "parse_number",
]


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII (digits, ．％－＋＄ and Latin letters): PDF dumps use them freely.
    for cp in range(0xFF10, 0xFF1A):
        table[cp] = chr(cp - 0xFF10 + ord("0"))
    for cp in range(0xFF21, 0xFF3B):
        table[cp] = chr(cp - 0xFF21 + ord("A"))
    for cp in range(0xFF41, 0xFF5B):
        table[cp] = chr(cp - 0xFF41 + ord("a"))
    table.update(
        {
            ord("．"): ".",
            ord("％"): "%",
            ord("－"): "-",
            ord("＋"): "+",
            ord("＄"): "$",
            ord("￥"): "¥",
            ord("\u3000"): " ",
            ord("\u00a0"): " ",
            ord("−"): "-",
            ord("○"): "〇",
        }
    )
    # Kangxi radicals that PDF extraction emits for ordinary hanzi (pdfminer.six#480).
    for cp in range(0x2F00, 0x2FD6):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1:
            table[cp] = folded
    # Traditional forms of numeral characters and of the measure words we match on.
    table.update({ord(a): b for a, b in zip("萬億兩點個陸貳參", "万亿两点个陆贰叁", strict=True)})
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Return ``text`` with look-alike characters folded, one character for one."""
    return text.translate(_FOLD)


#: Chinese digits, including the financial (大写) forms and 〇/廿/卅.
CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖廿卅"
#: Chinese multipliers that may follow a numeral (兆 is left out: it is a unit prefix too).
CN_MULTIPLIERS = "十百千万亿拾佰仟"
MULTIPLIER_VALUES: dict[str, float] = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "万": 1e4,
    "亿": 1e8,
    "k": 1000,
    "K": 1000,
}
_DIRECT_DIGITS = set("零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖")


def parse_arabic(digits: str) -> float:
    """Parse an Arabic numeral with optional thousands separators (``123,244.2``)."""
    return float(digits.replace(",", "").replace("，", "").replace(" ", ""))


@lru_cache(maxsize=4096)
def parse_chinese(numeral: str, *, direct: bool = False) -> float | None:
    """Parse a Chinese numeral (spaces ignored); None when it is not a well-formed number.

    A run of bare digits (``一一``, ``三八``) is digit-by-digit notation, which news uses
    for years and discounts only: it is accepted when ``direct`` is set, else rejected so
    that ``唯一一家`` does not become eleven.
    """
    s = numeral.replace(" ", "")
    if not s:
        return None
    whole = s.split("点", 1)[0]
    if len(whole) > 1 and all(ch in _DIRECT_DIGITS for ch in whole):
        if not direct or "两" in whole:  # nobody writes 两 digit by digit: 三两 is "a few"
            return None
        return _cn2an(s)
    if s[0] in "万亿":
        # 万一 (in case) and 亿万 are words, not numbers; 万/亿 alone before a unit is one.
        if len(s) > 1 and s[1] not in "万亿":
            return None
        s = "一" + s
    elif s[0] in "百千佰仟":
        s = "一" + s
    value = _parse_plain(s)
    if value is not None:
        return value
    try:
        return _cn2an(s)
    except (ValueError, KeyError, IndexError):
        return _parse_by_multipliers(s)


def _cn2an(s: str) -> float:
    """cn2an for the rarer written forms; imported on first use, since importing it
    takes a quarter of a second and the app must paint before that."""
    import cn2an

    return float(cn2an.cn2an(s, "normal"))


_PLAIN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_PLAIN_SMALL = {"十": 10, "百": 100, "千": 1000}


def _parse_plain(s: str) -> float | None:
    """The everyday forms (三千五百, 一万二千, 三亿五千万, 十二点五) without cn2an.

    Returns None for anything unusual (financial digits, stacked or out-of-order units),
    which then goes to cn2an.
    """
    whole, _, frac = s.partition("点")
    total = 0.0
    section = 0
    digit: int | None = None
    last_small = 10_000
    last_big = 10**9
    for ch in whole:
        if ch in _PLAIN_DIGITS:
            if digit not in (None, 0):
                return None  # 三八: digit by digit is not this form
            digit = _PLAIN_DIGITS[ch]
        elif ch in _PLAIN_SMALL:
            unit = _PLAIN_SMALL[ch]
            if unit >= last_small or digit == 0:
                return None
            section += (1 if digit is None else digit) * unit
            last_small, digit = unit, None
        elif ch in "万亿":
            big = 10**4 if ch == "万" else 10**8
            section += digit or 0
            if big >= last_big or (section == 0 and total == 0):
                return None
            if big == 10**8:
                total = (total + section) * big
            else:
                total += section * big
            last_big, section, digit, last_small = big, 0, None, 10_000
        else:
            return None
    total += section + (digit or 0)
    if frac:
        if not all(ch in _PLAIN_DIGITS for ch in frac):
            return None
        total += float("0." + "".join(str(_PLAIN_DIGITS[ch]) for ch in frac))
    return float(total)


def _parse_by_multipliers(s: str) -> float | None:
    """Fallback for forms cn2an refuses, such as 两千万亿 (stacked large units)."""
    for unit, scale in (("亿", 1e8), ("万", 1e4)):
        head, sep, tail = s.rpartition(unit)
        if sep and head and not tail:
            base = parse_chinese(head)
            return None if base is None else base * scale
    return None


def parse_number(numeral: str, multipliers: str = "", *, direct: bool = False) -> float | None:
    """Parse an Arabic or Chinese numeral followed by multiplier characters (``3.5`` + ``万``).

    ``direct`` accepts digit-by-digit Chinese numerals (see :func:`parse_chinese`).
    """
    numeral = numeral.strip()
    sign = 1.0
    if numeral[:1] in ("-", "负"):
        sign, numeral = -1.0, numeral[1:].lstrip()
    if not numeral:
        return None
    if numeral[0].isdigit():
        # 3.5万 written as one string: split the trailing multipliers off.
        digits = numeral.rstrip(CN_MULTIPLIERS + "kK ")
        multipliers = numeral[len(digits) :] + multipliers
        numeral = digits
        try:
            value = parse_arabic(numeral)
        except ValueError:
            return None
    else:
        parsed = parse_chinese(numeral, direct=direct)
        if parsed is None:
            return None
        value = parsed
    for ch in multipliers.replace(" ", ""):
        value *= MULTIPLIER_VALUES[ch]
    return sign * value
