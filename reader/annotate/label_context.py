"""What a figure's neighbouring clauses add to its label: whose figure it is, and what a
clause with no noun of its own measures.

:mod:`reader.annotate.label_clause` reads the clause a figure stands in. News often says the
rest one clause earlier, and a reader of the summary panel sees only "label figure":

* the whole a figure is of: ``全市预计实现地区生产总值 5200 亿元`` is the city's, not the
  zone's a zone story is about, so the label keeps ``全市`` (:func:`scope_of`);
* a completion rate: ``财政收入完成全年预算的 112%`` is how much of the budget was met, not
  the budget (:func:`completion`), and the growth after it is of 财政收入;
* a clause that only has verbs before its figure (``跨境电商出口，则达到了 36.5 亿元``;
  ``启动了科创中心三期项目，总计 12 万平方米``) measures what the clause before named last
  (:func:`object_before`); a share with no subject of its own (``电子信息产业一业独大，占
  工业总产值的 71.5%``) is of what the clause before named first (:func:`subject_before`);
* a number that is no quantity of the story: a reference back (``这两个难题``), a rank
  (``位居前两位``), or the size of the field a rank is taken in (``跃居全国 169 个国家高新区
  前列``) (:func:`not_a_quantity`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.annotate.label_phrase import (
    LONG_LABEL,
    STOP,
    Lexicon,
    is_word,
    phrase_after,
    phrase_before,
)

__all__ = [
    "COUNTED_HEADS",
    "LEGAL_END",
    "OPENER_WORDS",
    "PART_HEADS",
    "ZONE_HEADS",
    "clause_head",
    "completion",
    "listed_before",
    "not_a_quantity",
    "object_before",
    "only_verbs",
    "phase_of",
    "projected",
    "scope_of",
    "subject_before",
    "subject_of",
    "threshold_before",
    "topic_of",
]

#: Wholes wider than the zone a story is about (全区 is the zone itself in a district's story).
SCOPES = ("全国", "全省", "全市", "全县")
_SCOPE = re.compile(
    f"(?:{'|'.join(SCOPES)})(?:(?:(?![有共是为达和与及])[\u4e00-\u9fff]){{0,4}}?"
    "(?:工业园区|产业园区|集中区|集聚区|开发区|经开区|高新区|园区|新区|产业园|工业园|自贸区|保税区))?")
_NUMERALS = frozenset("一二两三四五六七八九十百千万")
_CLAUSE_END = re.compile("[，。；：！？,;:!?\n（）()“”]")
#: What may open a clause before its subject: time words, 其中, a year.
#: The legal ending of a registered company name, which a label never shows (某某科技有限公司
#: → 某某科技: the name a reader knows it by).
LEGAL_END = re.compile("(?:股份)?有限(?:责任)?公司$|股份公司$|(?:（集团）|\\(集团\\))?有限公司$")
#: Heads of things a story counts and measures over a bar (36 个高新区营业收入超过…), as one
#: alternation for the patterns that read the count (label_figure) and the bar (keyfigures).
COUNTED_HEADS = "高新区|开发区|经开区|园区|企业|项目|城市|县|区"
#: (the words, as one alternation, for patterns of their own)
OPENER_WORDS = ("其中|同时|此外|另外|截至|截止|目前|当前|今年|去年|全年|上半年|下半年|前三季度"
                "|[一二三四]季度|[0-9]{4}年(?:度|末|底)?|[0-9]{1,2}月(?:份|底)?")
_OPENERS = re.compile(f"^(?:{OPENER_WORDS})*")
#: 完成全年预算的 112%: a rate of completion of a plan.
_COMPLETION = re.compile(
    "(?P<verb>完成|达到|实现)(?P<plan>[\u4e00-\u9fff]{0,6}?(?:预算|计划|目标|任务))的?[ ]*$"
)
#: 总工程量已经完成 70%: progress of a work.
_PROGRESS = re.compile("(?:已经|已)完成[ 了约近超逾]*$")
#: Only verbs and adverbs between a clause's start and its figure (则达到了, 总计, 共计约).
_VERBS_ONLY = re.compile(
    "^(?:则|又|还|也|已|将|共|总共|总计|共计|合计|累计|达到了|达到|达|为|约为|约|近|超过|超"
    "|逾|计|有|了|是)*$"
)
#: 这两个难题, 其三家子公司: a number that points back at things already named.
_POINTER = re.compile("(?:这|那|这些|那些|该|其|此)[ ]*$")
#: 前两位, 第 3 名: a rank, not an amount.
_RANK_BEFORE = re.compile("(?:前|第)[ ]*$")
_RANK_UNITS = ("位", "名", "强", "甲")
#: Units that count the parts of a policy or a programme (八条措施, 两轮, 三项任务, 第二批):
#: written in words they are how a text is organised, not a quantity it reports.
_RHETORIC_UNITS = frozenset(("条", "轮", "项", "次", "届", "批", "方面", "点"))
#: 全国 169 个国家高新区前列: the field a rank is taken in.
_RANK_AFTER = re.compile(
    "[^\\s的位居列排在，。；、]{1,10}?(?:前列|之首|首位|中排名|中排|中位居|中位列|中名列|中居|第[0-9一二三四五六七八九十]+[位名])"
)


_IN_FIELD = re.compile("在(?:全国|全省|全市|全球|全区)?[ ]*$")
_FIELD_END = re.compile("[^，。；,;]{1,10}?中(?:[，,]|排名|位居|位列|名列|居)")


_FULL_STOPS = "。！？!?\n"


def sentence_start(text: str, pos: int, reach: int | None = None) -> int:
    """Where the sentence holding ``pos`` starts: after the last full stop before it, over
    semicolons (…增长 15.2%；利润总额…: one sentence); no further back than ``reach``."""
    low = 0 if reach is None else max(0, pos - reach)
    return max(low, max(text.rfind(end, low, pos) for end in _FULL_STOPS) + 1)


def clause_head(text: str, pos: int, reach: int = 40) -> tuple[int, str]:
    """Start and text of the clause that ends at ``pos`` (read within ``reach``)."""
    lo = max(0, pos - reach)
    head = text[lo:pos]
    ends = list(_CLAUSE_END.finditer(head))
    start = lo + (ends[-1].end() if ends else 0)
    return start, text[start:pos]


def _tokens(lex: Lexicon, text: str) -> list[str]:
    return lex.words(text.replace(" ", ""))


def scope_of(text: str, pos: int, label: str) -> str:
    """全市, 全省, 全国 or 全县 when the figure's clause is about that whole and ``label``
    does not say so already; else "". A clause that opens with its change (增长 6%) is
    about the whole of the clause before."""
    if any(scope in label for scope in SCOPES):
        return ""
    for _ in range(2):
        start, clause = clause_head(text, pos)
        clause = _OPENERS.sub("", clause.strip())
        whole = _SCOPE.match(clause)
        if whole:  # 全市开发区实现主营业务收入: all the city's zones, together
            return whole.group()
        if not clause.startswith(("增长", "同比", "比上年", "较上年", "下降", "增加", "减少")):
            return ""
        if start == 0 or text[start - 1] not in "，,":
            return ""
        pos = start - 1
    return ""


def completion(text: str, pos: int, lex: Lexicon) -> tuple[str, str]:
    """(subject, 完成 + plan) when the percent at ``pos`` says how much of a plan was met
    (财政收入完成全年预算的 112%); else ("", "")."""
    _, clause = clause_head(text, pos)
    m = _COMPLETION.search(clause)
    if m is None:
        m = _PROGRESS.search(clause)
        if m is None:
            return "", ""
        done = "完成进度"  # 工程总工程量已经完成 70%: how far the work has got
    else:
        done = m.group("verb") + m.group("plan")
    words = [t for t in _tokens(lex, clause[: m.start()]) if is_word(t)]
    subject = phrase_before(words, lex) if words else ""
    return subject, done


def object_before(text: str, pos: int, lex: Lexicon) -> str:
    """The noun phrase the clause before ends with, when the figure's own clause has only
    verbs and adverbs before the figure (跨境电商出口，则达到了 36.5 亿元) and the clause
    before has no figure of its own; else ""."""
    start, clause = clause_head(text, pos)
    if not _VERBS_ONLY.match(clause.replace(" ", "")) or start == 0 \
            or text[start - 1] not in "，,":
        return ""
    _, previous = clause_head(text, start - 1)
    if not previous.strip() or any(ch.isdigit() for ch in previous):
        return ""
    tokens = _tokens(lex, previous)
    if not tokens or tokens[-1] in STOP or not is_word(tokens[-1]) or len(tokens[-1]) < 2:
        return ""
    return phrase_before(tokens, lex)


def subject_before(text: str, pos: int, lex: Lexicon) -> str:
    """The noun phrase the clause before opens with (电子信息产业一业独大，占… → 电子信息
    产业), when that clause has no figure; else ""."""
    start, _ = clause_head(text, pos)
    if start == 0 or text[start - 1] not in "，,":
        return ""
    _, previous = clause_head(text, start - 1)
    previous = _OPENERS.sub("", previous.strip())
    if not previous or any(ch.isdigit() for ch in previous):
        return ""
    words = _tokens(lex, phrase_after(_tokens(lex, previous), lex))
    while words and (len(words[-1]) < 2 or lex.rare(words[-1]) or words[-1][0] in _NUMERALS):
        words.pop()  # 电子信息产业 | 一业独大: a phrase ends with a noun the dictionary knows
    subject = "".join(words)
    return subject if 1 < len(subject) <= LONG_LABEL else ""


def not_a_quantity(text: str, start: int, end: int, unit: str, kind: str) -> bool:
    """True when the figure at ``start``..``end`` is no quantity a story reports: a pointer
    back (这两个难题), a rank (前两位, 第 3 名), or the field of a rank (全国 169 个国家高新区
    前列)."""
    before = text[max(0, start - 3) : start]
    if kind == "count" and _POINTER.search(before):
        return True
    if unit in _RANK_UNITS and _RANK_BEFORE.search(before):
        return True
    if kind != "count":
        return False
    if unit in _RHETORIC_UNITS and not any(c.isdigit() for c in text[start:end]):
        return True  # 八条措施, 两轮评审, 三项任务: the parts of a text or a plan, in words
    after = text[end : end + 16].replace(" ", "")
    if after.startswith(("位次", "名次")):
        return True  # 上升两个位次: a change of rank
    if _IN_FIELD.search(text, max(0, start - 6), start) and _FIELD_END.match(after):
        return True  # 在全国 169 个国家高新区中: the field a rank is taken in
    return _RANK_AFTER.match(after) is not None


def only_verbs(text: str, pos: int) -> bool:
    """True when the clause before ``pos`` has only verbs and adverbs (则达到了, 总计) and
    follows a comma: what it measures was named in the clause before."""
    start, clause = clause_head(text, pos)
    return bool(_VERBS_ONLY.match(clause.replace(" ", ""))) and start > 0 \
        and text[start - 1] in "，,"


#: 一期, 二期, 首期 opening a clause (其中一期投资 12 亿元): the figure is of that phase.
_PHASE = re.compile(
    "(?:其中|项目|工程)?[ ]*(?:[0-9]{4}年)?(?:实施|建设|启动)?(?P<phase>[一二三四五首]期)")


def phase_of(text: str, pos: int, label: str) -> str:
    """一期 (二期, 首期) when the figure's clause, or a 其中 clause right before it, opens
    with that phase and ``label`` does not name a phase: a part, not the whole project."""
    if "期" in label:
        return ""
    start, clause = clause_head(text, pos)
    m = _PHASE.match(_OPENERS.sub("", clause.strip()))
    if m:
        return m.group("phase")
    if start and text[start - 1] in "，,":
        _, previous = clause_head(text, start - 1)
        previous = previous.strip()
        if previous.startswith("其中"):
            m = _PHASE.match(_OPENERS.sub("", previous))
            return m.group("phase") if m else ""
    return ""


#: A project's figure once built (建成后, 达产后): a projection, not a result.
_PROJECTION = re.compile(
    "建成后|达产后|投产后|达产达效后|全部达产|可容纳|可实现|可带动|将带动|预计可|可望")


def projected(sentence_before: str) -> bool:
    """True when the words before a figure in its sentence make it a projection."""
    return _PROJECTION.search(sentence_before) is not None


#: A threshold before a counted noun: 过 100 亿元的, 10 亿元以上, 年销售收入超 50 亿元的.
_THRESHOLD = re.compile(
    "(?P<threshold>(?:过|超过|超|逾|达到|达|在)[ ]*[0-9][0-9.]*[ ]*[万亿]*[元美]*元?"
    "(?:以上|及以上)?|(?:[0-9][0-9.]*[ ]*[千百十]?|[千百十])?[万亿]*[元美]*元?(?:以上|及以上)"
    "|[0-9][0-9.]*[ ]*[-—~至到][ ]*[0-9][0-9.]*[ ]*[万亿]+[美]?元)"  # (a range: 20-50亿元项目)
    "的?[ ]*$"
)


def threshold_before(text: str, end: int) -> str:
    """The threshold that qualifies the noun starting at ``end`` (过100亿元企业, 亿元以上项目,
    百亿元以上企业), or ""."""
    m = _THRESHOLD.search(text, max(0, end - 16), end)
    return m.group("threshold").replace(" ", "") if m else ""


def listed_before(text: str, pos: int, count: int, lex: Lexicon) -> list[str]:
    """技工贸总收入、工业总产值、出口创汇，分别是 2005 年的 4.2 倍、3.6 倍和 5.1 倍: the
    ``count`` nouns the clause before lists, one per figure, when it lists as many and has
    no figure of its own; else []."""
    start, _ = clause_head(text, pos)
    if start == 0 or text[start - 1] not in "，,":
        return []
    _, previous = clause_head(text, start - 1, reach=80)
    previous = _OPENERS.sub("", previous.strip())
    if any(ch.isdigit() for ch in previous):
        return []
    items = re.split("、|和|及|与", previous)
    if len(items) != count:
        return []
    nouns = [phrase_before(_tokens(lex, item), lex) for item in items]
    return nouns if all(nouns) else []


#: How the names of zones and parks end, past the place that starts them (旬阳县 生态工业集中区).
_ZONE_TAIL = re.compile(  # (no verb: 全省共有省级开发区 names no zone)
    "(?:(?![有共是为达和与及])[\u4e00-\u9fff]){0,8}?(?:集中区|集聚区|工业园区|产业园区|园区|工业园|产业园|开发区|高新区|新区"
    "|示范区|试验区|保税区|科技城|产业区|科技园)"
)
#: What may stand between a sentence's start and its topic (其中，2016年，).
_LEAD = re.compile(_OPENERS.pattern.replace("^(?:", "(?:[ ，,：:、]|", 1))


def topic_of(text: str, start: int, pos: int, places: Sequence[tuple[int, int]]) -> str:
    """The place or zone a sentence starting at ``start`` is about, when it opens the
    sentence (after 其中, a date, a time word) before the figure at ``pos``
    (其中，南宁综合保税区实现外贸进出口额… → 南宁综合保税区), with the zone after a place
    (旬阳县生态工业集中区); else "". ``places`` are the block's place names as spans."""
    if pos - start > _SUBJECT_REACH:
        return ""
    for s, e in places[bisect_left(places, (start, 0)) :]:
        if s >= pos:
            break
        if _LEAD.match(text, start, s).end() < s:
            return ""  # something else opens the sentence: the place is not its topic
        if text.startswith(("（", "("), e):
            return ""  # 中国（南宁）某综合试验区: the start of a longer name
        zone = _ZONE_TAIL.match(text, e, pos)
        if zone and not any(ch.isdigit() for ch in zone.group()):
            e = zone.end()
        return text[s:e]
    return ""


