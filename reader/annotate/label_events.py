"""What happened to the things a figure counts, and whose an amount before a 的 is.

A bare head is no label a reader can use: 项目 38 个 could be the projects a zone has, signed,
started or finished this year. News says which by the verb right before the counted noun
(新签约项目 38 个, 新开工亿元以上项目 12 个, 累计引进企业 210 家), and that verb, with the size
class between it and the noun, stays in the label.

An amount that describes the noun after its 的 (总投资 15 亿元的某某电池项目, 在总投资达八亿元的
某某产业园内) is that project's or park's, not the story's zone's: the label names it.
"""

from __future__ import annotations

import re

from reader.annotate.label_context import clause_head, sentence_start
from reader.annotate.label_phrase import LONG_LABEL, Lexicon, is_measure, phrase_before

__all__ = ["EVENTS", "list_item_start", "listed_event", "owner_after", "owner_before",
           "pointer_subject", "running_total", "with_event"]

#: Verbs that say what happened to the counted things (signed, started, brought in).
EVENTS = (
    "集中开竣工|开竣工|新签约|签约落地|签约入园|签约|新开工|集中开工|开工建设|开工|"
    "竣工投产|竣工|建成投产|投产|建成|在建|新建|续建|新引进|引进落地|引进|招引|"
    "入驻|入园|落户|新注册|注册|新认定|认定|储备|获批|落地|新上|新设|签下|签订|签署"
)
#: A size class between the verb and the noun (亿元以上, 1-5 亿元, 5000 万元以上, 世界 500 强).
_CLASS = (
    "(?:(?:过|超过|超|逾)?(?:[0-9][0-9.]*(?:[-—~至到][0-9][0-9.]*)?[ ]*[千百十]?[万亿]*"
    "|[千百十]?[万亿]+)(?:美元|元)(?:以上|及以上|以下)?|(?:世界|中国|全国)?[0-9]+强)的?"
)
_EVENT_BEFORE = re.compile(
    f"(?P<when>累计)?(?:共)?(?P<mood>意向|拟|计划|有意)?(?P<verb>{EVENTS})[了的]?[ ]*"
    f"(?:[^，。；、：0-9 ]{{1,10}}等)?[ ]*(?P<cls>{_CLASS})?[ ]*$"
)
#: Heads that need their event: what a zone signs, starts, brings in or registers.
_BARE = ("项目", "企业", "公司", "机构", "平台", "团队", "人才", "研发中心", "重大项目", "重点项目",
         "产业项目", "工业项目", "外资项目", "内资项目")
#: Between the counted noun and its figure (新签约项目共 38 个).
_LINK = re.compile("[ ]*(?:共计|总计|共|合计|达到|达|为|约|近|超过|超|逾)?[ ]*$")


#: What happened to things listed by name before their count (先后引进 A、B 等 161 家).
_LISTED_EVENT = re.compile(
    f"(?P<when>累计|先后|陆续|相继)?(?P<verb>{EVENTS})了?[^，。；0-9]{{2,30}}?等[ ]*$")
#: What happened to the counted things, written after them (43 个项目已开工建设).
_EVENT_AFTER = re.compile(
    "[ ]*(?:已经|已|正式|顺利|同时)?[ ]*(?P<mood>有望|即将|将|拟|计划)?(?:近期|年内|今年)?"
    "[ ]*(?:参与|参加)?"
    "(?P<verb>集中开竣工|集中开工|集中签约|集中竣工|集中投产|开竣工|开复工|开工|竣工|建成|投产|"
    "签约|落户|入驻|在谈|在建|洽谈)(?P<other>(?:或|和|及|、|与)(?:集中)?(?:开工|签约|竣工|投产))?")


def with_event(text: str, pos: int, label: str, end: int = -1) -> str:
    """See :func:`_with_event`; signing said any way reads 签约 (签下 7 个项目 → 签约项目)."""
    return _SIGNED.sub("签约", _with_event(text, pos, label, end), count=1)


#: Ways of saying a project was signed, other than 签约.
_SIGNED = re.compile("(?<![约])(?:签下|签订|签署)(?=.{2})")


