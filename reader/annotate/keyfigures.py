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
* a count keeps what happened to the counted things (新签约项目, 新开工亿元以上项目,
  累计引进企业), and an amount before a 的 is the project's or park's after it (总投资 15
  亿元的某某项目 → 某某项目总投资; ``label_events``); 预计, 将达到 and 可达 in a figure's own
  clause make it a projection;
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
from reader.annotate.label_carry import carried_class, carried_measure
from reader.annotate.label_clause import (
    mask_names,
    noun_before,
)
from reader.annotate.label_compare import multiple_of, share_change, share_of
from reader.annotate.label_context import (
    COUNTED_HEADS,
    clause_head,
    not_a_quantity,
    phase_of,
    scope_of,
)
from reader.annotate.label_events import (
    list_item_start,
    listed_event,
    owner_after,
    owner_before,
    pointer_subject,
    running_total,
    with_event,
)
from reader.annotate.label_figure import fit, label_of
from reader.annotate.label_mood import BEFORE_CHARS, with_mood
from reader.annotate.label_neighbours import from_neighbours, subjects, whose_figure
from reader.annotate.label_owner import Companies
from reader.annotate.label_phrase import (
    GENERIC,
    LONG_LABEL,
    Lexicon,
    is_kind,
    is_word,
    lexicon,
)
from reader.annotate.label_projects import (
    named_project,
    park_before,
    project_before,
    project_opening,
    project_projection,
)
from reader.annotate.label_tidy import capacity, driven, start_year, tidy
from reader.annotate.labels import Sentences
from reader.model import Article, Entity, Figure, KeyFigure, Located
from reader.text.traditional import has_traditional, simplified

__all__ = ["key_figures", "labelled_figures", "sentence_at"]

Cutter = Callable[[str], Sequence[str]]
Tags = Mapping[str, str]

_CATEGORY = re.compile(
    "[ ]*(?:(?:以上|以下|级以上|及以上)[\u4e00-\u9fff、]|级"
    "|(?:以上|以下)?的(?:企业|项目|工业企业|重点项目)"
    "[^，。；]{0,8}?[0-9一二三四五六七八九十两]+[ ]*[家个项]"
    # (20-50亿元项目 2 个: a size class counted, no amount of its own)
    "|(?:项目|企业)[ ]*[0-9一二三四五六七八九十两]+[ ]*[家个项])"
)
#: Measure words of things, never of a product a plant makes.
_THINGS = frozenset("个家项座所批")
#: How a change is said at a label's end.
_GROWTH = ("增长", "下降")
#: Things counted, then a measure over a bar: the amount is the bar, not a result.
_COUNTED_OVER = re.compile(
    "[0-9一二三四五六七八九十百]+[ ]*[个家][^，。；、0-9的]{0,8}?"
    f"(?:{COUNTED_HEADS})"
    "[^，。；、0-9的]{2,8}(?:超过|超|突破|逾|过|在)[ ]*$")
