"""What a key figure's neighbours add to its label: whose figure it is, and what the figure of
the clause before says about it.

:mod:`reader.annotate.keyfigures` labels each figure from its own clause. Two things need the
story around it:

* which places the story is about (:func:`subjects`): a figure of another zone that opens its
  sentence names that zone; the zone of the title needs no name;
* the figure the clause before ends with (:func:`from_neighbours`): 技改项目 2 个，总投资 2.8 亿元
  is the total of those projects, 竣工 27 个 counts the projects counted before, and 引进研究
  机构 15 家，完成全年目标任务的 75% is the rate of that count; 新认定的 and 累计 stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from reader.annotate.aliases import short_form_of
from reader.annotate.label_context import (
    LEGAL_END,
    PART_HEADS,
    ZONE_HEADS,
    clause_head,
    subject_of,
    topic_of,
)
from reader.annotate.label_phrase import LONG_LABEL, MAX_LABEL, NEW_VERBS, Lexicon, phrase_before
from reader.model import Article, Entity, Figure, Located

__all__ = ["from_neighbours", "subjects", "whose_figure"]

#: Things counted that own a total in the clause after (技改项目 2 个，总投资 2.8 亿元).
_GROUPS = ("项目", "企业", "公司", "机构", "单位", "园区", "基地", "平台", "基金")
#: The totals such a group owns.
_GROUP_MEASURES = ("总", "年度", "计划", "协议", "签约", "投资", "累计", "预计", "注册", "用地",
                   "占地", "产值", "营收", "销售", "税收")
#: The counted noun and its event after a count, ending a clause (个重大项目集中开工).
_COUNTED_TAIL = re.compile("[个家项只批](?:[^，。；0-9]{0,40}的)?"
                           "(?:[0-9][0-9.]*[千百十]?[万亿]+[美]?元(?:以上|级)?)?[^，。；、0-9]{2,10}")
_MEASURE_WORD = re.compile("[个家项只批]")
_HANZI = re.compile("[\u4e00-\u9fff]+")
#: Words of how many or since when, no manner of the verb (累计已拥有, 共达).
_HOW_MUCH = re.compile("累计|已|共|达|总|拥有|合计|新增")
#: A group's measure as the clause before labelled it (开工项目总投资): the group owns the
#: measures that follow it.
_OWNED = re.compile(f"(?P<owner>.{{1,8}}?(?:{'|'.join(_GROUPS)}))(?:{'|'.join(_GROUP_MEASURES)})")
#: What a count of firms goes on to measure (规上企业 71 户，实现工业总产值…: the firms').
_FIRM_MEASURES = ("主营", "营业收入", "工业", "增加值", "利润", "利税", "出口", "进出口")
#: A new count written before its noun with 的 (去年新认定的高新技术企业 111 家).
#: Verbs a clause opens with when its subject is the clause before's (…，实现…，完成…).
_GO_ON = ("实现", "完成", "达到", "增长", "同比", "占", "其中")
_NEW_BEFORE = re.compile(f"({NEW_VERBS})的?[ ]*$")


def subjects(article: Article, entities: Sequence[Located[Entity]]) -> Callable[[str], bool]:
    """Whether a place is what the story is about: named in its title, or the place it names
    more often than any other, when the title names no two of them (鹤壁、濮阳两园区…: each
    park is named)."""
    counts: dict[str, int] = {}
    for located in entities:
        if located.span.type == "place":
            counts[located.span.text] = counts.get(located.span.text, 0) + 1
    title = article.title or ""
    in_title = {p for p in counts if p in title}
    heads = {p[:2] for p in counts if p[:2] in title}
    if any(f"{a}{join}{b}" in title for a in heads for b in heads if a != b
           for join in ("、", "和", "与", "及")):
        return lambda place: False  # 鹤壁、濮阳两园区: the title names two, each figure whose
    ranked = sorted(counts.values(), reverse=True)
    # (a story that names several cities as often as each other is about none of them)
    main = max(counts, key=lambda p: counts[p]) if ranked and (
        len(ranked) == 1 or ranked[0] > ranked[1]) else ""
    if heads and main and main[:2] not in heads:
        main = ""  # (宁波 in the title: 浙江省, named more often, is another party)

    # (the title names the story's zone, not only its kind: 某某高新区…, not 高新区13个项目…)
    zone_title = any(title.find(z) >= 2 for z in ZONE_HEADS)

    def subject(place: str) -> bool:
        # (南宁综合保税区 in a story on 南宁高新区 is another zone: neither holds the other;
        # nor is 成都工业园区, the city's parks, 成都高新区 of the title)
        if place.endswith(ZONE_HEADS) and (place != main or zone_title) and (
                place not in title) and not (title and short_form_of(place, title)) and not (
                _named_in(place, title)):
            return False
        return place == main or place[:2] in ("中国", "全国") or any(
            p in place or place in p for p in in_title) or (bool(title) and (
                place in title or short_form_of(place, title)))  # 株洲高新区 ← 株洲高新技术…开发区

    return subject


def from_neighbours(text: str, block: int, fig: Figure, label: str,
                     ends: Mapping[tuple[int, int], tuple[str, str]], lex: Lexicon,
                     counted: str) -> str:
    """``label`` with what the words around it and the figure of the clause before add:
    新认定的高新技术企业 (a new count), 累计 (a running total), 技改项目 2 个，总投资 2.8 亿元
    (the group the clause before counted), 竣工 27 个 (the counted noun of the count before)."""
    head = text[max(0, fig.start - 40) : fig.start].rstrip()  # (never the whole text before)
    start, clause = clause_head(text, fig.start)
    if fig.kind == "count" and label and head.endswith(label):
        new = _NEW_BEFORE.search(head, 0, len(head) - len(label))
        if new and not label.startswith("新") and len(new.group(1) + label) <= LONG_LABEL:
            return new.group(1) + label  # 去年新认定的高新技术企业 111 家: new ones, not all
    if fig.kind == "count" and not label and counted:
        words = lex.words(clause)
        if words and lex.tags.get(words[-1]) == "V" and len(words[-1]) == 2:
            counted_words = lex.words(counted)  # (开工项目: the noun, not its verb)
            while len(counted_words) > 1 and (
                    lex.tags.get(counted_words[0]) == "V" or counted_words[0] == "累计"):
                counted_words = counted_words[1:]
            # (其中现场签约 12 个、网络视频签约 9 个: how, with the verb, when it is short)
            item = re.split("、|其中", clause.replace(" ", ""))[-1]
            verb = item if len(item) <= 6 and _HANZI.fullmatch(item) and not _HOW_MUCH.search(
                item) else words[-1]
            return verb + "".join(counted_words)  # 开工项目 46 个，…，竣工 27 个: 竣工项目
    if fig.kind in ("money", "area") and label and "累计" not in label and (
            "累计" in clause or ("以来" in text[max(0, start - 30) : start] and "已" in clause)):
        label = "累计" + label if len(label) + 2 <= LONG_LABEL else label  # a running total
    listed = _group_listed(text, block, fig, label, ends)
    if listed:  # 签约项目 32 个、总投资 80.6 亿元: the projects' total, after a 、
        return listed
    # the figure the clause before ends with, if it ends with one
    end = start
    while end > 0 and text[end - 1] in " ，,":
        end -= 1
    kind, before = ends.get((block, end), ("", ""))
    if not before and kind == "" and label:
        # 60 个重大项目集中开工，总投资额 289 亿元: the clause before ends with the counted
        # noun and what happened to it, after its figure
        # (the count nearest the clause's end whose counted words run to it)
        at = next((m.start() for m in _MEASURE_WORD.finditer(text[max(0, end - 54) : end][::-1])
                   if ends.get((block, end - m.start()), ("",))[0] == "count"), -1)
        tail = _COUNTED_TAIL.fullmatch(text, end - at - 1, end) if at >= 0 else None
        kind, before = ends[(block, end - at)] if tail else ("", "")
    if kind == "count" and fig.kind in ("money", "area"):
        kind, before = _whole_of_parts(text, block, end, ends) or (kind, before)
    if not (before and label and start and text[start - 1] in "，,"):
        return label
    bare = clause.replace(" ", "")
    owned = _OWNED.match(before) if kind in ("money", "area") else None
    if owned and fig.kind in ("money", "area") and label in bare and len(bare) <= len(
            label) + 4 and label.startswith(_GROUP_MEASURES) and not label.startswith(
            owned.group("owner")):
        # 开工项目 22 个，总投资 270 亿元，年度计划投资 36 亿元: still the group's
        whole = owned.group("owner") + label
        return whole if len(whole) <= LONG_LABEL else label
    if kind == "count" and _listed_count(text, block, end, ends):
        return label  # 产业项目 25 个，基础设施项目 4 个，总投资…: of all, not the last item
    group = kind == "count" and fig.kind in ("money", "area") and label in bare and len(
        bare) <= len(label) + 4 and not label.startswith(before) and before.endswith(
        _GROUPS) and (label.startswith(_GROUP_MEASURES) or (  # 技改项目 2 个，总投资…
            label.startswith(_FIRM_MEASURES) and before.endswith("企业") and "中" not in before))
    done = fig.kind == "percent" and label.startswith("完成") and kind != "percent"
    if group or done:  # (引进研究机构 15 家，完成全年目标任务的 75%: the task was the count)
        if before[:2] == label[:2] and len(before) > 2:
            before = before[2:]  # 签约项目 94 个，签约资金…: 项目签约资金, not 签约 twice
        room = (MAX_LABEL + 2 if group else LONG_LABEL) - len(label)  # (a group's: short)
        if len(before) > room and before.startswith("累计"):
            before = before[2:]  # (累计开工建设重点项目 102 个，总投资…: the projects' total)
        if len(before) > room:
            before = phrase_before(lex.words(before), lex, room) if room > 1 else ""
        return before + label if before else label
    return label


def _group_listed(text: str, block: int, fig: Figure, label: str,
                  ends: Mapping[tuple[int, int], tuple[str, str]]) -> str:
    """签约项目 32 个、总投资 80.6 亿元: a group's measure listed after its count with a 、
    (``label`` written right before the figure), with the group; "" otherwise."""
    if fig.kind not in ("money", "area") or not label.startswith(_GROUP_MEASURES):
        return ""
    at = text.rfind(label, max(0, fig.start - len(label) - 3), fig.start)
    if at < 1 or text[at - 1] != "、":
        return ""
    # (the count right before the 、, or its counted noun and what they did: 28 个项目参与其中、)
    end = next((p for p in range(at - 1, max(0, at - 14), -1) if (block, p) in ends), -1)
    kind, before = ends.get((block, end), ("", ""))
    if kind != "count" or not before.endswith(_GROUPS) or label.startswith(before) or (
            not _HANZI.fullmatch(text, end, at - 1) and end != at - 1):
        return ""
    whole = before + label
    return whole if len(whole) <= LONG_LABEL else ""


def _whole_of_parts(text: str, block: int, end: int,
                    ends: Mapping[tuple[int, int], tuple[str, str]]) -> tuple[str, str] | None:
    """(kind, label) of the count a list of its parts followed (签约项目 21 个，其中现场签约
    12 个、网络视频签约 9 个): the clause ending at ``end`` lists them; else None."""
    start, clause = clause_head(text, end)
    whole = start - 1
    while whole > 0 and text[whole - 1] in " ，,":
        whole -= 1
    opened = clause.lstrip().startswith("其中") or text[max(0, whole - 2) : whole] == "其中"
    if not opened or "、" not in clause:
        return None
    if not clause.lstrip().startswith("其中"):  # (…16 个。其中，A 10 个、B 6 个，总投资…)
        whole -= 2
        while whole > 0 and text[whole - 1] in " ，,。；":
            whole -= 1
    found = ends.get((block, whole))
    return found if found and found[0] == "count" else None


def _listed_count(text: str, block: int, end: int,
                  ends: Mapping[tuple[int, int], tuple[str, str]]) -> bool:
    """Whether the count ending at ``end`` is the last of a list of counts, clause after
    clause (产业项目 25 个，基础设施项目 4 个)."""
    start, clause = clause_head(text, end)
    if clause.lstrip().startswith("其中"):
        return False  # 共引进企业 37 家，其中引进某类企业 12 家，总投资…: the part's
    before = start - 1
    while before > 0 and text[before - 1] in " ，,、":
        before -= 1
    kind = ends.get((block, before), ("",))[0]
    return start > 0 and text[start - 1] in "，,、" and kind == "count"




def _own_subject(text: str, pos: int, sentence: int, label: str, lex: Lexicon,
                 orgs: Sequence[tuple[int, int]], subject: Callable[[str], bool],
                 title: str) -> str:
    """``label`` with the subject of its clause (or of its sentence) before it, when that
    is not the story's own (北区完成地区生产总值 → 北区地区生产总值)."""
    spans = orgs
    start, clause = clause_head(text, pos)
    who = subject_of(text, start, pos, lex, label, spans)
    if not who and start > sentence and not any(
            w.endswith(PART_HEADS) for w in lex.words(clause)[:2]):
        # 第二产业实现增加值 303 亿元，同比增长 8%: the clause's figure is the sentence
        # subject's, unless the clause names a part of its own (，第三产业 154 亿元)
        who = subject_of(text, sentence, pos, lex, label, spans)
    if not who or subject(who) or who in title:
        return label
    who = LEGAL_END.sub("", who) or who  # 某某股份有限公司 → 某某: the brand, not the form
    room = LONG_LABEL + 4 - len(label)
    if len(who) > room:
        who = phrase_before(lex.words(who), lex, room) if room > 1 else ""
    return who + label if who else label