def _with_event(text: str, pos: int, label: str, end: int = -1) -> str:
    """``label`` (a count's bare head right before the figure at ``pos``) with the verb and
    size class before it (新签约项目 38 个 → 新签约项目; 新开工亿元以上项目 → 新开工亿元以上
    项目; 累计引进企业 → 累计引进企业), or the verb after it when the head follows the figure
    ending at ``end`` (43 个项目已开工 → 开工项目); else ``label`` unchanged."""
    if not label.endswith(_BARE) or len(label.split("以上")[-1]) > 8:
        return label  # (亿元以上楚商项目: a class of a bare head still needs its event)
    said = _said_after(text, end, label) if end >= 0 else -1
    if said >= 0:  # (the counted noun after the figure, or after what they are like)
        after = _EVENT_AFTER.match(text, said + len(label))
        if after:  # 43 个项目已开工建设: started, not the zone's stock of projects
            # (签约或开工; 有望近期签约: not yet)
            return (after.group("mood") or "") + after.group("verb") + (
                after.group("other") or "") + label
        before = _EVENT_BEFORE.search(text, max(0, pos - 28), pos)
        if before and not before.group("cls"):  # 签约 12 个项目: signed, written before
            whole = (before.group("when") or "") + (before.group("mood") or "") + before.group(
                "verb") + label
            return whole if len(whole) <= LONG_LABEL else before.group("verb") + label
        listed = _LISTED_EVENT.search(text, max(0, pos - 40), pos)
        if listed:  # 先后引进台塑、统一等 161 家台资企业: brought in over the years
            whole = (listed.group("when") or "") + listed.group("verb") + label
            return whole if len(whole) <= LONG_LABEL else label
        return _sentence_event(text, pos, label)
    link = _LINK.search(text, max(0, pos - 6), pos)
    at = link.start() if link else pos
    if text[max(0, at - len(label)) : at] != label:
        return label  # (the head is not written right before the figure: nothing to read)
    at -= len(label)
    event = _EVENT_BEFORE.search(text, max(0, at - 28), at)
    if event is None:
        return _sentence_event(text, at, label)
    words = (event.group("when") or "") + (event.group("mood") or "") + event.group("verb") + (
        event.group("cls") or "").replace(" ", "").removesuffix("的")
    if label.startswith(words[-2:]):
        return label  # (新增 already read as part of 新增企业)
    whole = words + label
    return whole if len(whole) <= LONG_LABEL else event.group("verb") + label


#: A count's event as its label opens with it (累计引进, 新签约).
_LEADING_EVENT = re.compile(f"(?:全[区市县省国]|园区|新区)?(?P<event>(?:累计|已)?(?:{EVENTS}))")
_ANY_EVENT = re.compile(EVENTS)
#: Events only projects have (a firm is not started or finished).
_BUILT = re.compile("开工|竣工|投产|建成|在建|新建|续建|储备|新上")


def listed_event(text: str, pos: int, label: str, previous: tuple[str, str]) -> str:
    """``label`` with the event of the count listed before it (已引进百亿元以上项目 18 个，
    十亿元以上项目 114 个 → 引进十亿元以上项目; 签约项目 37 个，其中先进制造业项目 8 个 →
    签约先进制造业项目), when the figure's clause names only the counted things; ``previous``
    is (kind, label) of the figure that ends right before the list's comma."""
    kind, before = previous
    event = _LEADING_EVENT.match(before) if kind == "count" else None
    if event is None or _ANY_EVENT.search(label) or label.startswith(("规上", "规模以上")) or (
            _BUILT.search(event.group("event")) and not label.endswith("项目")):
        return label  # (竣工项目 15 个，规上企业 120 家: the firms were not finished)
    whole = event.group("event").removeprefix("已") + label
    return whole if len(whole) <= LONG_LABEL else label


#: A sentence that counts up to now (截至目前, 至今, 建区以来).
_UP_TO_NOW = re.compile("截至|截止|至今|(?<!今年)(?<!年初)(?<!年)以来|迄今")


def running_total(text: str, start: int, pos: int, label: str) -> str:
    """``label`` (引进世界500强企业) with 累计 when its sentence, from ``start``, counts up to
    now and the event was written as done (截至目前，已引进…): all so far, not this year's."""
    event = _LEADING_EVENT.match(label)
    if event is None or label.startswith(("累计", "新")) or len(label) + 2 > LONG_LABEL:
        return label
    head = text[start:pos]
    verb = event.group("event")
    done = head.rfind("已" + verb)
    if done < 0 or not _UP_TO_NOW.search(head, 0, done):
        return label
    return "累计" + label


def list_item_start(text: str, pos: int, label: str) -> int:
    """The offset of the comma or 、 that opens a list item holding only ``label`` (after a
    其中) before the figure at ``pos``; -1 when the item holds more than the counted things."""
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    at = end - len(label)
    if at <= 0 or text[at:end] != label:
        return -1
    at -= 2 if text[max(0, at - 2) : at] == "其中" else 0
    return at - 1 if at > 0 and text[at - 1] in "、，," else -1


