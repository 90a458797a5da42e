"""The label of one figure: the thing it measures, read from the words around it.

:mod:`reader.annotate.keyfigures` calls :func:`label_of` for each figure of an article and then
says whose figure it is and what kind (a target, a projection, a part) from the clauses around;
this module reads only the figure's own clause: the noun before it, the counted noun after a
measure word, the change and share words between (see the rules in ``keyfigures``' docstring).
"""

from __future__ import annotations

import re

from reader.annotate.label_clause import (
    change_word,
    noun_after,
    noun_before,
    noun_of_previous_clause,
    paired_nouns,
)
from reader.annotate.label_compare import compared
from reader.annotate.label_context import (
    COUNTED_HEADS,
    completion,
    listed_before,
    object_before,
    only_verbs,
    subject_before,
    threshold_before,
)
from reader.annotate.label_phrase import (
    GENERIC,
    HEAD_NOUNS,
    LONG_LABEL,
    MAX_LABEL,
    NEW_VERBS,
    Lexicon,
    is_measure,
    phrase_before,
)
from reader.model import Figure

__all__ = ["fit", "label_of"]

# Measure words that count people (200 位嘉宾, 30 名党员).
_PEOPLE = frozenset(("位", "名", "人", "人次"))
#: Verbs of land use right before an area (占地 124 亩 → 占地面积).
_LAND_USE = re.compile(
    "(占地|用地|征地|供地|流转|出让|规划|竣工|新开工|开工|在建|施工|建成|交付|成交|销售)(?:面积)?"
    "[ 约近超逾达共为]*$")
#: Verbs of a flow right before a count (新增 5 家): the label says it is new.
_NEW = re.compile(f"({NEW_VERBS})[ 约近超逾了]*$")
#: A conjunction right before a figure starts a new item of a list (…和约 4.7 万平方米人才公寓).
_AND_BEFORE = re.compile("(?:和|及|与|以及)[约近超逾]?[ ]*$")
#: Measure words of events (8 场, 3 次, 第 5 届) and the event nouns they count.
_EVENT_UNITS = frozenset(("场", "次", "届", "期", "场次"))
_EVENT_NOUN = re.compile(
    "[ ]*([^，。；、：！？0-9 ]{0,10}?(?:活动|仪式|大会|会议|论坛|推介会|对接会|洽谈会|招聘会|"
    "培训班|培训|讲座|展会|路演|比赛|大赛))")
_CLASSED = re.compile("[0-9]强|以上|[过超逾]|[0-9][ ]*[-—~至到][ ]*[0-9.]+[ ]*[万亿]+[美]?元")
#: The top ranks the counted things reached, after them (国家级经开区跻身全国 30 强).
_RANKED = re.compile(
    "[ ]*(?P<head>[\u4e00-\u9fff]{2,16}?)(?:位列|进入|跻身|入围|入选|位居|名列|挺进)"
    "(?P<scope>全国|全省|全球|世界|全市|中国|国内)?(?P<board>[\u4e00-\u9fff]{0,6}?)"
    "(?P<front>前?)[ ]*"
    "(?P<n>[0-9]+|[一二三四五六七八九十百]+)[ ]*强")
#: A move in a ranking, counted in places (提升 1 位, 前移 3 位).
_RANK_MOVE = re.compile("(提升|上升|前进|前移|进位|下降|后退|下滑|跃升)了?[ ]*$")
#: Counted things, a measure of theirs and the bar it passed (高新区营业收入超过 1000 亿元).
_OVER_BAR = re.compile(
    f"[ ]*(?P<noun>[\u4e00-\u9fff]{{0,8}}?(?:{COUNTED_HEADS}))"
    "(?P<measure>[\u4e00-\u9fff]{2,8}?)(?:超过|超|突破|逾|过|在)[ ]*"
    "(?P<bar>[0-9][0-9.]*[ ]*(?:[万亿]+[美]?元|%))(?:以上)?")