def whose_figure(text: str, pos: int, sentence: int, label: str, lex: Lexicon,
                 places: Sequence[tuple[int, int]], orgs: Sequence[tuple[int, int]],
                 place_names: Collection[str], subject: Callable[[str], bool],
                 title: str) -> tuple[str, bool]:
    """``label`` with whose figure it is when that is not the story's own, and whether it
    is another's: a place or zone opening the clause (…，汉阴县某工业集中区完成…) or the
    sentence (其中，某综合保税区实现…), else a part or party opening it (北区完成…)."""
    spans = places  # (sorted by the caller, once per block)
    head, clause = clause_head(text, pos)
    topic = topic_of(text, head, pos, spans) or topic_of(text, sentence, pos, spans)
    for _ in range(3):  # 某某园区企业 1943 户，实现…，完成…: the clauses the place opened
        if topic or head <= sentence or not clause.lstrip().startswith(_GO_ON):
            break
        head, _before = clause_head(text, head - 1)
        topic = topic_of(text, head, pos, spans)
    if topic:
        overlap = next((k for k in range(min(len(topic), len(label)), 1, -1)
                        if label.startswith(topic[-k:])), 0)  # 成都工业园区 + 工业园区企业
        if not subject(topic) and topic not in label and not any(
                label.startswith(p) for p in place_names) and (
                len(topic) + len(label) - overlap <= LONG_LABEL + 4):
            return topic + label[overlap:], True
        return label, False
    return _own_subject(text, pos, sentence, label, lex, orgs, subject, title), False


def _named_in(zone: str, title: str) -> bool:
    """Whether ``title`` names ``zone`` by another of its forms: 玉溪高新区 for 玉溪国家高新区,
    临沂经开区 for 临沂经济技术开发区, 天府新区 for 四川天府新区."""
    if len(zone) > 4 and zone[2:] in title:
        return True  # (a province or city written before the zone's own name)
    for end in ZONE_HEADS:
        at = title.find(end)
        while at >= 0:
            tail = at + len(end)
            if any(short_form_of(title[start:tail], zone)
                   for start in range(max(0, at - 6), at)):
                return True
            at = title.find(end, tail)
    return False
