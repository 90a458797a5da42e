"""Pick an article's key numbers and label each with the thing it measures.

The summary panel shows a handful of figures a reader would quote: 工业总产值 1000 亿元,
投资总额 350 亿元, 项目 153 个. This module ranks the figures found by
:mod:`reader.annotate.figures` and labels each from its sentence by general rules
(``label_clause`` reads the clause, ``label_phrase`` builds the phrase from the segmenter's
tokens, ``label_context`` and ``label_neighbours`` read the clauses around: whose it is):

* the label is the noun phrase right before the figure, once the verbs and qualifiers
  between it and the number are trimmed (总投资额达265.6亿元 → 总投资额); for a count it is
  the counted noun after the measure word when there is one (43个项目 → 项目), and for an
  amount a noun glued after it (3亿元股权融资 → 股权融资) unless the noun before already names
  an amount (总投资 12 亿元的某某显示模组项目 → 总投资, not the company after it);
* labels are whole words from the segmenter (合同签约额, never 额), keep their head when too
  long (产业发展引导基金), skip the names of companies and people the entity finder found, and
  a figure that is a change says so (营收增加 350亿元 → 营收增加; 同比增长 12.5% after 营收 in
  the clause before → 营收增长);
* the figures of a list share the noun before the first (产值分别增长 6%、8%), or take one
  noun each when the clause names as many before 分别 (A、B分别增长 6%、8%); a count labelled
  only by a place ((其中某区 80 家)) takes the counted noun of the count before it;
* ranking (``keyfigure_rank``): money first, the title's own number and bigger totals higher;
* dates and durations are never key figures, nor thresholds that only name a category
  (亿元以上项目); a figure repeated in the story (same kind, value and unit) counts once.

Segmentation uses jieba through a ``cut`` callable: by default the app's shared tokenizer
(:mod:`reader.annotate.nlp`) when it is loaded, else jieba's own, loaded on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from reader.annotate.figures import figure_kind_label
from reader.annotate.keyfigure_rank import figure_lists, pick, score
from reader.annotate.label_clause import (
    change_word,
    mask_names,
    noun_after,
    noun_before,
    noun_of_previous_clause,
    paired_nouns,
)
from reader.annotate.label_compare import compared
from reader.annotate.label_context import (
    completion,
    listed_before,
    not_a_quantity,
    object_before,
    only_verbs,
    phase_of,
    projected,
    scope_of,
    subject_before,
    threshold_before,
)
from reader.annotate.label_neighbours import from_neighbours, subjects, whose_figure
from reader.annotate.label_phrase import (
    GENERIC,
    HEAD_NOUNS,
    LONG_LABEL,
    MAX_LABEL,
    Lexicon,
    is_kind,
    is_measure,
    lexicon,
    phrase_before,
)
from reader.annotate.labels import Sentences
from reader.model import Article, Entity, Figure, KeyFigure, Located
from reader.text.traditional import has_traditional, simplified

__all__ = ["key_figures", "labelled_figures", "sentence_at"]

Cutter = Callable[[str], Sequence[str]]
Tags = Mapping[str, str]

_CATEGORY = re.compile(
    "[ ]*(?:(?:以上|以下|级以上|及以上)[\u4e00-\u9fff]|级"
    "|(?:以上|以下)?的(?:企业|项目|工业企业|重点项目)"
    "[^，。；]{0,8}?[0-9一二三四五六七八九十两]+[ ]*[家个项])"
)
#: Before a threshold's amount (出口超亿美元的企业 9 家, 投资超 20 亿元的项目 5 个).
_OVER = ("超", "超过", "逾", "达", "到", "在", "过")
#: A target, not a result: the sentence before the figure sets a goal (力争…达到).
_TARGET = re.compile("力争|奋斗目标|目标|希望|有望|期望|预期|规划到")
# Measure words that count people (200 位嘉宾, 30 名党员).
_PEOPLE = frozenset(("位", "名", "人", "人次"))
#: Verbs of land use right before an area (占地 124 亩 → 占地面积).
_LAND_USE = re.compile(
    "(占地|用地|征地|供地|流转|出让|规划|竣工|新开工|开工|在建|施工|建成|交付|成交|销售)(?:面积)?"
    "[ 约近超逾达共为]*$")
#: How the names of zones and parks end: such a label is where, not what is measured.
_ZONES = ("区", "园区", "产业园", "工业园", "产业")
#: Verbs of a flow right before a count (新增 5 家): the label says it is new.
_NEW = re.compile("(新增|新引进|新认定|新设立|新注册|新落户)[ 约近超逾了]*$")
#: A conjunction right before a figure starts a new item of a list (…和约 4.7 万平方米人才公寓).
_AND_BEFORE = re.compile("(?:和|及|与|以及)[约近超逾]?[ ]*$")
#: Units that rate equipment (10 千伏开闭所): a class of facility, never a key number.
_RATINGS = frozenset(("千伏", "伏", "kV", "千伏安", "kVA", "兆伏安"))
_CLASSED = re.compile("[0-9]强|以上|[过超逾]")
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


def sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` (split on 。！？；) that contains offset ``pos``.

    Clipped around ``pos`` to :data:`~reader.annotate.labels.SENTENCE_CHARS` when longer.
    """
    return Sentences(text).at(pos)