#: Words of when or how often a rank was reached (第二次, 连续三年, 再次).
_WHEN_RANKED = re.compile("第|次|年|连续|再|均|都|首|已")
#: What is ranked: the head of the counted noun (国家级经开区 | 实际使用外资 位列…).
_RANKED_HEAD = re.compile("高新区|开发区|经开区|新区|园区|企业|公司|集团|项目|城市|县|区|品牌")
#: A rank class before a noun (世界500强企业), or (_CLASSED) any class: 亿元以上, 过 100 亿元.
_RANK_CLASS = re.compile("(?:世界|中国|全球|全国|全省|民营|行业|亚洲)?[0-9]+$")
#: The rest of a list of counts up to the 的 before their shared noun (512 件、236 件的).
_LIST_TAIL = re.compile(
    "(?:[ ]*[、和及与][ ]*[0-9][0-9.,]*[ ]*[^ 、和及与的，。；0-9]{0,2})*[ ]*的")
#: How news counts jobs, right before the number of people (安排就业, 带动就业).
_JOBS = re.compile("(?:安排|带动|吸纳|新增|解决|提供|促进|实现)?(?:就业|就业岗位)[ 约近超逾达]*$")
#: Totals that say nothing without what they total (总数达 1630 家).
_TOTALS = frozenset(("总数", "总量", "总额", "总计", "总规模", "规模", "数量", "累计"))
#: A share named by its verb and place alone (占全市): the subject is in the clause before.
_SHARE_ONLY = frozenset(("占", "占全市", "占全省", "占全国", "占全区", "占全县"))
#: Ratio nouns after 占 whose owner is the subject (占工业总产值比重 → 产值占比).
_RATIOS = ("比重", "比例", "占比")


def fit(label: str, fallback: str) -> str:
    return label if len(label) <= MAX_LABEL else fallback


