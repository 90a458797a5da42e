"""The regular expression behind the figure finder, and the set phrases it must skip.

One precompiled pattern (:data:`MASTER`) matches a date, a percent written with 百分之, a
currency sign before an amount, or a number with its multipliers and unit; the finder
tries it only where :data:`CANDIDATE` finds a character a figure can start with. Regexes use
explicit character classes: hanzi are ``\\w``, so ``\\b`` and ``\\w`` mean nothing next to them.
"""

from __future__ import annotations

import re

from reader.annotate.figure_units import unit_alternation
from reader.text.numerals import CN_DIGITS, CN_MULTIPLIERS

# --- the regex --------------------------------------------------------------------------
_CNCH = f"[{CN_DIGITS}{CN_MULTIPLIERS}]"
# A full-width comma is also the sentence comma: it separates thousands only when more
# groups or decimals follow (82，225.00元), so that $20，300美圆 stays two amounts.
# A space may separate thousands too (税收3 450万元, as some sites and PDFs print them): only
# after a group of one to three digits and before exactly three (2012 450万元 stays a year,
# then an amount).
_ARABIC = (r"(?<![0-9A-Za-z._])(?<![0-9],)"
           r"(?:[0-9]{1,3}(?: [0-9]{3}(?![0-9]))+(?= ?[^0-9 ])|[0-9]+"
           r"(?:(?:,|，(?=[0-9]{3}[,，.][0-9]))[0-9]{3}(?![0-9]))*)(?:\.[0-9]+)?")
# A Chinese numeral may not start inside another numeral or after 第 (ordinals). It is
# bounded: the longest real one (一千二百三十四万五千六百七十八亿…) is well under 32
# characters, and an unbounded lazy run before the multipliers made a run of thousands of
# 万 quadratic (seconds per paragraph).
_CN_BODY = (f"{_CNCH}(?:[ ]?{_CNCH}){{0,31}}?"
            f"(?:[ ]?点[ ]?[{CN_DIGITS}](?:[ ]?[{CN_DIGITS}])*)?")
_CN = f"(?<![第{CN_DIGITS}{CN_MULTIPLIERS}]){_CN_BODY}"
_NUM = f"(?<!第)(?<!第 )(?:{_ARABIC}|{_CN})"
# k/K (thousand) is written after Arabic numerals in reports and ads (15k元, 12k个百分点).
_MULT = f"[{CN_MULTIPLIERS}kK]{{0,8}}?"
CN_YEAR_DIGITS = "〇零一二三四五六七八九"
YEAR = (rf"(?<![0-9.])(?:1[89]|20)[0-9]{{2}}(?![0-9])"
         f"|(?<![{CN_DIGITS}{CN_MULTIPLIERS}])[{CN_YEAR_DIGITS}]{{4}}")
_MONTH = (r"(?<![0-9.])(?:1[0-2]|0?[1-9])(?![0-9])"
          f"|(?<![{CN_DIGITS}{CN_MULTIPLIERS}第])(?:十[一二]?|[一二三四五六七八九])")
_DAY = (r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9])"
        "|(?:[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])")
_QUARTER = "[一二三四1-4][ ]*季度"
_REL = "今年|去年|明年|前年|当年|同年|本年|次年"
# 1—10月 and 3至5月 are month ranges: the second month is read for value_max.
_MONTH_DAY = (f"(?P<{{m}}>{_MONTH})(?:[ ]*(?:—|-|–|~|～|至|到)[ ]*(?P<{{m}}2>{_MONTH}))?[ ]*月"
              f"(?:份|底|初|末|[上中下]旬|[ ]*(?P<{{d}}>{_DAY})[ ]*[日号])?")

_DATE = (
    f"(?P<y>{YEAR})[ ]*年(?:[ ]*(?:{_QUARTER}|[上下]半年|{_MONTH_DAY.format(m='ym', d='yd')})"
    f"|度|底|初|末)?"
    f"|(?:{_QUARTER}|{_MONTH_DAY.format(m='mo', d='md')})"
    f"|(?<![0-9.])(?P<d>(?:[12][0-9]|3[01]|0?[1-9]))[ ]*日(?!元(?![旦宵])|[本常均益])"
)
_PCT_PREFIX = (f"(?P<pp>百万|千万|百|千|万|佰|仟)[ ]*分[ ]*之[ ]*"
               f"(?P<pn>{_ARABIC}(?:[ ]*[kK](?![A-Za-z]))?|"
               f"{_CNCH}(?:[ ]?{_CNCH})*(?:[ ]?点[ ]?[{CN_DIGITS}](?:[ ]?[{CN_DIGITS}])*)?)")
_CUR_PREFIX = f"(?P<cur>[$¥])[ ]*(?P<cn>{_ARABIC})(?P<cm>[万亿]*)"
_UNIT_ALTERNATION = unit_alternation()


def _amount(first: str) -> str:
    return (
        f"(?P<n1>{first})[ ]*(?P<a1>[余多])?[ ]*(?P<m1>{_MULT})(?P<b1>[余多])?"
        f"(?:(?P<u1>%|‰|元)?[ ]*(?P<sep>——|--|[至到~～—–-])[ ]*"
        f"(?P<n2>{_NUM})[ ]*(?P<a2>[余多])?[ ]*(?P<m2>{_MULT})(?P<b2>[余多])?)?"
        f"[ ]*(?P<unit>{_UNIT_ALTERNATION})(?P<half>半)?(?P<tail>级|内)?"
    )


_AMOUNT = _amount(_NUM)
# Every figure starts with one of these characters. Python's regex engine cannot skip ahead
# to them by itself for a pattern of many alternatives (it tries them all at every position,
# ~0.5 MB/s), so we find the candidates with a plain character class and match there.
# Words before the number (今年 4 月, 数十亿, 负3%) are read by looking back from it.
CANDIDATE = re.compile(f"[0-9{CN_DIGITS}{CN_MULTIPLIERS}$¥]")
MASTER = re.compile(f"(?P<date>{_DATE})|(?P<pct>{_PCT_PREFIX})|{_CUR_PREFIX}|{_AMOUNT}")
# A Chinese amount right after a numeral it cannot be read with (仟两千万元, 萬两千万元): the
# finder retries one character on with this, so that the figure does not vanish.
GLUED = re.compile(_amount(_CN_BODY))
FW_GROUP = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９0-9]))")
REL_BEFORE = re.compile(f"(?:{_REL})[ ]*$")

# Set phrases whose numerals are not figures (generic Chinese, not from any one story).
IDIOMS = re.compile(
    "千家万户|百家争鸣|万人空巷|一成不变|千方百计|三番五次|千军万马|九牛一毛|最后一公里|"
    "千千万万|一五一十|十全十美|百万雄师|万众一心|一把手|一揽子|一站式|一次性|一条龙|一条心"
)
# After 千人/百人/万人 these make the words a programme's name (千人计划, 万人助万企).
PROGRAMME = re.compile("计划|工程|行动|活动|助|帮")
BARE_ONE = ("一", "壹")
# 三五年, 七八个, 一两千万: two neighbouring digits, an approximate range. 三两 (two or
# three) is listed so that 三两天 is not read as 两天; the finder reads it as nothing.
ADJACENT = re.compile("一两|三两|[一两二三四五六七八九][二三四五六七八九]")
DIGIT_ORDER = "一二两三四五六七八九"

