"""Labels of shares, leads and multiples: what a percent or a 倍 compares with what.

``占全市GDP的 18.5%`` is read by :func:`reader.annotate.label_clause.noun_before` (a share
word before the noun). This module reads the other ways news writes a comparison, where the
noun before the figure is the whole and not what is measured:

* ``比全省高出 12.4 个百分点`` — a lead over a whole: 增长比全省高出;
* ``是全市的 3.2 倍`` — a multiple of a whole: 发明专利是全市的;
* ``全市近 60% 的省级重点实验室`` / ``超过 85% 的企业`` — a share of the things named after
  the figure: 省级重点实验室占全市, 企业占比.
"""

from __future__ import annotations

import re

from reader.annotate.label_phrase import LONG_LABEL, Lexicon, phrase_before

__all__ = ["WHOLES", "compared", "multiple_of", "share_change", "share_of"]

_HAN = "\u4e00-\u9fff"
#: A lead: 比 + what it is compared with + the verb, right before the figure.
_LEAD = re.compile(
    rf"(?P<subject>[{_HAN}A-Za-z]{{0,14}}?)的?(?<![同环])比(?P<whole>[{_HAN}]{{1,6}}?)"
    r"(?P<verb>高出|高|低|多出|多|快|慢|少|超出)[了约近]?$"
)
#: A multiple: 是/为 + the whole + 的, right before the figure (是全国的 9.4 倍).
_MULTIPLE = re.compile(rf"(?:是|为|相当于|至|到)(?P<whole>[{_HAN}0-9]{{1,8}}?)的?$")
#: Verbs of a rise before 至 (研发投入强度提升至行业均值的 1.8 倍): not part of the subject.
_RISES = ("提升", "提高", "增长", "上升", "增加", "扩大", "达到", "达")
#: 比上年提高: a change over time, which the change rules label (营收增长), not a lead.
_TIMES = ("上年", "去年", "同期", "上年同期", "前年", "上月", "上季度", "年初")
#: A figure another's was compared with (高于全省 8.1% 的增速).
_ABOVE = re.compile(
    rf"(?:高于|低于|快于|慢于|超过|超出|优于|(?<![同环])比)(?P<whole>[{_HAN}]{{1,6}}?)$")
#: What such a figure is, named after its 的.
_RATES = ("平均增速", "平均增幅", "平均水平", "增长率", "增速", "增幅", "水平")
#: A whole written before a share of things (全市近 60% 的…).
WHOLES = ("全国", "全省", "全市", "全区", "全县")
#: Qualifiers between a whole and its share (全市近 60%).
_QUALIFIERS = re.compile("(?:近|约|超过|超|逾|达|占|的)+$")


def _tail(text: str, pos: int) -> str:
    head = text[max(0, pos - 30) : pos]
    return re.split("[，。；：、,;:（）()“”]", head)[-1].replace(" ", "")


