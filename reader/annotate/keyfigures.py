"""Pick an article's key numbers and label each with the thing it measures.

The summary panel shows a handful of figures a reader would quote: 工业总产值 1000 亿元,
投资总额 350 亿元, 项目 153 个. This module ranks the figures found by
:mod:`reader.annotate.figures` and draws a short label from each figure's sentence by general rules:

* the label is the noun phrase right before the figure, once the verbs and qualifiers
  between it and the number are trimmed (总投资额达265.6亿元 → 总投资额); for a count it is
  the counted noun after the measure word when there is one (43个项目 → 项目), and for an
  amount a noun glued after it (3亿元股权融资 → 股权融资);
* labels are whole words from the segmenter (合同签约额, never 额), end at verbs, function
  words and organisations (its word classes, when the app's NLP stack is loaded), and a
  figure that is a change says so (营收增加 350亿元 → 营收增加; 同比增长 12.5% after 营收
  in the clause before → 营收增长);
* money ranks above areas, percentages and quantities, and those above counts; bigger
  amounts and totals (总, 累计, 全年) rank higher, as do figures early in the story;
* dates and durations are never key figures, nor thresholds that only name a category
  (亿元以上项目); a figure repeated in the story (same kind, value and unit) counts once.

Segmentation uses jieba through a ``cut`` callable: by default the app's shared tokenizer
(:mod:`reader.annotate.nlp`) when it is loaded, else jieba's own, loaded on first use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

from reader.annotate.figures import figure_kind_label
from reader.annotate.labels import Sentences
from reader.model import Article, Figure, KeyFigure, Located
from reader.text.hanzi import STATEMENT_END, is_hanzi

__all__ = ["key_figures", "sentence_at"]

Cutter = Callable[[str], Sequence[str]]
Tags = Mapping[str, str]
Freq = Mapping[str, int]
#: How often a word must occur in the segmenter's dictionary to join a counted noun phrase.
_COMMON = 20

def _words(spaced: str) -> list[str]:
    return spaced.split()


_SENTENCE_SPLIT = re.compile(f"[{re.escape(STATEMENT_END)}]")
_CLAUSE_SPLIT = re.compile("[，、：,:“”\"‘’'（）()《》【】\\[\\]<>—…·]")
# Words between a measured thing and its number: verbs of amount and qualifiers.
_TRIM_END = sorted(
    _words("约为 约合 约 大约 达到 高达 多达 达 为 是 突破 超过 超出 超 逾 近 将近 接近 实现"
     " 完成 共计 合计 累计 总计 共有 共 有 计 新增 增加 增长 同比增长 提升 提高 占 的"
     " 已 已经 将 仅 只 分别 均 也 预计 力争 不到 不足 上涨 下降 减少 至 到 了 同比"
     " 以上 以下 左右 余 多 年产 不少于 不低于 不超过 不高于 将会 会 将达 增至 增加到 增长到"
     " 提高到 提升到 达至"),
    key=len, reverse=True,
)
_CHANGE = frozenset(_words("增长 同比增长 增加 新增 提升 提高 上涨 下降 减少 同比"))
_TRIM_SET = frozenset(_TRIM_END)
_TRIM_SIZES = sorted({len(w) for w in _TRIM_END}, reverse=True)
# Tokens a label never spans: function words, pronouns, time words and clause openers.
_STOP = frozenset(_words(
    "的 和 与 及 以及 或 在 了 将 已 其中 以上 以下 其 该 这 这些 此 为 对 把 被 从 向 于 由 等"
    " 今年 去年 明年 目前 截至 年内 当年 同时 并 且 又 还 也 都 共 新 已经 正在 全年 一批"
    " 远期 近期 当前 同期 期间 引进 新引进 建设 实施 开展 签约 签订 带动 推动 完成 实现"
    " 拥有 提供 同比 环比 名义 实际"
))
# Trailing tokens skipped before the label: time words and numbers between noun and figure.
_SKIP_END = frozenset(_words(
    "年内 年 月 内 前 后 今年 去年 明年 目前 当年 以来 来 近 期间 个 月底 年底 力争 将 已"
))
# Heads of measured things that make a figure a total or a headline amount.
# 2个千亿级产业集群: a scale word between the count and the counted noun.
_SCALE = re.compile("^[十百千万亿]+级")
_SHARE_WORDS = ("占", "高于", "低于", "快于", "慢于")
_MEASURE_HEADS = ("额", "值", "率", "规模", "面积", "总量")
_TOTAL_MARKERS = ("总", "累计", "全年", "合计", "规模", "产值", "营收", "收入", "投资")
_KIND_WEIGHT = {"money": 3.0, "area": 2.2, "percent": 1.8, "quantity": 1.6, "count": 1.0}
_HEAD_NOUNS = ("员", "者", "人才", "企业", "项目", "单位", "机构", "平台", "组织", "公司", "产品",
               "厂房", "园区", "基地", "载体", "中心", "高校", "家庭", "人次", "岗位", "专利")
# Labels that say nothing a reader does not see already.
_GENERIC = frozenset(_words("比例 金额 数量 规模 总额 数 数字 比重 占比 同比 增速 增幅"))
# Word classes from the segmenter's tags (reader.annotate.nlp) that are not measured things:
# verbs, function words and organisations (a neighbouring company is not what is measured).
# (Person and place tags are left out: the dictionary tags 高新区 as a name.)
_NOT_NOUN = frozenset("VXO")
_ORG_SUFFIX = ("公司", "集团", "银行", "大学", "研究院", "研究所", "协会", "商会")
_STOP_CHARS = frozenset("的和与及或在了将已其该这此为对把被从向于由等共并且又还也都")
_LAST_NUMBER = re.compile("[0-9][0-9.]*[^0-9]*$")
_ASIDE = re.compile("[（(][^（）()。；]{0,12}[）)]")
_LIST_ITEM = re.compile("(?:[0-9.]+[ ]*[%％]?[ ]*、[ ]*)+$")
_CATEGORY = re.compile("[ ]*(?:以上|以下|级以上)[\u4e00-\u9fff]")
_MAX_LABEL = 8


def sentence_at(text: str, pos: int) -> str:
    """The sentence of ``text`` (split on 。！？；) that contains offset ``pos``.

    Clipped around ``pos`` to :data:`~reader.annotate.labels.SENTENCE_CHARS` when longer.
    """
    return Sentences(text).at(pos)


def key_figures(article: Article, figures: list[Located[Figure]], limit: int = 8,
                cut: Cutter | None = None, tags: Tags | None = None) -> list[KeyFigure]:
    """The ``limit`` most important figures of ``article``, best first, each labelled.

    ``tags`` maps words to the segmenter's word classes (see :mod:`reader.annotate.nlp`);
    by default the app's, when its NLP stack is loaded.
    """
    cutter = cut or _default_cut()
    classes = tags if tags is not None else _default_tags()
    counts = _default_freq()
    best: dict[tuple[str, str, float | None, float | None], KeyFigure] = {}
    repeats: dict[tuple[str, str, float | None, float | None], int] = {}
    # Sentence bounds are found once per block, not rescanned from its start per figure.
    sentences: dict[int, Sentences] = {}
    for located in sorted(figures, key=lambda lf: (lf.block, lf.span.start)):
        fig = located.span
        if fig.kind in ("date", "duration") or fig.value is None:
            continue
        if not 0 <= located.block < len(article.blocks):
            continue
        text = article.blocks[located.block].text
        if _CATEGORY.match(text, fig.end):
            continue
        key = (fig.kind, fig.unit, fig.value, fig.value_max)
        repeats[key] = repeats.get(key, 0) + 1
        seen = best.get(key)
        if seen is not None and seen.label != figure_kind_label(seen.figure.kind):
            continue
        label = _label(text, fig, cutter, classes, counts)
        if seen is not None and not label:
            continue  # keep the first telling; a later one only lends it a missing label
        label = label or figure_kind_label(fig.kind)
        split = sentences.get(located.block)
        if split is None:
            split = sentences[located.block] = Sentences(text)
        best[key] = KeyFigure(label, fig, located.block, split.at(fig.start),
                              _score(fig, label, located.block))
    ranked = [
        KeyFigure(k.label, k.figure, k.block, k.sentence,
                  round(k.score + 0.3 * (repeats[key] - 1), 4))
        for key, k in best.items()
    ]
    ranked.sort(key=lambda k: (-k.score, k.block, k.figure.start))
    return ranked[:limit]


def _score(fig: Figure, label: str, block: int) -> float:
    score = _KIND_WEIGHT.get(fig.kind, 1.0)
    magnitude = abs(fig.value or 0.0)
    if fig.kind == "money" and magnitude > 0:
        score += math.log10(max(magnitude, 1.0)) / 4  # 1e11 元 adds 2.75, 1 万元 adds 1
    elif fig.kind in ("count", "area", "quantity") and magnitude > 0:
        score += math.log10(max(magnitude, 1.0)) / 8
    if any(marker in label for marker in _TOTAL_MARKERS):
        score += 1.0
    if "target" in fig.qualifiers:
        score += 0.2
    return score + 0.5 / (1 + block)


def _label(text: str, fig: Figure, cut: Cutter, tags: Tags, freq: Freq) -> str:
    if fig.kind == "count":
        after = _noun_after(text, fig.end, cut, tags, freq)
        if after:
            return after
    noun, change, share = _noun_before(text, fig.start, cut, tags)
    # 年产 60 万吨钢材: a capacity is of the product named after it.
    capacity = text[max(0, fig.start - 3):fig.start].replace(" ", "").endswith("年产")
    if change and not noun:
        # 营收达 800 亿元，同比增长 12.5%: the change is of the thing the clause before measured.
        noun = _noun_of_previous_clause(text, fig.start, cut, tags)
    if not noun or noun in _GENERIC or (fig.kind == "money" and not change) or capacity:
        # 完成超3亿元股权融资, 设立1亿元基金: a noun glued after an amount is what it measures.
        after = ""
        if fig.kind != "count":
            # 年产 1000 万平方米的卷材, 设立 5000 万元的发展资金: past a 的, the noun is still
            # what the amount is of.
            skip = 1 if text.startswith("的", fig.end) else 0
            after = _noun_after(text, fig.end + skip, cut, tags, freq)
        noun = after or noun
    if change:
        # 营收增加 350亿元 is a change, not the level: the label says so (营收增加, 同比增长).
        if noun and noun not in _GENERIC:
            return noun + _change_word(change)
        return change
    if share and noun and fig.kind == "percent" and len(noun) + len(share) <= _MAX_LABEL:
        return share + noun  # 占全国 20%, 高于全市 2 个百分点: a share or a lead, not the place
    return noun


def _noun_of_previous_clause(text: str, pos: int, cut: Cutter, tags: Tags) -> str:
    # Asides become blanks of their own length, so that offsets into ``head`` still hold
    # and a comma inside one (（人民币，下同）) does not end the clause before.
    head = _ASIDE.sub(lambda m: " " * len(m.group()), text[max(0, pos - 60):pos])
    cut_at = max(head.rfind("，"), head.rfind("、"))  # 生产总值 2034亿元、增长 11.1%
    if cut_at < 0 or _CLAUSE_SPLIT.search(head, cut_at + 1):
        return ""
    previous = _SENTENCE_SPLIT.split(_CLAUSE_SPLIT.split(head[:cut_at])[-1])[-1]
    digit = _LAST_NUMBER.search(previous)
    if digit is None:
        return ""
    end = pos - len(head) + cut_at - len(previous) + digit.start()
    noun, change, _ = _noun_before(text, end, cut, tags)
    return "" if change else noun


def _change_word(change: str) -> str:
    """The verb of the change words trimmed before a figure: 同比增长 → 增长, 同比 → 同比."""
    return change.replace("同比", "") or change


def _clause_before(text: str, pos: int) -> str:
    head = text[max(0, pos - 40):pos]
    # 生产总值（GDP）达到: an aside does not end the clause; 增长 6.98%、45.05%: nor does a
    # list of figures, whose items share the noun before the first.
    head = _LIST_ITEM.sub("", _ASIDE.sub("", head))
    parts = _CLAUSE_SPLIT.split(head)
    return parts[-1].strip() if parts else ""


def _noun_before(text: str, pos: int, cut: Cutter, tags: Tags) -> tuple[str, str, str]:
    """The measured noun phrase before ``pos`` in its clause, the change words trimmed
    between it and the figure (同比增长), and the share or comparison word before the phrase
    (占全国, 高于全市) when there is one."""
    clause = _clause_before(text, pos).replace(" ", "")
    change = ""
    changed = True
    first = ""
    while clause and changed:  # 总投资额约为 → 总投资额; 工业总产值超 → 工业总产值
        changed = False
        for size in _TRIM_SIZES:  # the longest trim word the clause ends with goes first
            word = clause[-size:]
            if len(clause) >= size and word in _TRIM_SET:
                if word in _CHANGE:
                    change = word + change
                first = first or word
                clause, changed = clause[:-size], True
                break
    tokens = [t for t in cut(clause) if t.strip()]
    while tokens and (tokens[-1] in _SKIP_END or tokens[-1] in _TRIM_SET
                      or not _is_word(tokens[-1])):
        if tokens[-1] in _CHANGE:
            change = tokens[-1] + change
        tokens.pop()  # 工业总产值 3年内 突破 → 工业总产值
    if first in ("到", "至"):
        change = ""  # 提高到 500 万元: the level reached, not the change
    noun = _phrase_end(tokens, tags)
    joined = "".join(tokens)
    share = next((w for w in _SHARE_WORDS if noun and joined.endswith(w + noun)), "")
    return noun, change, share


def _nounish(token: str, tags: Tags) -> bool:
    return (len(token) > 1 and _is_word(token) and token not in _STOP
            and tags.get(token) not in _NOT_NOUN)


def _phrase_end(tokens: list[str], tags: Tags) -> str:
    """The noun phrase that ``tokens`` end with: up to three words, never cut inside one.

    A one-character token (额 of 签约额, 均 of 亩均) is a piece of the word around it, so it
    never ends the phrase on its own side: the phrase takes its neighbour too. Verbs,
    function words and names (a neighbouring company or place) end the phrase.
    """
    picked: list[str] = []
    words = 0
    for token in reversed(tokens):
        # A lone character at the phrase start needs one neighbour (签约 额, 营 收), no more.
        glued = bool(picked) and len(picked[0]) == 1 and (len(picked) == 1 or len(picked[1]) > 1)
        if token.endswith(_ORG_SUFFIX) or tags.get(token) == "O":
            break
        if len(token) == 1 and picked and not glued and _is_word(token) and (
                k := len(tokens) - len(picked) - 2) >= 0 and len(tokens[k]) == 1 \
                and _is_word(tokens[k]) and token not in _STOP_CHARS:
            glued = True  # 亩 均 产值: two lone characters the dictionary lacked as a word
        # A lone character's tag is its tag as a word, not as a piece of one (营 收): unused.
        tag = tags.get(token) if len(token) > 1 else None
        if tag == "V" and not picked and len(tokens) > 1 and (
                _nounish(tokens[-2], tags) or tokens[-2] in _STOP or tokens[-2] in _TRIM_SET):
            tag = None  # 研发投入, 外资到位, 实现收入: a verbal head after a noun or a verb
        if not glued and (token in _STOP or not _is_word(token) or tag in _NOT_NOUN):
            break
        if sum(map(len, picked)) + len(token) > _MAX_LABEL:
            break
        picked.insert(0, token)
        if len(token) > 1:
            words += 1
        if words == 3 and len(token) > 1:
            break
    while picked and len(picked[0]) == 1 and len(picked) > 1 and picked[0] in _STOP_CHARS:
        picked.pop(0)
    label = "".join(picked)
    return label if len(label) > 1 else ""


def _noun_after(text: str, pos: int, cut: Cutter, tags: Tags, freq: Freq) -> str:
    tail = _CLAUSE_SPLIT.split(text[pos:pos + 24])[0]
    tail = _SCALE.sub("", _SENTENCE_SPLIT.split(tail)[0].strip())
    tokens = [t for t in cut(tail) if t.strip()]
    if len(tokens) > 1 and len(tokens[0]) == 1 and tokens[0] not in _STOP_CHARS \
            and _is_word(tokens[0]) and _nounish(tokens[1], tags):
        tokens = [tokens[0] + tokens[1], *tokens[2:]]  # 主 论坛: a prefix of the word after
    if not tokens or tokens[0] in _STOP or not _is_word(tokens[0]) or len(tokens[0]) < 2:
        return ""
    if tags.get(tokens[0]) == "V" and len(tokens) > 1 and _nounish(tokens[1], tags):
        tokens = [tokens[0] + tokens[1], *tokens[2:]]  # 在职 党员: a verb modifying a noun
    elif tags.get(tokens[0]) in _NOT_NOUN:
        return ""
    picked = [tokens[0]]
    for token in tokens[1:]:
        if token in _STOP or not _is_word(token) or (len(token) > 1
                                                      and tags.get(token) in _NOT_NOUN):
            break
        if len(token) == 1 and tags.get(token) in ("X", "V"):
            break  # 五项指标 | 均占: an adverb or a verb ends the counted noun
        if token.startswith("总") or token.endswith(_MEASURE_HEADS):
            break  # 两个特色园区 | 总投资额: what is counted, not the amount measured next
        if len(token) > 1 and not tags and not token.endswith(_HEAD_NOUNS):
            break  # untagged: only common head nouns join (项目 参与 vs 在职 党员)
        if sum(map(len, picked)) + len(token) > _MAX_LABEL:
            break
        if len(token) > 1 and freq and freq.get(token, 0) < _COMMON:
            break  # 党员 | 同温 入党誓词: a rare or unknown word starts something else
        if sum(len(t) > 1 for t in picked) == 4:
            if len(token) == 1 and token not in _STOP_CHARS:
                picked.append(token)  # 基金 管理 人: a one-character suffix ends the word
            break
        picked.append(token)
    # A one-character piece is part of the next word (天使 子 基金): never end on it.
    while len(picked) > 1 and len(picked[-1]) == 1:
        picked.pop()
    return "".join(picked)


def _is_word(token: str) -> bool:
    """A token made of hanzi or Latin letters only (no digits, no punctuation)."""
    return all(is_hanzi(ch) or (ch.isascii() and ch.isalpha()) for ch in token)


def _default_freq() -> Freq:
    try:
        from reader.annotate import nlp
    except ImportError:  # pragma: no cover - the package ships it
        return {}
    return nlp.load().freq if nlp.is_loaded() else {}


def _default_tags() -> Tags:
    try:
        from reader.annotate import nlp
    except ImportError:  # pragma: no cover - the package ships it
        return {}
    return nlp.load().tags if nlp.is_loaded() else {}


def _default_cut() -> Cutter:
    # The app's NLP stack (reader.annotate.nlp) is already loaded when entities were found first, as
    # annotate() does: reuse its tokenizer rather than load a second jieba dictionary.
    try:
        from reader.annotate import nlp
    except ImportError:  # pragma: no cover - the package ships it
        nlp = None
    if nlp is not None and nlp.is_loaded():
        return nlp.load().cut
    import jieba  # imported late: the dictionary loads in ~0.5 s, only when labels are needed

    jieba.setLogLevel(60)
    return lambda text: jieba.lcut(text, HMM=False)
