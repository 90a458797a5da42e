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

from reader.model import Figure, FigureKind, Qualifier
from reader.text.numerals import CN_DIGITS, CN_MULTIPLIERS, MULTIPLIER_VALUES, fold, parse_number

__all__ = ["figure_kind_label", "find_figures"]

_KIND_LABELS: dict[str, str] = {
    "money": "金额", "area": "面积", "count": "数量", "percent": "比例",
    "duration": "时长", "date": "日期", "quantity": "计量",
}


def figure_kind_label(kind: FigureKind | str) -> str:
    """The Chinese name of a figure kind, for legends (money → 金额)."""
    return _KIND_LABELS.get(kind, kind)


# --- units ------------------------------------------------------------------------------
# written unit -> (kind, canonical unit, factor to the canonical unit)
_Unit = tuple[FigureKind, str, float]
_UNITS: dict[str, _Unit] = {}


def _words(spaced: str) -> list[str]:
    return spaced.split()


def _add(kind: FigureKind, words: str, canonical: str | None = None, factor: float = 1) -> None:
    for word in _words(words):
        _UNITS[word] = (kind, canonical or word, factor)


_add("money", "元 圆 块钱 人民币 元人民币 元钱 圆整", "元")
_add("money", "美元 美金 美圆", "美元")
_add("money", "港元 港币", "港元")
_add("money", "新台币 台币", "新台币")
_add("money", "欧元 日元 英镑 澳元 加元 韩元 卢布 瑞士法郎 瑞郎 法郎 卢比 比特币 泰铢 林吉特"
     " 新加坡元 新西兰元 越南盾 印尼盾 比索 雷亚尔 兰特 里拉 克朗 兹罗提 第纳尔 迪拉姆 里亚尔"
     " 奈拉 先令 日币")
_add("area", "平方米 平米 ㎡ m² 平方", "平方米")
_add("area", "平方公里 平方千米 km²", "平方米", 1e6)
_add("area", "公顷", "平方米", 1e4)
_add("area", "亩", "平方米", 10000 / 15)
_add("percent", "% ％", "%")
_add("percent", "‰", "%", 0.1)
_add("percent", "个百分点 百分点", "个百分点")
_add("percent", "成", "%", 10)
_add("percent", "折", "%", 10)
_add("duration", "年 年内", "年")
_add("duration", "个月 个多月", "月")
_add("duration", "周 星期 个星期", "周")
_add("duration", "天", "天")
_add("duration", "小时 个小时 钟头", "小时")
_add("duration", "分钟", "分钟")
_add("duration", "秒 秒钟", "秒")
_add("duration", "个工作日 工作日", "工作日")
_add("duration", "个季度", "季度")
_add("count", "个 家 项 套 人 名 位 件 期 所 座 台 辆 条 批 次 场 户 间 栋 幢 株 棵 篇 部 份"
     " 款 种 类 支 架 艘 张 处 宗 例 轮 届 枚 颗 笔 组 双 层 头 只 块 本 门店 家次 人次 车次"
     " 辆次 架次 项次 班次 场次 批次 万人次 余人次")
_add("quantity", "吨 公斤 千克 克 毫克 微克 斤 公里 千米 米 厘米 毫米 微米 纳米 公分 升 毫升"
     " 立方米 立方 千瓦 千瓦时 瓦 兆瓦 吉瓦 度 千伏 伏 赫兹 兆赫 吉赫 比特 字节 兆字节 千字节"
     " 千卡 卡路里 摄氏度 华氏度 ℃ ℉ °C °F 倍 两 岁 标准箱 标箱 桶 马力 海里 光年")
# Latin units are matched case-insensitively and must not run into more letters (5G is not 5 G).
# Case matters: 5G and 4K are generations and resolutions, not grams and kelvins.
_LATIN_UNITS: dict[str, _Unit] = {
    w: ("quantity", w, 1)
    for w in _words("kg KG g mg km KM m cm CM mm MM nm kW KW kWh MW GW TWh kV mAh Hz kHz MHz"
                    " GHz GB TB MB KB PB Gbps Mbps TEU GWh MWh")
}

# Words that follow a measure word and show it is the start of another word instead.
_NOT_AFTER: dict[str, str] = {
    "元": "宇宙素件器老首旦月宵代朝",
    "日元": "旦宵",  # 3日元旦, 15日元宵节: a day of the month, then the holiday
    "成": "员立功为果本交效绩熟都长型品就分份年人像全败色群套批片规家语千百万亿形材因真",
    "折": "合旧算扣射叠腾返服中磨损价",
    "期": "间待望货刊",
    "位": "数于置",
    "只": "有是能要用",
    "头": "部条号",
    "支": "持付出撑",
    "间": "隔",
    "度": "过假",
    "次": "方",
    "批": "准复",
    "种": "子植",
    "条": "件例",
    "家": "乡长属",
    # 两 is a weight only where it cannot be the numeral 2 starting the next word.
    "两": f"{CN_DIGITS}{CN_MULTIPLIERS}0-9个天年月日周人家次项倍岸会句",
}