#: Subjects that are the story's own zone or a pointer back to something named before.
_SELF = frozenset(("园区", "该区", "全区", "我区", "本区", "高新区", "开发区", "经开区", "新区",
                   "区内", "园内", "该园", "本园", "全园", "我市", "该市", "本市", "全市"))
#: Verbs a clause's subject comes before (北区 完成 地区生产总值…, 第三产业 实现 增加值…).
_PREDICATES = frozenset(("完成", "实现", "达到", "拥有", "累计", "新增", "引进", "签约", "计划",
                         "预计", "规划", "占地", "创造", "贡献", "获得", "吸引", "带动", "提供",
                         "上缴", "上交", "缴纳"))


def subject_of(text: str, start: int, pos: int, lex: Lexicon, label: str,
               orgs: Sequence[tuple[int, int]] = ()) -> str:
    """The part or party a clause starting at ``start`` is about, when it opens the clause
    and a verb of measure follows it before the figure at ``pos`` (北区完成地区生产总值 →
    北区, 第三产业实现增加值 → 第三产业, 某某投资公司计划投资 → 某某投资公司: ``orgs`` are
    the block's organisation names as spans), and ``label`` does not hold it; else "".
    The story's own zone (园区, 该区) and pointers (该项目) are no such subject."""
    if pos - start > _SUBJECT_REACH:
        return ""  # (only a clause's opening words can be its subject: never read far)
    lead = _LEAD.match(text, start, pos).end()
    k = bisect_left(orgs, (lead, 0))
    for s, e in orgs[k : k + 1]:
        # (园区龙头企业某某公司实现…: a description of the firm may come before its name)
        if e < pos and (s == lead or (s - lead <= 8 and _DESCRIBED.fullmatch(text, lead, s))):
            e += 2 if text.startswith("项目", e) else 0
            after = [w for w in lex.words(text[e:pos]) if not _WHEN.fullmatch(w)]
            first = lex.words(label)[:1] if label else []
            # (某某公司实现营收…; 某某公司去年研发投入达…: the measure right after the name)
            if after and (after[0] in _PREDICATES or after[:1] == first) and (
                    text[s:e] not in label):
                return text[s:e]
            if s == lead:
                return ""
    verb = _PREDICATE.search(text, lead, pos)
    if verb is None or verb.start() == lead:
        return ""  # no verb of measure, or nothing before it: no subject
    subject = lex.words(text[lead : verb.start()])  # (only the words before the verb)
    trade = "".join(subject).endswith(("产业", "行业", "板块"))  # (装备制造产业: verbs and all)
    if any((lex.tags.get(w) == "V" and not trade) or lex.tags.get(w) == "X" or not is_word(w)
           for w in subject):
        return ""
    phrase = "".join(subject)
    head = next((h for h in PART_HEADS if phrase.endswith(h)), "")
    if not head or len(phrase) <= len(head) or len(phrase) > 10 or phrase in _SELF:
        return ""  # (a bare 项目 is no part; 北区, 某某项目 are)
    if phrase.endswith(ZONE_HEADS):
        return ""  # a zone is a place: the story's own or not, see topic_of
    if phrase[0] in "该本此其各这那" or phrase in label:
        return ""
    return phrase