def _said_after(text: str, end: int, label: str) -> int:
    """Where ``label`` stands after the figure ending at ``end``: right after it, or after
    what the things are like (17 个带动能力强、效益好的 | 重大项目); -1 when it does not."""
    if text.startswith(label, end):
        return end
    at = text.find(label, end, end + 40)
    between = text[end:at]
    return at if at > end and between.endswith("的") and not _NOT_DESCRIBING.search(
        between) else -1


#: What a description of the counted things never holds: the end of a clause, a figure.
_NOT_DESCRIBING = re.compile("[，。；：,;:0-9]")
#: The event a sentence is about, named before its count of projects (举行集中开工仪式，
#: 共有项目 43 个; 本次签约活动共涉及项目 18 个).
_SENTENCE_EVENT = re.compile(
    "(?P<verb>(?:集中)?(?:开竣工|开工|签约|竣工|投产|开业|开复工))(?:仪式|活动|大会|现场会|暨)"
    "|(?:本次|此次|这次|本批|此批)(?P<this>(?:集中)?(?:开竣工|开工|签约|竣工|投产|开业|开复工))")
_CLASS_BEFORE = re.compile("以上[ ]*$")
_PROJECTS = ("项目", "重大项目", "重点项目", "产业项目", "工业项目")


def _sentence_event(text: str, at: int, label: str) -> str:
    """``label``, a bare count of projects at ``at``, with the event its sentence named before
    it (集中开工仪式 … 项目 43 个 → 集中开工项目); ``label`` when it named none."""
    if label not in _PROJECTS:
        return label
    events = list(_SENTENCE_EVENT.finditer(text, sentence_start(text, at, 80), at))
    if not events or text[events[-1].start() - 1 : events[-1].start()] == "、" or (
            _CLASS_BEFORE.search(text, max(0, at - 8), at)):
        return label  # (开工、竣工仪式: two events; 其中亿元以上项目: a class of them)
    verb = events[-1].group("verb") or events[-1].group("this")
    return verb + label if len(verb + label) <= LONG_LABEL else label


#: Prepositions the segmenter glues before a measure (在总投资达…的某某园内).
_PREPOSITIONS = ("在", "于")
#: Measures an amount before a 的 can be of (not 某某公司总投资: that names its owner).
_BARE_MEASURE = re.compile("(?:计划|预计|协议|合同)?(?:总投资额?|投资总额|投资额?|总投入|投入)"
                           "|(?:总)?(?:占地|用地|建筑)面积|占地")
#: A threshold before the amount: 投资超 20 亿元的项目 names a class of projects.
_OVER = re.compile("(?:超过|超|逾|过)[ ]*$")
_COUNTED = re.compile("^[0-9一二三四五六七八九十两百千]+[个只项家座]")
#: Where the name of an owner after its 的 ends (a list's 、 too).
_OWNER_END = re.compile("[，。；：、！？,;:!?]")
#: How the nouns an amount can describe end: a project, a park, a plant, a company.
_OWNERS = ("项目", "产业园", "园", "园区", "基地", "工程", "中心", "工厂", "厂", "公司", "生产线",
           "综合体")


def owner_after(raw: str, start: int, end: int, label: str, lex: Lexicon) -> str:
    """``label`` (a bare measure right before an amount from ``start`` to ``end``) with the
    project or park the amount describes after its 的 (总投资 15 亿元的某某电池项目 → 某某电池
    项目总投资), and without a preposition glued before it (在总投资 → 总投资); else ``label``."""
    for word in _PREPOSITIONS:
        if label.startswith(word) and is_measure(label[len(word) :]):
            label = label[len(word) :]
            break
    if not _BARE_MEASURE.fullmatch(label) or _OVER.search(raw, max(0, start - 3), start):
        return label  # (某某公司总投资 names its own; 投资超 20 亿元的项目 is a class)
    de = end + len(raw[end : end + 2]) - len(raw[end : end + 2].lstrip())
    if not raw.startswith("的", de):
        return label
    owner = ""
    words = lex.words(_OWNER_END.split(raw[de + 1 : de + 33])[0])[:8]
    for i, word in enumerate(words):
        if lex.tags.get(word) == "V" and (len(word) > 1 or not owner):
            break  # (的企业正式投产: a verb before any project or park is named; 亿利 达: a
            # brand's last character the segmenter read as a verb is no verb)
        owner += word.strip("“”‘’\"'《》「」")
        if word.endswith(_OWNERS):
            owner += "区" if words[i + 1 : i + 2] == ["区"] else ""  # (某某产业园 区)
            break
    owner = _COUNTED.sub("", owner)  # (45 个重点项目: the projects, not their number)
    if not owner.endswith(_OWNERS) or owner in _OWNERS:
        return label
    room = LONG_LABEL + 4 - len(label)
    if len(owner) > room:
        owner = phrase_before(lex.words(owner), lex, room)
    return owner + label if owner and owner.endswith(_OWNERS) else label