_SUB_DIGIT = "[0-9一二三四五六七八九两]"
# 5元3角2分, 五元三毛, 十块三毛: the small change after a yuan amount belongs to it.
_SUBUNITS = (f"(?:[ ]*{_SUB_DIGIT}[ ]*[角毛](?:[ ]*{_SUB_DIGIT}[ ]*分(?!钟))?"
             f"|[ ]*{_SUB_DIGIT}[ ]*分(?![钟之]))")
_SUBUNIT_RE = re.compile(f"({_SUB_DIGIT})[ ]*([角毛分])")


def _unit_alternation() -> str:
    parts = []
    for word in sorted(_UNITS, key=len, reverse=True):
        esc = re.escape(word)
        if word in ("元", "块"):
            esc += f"(?:{_SUBUNITS}|整)?"
        if word in ("个百分点", "百分点"):
            esc = "[ ]*".join(re.escape(ch) for ch in word)
        if word in _NOT_AFTER:
            esc += f"(?![{_NOT_AFTER[word]}])"
        parts.append(esc)
    latin = "|".join(re.escape(w) for w in sorted(_LATIN_UNITS, key=len, reverse=True))
    parts.append(f"(?:{latin})(?![A-Za-z])")
    return "|".join(parts)


# --- the regex --------------------------------------------------------------------------
_CNCH = f"[{CN_DIGITS}{CN_MULTIPLIERS}]"
# A full-width comma is also the sentence comma: it separates thousands only when more
# groups or decimals follow (82，225.00元), so that $20，300美圆 stays two amounts.
_ARABIC = (r"(?<![0-9A-Za-z._])(?<![0-9],)[0-9]+"
           r"(?:(?:,|，(?=[0-9]{3}[,，.][0-9]))[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?")
# A Chinese numeral may not start inside another numeral or after 第 (ordinals).
_CN = (f"(?<![第{CN_DIGITS}{CN_MULTIPLIERS}]){_CNCH}(?:[ ]?{_CNCH})*?"
       f"(?:[ ]?点[ ]?[{CN_DIGITS}](?:[ ]?[{CN_DIGITS}])*)?")
_NUM = f"(?<!第)(?<!第 )(?:{_ARABIC}|{_CN})"
# k/K (thousand) is written after Arabic numerals in reports and ads (15k元, 12k个百分点).
_MULT = f"[{CN_MULTIPLIERS}kK]*?"
_CN_YEAR_DIGITS = "〇零一二三四五六七八九"
_YEAR = (rf"(?<![0-9.])(?:1[89]|20)[0-9]{{2}}(?![0-9])"
         f"|(?<![{CN_DIGITS}{CN_MULTIPLIERS}])[{_CN_YEAR_DIGITS}]{{4}}")
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
    f"(?P<y>{_YEAR})[ ]*年(?:[ ]*(?:{_QUARTER}|[上下]半年|{_MONTH_DAY.format(m='ym', d='yd')})"
    f"|度|底|初|末)?"
    f"|(?:{_QUARTER}|{_MONTH_DAY.format(m='mo', d='md')})"
    f"|(?<![0-9.])(?P<d>(?:[12][0-9]|3[01]|0?[1-9]))[ ]*日(?!元(?![旦宵])|[本常均益])"
)
_PCT_PREFIX = (f"(?P<pp>百万|千万|百|千|万|佰|仟)[ ]*分[ ]*之[ ]*"
               f"(?P<pn>{_ARABIC}(?:[ ]*[kK](?![A-Za-z]))?|"
               f"{_CNCH}(?:[ ]?{_CNCH})*(?:[ ]?点[ ]?[{CN_DIGITS}](?:[ ]?[{CN_DIGITS}])*)?)")
