"""Read a figure's clause for its label: the words around the number that say what it measures.

:mod:`reader.annotate.keyfigures` asks for the noun phrase before a figure (its clause with the
verbs and qualifiers between noun and number trimmed: 总投资额约为 → 总投资额), the noun after it
(43个项目 → 项目, 3亿元股权融资 → 股权融资), the noun of the clause before for a bare change
(营收达 800 亿元，同比增长 12.5% → 营收增长), and each figure's own noun in a paired list
(A、B分别增长 5%、8%). Trimming works on whole tokens of the segmenter, so a qualifier is never
cut off the end of a word (平均 is not 平 + 均). The phrases themselves are built from tokens by
:mod:`reader.annotate.label_phrase`.

Names of companies and people are blanked out first (:func:`mask_names`): a neighbouring
company is not what a figure measures, and the segmenter alone cannot tell one from a noun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.annotate.label_compare import WHOLES
from reader.annotate.label_context import completion
from reader.annotate.label_phrase import (
    GENERIC,
    HEAD_NOUNS,
    LONG_LABEL,
    MAX_LABEL,
    STOP,
    Lexicon,
    is_measure,
    is_word,
    phrase_after,
    phrase_before,
)
from reader.text.hanzi import STATEMENT_END

__all__ = ["CHANGE", "change_word", "mask_names", "noun_after", "noun_before",
           "noun_of_previous_clause", "paired_nouns"]


def _words(spaced: str) -> list[str]:
    return spaced.split()


_SENTENCE_SPLIT = re.compile(f"[{re.escape(STATEMENT_END)}]")
_CLAUSE_SPLIT = re.compile("[，、：,:“”\"‘’'（）()《》【】\\[\\]<>—…·■+＋/]")
_CLAUSE_NOT_LIST = re.compile(_CLAUSE_SPLIT.pattern.replace("、", ""))
# Words between a measured thing and its number: verbs of amount and qualifiers.
_TRIM_SET = frozenset(_words(
    "约为 约合 约 大约 达到 高达 多达 达 为 是 突破 超过 超出 超 逾 近 将近 接近 实现"
    " 完成 共计 合计 累计 总计 共有 共 有 计 新增 增加 增长 同比增长 提升 提高 占 的"
    " 已 已经 将 仅 只 分别 均 也 预计 力争 不到 不足 上涨 下降 减少 至 到 了 同比"
    " 以上 以下 左右 余 多 年产 不少于 不低于 不超过 不高于 将会 会 将达 增至 增加到 增长到"
    " 提高到 提升到 达至 比增 净增 名义 实际 按 计算 共计 总共 平均增长 年均增长 可 可以 能 可望"
    " 递增 年均递增 平均递增"
    " 始终保持 保持 保持在 稳定在 维持在 维持"))
#: Trim words that may be glued by the segmenter to an unknown word before them (额达).
_GLUED = tuple(w for w in _TRIM_SET if len(w) == 1 and w not in "的了")
CHANGE = frozenset(_words("增长 同比增长 增加 新增 提升 提高 上涨 下降 减少 同比 比增 净增"
                          " 平均增长 年均增长 递增 年均递增 平均递增"))
# Trailing tokens skipped before the label: time words and numbers between noun and figure.
_SKIP_END = frozenset(_words(
    "年内 年 月 内 前 后 今年 去年 明年 目前 当年 以来 来 近 期间 个 月底 年底 力争 将 已"
    " 较 较上年 上年 比上年 去年同期 上年同期 同期 始终 时间 上一年度 上一年 上年度 一年度"
    " 全年 上半年 下半年 一季度 前三季度 首次 首度 再次 一举 率先 顺利 成功"
))
#: Verbs of a rise or fall before 至/到: 比重上升至 78% is the level reached, not a change.
_RISE = frozenset(_words("上升 提升 提高 增长 增加 下降 降低 减少 扩大 缩小 回升 攀升"))
#: Verbs of changing a size to a new one (调整为, 扩大到).
_ADJUST = frozenset(_words("调整 扩大 扩展 拓展 扩容 变更 核定"))
#: Verbs of one thing pushing another's growth (拉动工业增长 2 个百分点).
_DRIVE = frozenset(_words("拉动 带动"))
_WHERE = frozenset(_words("全区 全市 全省 全县 全国 园区 该区"))
# 两年 (平均增长), 近三年: a span of years between the noun and its change.
_YEARS = re.compile("^近?[一二两三四五六七八九十]+年$")
_SHARE_WORDS = ("占", "占到", "高于", "低于", "快于", "慢于")
#: 17 个工作站及分站组成的创新矩阵: the things counted make up the noun after 的.
_MAKE_UP = frozenset(_words("组成 构成 组建 形成 组合"))
_SHARE_TIMES = frozenset(_words("同期 当年 全年 当期 同年 上年"))
#: After the first amount of 由 A 增至 B: the verb of the change to B.
_FROM_TO = re.compile(
    "[^，。；]{0,12}?(?:增至|增加到|增长到|提高到|提升到|上升到|扩大到|升至|降至|下降到|减少到|减至)"
)
#: Verbs before a bare 资金 that say which money it is (签约资金, 到位资金, 引进资金).
_MONEY_WORDS = ("资金", "金额", "资本", "额度")
_ADVERBS = frozenset(_words("均 都 也 分别 各 共 合计 总共 累计 已 将"))
_ASIDE = re.compile("[（(][^（）()。；]{0,12}[）)]")
_LAST_NUMBER = re.compile("[0-9][0-9.]*[^0-9]*$")
# 2个千亿级产业集群, 6家全省前10强物流企业: scale and rank words before a counted noun.
_SCALE = re.compile("前?[0-9]+强")
_BLANK = "■"
#: 以集成电路、软件为主的: a description of the things counted, before them.
#: A size before the counted noun (3 个 10 亿元 | 项目, 5 家百亿级 | 企业).
_SIZED = re.compile("[ ]*((?:[0-9][0-9.]*[ ]*[千百十]?|[千百十])[万亿]+[美]?元(?:以上|级)?)的?")
_DESCRIBED = re.compile(
    "[ ]*以[^，。；：]{1,30}?为(?:主|代表|核心|重点|龙头|主导|特色)的"
    # (17 个带动能力强、经济效益好的重大项目: what they are like, listed, then them)
    "|[ ]*[\u4e00-\u9fff]{2,12}(?:、[\u4e00-\u9fff]{2,12}){1,5}(?<!的)的")


def mask_names(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span blanked out (same length, so offsets still hold)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _BLANK * (end - start)
    return "".join(chars)


def change_word(change: str) -> str:
    """The verb of the change words trimmed before a figure: 同比增长 → 增长, 同比 → 同比."""
    return change.replace("同比", "") or change


def _clause_before(text: str, pos: int) -> str:
    head = text[max(0, pos - 40):pos]
    # 生产总值（GDP）达到: an aside does not end the clause.
    parts = _CLAUSE_SPLIT.split(_ASIDE.sub("", head))
    clause = parts[-1].strip() if parts else ""
    # 投资总额由 840 万美元增至 10800 万美元: both amounts are of what stands before 由
    at = max(clause.rfind("由"), clause.rfind("从"))
    if at > 0 and (
        any(ch.isdigit() for ch in clause[at:]) or _FROM_TO.match(text, pos, pos + 40)
    ):
        clause = clause[:at]
    return clause


def _trim(tokens: list[str]) -> str:
    """Pop the trim word ``tokens`` end with, whole tokens only (不少 于 → 不少于; never the
    均 of 平均), the longest first; return it, or "" when they end with none."""
    for size in (3, 2, 1):
        if len(tokens) >= size and "".join(tokens[-size:]) in _TRIM_SET:
            word = "".join(tokens[-size:])
            del tokens[-size:]
            return word
    return ""


#: A dictionary word this rare that ends with a qualifier is the qualifier glued on (总额近).
_RARE_GLUE = 10


def noun_before(text: str, pos: int, lex: Lexicon) -> tuple[str, str, str]:
    """The measured noun phrase before ``pos`` in its clause, the change words trimmed
    between it and the figure (同比增长), and the share or comparison word before the phrase
    with what is compared (增加值占全市, 高于全市) when there is one."""
    tokens = lex.words(_clause_before(text, pos).replace(" ", ""))
    change = first = ""
    while tokens:  # 总投资额 约为 → 总投资额; 工业总产值 3年内 突破 → 工业总产值
        token = tokens[-1]
        word = _trim(tokens)
        if word:
            change = word + change if word in CHANGE else change
            first = first or word
        elif token in _SKIP_END or not is_word(token) or _YEARS.match(token):
            tokens.pop()
        elif "".join(tokens[-3:]) in _SKIP_END:
            del tokens[-3:]  # 上 一 年度: one time word, cut in three
        elif len(token) > 1 and token.endswith(_GLUED) and (
                lex.tags.get(token) == "P" or (
                    lex.freq is not None and lex.freq.get(token, 0) < _RARE_GLUE)):
            # 额达, 占地约: an unknown word (or a "name", which cannot be measured) that ends
            # with a verb or qualifier glued on
            tokens[-1:] = [token[:-1], token[-1]]
        else:
            break
    if first in ("到", "至", "增至", "提高到", "提升到", "增加到", "增长到"):
        change = ""  # 提高到 500 万元: the level reached, not the change
        if tokens and tokens[-1] in _RISE:
            tokens.pop()  # 比重 上升 至 78%
    if first in ("为", "到", "至") and tokens and tokens[-1] in _ADJUST:
        tokens.pop()  # 管辖面积 调整 为 84 平方公里: the new level, not the size of a change
    noun = phrase_before(tokens, lex)
    share = ""
    if noun:
        rest = _before_phrase(tokens, noun)
        drive = rest[-2:] if len(rest) > 1 and rest[-1] in _WHERE else rest[-1:]
        if drive and drive[0] in _DRIVE and (change or noun.endswith(("增速", "增幅"))):
            # 新投产企业拉动全区工业产值增长 2.5 个百分点: the push, not the growth itself
            words = lex.words(noun)
            noun = drive[0] + "".join(words[1:] if len(words) > 1 and words[0] in _WHERE
                                      else words)
        if noun in _MONEY_WORDS and rest and len(rest[-1]) == 2 and is_word(rest[-1]) and (
                rest[-1] not in _TRIM_SET and rest[-1] not in CHANGE):
            noun, rest = rest[-1] + noun, rest[:-1]  # 签约 资金: which money
        if noun in GENERIC and rest and rest[-1] == "的":
            # 占GDP的比重: a generic measure takes what it is of, the 的 left out
            left = phrase_before(rest[:-1], lex, MAX_LABEL - len(noun))
            if left:
                noun, rest = left + noun, _before_phrase(rest[:-1], left)
        while rest and rest[-1] in _SHARE_TIMES:
            rest = rest[:-1]  # 占 同期 园区出口值的: when is no part of the share
        whole = rest[-1] if len(rest) > 1 and rest[-1] in WHOLES and rest[-2] in _SHARE_WORDS \
            else ""
        if whole:  # 占 全市 高新技术企业总产值: the share of the city's, 全市 with 占
            rest, noun = rest[:-1], whole + noun
        word = next((w for w in _SHARE_WORDS if "".join(rest).endswith(w)), "")
        if not word and noun.endswith(("比重", "比例", "占比")) and "占" in rest:
            at = len(rest) - 1 - rest[::-1].index("占")
            if len("".join(rest[at + 1:])) <= 6:  # 占 规模以上 工业总产值比重
                word, rest = "占", rest[: at + 1]
        if word:
            # 高新技术产业增加值占全市: what has the share, when the clause names it.
            del rest[len(rest) - len(lex.words(word)):]
            while rest and rest[-1] in _ADVERBS:
                rest.pop()  # 三项指标均占全省
            room = LONG_LABEL - len(word) - len(noun)
            subject = phrase_before(rest, lex, room) if room > 1 else ""
            if word == "占" and noun.endswith(("比重", "比例", "占比")) and noun[:2] not in WHOLES:
                # 高新技术产业产值占工业总产值比重 (too long): the whole subject, for its 占比
                whole = phrase_before(rest, lex, LONG_LABEL - 2)
                subject = whole if len(whole) > len(subject) else subject
            share = subject + word
    return noun, change, share


def _before_phrase(tokens: list[str], phrase: str) -> list[str]:
    """The tokens before the ``phrase`` that ``tokens`` end with."""
    size = 0
    for k in range(len(tokens) - 1, -1, -1):
        size += len(tokens[k])
        if size >= len(phrase):
            return tokens[:k]
    return []


def noun_after(text: str, pos: int, lex: Lexicon, counted: bool = False,
               nominal: bool = False, people: bool = False) -> str:
    """The noun phrase right after ``pos`` in its clause: a count's counted noun, an amount's
    object (``nominal``: right after a 的). For a count, past a 的 when the words before it
    only describe the noun (8家人工智能方向的软件企业 → 软件企业;
    3家拥有专利的企业 → 企业)."""
    sized = _SIZED.match(text, pos, pos + 16) if counted else None
    if sized:  # 3 个 10 亿元项目: projects of that size, counted
        noun = noun_after(text, sized.end(), lex, counted, nominal, people)
        whole = sized.group(1).replace(" ", "") + noun
        return whole if noun and len(whole) <= LONG_LABEL else noun
    described = _DESCRIBED.match(text, pos, pos + 40)
    if described:  # 208 家以集成电路、软件为主的企业: what the things are like, then them
        pos, nominal = described.end(), True
    tail = _CLAUSE_SPLIT.split(text[pos:pos + 32])[0]
    tail = _SCALE.sub("", _SENTENCE_SPLIT.split(tail)[0].strip()).replace(" ", "")
    tokens = lex.words(tail)
    noun = phrase_after(tokens, lex, nominal, people)
    if counted and "的" in tokens and not noun.endswith(HEAD_NOUNS) and not any(
            t in _MAKE_UP for t in tokens[: tokens.index("的")]):
        after = phrase_after(tokens[tokens.index("的") + 1:], lex, nominal=True)
        if after:
            return after
    if not counted and noun and text[pos:pos + 40].lstrip().startswith(noun + "、"):
        return _listed(text[pos:pos + 40].lstrip(), noun, lex)
    return noun


def _listed(tail: str, first: str, lex: Lexicon) -> str:
    """年产 8000 吨果汁、茶饮料、乳饮料生产线: the products listed before the head they share,
    all of them when they fit, else the first."""
    clause = _SENTENCE_SPLIT.split(_CLAUSE_NOT_LIST.split(tail)[0])[0].replace(" ", "")
    picked = [first]
    for part in clause.split("、")[1:]:
        phrase = phrase_after(lex.words(part), lex)
        if not phrase or part[len(phrase):][:1].isdigit():
            return first  # 3 亿元股权融资、2 亿元债权融资, 年产 5 万吨: another figure
        picked.append(phrase)
        if phrase != part:
            break  # the last item runs on into the rest of the clause
    label = "、".join(picked)
    return label if len(label) <= LONG_LABEL else first


#: A ratio named by itself (占比 30.8%): whose ratio it is, the clause before says.
_BARE_RATIOS = frozenset(("占比", "比重", "比例"))


def noun_of_previous_clause(
    text: str, pos: int, lex: Lexicon, plain: bool = False, depth: int = 1
) -> str:
    """营收达 800 亿元，同比增长 12.5%: the noun the clause before measured, for a change.

    ``plain``: the noun itself, never the share it was (for a share of the same noun: 专利
    授权量占全市 17%，占全省 4.8%). A clause that only changed (同比增长 5%) passes the
    question on to the one before it, ``depth`` times."""
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
    # 增加值同比增长 8.5%，两年平均增长 6.1%: the noun of a change before serves too.
    noun, change, share = noun_before(text, end, lex)
    subject, done = completion(text, end, lex)
    if done:  # 财政收入完成全年预算的 112%，比上年增长 18%: the growth is of 财政收入
        return subject
    if not noun and change and depth > 0:
        # 工业增加值完成 127 亿元，同比增长 5%，占市区的 44%: the growth was of the value too
        return noun_of_previous_clause(text, end, lex, plain, depth - 1)
    if noun in _BARE_RATIOS and not share and depth > 0:
        # 到位资金增长 19.3%，占比 30.8%，较上年提高…: the share of the noun before it
        owner = noun_of_previous_clause(text, end, lex, True, depth - 1)
        return owner + noun if owner and not owner.endswith(noun) else noun
    if noun and share.endswith(_SHARE_WORDS[2:]):
        # 增速高于全国平均增速 3.1 个百分点，占全省…比重: the lead's whole is no owner
        return ""
    if noun and "占" in share:
        if plain:
            return share[: share.index("占")] or noun_of_previous_clause(text, end, lex, True, 0)
        # 占全市GDP的 18.5%，比上年提高 1.2 个百分点: the share rose, not the GDP
        return f"占{noun}" if noun.endswith(("比重", "占比")) else f"占{noun}比重"
    return noun


def paired_nouns(text: str, pos: int, count: int, lex: Lexicon) -> list[str]:
    """A、B分别增长 5%、8%: one noun per figure of a list of ``count`` figures starting at
    ``pos``, when the clause names as many things before 分别 and nothing between 分别 and
    the figures; else ``[]`` (the figures share the noun before the first). When only the
    last thing says what is measured (东区、西区营收), the others say it too (东区营收)."""
    head = text[max(0, pos - 60):pos]
    at = head.rfind("分别")
    if at < 0:
        return []
    between = lex.words(head[at + 2:].replace(" ", ""))
    if any(t not in _TRIM_SET and t not in STOP for t in between):
        return []  # 分别拥有工程技术中心 9 家和 6 家: the noun after 分别 is shared
    start = max(head.rfind(mark, 0, at) for mark in "，。；：,;:")
    if not head[start + 1 : at].strip() and head[start : start + 1] in ("，", ","):
        # 高新技术企业超过 22.5 万家，科技型中小企业超过 15.1 万家，分别增长 24% 和 15%: the
        # things are the clauses before, each with its own figure
        nouns = _clause_nouns(text, pos - len(head) + start, count, lex)
        if nouns:
            return nouns
        # A、B分别实现 X、Y，相比于上年，分别增长…: the things the 分别 before named
        earlier = text[max(0, pos - 100) : pos - len(head) + start]
        at = earlier.rfind("分别")
        if at < 0:
            return []
        head = earlier
        start = max(head.rfind(mark, 0, at) for mark in "，。；：,;:")
    items = re.split("、|和|及|与", head[start + 1:at])
    if len(items) != count:
        return []
    nouns = [phrase_before(lex.words(item.replace(" ", "")), lex) for item in items]
    if not all(nouns):
        return []
    rate = next((r for r in _RATES if items[-1].strip().endswith(r)), "")
    if rate and not any(item.strip().endswith(_RATES) for item in items[:-1]):
        # 城镇居民收入和农村居民收入增速分别达到 5.5% 和 7.5%: both are rates
        things = [phrase_before(lex.words(item.strip().removesuffix(rate)), lex) for item in items]
        if not all(things):
            return nouns
        things = _measured_once(things, lex)
        return [t + rate if len(t + rate) <= LONG_LABEL else t for t in things]
    return _measured_once(nouns, lex)


def _measured_once(nouns: list[str], lex: Lexicon) -> list[str]:
    """东区、西区营收分别为: the things named one by one, what is measured said once, after
    the last; each thing gets it."""
    last = lex.words(nouns[-1])
    if len(last) > 1 and is_measure(last[-1]) and not any(map(is_measure, nouns[:-1])):
        nouns[:-1] = [noun + last[-1] for noun in nouns[:-1]]
    return nouns


#: Rates a list may name once, after its last thing (…增速分别达到).
_RATES = ("增速", "增幅", "增长率")


def _clause_nouns(text: str, end: int, count: int, lex: Lexicon) -> list[str]:
    """The nouns of the ``count`` clauses before ``end`` (a comma), each ending with a figure,
    in reading order; ``[]`` unless every one has a noun and they are all in one sentence."""
    nouns: list[str] = []
    for _ in range(count):
        noun = noun_of_previous_clause(text, end + 1, lex, plain=True, depth=0)
        if not noun:
            return []
        nouns.insert(0, noun)
        head = text[max(0, end - 60) : end]
        cut = max(head.rfind("，"), head.rfind(","))
        if _SENTENCE_SPLIT.search(head[cut + 1 :]) or (cut < 0 and len(nouns) < count):
            return []
        end = end - len(head) + cut
    return nouns
