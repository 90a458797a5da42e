"""A class of firms, or a measure, that a sentence names once and counts many times.

Statistics of a zone's industry are nearly always of its firms above the reporting threshold:
``全区规模以上工业企业实现营业收入 312 亿元，增长 15.2%；利润总额 21 亿元``. The sentence says
规模以上 once; each later figure is still the above-scale firms' and not the zone's whole
industry (a different, larger number that the same page may give elsewhere). A label that
drops the class reads as the whole, so :func:`carried_class` puts it back.
"""

from __future__ import annotations

import re

from reader.annotate.label_context import ZONE_HEADS, sentence_start

__all__ = ["carried_class", "carried_measure"]

#: The reporting threshold as news writes it (规模以上, 规上).
_ABOVE_SCALE = re.compile("规模以上|规上")
#: What the statistics of above-scale firms measure (the class is of these alone: 固定资产投资
#: or 地区生产总值 are never of a class of firms).
_FIRM_MEASURE = re.compile(
    "(?:工业)?(?:总产值|产值|增加值|营业收入|主营业务收入|营收|利润总额|利润|利税|"
    "出口交货值|销售收入|销售产值)")
#: Words between the class and the figure that start another subject (其中 a part, 全市 a
#: wider scope, another zone) after which the class no longer holds.
_NEW_SUBJECT = re.compile(
    "其中|全市|全省|全国|全县|同期|相比|而|" + "|".join(ZONE_HEADS))
#: A share's whole right before the class (占规上工业总产值比重): not whose the figures are.
_WHOLE = re.compile("[占比][全该本]?[区市县省园]?$")
#: How far back in the sentence the class is looked for.
_REACH = 120
#: A label with the class may be this long.
_MAX = 18


def carried_class(text: str, pos: int, label: str) -> str:
    """``label`` with 规上 (规上工业增加值) or 规上企业 (规上企业营业收入) put back when the
    sentence before the figure at ``pos`` named above-scale firms and the label measures
    them; a subject the label starts with stays first (某某园区规上企业营业收入). The
    sentence runs on over semicolons (…增长 15.2%；利润总额 21 亿元: the same firms)."""
    if not label or _ABOVE_SCALE.search(label):
        return label
    head = text[sentence_start(text, pos, _REACH) : pos]
    classes = [m for m in _ABOVE_SCALE.finditer(head) if not _WHOLE.search(head, 0, m.start())]
    if not classes or _NEW_SUBJECT.search(head, classes[-1].end()):
        return label
    measure = _FIRM_MEASURE.search(label)
    if measure is None:
        return label
    owner = label[: measure.start()]
    if owner and not owner.endswith(("区", "市", "县", "园", "省")):
        return label  # 高技术产业增加值: a part named by its own words
    tail = label[measure.start() :]
    cls = "规上" if tail.startswith("工业") else "规上企业"
    carried = owner + cls + tail
    return carried if len(carried) <= _MAX else label


#: The measures a sentence may name once before giving each place's change (地区生产总值增速
#: 保持高位，其中某新区增长 30%).
_MEASURES = re.compile(
    "(?:地区生产总值|生产总值|GDP|规模以上工业增加值|规上工业增加值|工业增加值|营业收入|"
    "工业总产值|进出口总额|外贸进出口|固定资产投资|实际使用外资|一般公共预算收入|税收收入)")
#: A change said of a place alone (某新区同比增长, 北区下降).
_PLACE_CHANGE = re.compile(
    "(?P<place>.{2,10}?(?:区|市|县|省|园))(?P<change>同比增长|增长|增幅|下降)$")


def carried_measure(text: str, pos: int, label: str) -> str:
    """``label`` of a change said of a place alone (甘肃某新区增长) with the measure its
    sentence named before it (…生产总值增速保持高位，其中甘肃某新区同比增长 30% → 甘肃某新区
    生产总值增长); ``label`` when the sentence names none, or the label measures something."""
    said = _PLACE_CHANGE.fullmatch(label)
    if said is None:
        return label
    measures = list(_MEASURES.finditer(text, sentence_start(text, pos, _REACH), pos))
    if not measures:
        return label
    change = said.group("change").removeprefix("同比")
    whole = said.group("place") + measures[-1].group() + change
    return whole if len(whole) <= _MAX else label