_CUR_PREFIX = f"(?P<cur>[$¥])[ ]*(?P<cn>{_ARABIC})(?P<cm>[万亿]*)"
_AMOUNT = (
    f"(?P<n1>{_NUM})[ ]*(?P<a1>[余多])?[ ]*(?P<m1>{_MULT})(?P<b1>[余多])?"
    f"(?:(?P<u1>%|‰|元)?[ ]*(?P<sep>——|--|[至到~～—–-])[ ]*"
    f"(?P<n2>{_NUM})[ ]*(?P<a2>[余多])?[ ]*(?P<m2>{_MULT})(?P<b2>[余多])?)?"
    f"[ ]*(?P<unit>{_unit_alternation()})(?P<half>半)?(?P<tail>级|内)?"
)
# Every figure starts with one of these characters. Python's regex engine cannot skip ahead
# to them by itself for a pattern of many alternatives (it tries them all at every position,
# ~0.5 MB/s), so we find the candidates with a plain character class and match there.
# Words before the number (今年 4 月, 数十亿, 负3%) are read by looking back from it.
_CANDIDATE = re.compile(f"[0-9{CN_DIGITS}{CN_MULTIPLIERS}$¥]")
_MASTER = re.compile(f"(?P<date>{_DATE})|(?P<pct>{_PCT_PREFIX})|{_CUR_PREFIX}|{_AMOUNT}")
_FW_GROUP = re.compile("(?<=[０-９])，(?=[０-９]{3}(?![０-９0-9]))")
_REL_BEFORE = re.compile(f"(?:{_REL})[ ]*$")

# Set phrases whose numerals are not figures (generic Chinese, not from any one story).
_IDIOMS = re.compile(
    "千家万户|百家争鸣|万人空巷|一成不变|千方百计|三番五次|千军万马|九牛一毛|最后一公里|"
    "千千万万|一五一十|十全十美|百万雄师|万众一心|一把手|一揽子|一站式|一次性|一条龙|一条心"
)
_SENTENCE_END = re.compile("[。！？；!?;\n]")
_PREFIX_QUAL = re.compile(
    "(?P<q>大约|约为|约|将近|接近|近|超过|超出|超|逾|突破|至少|不少于|不低于|不到|不足|"
    "不超过|不高于|最高|最多)[ ]*$"
)
_PREFIX_KIND: dict[str, Qualifier] = {
    "大约": "approx", "约为": "approx", "约": "approx", "将近": "approx", "接近": "approx",
    "近": "approx", "超过": "lower_bound", "超出": "lower_bound", "超": "lower_bound",
    "逾": "lower_bound", "突破": "lower_bound", "至少": "lower_bound", "不少于": "lower_bound",
    "不低于": "lower_bound", "不到": "upper_bound", "不足": "upper_bound",
    "不超过": "upper_bound", "不高于": "upper_bound", "最高": "upper_bound",
    "最多": "upper_bound",
}
_SUFFIX_QUAL = re.compile("[ ]*(?P<q>左右|上下|以上|以下|以内|之内|之多|开外|多|余)")
_SUFFIX_KIND: dict[str, Qualifier] = {
    "左右": "approx", "上下": "approx", "之多": "approx", "开外": "approx", "多": "approx",
    "余": "approx", "以上": "lower_bound", "以下": "upper_bound", "以内": "upper_bound",
    "之内": "upper_bound",
}
# 计划/规划 followed by a comma are nouns (培训班次计划，): only the verbs announce a target.
_TARGET_BEFORE = re.compile(
    "目标|(?:力争|计划|预计|将达|有望|争取|预期|确保|力求|将实现|将突破|将超)(?![，、,。；])"
)
_TARGET_AFTER = re.compile("目标|任务")
_BARE_ONE = ("一", "壹")
_ADJACENT = re.compile("([一两二三四五六七八九])([二三四五六七八九])")
_DIGIT_ORDER = "一二两三四五六七八九"