#: What may describe a firm before its name opens a clause (园区龙头企业, 作为链主企业的).
_DESCRIBED = re.compile("[\u4e00-\u9fff]{0,6}(?:企业|公司|龙头|链主|单位)的?")
#: Time words between a subject and its verb (某某公司去年实现营收…).
_WHEN = re.compile("[，, ]|去年|今年|明年|当年|全年|上半年|下半年"
                   "|前[一二三四五六七八九十]+个?[月季]度?|[一二三四]季度|[0-9]+年|[0-9]+月(?:份)?|已|已经|共|同期|年内|首次"
                   "|将|拟|还将|也|又|再|还|正式")  # (某某集团将投资 20 亿元: the group's)
_PREDICATE = re.compile("|".join(sorted(_PREDICATES, key=len, reverse=True)))
#: How far before its figure a clause's or sentence's subject is looked for, in characters.
_SUBJECT_REACH = 60
#: Zones, whose figures say whose by :func:`topic_of` (a place, the story's own or not).
ZONE_HEADS = ("高新区", "开发区", "经开区", "新区", "园区", "工业园", "产业园", "科技园", "保税区",
              "试验区", "示范区", "集中区", "集聚区", "自贸区", "工业区")
#: How a part or party of a story ends (北区, 核心区, 第三产业, 某某项目, 某某公司).
PART_HEADS = ("区", "产业", "项目", "园", "基地", "公司", "集团", "行业", "板块", "片区", "组团")