def label_of(raw: str, text: str, fig: Figure, in_list: tuple[int, int, int] | None,
           lex: Lexicon) -> str:
    """The label of ``fig``, read before it from ``text`` (its block with the names of
    companies and people blanked out) and after it from ``raw`` (the block as written: what
    follows a measure word is a counted noun, and 设立 1 亿元某某产业基金 is of the fund,
    whatever its name)."""
    if fig.kind == "count" and in_list:
        tail = _LIST_TAIL.match(raw, fig.end)
        after = noun_after(raw, tail.end(), lex, nominal=True) if tail else ""
        if after:
            # 分别以 512 件、236 件的申请量: the noun after the list's 的 is every figure's;
            # the things of a 分别 name each figure's own
            paired = paired_nouns(text, in_list[0], in_list[2], lex)
            own = paired[in_list[1]] + after if paired else after
            return own if len(own) <= LONG_LABEL else after
    event = _EVENT_NOUN.match(raw, fig.end) if fig.unit in _EVENT_UNITS else None
    if event:  # 8 场项目集中开工活动: the events are counted, not the projects in their name
        return event.group(1)
    if fig.kind == "count" and _CLASSED.search(text, fig.start - 24, fig.start):
        noun = noun_before(text, fig.start, lex)[0]
        head = text[max(0, fig.start - 40) : fig.start].rstrip()
        if noun and head.endswith(noun):
            rank = _RANK_CLASS.search(head, 0, len(head) - len(noun))
            # 世界500强企业 28 家; 过100亿元的企业 4 家, 10亿元以上项目 96 个: the class
            # the counted things are of is part of what is counted
            qualifier = rank.group() if rank and noun.startswith("强") else threshold_before(
                head, len(head) - len(noun))
            if qualifier and len(qualifier) + len(noun) <= LONG_LABEL:
                return qualifier + noun
    moved = _RANK_MOVE.search(text, max(0, fig.start - 6), fig.start) if fig.unit == "位" else None
    if moved:  # 位列全国第 6，较上年提升 1 位: places in a ranking, not a count
        return "排名" + moved.group(1)
    if fig.kind == "count":
        over = _OVER_BAR.match(raw, fig.end, fig.end + 40)
        if over:  # 56 个高新区营业收入超过 1000 亿元: those over the bar, counted
            whole = over.group("measure") + "超" + over.group("bar") + over.group("noun")
            return whole if len(whole) <= LONG_LABEL + 4 else over.group("noun")
        ranked = _RANKED.match(raw, fig.end, fig.end + 40)
        head = _RANKED_HEAD.search(ranked.group("head")) if ranked else None
        if ranked and head:
            # 5 家国家级经开区跻身全国 30 强: of the top 30, not all of them
            noun = ranked.group("head")[: head.end()]
            rank = (ranked.group("scope") or "") + ranked.group("board") + ranked.group(
                "front") + ranked.group("n") + "强"
            what = ranked.group("head")[head.end() :]  # (实际使用外资全国10强)
            what = "" if _WHEN_RANKED.search(what) else what  # (第二次入选: when, not what)
            whole = what + rank + noun
            return whole if len(whole) <= LONG_LABEL + 4 else rank + noun
        after = noun_after(raw, fig.end, lex, counted=True, people=fig.unit in _PEOPLE)
        if after:
            # 新增 5 家上市公司: a flow, not the stock the same article counts elsewhere
            new = _NEW.search(text, max(0, fig.start - 6), fig.start)
            return fit(new.group(1) + after, after) if new else after
    if _AND_BEFORE.search(text, max(0, fig.start - 4), fig.start):
        # 3500 平方米的商务中心和约 4.7 万平方米人才公寓: a new item, named after its figure
        after = noun_after(raw, fig.end, lex)
        if after:
            return after
    # The figures of a list share the noun and the change words before the first.
    start = in_list[0] if in_list else fig.start
    if fig.kind == "percent":
        subject, done = completion(text, start, lex)
        if done:  # 财政收入完成全年预算的 112%: how much of the plan was met
            # 工业产值 41.2 亿元，同比增长 21.5%，完成年度任务 26.8%: of the clause before's
            subject = subject or noun_of_previous_clause(text, start, lex, plain=True)
            return subject + done if len(subject + done) <= LONG_LABEL else done
    if fig.kind == "percent" or fig.unit == "倍":
        de = fig.end + len(raw[fig.end : fig.end + 3]) - len(raw[fig.end : fig.end + 3].lstrip())
        things = noun_after(raw, de + 1, lex, nominal=True) if raw.startswith("的", de) else ""
        things = "" if things.endswith(("目标", "任务")) else things  # (…超 75% 的硬核目标)
        owner = noun_of_previous_clause(text, start, lex)
        listed = listed_before(text, start, in_list[2], lex) if in_list else []
        owner = listed[in_list[1]] if listed and in_list else owner
        at = start if listed else fig.start  # 分别是 2005 年的 4.2 倍、3.6 倍: the list's words
        label = compared(raw, text, at, fig.end, fig.unit, lex, owner, things)
        if label:
            return label
    noun, change, share = noun_before(text, start, lex)
    bracket = text[max(0, start - 2) : start].rstrip()
    if not noun and bracket.endswith(("（", "(")):
        # 挂牌企业数量（4 家）、总量（10 家）: a figure in brackets is of the noun before them
        start = text.rfind(bracket[-1], 0, start)
        noun = noun_before(text, start, lex)[0]
    if in_list:
        paired = paired_nouns(text, start, in_list[2], lex)
        noun = paired[in_list[1]] if paired else noun
    # 年产 60 万吨钢材: a capacity is of the product named after it.
    capacity = text[max(0, fig.start - 3):fig.start].replace(" ", "").endswith("年产")
    if fig.kind == "area" and (not noun or noun in GENERIC or noun in ("面积", "土地")):
        # 占地 124 亩, 用地 300 亩, 竣工 42 万平方米: the land's use or the building's names it
        use = _LAND_USE.search(text, max(0, start - 6), start)
        noun = use.group(1) + "面积" if use else noun
    if not noun or noun in GENERIC:
        # 跨境电商出口，则达到了 36.5 亿元: the clause before named what is measured;
        # 工业总产值增长 18.4%，达到 96.2 亿元: the clause before measured it too
        thing = object_before(text, start, lex) or (
            noun_of_previous_clause(text, start, lex, plain=True) if only_verbs(text, start)
            else "")
        if thing and not (is_measure(thing) or thing.endswith(HEAD_NOUNS)):
            thing = ""  # 经济圈面积较大，有…: a predicate, not a thing named
        if thing and fig.kind == "area" and not is_measure(thing):
            thing = thing + "面积" if len(thing) + 2 <= LONG_LABEL else ""
        noun = thing or noun
    if not noun and fig.unit in _PEOPLE:
        # 安排就业 1.28 万人: jobs are counted by the verb phrase, there is no noun
        jobs = _JOBS.search(text, max(0, fig.start - 8), fig.start)
        noun = jobs.group().strip() if jobs else noun
    if change and not noun:
        # 营收达 800 亿元，同比增长 12.5%: the change is of the thing the clause before measured.
        noun = noun_of_previous_clause(text, start, lex)
    if fig.kind != "count" and (not noun or noun in GENERIC or capacity or (
            fig.kind == "money" and not change and not is_measure(noun))):
        # 完成超3亿元股权融资, 设立1亿元基金: a noun glued after an amount is what it measures;
        # 设立 5000 万元的发展资金: past a 的, too.
        skip = 1 if raw.startswith("的", fig.end) else 0
        noun = noun_after(raw, fig.end + skip, lex, nominal=bool(skip)) or noun
        of = raw.find(noun + "的", fig.end, fig.end + len(noun) + 3) if noun in GENERIC else -1
        if of >= 0:  # 形成 300 亿元规模的产业基金群: the scale is the fund group's
            owner = noun_after(raw, of + len(noun) + 1, lex, nominal=True)
            if owner and len(owner) + len(noun) <= LONG_LABEL:
                noun = owner + noun
    if (noun in _TOTALS and fig.kind != "percent") or (
            fig.kind == "percent" and noun in ("占比", "比重", "比例") and not share):
        # 新增研发机构 33 家，总数达 1630 家: the total of what the clause before counted
        owner = noun_of_previous_clause(text, start, lex)
        if owner and len(owner) + len(noun) <= LONG_LABEL and not owner.endswith(noun):
            noun = owner + noun  # (never 占比占比)
    if share and (share in _SHARE_ONLY or share.startswith("占")):
        # 技术转移示范机构 12 家、占全市 34.3%: the share is of what the clause before counted
        owner = noun_of_previous_clause(text, start, lex, plain=True) or (
            subject_before(text, start, lex) if share == "占" else "")
        if lex.tags.get(owner) == "V":
            owner = ""  # 新认定企业共创造 210 亿元的总产值，占…: the verb owns nothing
        room = LONG_LABEL - len(share) - (len(noun) if fig.kind == "percent" else 0)
        if owner and len(owner) > room:  # 高新区国内生产总值 → 国内生产总值: first words go
            owner = phrase_before(lex.words(owner), lex, room)
        if owner and len(owner) <= room:
            share = owner + share
    if change:
        # 营收增加 350亿元 is a change, not the level: the label says so (营收增加, 同比增长).
        if noun and noun not in GENERIC:
            if share.endswith("占") and not noun.startswith("占"):
                noun = "占" + noun  # 占合肥市比重较上年提高: the share rose, not the city
            return noun + change_word(change)
        return change
    if share and noun and fig.kind == "percent" and len(noun) + len(share) <= LONG_LABEL:
        return share + noun  # 占全国 20%, 高于全市 2 个百分点: a share or a lead, not the place
    if share and noun and fig.kind == "percent" and noun.endswith(_RATIOS) and (
            share.endswith("占") and len(share) > 1):
        # 某产业产值占规上工业总产值比重 (too long): the subject's share, not the whole
        return share + "比"
    return noun
