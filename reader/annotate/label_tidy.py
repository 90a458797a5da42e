"""Last touches to a key number's label, from the words right around its figure.

:mod:`reader.annotate.keyfigures` builds a label from the noun phrase of the figure's clause;
some figures say what they are only by what stands right before or after them:

* a starting value (生产总值从 2000 年的 3.02 亿元增加到…) is that year's, not today's;
* a figure inside a goal named after it (锚定引进项目超 100 个、总投资超 300 亿元的硬核目标)
  is a target, though no word of intent stands before it;
* a push to growth (拉动全市规上工业 4.4 个百分点的增幅) is a contribution, not a share;
* a quantity after 年产 (年产锂电池正极材料 5 万吨, 年产 500 万平方米的光伏玻璃) is what a
  plant can make in a year, not an amount made or held;
* a label that is only a time word (第一季度) or keeps a scrap of one (月份形成产值) says
  nothing: the time goes, and a label of nothing but time is no label.
"""

from __future__ import annotations

import re

__all__ = ["capacity", "driven", "goal_after", "start_year", "tidy"]

#: A start the figure is the value of (从 2000 年的, 由 2015 年底的).
_FROM_YEAR = re.compile("(?:从|由)[ ]*((?:19|20)[0-9]{2})[ ]*年(?:底|末)?的?[ ]*$")
#: A goal named after the figures it sets (…、总投资超 300 亿元的硬核目标).
_GOAL_AFTER = re.compile("[^。；！？，]{0,40}?的[^，。；、]{0,6}?目标")
#: A push to growth, its thing between the verb and the figure (拉动全市规上工业 4.4 个百分点).
_DRIVE = re.compile("(?:拉动|带动)(?P<what>[^，。；、0-9]{2,16}?)[ ]*$")
_PLACE_HEAD = re.compile("^(?:全区|全市|全省|全县|全国|[^ ]{2,4}?[市省区县])(?=[规工])")
#: Time words that are never a label by themselves.
_TIME_ONLY = re.compile(
    "^(?:第?[一二三四1-4]季度|前三季度|上半年|下半年|全年|年内|当年|今年|去年|同期|"
    "[0-9一二三四五六七八九十]+(?:[-—至~到][0-9一二三四五六七八九十]+)?月份?)$")
#: Scraps of a time phrase left at a label's start (1-5 月份 → 月份形成产值), and verbs of
#: having left at its end (该项目已有 100 兆瓦).
_LEAD_SCRAP = re.compile("^(?:月份|份|月)(?=.{2})")
_TAIL_HAVE = re.compile("(?<=.{2})(?:已有|现有|共有|拥有)$")


def start_year(text: str, start: int) -> str:
    """The year a figure at ``start`` is the starting value of (从 2000 年的 → "2000年"),
    or ""."""
    m = _FROM_YEAR.search(text, max(0, start - 14), start)
    return f"{m.group(1)}年" if m else ""


def goal_after(text: str, end: int) -> bool:
    """True when the figure ending at ``end`` sets a goal named after it in its sentence."""
    return _GOAL_AFTER.match(text, end) is not None


def driven(text: str, start: int) -> str:
    """``拉动<thing>增长`` when the figure at ``start`` is a push to growth written as
    拉动<thing> N 个百分点 (the place the thing is of goes); else ""."""
    m = _DRIVE.search(text, max(0, start - 20), start)
    if m is None:
        return ""
    what = _PLACE_HEAD.sub("", m.group("what").replace(" ", "")).replace("规模以上", "规上")
    what = what if what.endswith(("增长", "增速", "增幅")) else what + "增长"
    return "拉动" + what if len(what) <= 12 else ""


def tidy(label: str) -> str:
    """``label`` without scraps of time at its start or a verb of having at its end; "" when
    it is nothing but a time word."""
    if _TIME_ONLY.match(label):
        return ""
    return _TAIL_HAVE.sub("", _LEAD_SCRAP.sub("", label))


#: A plant's yearly capacity before its quantity, with the product between (可年产某材料 5 万吨).
_CAPACITY = re.compile("(?:年产能|年生产|年加工|年处理|年产)(?:量|能力)?(?:达到|达|约|为)?"
                       "(?P<what>[\u4e00-\u9fffA-Za-z]{0,12}?)(?:达到|达|约|为)?[ ]*$")
#: A yearly capacity or need, before a list of quantities (年产…、…; 每年需…、…).
_LISTED_YEARLY = re.compile("年产|每年需要?|年需要?|年需求")
#: Facilities named after a capacity (生产线, 项目): the capacity is theirs.
_FACILITIES = ("生产线", "项目", "工厂", "基地", "产线", "车间")


def capacity(text: str, start: int, label: str) -> str:
    """``label`` of a quantity at ``start`` that a plant can make in a year (年产…): 年产 +
    the product (年产锂电池正极材料), or the facility's 年产能 (光伏玻璃生产线年产能);
    ``label`` when no 年产 stands right before it in its clause."""
    if "年产" in label or "年需" in label:
        return label
    m = _CAPACITY.search(text, max(0, start - 24), start)
    own = label.removeprefix("预计").removeprefix("项目预计")
    if m is None:
        # (年产 5 万吨切片、3 万吨长丝; 每年需钢材 20 万吨、水泥 45 万吨: each listed one)
        head = text[max(0, start - 40) : start]
        clause = head[max(head.rfind("，"), head.rfind("。")) + 1 :]
        listed = _LISTED_YEARLY.search(clause)
        if listed is None or not own or not ("、" in clause[listed.end() :] or (
                "需" in listed.group() and not re.search("[0-9]", clause[listed.end() :]))):
            return label
        word = "年需" if "需" in listed.group() else "年产"
        return word + own if len(word + own) <= 16 else label
    what = m.group("what") or own
    if not what:
        return label
    whole = what + "年产能" if what.endswith(_FACILITIES) else "年产" + what
    return whole if len(whole) <= 16 else label