def compared(
    raw: str, text: str, start: int, end: int, unit: str, lex: Lexicon, owner: str, things: str
) -> str:
    """The label of a percent or a multiple at ``start``..``end`` when it compares, else "".

    ``owner`` is what the clause before measured (for a multiple or a lead with no subject of
    its own), ``things`` the noun phrase after ``的`` past the figure (for a share of things).
    """
    before = _tail(text, start)
    if unit == "倍":
        m = _MULTIPLE.search(before)
        if m:
            # 是全省平均水平的 3.4 倍: the whole is the average, 水平 adds nothing
            whole = m.group("whole").removesuffix("水平").removesuffix("的") or m.group("whole")
            label = f"是{whole}的"
            words = [t for t in lex.words(before[: m.start()]) if t != "的"]
            while words and words[-1] in _RISES:
                words.pop()
            subject = phrase_before(words, lex, LONG_LABEL - len(label)) if words else ""
            owner = subject or owner  # 单位面积产出是全省的: the clause's own subject first
            if owner and len(owner) + len(label) > LONG_LABEL:  # 园区技工贸总收入 → 技工贸总收入
                words = lex.words(owner)
                owner = phrase_before(words, lex, LONG_LABEL - len(label))
            return owner + label if owner and len(owner) + len(label) <= LONG_LABEL else label
        return ""
    after = raw[end : end + 8].lstrip()
    rate = next((r for r in _RATES if after.startswith("的" + r)), "")
    above = _ABOVE.search(before) if rate else None
    if above:  # 高于全省 8.1% 的增速: the province's rate, the figure it beat
        return above.group("whole") + rate
    lead = _LEAD.search(before)
    whole = lead.group("whole") if lead else ""
    if lead and not whole.startswith(_TIMES) and whole[-1] not in "提增升减降":
        verb = f"比{lead.group('whole')}{lead.group('verb')}"
        words = [t for t in lex.words(lead.group("subject")) if t != "的"]
        subject = phrase_before(words, lex, LONG_LABEL - len(verb)) if words else ""
        return (subject or owner if len(owner) + len(verb) <= LONG_LABEL else "") + verb
    if things:  # (the caller found them after a 的 right after the figure)
        whole = _QUALIFIERS.sub("", before)
        label = f"{things}占{whole[-2:]}" if whole.endswith(WHOLES) else f"{things}占比"
        return label if len(label) <= LONG_LABEL else ""
    return ""


#: A change in points opening its clause (比 2005 年提高, 较上年下降).
_POINT_CHANGE = re.compile(
    "[ ]*(?:(?:比|较)[^，。；]{0,8}?)?"
    "(?P<verb>提高|提升|增加|上升|下降|降低|减少|回落)了?[ 约近]*$")
#: How a share's label ends (…占比, …比重, 占全市…).
_SHARES = ("占比", "比重", "比例")


def share_change(clause: str, previous: tuple[str, str]) -> str:
    """高新技术企业产值占比 47.5%，比 2005 年提高 12 个百分点: the share the clause before
    measured, with its change (高新技术企业产值占比提高); "" when ``clause`` (the words of
    the points' clause before them) does not open with a change, or ``previous`` ((kind,
    label) of the figure ending the clause before) is no share."""
    kind, label = previous
    change = _POINT_CHANGE.fullmatch(clause)
    if change is None or kind != "percent" or not (label.endswith(_SHARES) or "占" in label):
        return ""
    whole = label + change.group("verb")
    return whole if len(whole) <= LONG_LABEL + 4 else ""


def multiple_of(label: str, previous: tuple[str, str]) -> str:
    """累计新设企业 8.4 万户，是前 20 年的 2.35 倍: the multiple ``label`` (…是前20年的) of
    the figure ending the clause before (``previous``: its kind and label), named by that
    figure's label; ``label`` when the clause names its own subject or nothing fits."""
    kind, before = previous
    at = label.find("是")
    if at < 0 or not before or kind in ("", "percent") or label[:at] == before:
        return label
    if at and not before.endswith(label[:at]):
        return label  # (单位面积产出是全省的: the clause's own subject)
    whole = before + label[at:]
    return whole if len(whole) <= LONG_LABEL + 4 else label


def share_of(label: str, clause: str, previous: tuple[str, str]) -> str:
    """5 家经开区进入全国 30 强，占全省国家级经开区总数的 22.7%: the share (``label``,
    占…) of the figure ending the clause before (``previous``: its kind and label), named
    by that figure's label, when the share's clause (``clause``) opens with 占; else
    ``label``."""
    kind, before = previous
    at = label.find("占")
    if at < 0 or not clause.lstrip().startswith("占") or kind != "count":
        return label
    if not before or label[:at] == before:
        return label
    whole = before + label[at:]
    short = before + "占比"  # (全国30强国家级经开区占比: the whole is the story's)
    if len(whole) <= LONG_LABEL + 4:
        return whole
    return short if len(short) <= LONG_LABEL + 4 else label