#: A clause that only gives a measure of the thing named before (总投资 30 亿元, 占地 200 亩).
_MEASURE_CLAUSE = re.compile(
    "(?:其中|项目|计划|预计)?(?:总投资|投资|占地|用地|建筑面积|总建筑面积)[^，,]*[0-9一二三四五六七八九十]")
#: A clause that opens with its subject or a time says what was done, and is no name.
_OPENS = re.compile("全区|全市|全县|全省|园区|该区|我区|本区|高新区|开发区|经开区|新区|今年|全年"
                    "|去年|目前|[0-9]+年|上半年|一季度")
#: A clause that says where a project is names the place, not the project (位于某某产业园).
_WHERE = re.compile("位于|落户|坐落|地处|选址|入驻|落地")
#: What may stand before the measure at the start of its clause (其中, 项目, 该项目).
_LEAD_IN = re.compile("[ ]*(?:其中|项目|该项目|计划|预计)?[ ]*")


#: A count in the clause before an amount: the things counted, not one named project.
_A_COUNT = re.compile("[0-9一二三四五六七八九十两]+[ ]*[个家项批座]")


def owner_before(text: str, start: int, label: str, lex: Lexicon) -> str:
    """``label`` (a bare measure opening the clause of an amount at ``start``) with the project
    or park the clause before names, when that clause is only its name (某某电池项目，总投资
    20 亿元，… → 某某电池项目总投资); else ``label``."""
    if not _BARE_MEASURE.fullmatch(label):
        return label
    head, clause = clause_head(text, start)
    lead = _LEAD_IN.match(clause)
    if head == 0 or not clause.startswith(label.removesuffix("面积"), lead.end() if lead else 0):
        return label  # (占地 200 亩 is labelled 占地面积)
    before = ""
    for _ in range(3):  # 某某项目，总投资 30 亿元，占地 200 亩: the clauses of one project
        if head == 0 or text[head - 1] not in "，,":
            return label  # (a sentence's first clause has no clause before it in this sentence)
        end = head - 1
        if text[end - 1 : end] in ("）", ")"):  # 某某项目（年产 8 万吨…），总投资: past the aside
            end = max(text.rfind("（", 0, end), text.rfind("(", 0, end), 0)
        head, before = clause_head(text, end)
        before = before.strip()
        if not _MEASURE_CLAUSE.match(before):
            break
    if not before.endswith(_OWNERS) or before in _OWNERS or _WHERE.match(before) or (
            _A_COUNT.search(before)):
        return label  # (签约项目 12 个, 开工的 27 个重大项目，总投资…: a count's clause)
    words = lex.words(before)
    room = LONG_LABEL + 4 - len(label)
    whole = len(before) <= room and lex.tags.get(words[0]) != "V" and not any(
        lex.tags.get(w) == "X" for w in words) and not _OPENS.match(before)
    # (智能制造产业园: a name, verbs and all)
    # (全区加快推进重点项目: only the phrase at its end, 重点项目)
    owner = before if whole else phrase_before(words, lex, room)
    if not whole:  # (三个项目均省重点项目: not past a function word)
        kept = lex.words(owner)
        cut = max((i for i, w in enumerate(kept) if lex.tags.get(w) == "X"), default=-1)
        owner = "".join(kept[cut + 1 :])
    return owner + label if owner and owner.endswith(_OWNERS) and owner not in _OWNERS else label


#: A sentence about the project or company the story named before (该项目…, 该公司今年…).
_POINTER = re.compile(
    "(?:[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]*日?，?)?(?:据悉，|目前，)?"
    "(?:该|此|这一?|这个)(?P<what>项目|公司|企业)")


def pointer_subject(text: str, start: int, pos: int, label: str) -> str:
    """``label`` with the project or company its sentence (from ``start``) opens with
    (该公司今年实现销售收入 8.6 亿元 → 公司销售收入), when it names none; else ``label``."""
    m = _POINTER.match(text, start, pos)
    if m is None or any(w in label for w in ("项目", "公司", "企业", "园")) or not is_measure(
            label.removeprefix("预计").removeprefix("一期")):
        return label  # (a product or a part it names is no measure of the whole)
    whole = m.group("what") + label
    return whole if len(whole) <= LONG_LABEL + 4 else label