# --- currencies named without an amount ---------------------------------------------------
# 人民币国际化, 美元走强, 以欧元结算: the currency is the news even with no number. Such a name
# is a money figure with value None. Names that are often pieces of other words (台币 in
# 平台币, 兰特 in 格兰特, 先令 in 首先令, 里拉 in 这里拉动, 美金 in 中美金融) are left out.
_BARE_CURRENCIES = _words(
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


def _bare_currencies(text: str, figures: list[Figure]) -> list[Figure]:
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
        found.append(Figure(start, end, name, None, _UNITS[name][1], "money"))
    if not found:
        return figures
    return sorted(figures + found, key=lambda f: f.start)


def find_figures(text: str) -> list[Figure]:
    """Find the figures in ``text``: sorted, non-overlapping, offsets are code points.

    Besides amounts, a currency named without one (人民币, 美元) is a money figure with
    ``value`` None.
    """
    if not text:
        return []
    return _bare_currencies(text, _find_amounts(text))


def _find_amounts(text: str) -> list[Figure]:
    """The figures that carry a number."""
    s = fold(text)
    if "，" in text:
        s = _full_width_groups(text, s)
    blocked = [m.span() for m in _IDIOMS.finditer(s)]
    blocked_ends = [b for _, b in blocked]
    out: list[Figure] = []
    pos = 0
    find, match = _CANDIDATE.search, _MASTER.match
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
        if fig is None or (out and fig.start < out[-1].end):
            pos = start + 1
            continue
        out.append(fig)
        pos = fig.end


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether ``start``..``end`` overlaps one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(ends, start)  # the first span that ends after ``start``
    return k < len(spans) and spans[k][0] < end


def _full_width_groups(text: str, s: str) -> str:
    """Mark ，between full-width digits (９，９９９) as a thousands separator in the folded copy."""
    hits = [m.start() for m in _FW_GROUP.finditer(text)]
    if not hits:
        return s
    chars = list(s)
    for pos in hits:
        chars[pos] = ","
    return "".join(chars)


def _date(m: re.Match[str], s: str, text: str) -> Figure | None:
    start, end = m.span()
    if m.group("y") is None and m.group("d") is None:
        rel = _REL_BEFORE.search(s, max(0, start - 6), start)
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
    quals = _qualifiers(s, start, end, "percent", ())
    return Figure(start, end, text[start:end], _tidy(value * scale), "%", "percent", quals)


def _currency_prefix(m: re.Match[str], s: str, text: str) -> Figure | None:
    value = parse_number(m.group("cn"), m.group("cm"))
    if value is None:
        return None
    unit = {"$": "美元", "US$": "美元", "¥": "元"}[m.group("cur")]
    start, end = m.span()
    quals = _qualifiers(s, start, end, "money", ())
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


def _amount(m: re.Match[str], s: str, text: str) -> Figure | None:
    key = m.group("unit").replace(" ", "")
    change = 0.0
    if key[0] in "元块" and len(key) > 1 and key not in _UNITS:
        for digit, sub in _SUBUNIT_RE.findall(key):
            change += (parse_number(digit) or 0) * (0.01 if sub == "分" else 0.1)
        key = "元"
    info = _UNITS.get(key) or _LATIN_UNITS.get(key)
    if info is None:  # pragma: no cover - the regex only matches known units
        return None
    kind, unit, factor = info
    n1, m1, n2 = m.group("n1"), m.group("m1"), m.group("n2")
    direct = key == "折"
    is_year_range = False
    if n2 is not None and key == "年" and re.fullmatch(_YEAR, n1):
        kind, is_year_range, direct = "date", True, True
    inner: list[Qualifier] = []
    high: float | None = None
    pair = _ADJACENT.fullmatch(n1.replace(" ", "")) if n2 is None and not direct else None
    if pair and _DIGIT_ORDER.index(pair[2]) > _DIGIT_ORDER.index(pair[1]):
        # 三五年, 七八个, 四五千: two neighbouring digits give an approximate range.
        low = float(parse_number(pair[1]) or 0) * _mult_value(m1)
        high = float(parse_number(pair[2]) or 0) * _mult_value(m1)
        inner.append("approx")
    else:
        low_or_none = _value(n1, m1, direct)
        if low_or_none is None:
            return None
        low = low_or_none
    bare_one = n1 in _BARE_ONE and not m1 and n2 is None
    if bare_one and (kind in ("count", "duration") or key in ("度", "倍", "岁", "两")):
        return None
    if key == "两" and not (n1[0].isdigit() or n1 == "二" or any(c in n1 + m1 for c in "十百千万")):
        return None  # 三两天, 三两句: "two or three", not a weight
    start, end = m.span()
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
    quals = ("range",) if is_year_range else _qualifiers(s, start, end, kind, tuple(inner))
    return Figure(start, end, text[start:end], value, unit, kind, quals, value_max)


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


def _qualifiers(s: str, start: int, end: int, kind: str,
                inner: tuple[Qualifier, ...]) -> tuple[Qualifier, ...]:
    found: list[Qualifier] = list(inner)
    before = _PREFIX_QUAL.search(s, max(0, start - 4), start)
    if before:
        found.append(_PREFIX_KIND[before.group("q")])
    after = _SUFFIX_QUAL.match(s, end, end + 4)
    if after:
        found.append(_SUFFIX_KIND[after.group("q")])
    if kind != "date":
        sent_start = _sentence_start(s, start)
        if _TARGET_BEFORE.search(s, sent_start, start):
            found.append("target")
        else:
            # Both looks are bounded: a sentence that never ends must not make every
            # figure in it read to the end of the text (issue #14).
            window = end + _SENTENCE_REACH
            stop = _SENTENCE_END.search(s, end, window)
            if _TARGET_AFTER.search(s, end, stop.start() if stop else window):
                found.append("target")
    order = ("approx", "lower_bound", "upper_bound", "target", "range")
    return tuple(q for q in order if q in found)


#: How far a qualifier is looked for in the figure's sentence, either side of it.
_SENTENCE_REACH = 200


def _sentence_start(s: str, pos: int) -> int:
    best = -1
    lo = max(0, pos - _SENTENCE_REACH)
    for ch in "。！？；!?;\n":
        best = max(best, s.rfind(ch, lo, pos))
    return best + 1 if best >= 0 else lo