#: What an amount may size, right after it (10 亿元大项目, 百亿元企业).
_SIZED_THING = re.compile("[ ]*(?:大|重大|重点|龙头)?(?:项目|企业)")
#: What stands before an amount that only sizes the project after it (在 30 亿元项目上).
_BEFORE_A_CLASS = frozenset("在个项家等、和及与类")
#: Before a threshold's amount (出口超亿美元的企业 9 家, 投资超 20 亿元的项目 5 个).
_OVER = ("超", "超过", "逾", "达", "到", "在", "过")
#: How the names of zones and parks end: such a label is where, not what is measured.
_ZONES = ("区", "园区", "产业园", "工业园", "产业")
#: Units that rate equipment (10 千伏开闭所): a class of facility, never a key number.
_RATINGS = frozenset(("千伏", "伏", "kV", "千伏安", "kVA", "兆伏安"))


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
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
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
    companies = Companies(entities)
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
    amounts: dict[int, str] = {}  # block → the label of its last amount
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
        if fig.kind == "money" and _SIZED_THING.match(text, fig.end) and (text[
                max(0, fig.start - 1) : fig.start] in _BEFORE_A_CLASS or text[
                max(0, fig.start - 3) : fig.start].rstrip().endswith(_OVER)):
            continue  # 在 30 亿元项目上, 3 个 10 亿元项目, 超 10 亿元大项目: a size of project
        if fig.kind in ("money", "percent") and _COUNTED_OVER.search(
                text, max(0, fig.start - 24), fig.start):
            continue  # 其中 56 个高新区营业收入超过 1000 亿元: the bar the counted ones passed
        if fig.unit in _RATINGS or not_a_quantity(text, fig.start, fig.end, fig.unit, fig.kind):
            continue  # 这两个难题, 前两位, 全国 169 个国家高新区前列
        key = (fig.kind, fig.unit, fig.value, fig.value_max)
        repeats[key] = repeats.get(key, 0) + 1
        seen = best.get(key)
        if seen is not None and seen.label != figure_kind_label(seen.figure.kind):
            # (the same count of the same things told again: the clause after it may still
            # measure them)
            near = article.blocks[located.block].text[max(0, fig.start - 20) : fig.end + 12]
            if seen.label[-4:] in near:
                ends[(located.block, fig.end)] = (fig.kind, seen.label)
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
        opening = split.bounds(fig.start)[0]  # where the figure's sentence starts
        in_list = lists.get((located.block, fig.start))
        label = label_of(text, masked[located.block], fig, in_list, lex)
        if not label and masked[located.block] != text:
            # The names took every word: the entity finder may have taken the measured noun
            # into a name (园区孵化器 as an organisation); read the words as written.
            label = label_of(text, text, fig, in_list, lex)
        if fig.kind == "count":  # 新签约项目 38 个: signed, not the zone's stock of projects
            label = with_event(text, fig.start, label, fig.end)
            comma = list_item_start(text, fig.start, label) if label else -1
            if comma > 0:  # 引进 A 18 个，B 114 家: each listed count keeps the event
                label = listed_event(text, fig.start, label, ends.get(
                    (located.block, comma), ("", "")))
            # (截至目前，已引进…: all so far)
            label = running_total(text, opening, fig.start, label)
        elif label:  # 总投资 15 亿元的某某项目: that project's, not the zone's
            label = owner_after(text, fig.start, fig.end, label, lex)
            label = owner_before(text, fig.start, label, lex)  # 某某项目，总投资 20 亿元
        where = (located.block, opening, fig.unit)
        if fig.kind == "count":
            own = _region(text, fig.start, lex) if label.endswith("地区") else ""
            own = own or label
            if (own in places.get(located.block, ()) or own.endswith("地区")) and counted.get(
                    where):
                # 引进科技企业 460 家（松江 180 家）, 新区 19 个，其中东部地区 8 个: a place
                # alone is where, not what is counted
                label = fit(own + counted[where], counted[where])
            elif label:
                counted[where] = label.removesuffix("数量").removesuffix("总数") or label
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
        if fig.unit.endswith("百分点"):  # 拉动全市规上工业 4.4 个百分点: a push, not a share
            label = driven(text, fig.start) or label
            # (占比 47.5%，比上年提高 2 个百分点: the share's change)
            head, clause = clause_head(text, fig.start)
            label = share_change(clause, ends.get((located.block, head - 1), ("", ""))) or label
        elif fig.unit == "倍" and label:  # (累计新设企业 8.4 万户，是前 20 年的 2.35 倍)
            head, _clause = clause_head(text, fig.start)
            label = multiple_of(label, ends.get((located.block, head - 1), ("", "")))
        elif fig.kind == "percent" and "占" in label and label.endswith(_GROWTH) and (
                located.block in amounts):
            # (投资 8 亿元，占…比重 71%，…。同比增长 100.8%: the amount grew, a share moves
            # in points)
            grown = amounts[located.block] + next(g for g in _GROWTH if label.endswith(g))
            label = grown if len(grown) <= LONG_LABEL + 4 else label
        elif fig.kind == "percent" and "占" in label:  # (…5 家，占全省总数的 22.7%)
            head, clause = clause_head(text, fig.start)
            # (the last figure labelled in the clause before: 5 家…进入全国 30 强，占…)
            last = next((ends[(located.block, p)] for p in range(head - 1, max(0, head - 30), -1)
                         if (located.block, p) in ends), ("", ""))
            label = share_of(label, clause, last)
        if fig.kind in ("quantity", "count", "area") and label and fig.unit not in _THINGS:
            # (年产…5 万吨: a capacity; 两个项目 are no product)
            label = capacity(text, fig.start, label)
        label = tidy(label)  # (not 第一季度 alone, nor 月份形成产值)
        if fig.kind == "money" and label and "占" not in label:
            amounts[located.block] = label
        ends[(located.block, fig.end)] = (fig.kind, label)
        if seen is not None and not label:
            continue  # keep the first telling; a later one only lends it a missing label
        generic = not label or label in GENERIC
        part = bool(phase := phase_of(text, fig.start, label))
        for whose in (scope_of(text, fig.start, label), phase):
            # (全市工业园区 + 工业园区平均投资强度: said once)
            whose = next((whose[:-k] for k in range(min(len(whose), len(label)), 1, -1)
                          if label.startswith(whose[-k:])), whose)
            if label and whose and len(whose) + len(label) <= LONG_LABEL + 4:
                # 全市预计实现地区生产总值: the city's, not the zone's; 其中一期投资: a part
                label = whose + label
        if label:  # 其中，某综合保税区实现…, 北区完成…: whose figure it is, when not the story's
            label, other = whose_figure(
                text, fig.start, opening, label, lex,
                place_spans.get(located.block, ()), orgs.get(located.block, ()),
                places.get(located.block, set()), subject, article.title)
            part = part or other
        if label and not generic:  # 该项目…总投资 35 亿元: the project's, not the zone's
            label = pointer_subject(text, opening, fig.start, label)
            # (该公司…: the company the story named last, by name)
            label = companies.pointed(text, located.block, opening,
                                      fig.start, label)
            began = start_year(text, fig.start)  # 从 2000 年的 3.02 亿元: where it started
            label = began + label if began and len(began + label) <= LONG_LABEL + 4 else label
        if label and not generic:  # 规模以上企业…，利润 21 亿元: still the above-scale firms'
            label = carried_class(text, fig.start, label)
            label = carried_measure(text, fig.start, label)  # (生产总值…，其中某区增长 30%)
        label = label or figure_kind_label(fig.kind)
        sentence = split.at(fig.start)
        # (the words before this figure: not before the first same text, 5亿元 of 35亿元)
        before = text[max(opening, fig.start - BEFORE_CHARS) : fig.start]
        clause = before[max(before.rfind("，"), before.rfind(",")) + 1 :]
        label = project_projection(before, label) if not generic else label
        if fig.kind in ("money", "area") or (fig.kind == "count" and label.startswith("项目")
                                             and label != "项目"):
            # 某某产业园项目总投资 13 亿元: that one's, named
            label = named_project(text, opening, fig.start, label,
                                  orgs.get(located.block, ()))
            label = project_before(text, opening, label)
            label = park_before(text, opening, label, lex)
        if fig.kind != "percent" and not generic:  # (某某项目总投资…，年可实现收入…)
            label = project_opening(text, opening, fig.start, label)
            if fig.kind != "count":  # (某某公司是…，预计年产值达 14 亿元: the company's)
                label = companies.opening(text, located.block, opening,
                                          fig.start, label)
        label = with_mood(text, fig.start, fig.end, before, clause, label, year)
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


def _region(text: str, pos: int, lex: Lexicon) -> str:
    """The region written right before the count at ``pos`` (其中东部地区 8 个 → 东部地区:
    where, not what is counted), or ""."""
    words = lex.words(text[max(0, pos - 8) : pos].rstrip())
    if words and words[-1].endswith("地区") and len(words[-1]) > 2:
        return words[-1]
    if len(words) > 1 and words[-1] == "地区" and 2 <= len(words[-2]) <= 3 and is_word(
            words[-2]) and words[-2] not in ("其中", "全部", "所有"):
        return words[-2] + "地区"
    return ""
