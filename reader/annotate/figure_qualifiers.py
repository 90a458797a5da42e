"""The words around a figure that qualify it: about, more than, at most, a target.

约 1000 亿元 is approximate, 超 5% a lower bound, 不足 3 个 an upper bound, and a figure in a
sentence that says 力争 or 目标 is a target. The look on either side is bounded (a sentence
that never ends must not make each figure read to the end of the text: issue #14).
"""

from __future__ import annotations

import re

from reader.model import Qualifier
from reader.text.hanzi import STATEMENT_END, STATEMENT_END_RE

__all__ = ["qualifiers"]

_SENTENCE_END = STATEMENT_END_RE
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


def qualifiers(s: str, start: int, end: int, kind: str,
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
    for ch in STATEMENT_END + "\n":
        best = max(best, s.rfind(ch, lo, pos))
    return best + 1 if best >= 0 else lo

