"""Whether a key number is a result, a projection, a plan, a goal or a starting value.

A label says what is measured; the words around the figure say in which mood: 建成后预计年
销售收入 150 亿元 is not yet a result, 力争地区生产总值达到 1000 亿元 is a goal, 计划实施项目
116 个 a plan, 到 2030 年… in a story of 2026 a goal whatever the verbs say, and 成立之初，园区
面积仅 5500 平方米 where things started. :func:`with_mood` puts the word in the label.
"""

from __future__ import annotations

import re

from reader.annotate.label_context import projected, sentence_start
from reader.annotate.label_phrase import LONG_LABEL
from reader.annotate.label_tidy import goal_after

__all__ = ["BEFORE_CHARS", "with_mood"]

#: A target, not a result: the sentence before the figure sets a goal (力争…达到); a
#: result measured against its target (占目标任务的 110%, 完成年度目标) sets none.
_TARGET = re.compile(
    "力争|奋斗目标|(?<!占)(?<!完成)(?<!年度)(?<!全年)目标(?!任务)|希望|有望|期望|预期|规划到"
    "|计划(?:实现|完成|达到|新增|引进|实施|开工|竣工|签约)")
#: A result measured against its target (超额完成预定各项目标): no goal of the figures after.
_MET = re.compile("(?:完成|实现|达到|超过|超额|突破|超)[^，。；]{0,4}$")


def _sentence_before(text: str, pos: int) -> str:
    """The words before ``pos`` back to the end of the sentence before, over semicolons
    (bounded: linear time)."""
    return text[sentence_start(text, pos, BEFORE_CHARS) : pos]


def _goal(before: str) -> re.Match[str] | None:
    """The first word of intent before a figure (力争, 目标, 计划实现) that is no result met."""
    for m in _TARGET.finditer(before):
        if not (m.group() == "目标" and _MET.search(before, 0, m.start())):
            return m
    return None


#: A figure its own clause says is yet to come (产值预计突破, 将达到, 可达).
_WILL = re.compile(
    "预计|将(?:会|要)?(?:达到|达|突破|超过|超|实现|完成|形成|新增|带动|引进|吸引)|可达")
#: How far back in its sentence the words before a figure are read (bounded: linear time).
BEFORE_CHARS = 200


def with_mood(text: str, start: int, end: int, before: str, clause: str, label: str,
              year: int | None) -> str:
    """``label`` of the figure at ``start``..``end`` of ``text`` with its mood: 预计 (a
    projection), 初始 (a starting value), 计划 or 目标 (a plan or a goal). ``before`` is the
    figure's sentence before it (bounded), ``clause`` its own clause before it, ``year`` the
    story's year (None when unknown)."""
    will = projected(before) or _WILL.search(clause)
    room = LONG_LABEL + (6 if "项目" in label else 0)  # (a project's name: a long label)
    if will and len(label) + 2 <= room and not any(w in label for w in ("目标", "计划", "预计")):
        # 建成后预计年销售收入 150 亿元: not yet a result (项目预计年产值: the project's)
        label = _mood("预计", label)
    if _started(before) and len(label) + 2 <= LONG_LABEL:
        label = "初始" + label  # 成立之初，园区面积仅 5500 平方米: where it started, not now
    # (力争实现总产值 380 亿元；生产总值 110 亿元；…: the goal runs on over semicolons)
    goal = _goal(_sentence_before(text, start))
    ahead = goal_after(text, end)  # 总投资超 300 亿元的硬核目标: set, not reached
    later = _later_year(before, year)
    if (goal or ahead or later) and len(label) + 2 <= LONG_LABEL and not any(
            w in label for w in ("目标", "计划", "预计", "力争")):
        # (到 2030 年…达到 in a story of 2026: a goal, whatever the verbs say)
        # 到 2020 年力争地区生产总值达到 1000 亿元: a goal; 计划实施项目 116 个: a plan
        planned = goal is not None and goal.group().startswith("计划")
        label = _mood("计划", label) if planned else label + "目标"
    return label


def _mood(word: str, label: str) -> str:
    """``word`` (预计, 计划) before what ``label`` measures, after the projects or firms it
    names (项目预计年产值, 入驻企业计划总投资: not 预计项目年产值)."""
    at = max(label.rfind("项目"), label.rfind("企业"))
    if 0 <= at < len(label) - 2:  # (入驻企业计划总投资: the firms' plan)
        return label[: at + 2] + word + label[at + 2 :]
    return word + label


#: A year a sentence names (到 2030 年, 2027年底前).
_YEAR = re.compile("(?<![0-9])(20[0-9]{2})[ ]*年")


def _later_year(before: str, year: int | None) -> bool:
    """Whether the words before a figure name a year after the story's ``year`` (a story of
    2026 that says 到 2030 年 gives a goal); False when the story's year is unknown."""
    return year is not None and any(int(y) > year for y in _YEAR.findall(before))


#: Where a story tells how a zone or a company started (成立之初, 起步时)…
_START = re.compile("之初|起步时|起步阶段|起步之时|最初|起初|成立时|刚成立|建区时|开园时")
#: …until it comes to now (如今, 目前, 现已).
_NOW = re.compile("如今|目前|现在|现已|至今|今年|去年|已经|已达|已有|发展到|增长到|增至")


def _started(before: str) -> bool:
    """Whether the words before a figure in its sentence tell how things started, and have not
    come back to now since."""
    starts = list(_START.finditer(before))
    return bool(starts) and not _NOW.search(before, starts[-1].end())