def key_figures(article: Article, figures: list[Located[Figure]], limit: int = 8,
                cut: Cutter | None = None, tags: Tags | None = None,
                entities: Sequence[Located[Entity]] = ()) -> list[KeyFigure]:
    """The ``limit`` most important figures of ``article`` (see :func:`labelled_figures`)."""
    return labelled_figures(article, figures, limit, cut, tags, entities)[0]


def labelled_figures(article: Article, figures: list[Located[Figure]], limit: int = 8,
                     cut: Cutter | None = None, tags: Tags | None = None,
                     entities: Sequence[Located[Entity]] = (),
                     ) -> tuple[list[KeyFigure], dict[tuple[int, int, int], str]]:
    """The ``limit`` most important figures of ``article``, best first, each labelled, and
    the label of every figure labelled on the way ((block, start, end) → label: the library's
    figures view shows them for all figures, not only the key numbers).

    ``tags`` maps words to the segmenter's word classes (see :mod:`reader.annotate.nlp`);
    by default the app's, when its NLP stack is loaded. ``entities`` are the article's
    names: companies and people are never a label, a place alone never labels a count.
    """
    lex = lexicon(cut, tags)
    ordered = sorted(figures, key=lambda lf: (lf.block, lf.span.start))
    lists = figure_lists(article, ordered)
    names: dict[int, list[tuple[int, int]]] = {}
    places: dict[int, set[str]] = {}
    place_spans: dict[int, list[tuple[int, int]]] = {}
    orgs: dict[int, list[tuple[int, int]]] = {}
    for located in entities:
        entity = located.span
        if entity.type == "place":
            places.setdefault(located.block, set()).add(entity.text)
            place_spans.setdefault(located.block, []).append((entity.start, entity.end))
        elif entity.type == "person" or not is_kind(lex.cut(entity.text)[-1], lex):
            # (an "organisation" ending with a kind of company, 上市公司, names none)
            names.setdefault(located.block, []).append((entity.start, entity.end))
            if entity.type == "org":
                orgs.setdefault(located.block, []).append((entity.start, entity.end))
    for spans in (*place_spans.values(), *orgs.values()):
        spans.sort()  # (looked up by bisection, figure by figure)
    subject = subjects(article, entities)
    masked: dict[int, str] = {}
    plain: dict[int, str] = {}
    best: dict[tuple[str, str, float | None, float | None], KeyFigure] = {}
    repeats: dict[tuple[str, str, float | None, float | None], int] = {}
    # Sentence bounds are found once per block, not rescanned from its start per figure.
    sentences: dict[int, Sentences] = {}
    counted: dict[tuple[int, int, str], str] = {}  # (block, sentence, unit) → counted noun
    measured: dict[tuple[int, int, str], str] = {}  # (block, sentence, unit) → what is measured
    ends: dict[tuple[int, int], tuple[str, str]] = {}  # (block, figure end) → (kind, label)
    labels: dict[tuple[int, int, int], str] = {}
    for located in ordered:
        fig = located.span
        if fig.kind in ("date", "duration") or fig.value is None:
            continue
        if not 0 <= located.block < len(article.blocks):
            continue
        text = article.blocks[located.block].text
        if fig.text.endswith("级") or (_CATEGORY.match(text, fig.end) and (
            not text[fig.end:].lstrip().startswith("的")
            or text[max(0, fig.start - 2) : fig.start].strip().endswith(_OVER)
        )):
            continue  # 亿元以上项目, 百亿元级, 超 20 亿元的项目 5 个: a class, not an amount
        if fig.unit in _RATINGS or not_a_quantity(text, fig.start, fig.end, fig.unit, fig.kind):
            continue  # 这两个难题, 前两位, 全国 169 个国家高新区前列
        key = (fig.kind, fig.unit, fig.value, fig.value_max)
        repeats[key] = repeats.get(key, 0) + 1
        seen = best.get(key)
        if seen is not None and seen.label != figure_kind_label(seen.figure.kind):
            continue
        if located.block not in masked:
            # A traditional page's labels are read (and given) in simplified characters, the
            # words the label rules know; offsets are the same.
            plain[located.block] = simplified(text) if has_traditional(text) else text
            masked[located.block] = mask_names(plain[located.block], names.get(located.block, ()))
        text = plain[located.block]
        split = sentences.get(located.block)
        if split is None:
            split = sentences[located.block] = Sentences(article.blocks[located.block].text)
        in_list = lists.get((located.block, fig.start))
        label = _label(text, masked[located.block], fig, in_list, lex)
        if not label and masked[located.block] != text:
            # The names took every word: the entity finder may have taken the measured noun
            # into a name (园区孵化器 as an organisation); read the words as written.
            label = _label(text, text, fig, in_list, lex)
        where = (located.block, split.bounds(fig.start)[0], fig.unit)
        if fig.kind == "count":
            if label in places.get(located.block, ()) and counted.get(where):
                # 引进科技企业 460 家（松江 180 家）: a place alone is where, not what is counted
                label = _fit(label + counted[where], counted[where])
            elif label:
                counted[where] = label
        else:
            if label and (label in places.get(located.block, ()) or (
                    label.endswith(_ZONES) and "占" not in label)):
                # 主营业务收入 1524 亿元，其中，某某开发区 325 亿元、某某园区 184 亿元: a place
                # is where, not what is measured; the figure before in the sentence says what,
                # and each listed figure has its own place
                own = noun_before(text, fig.start, lex)[0] if in_list else label
                place = own if own and (own in places.get(located.block, ()) or own.endswith(
                    _ZONES)) else label
                measure = measured.get(where, "")
                whole = place + measure
                label = (whole if len(whole) <= LONG_LABEL else measure) if measure else ""
            elif label:
                measured[where] = label
        label = from_neighbours(text, located.block, fig, label, ends, lex, counted.get(where, ""))
        ends[(located.block, fig.end)] = (fig.kind, label)
        if seen is not None and not label:
            continue  # keep the first telling; a later one only lends it a missing label
        generic = not label or label in GENERIC
        part = bool(phase := phase_of(text, fig.start, label))
        for whose in (scope_of(text, fig.start, label), phase):
            if label and whose and len(whose) + len(label) <= LONG_LABEL + 4:
                # 全市预计实现地区生产总值: the city's, not the zone's; 其中一期投资: a part
                label = whose + label
        if label:  # 其中，某综合保税区实现…, 北区完成…: whose figure it is, when not the story's
            label, other = whose_figure(
                text, fig.start, split.bounds(fig.start)[0], label, lex,
                place_spans.get(located.block, ()), orgs.get(located.block, ()),
                places.get(located.block, set()), subject, article.title)
            part = part or other
        label = label or figure_kind_label(fig.kind)
        sentence = split.at(fig.start)
        before = simplified(sentence[: max(0, sentence.find(fig.text))])
        if projected(before) and len(label) + 2 <= LONG_LABEL and not any(
                w in label for w in ("目标", "计划", "预计")):
            label = "预计" + label  # 建成后预计年销售收入 150 亿元: not yet a result
        if _TARGET.search(before) and len(label) + 2 <= LONG_LABEL and not any(
                w in label for w in ("目标", "计划", "预计", "力争")):
            label += "目标"  # 到 2020 年力争地区生产总值达到 1000 亿元: a goal, not a result
        best[key] = KeyFigure(label, fig, located.block, sentence,
                              score(fig, label, located.block, article.title, generic, part))
        if not generic:
            labels[(located.block, fig.start, fig.end)] = label
    ranked = [
        KeyFigure(k.label, k.figure, k.block, k.sentence,
                  round(k.score + 0.3 * (repeats[key] - 1), 4))
        for key, k in best.items()
    ]
    ranked.sort(key=lambda k: (-k.score, k.block, k.figure.start))
    return pick(ranked, limit), labels


def _fit(label: str, fallback: str) -> str:
    return label if len(label) <= MAX_LABEL else fallback


def _label(raw: str, text: str, fig: Figure, in_list: tuple[int, int, int] | None,
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
    if fig.kind == "count" and not in_list and _CLASSED.search(text, fig.start - 24, fig.start):
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
    if fig.kind == "count":
        after = noun_after(raw, fig.end, lex, counted=True, people=fig.unit in _PEOPLE)
        if after:
            # 新增 5 家上市公司: a flow, not the stock the same article counts elsewhere
            new = _NEW.search(text, max(0, fig.start - 6), fig.start)
            return _fit(new.group(1) + after, after) if new else after
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
        if owner and len(owner) + len(noun) <= LONG_LABEL:
            noun = owner + noun
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
