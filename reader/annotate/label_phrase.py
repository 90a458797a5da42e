"""The noun phrase a key number measures, read from the segmenter's tokens around it.

A label is made of whole tokens: it never ends inside a word (签约额, never 额; 锂电池回收材料,
never 锂电池). Chinese noun phrases put their head last, so when a phrase is longer than a
label may be, words are dropped from its start, never from its end (产业发展引导基金, not
生物医药产业发展). The phrase before a figure ends where the figure's clause has its verbs and
qualifiers (trimmed by :mod:`reader.annotate.label_clause`); the phrase after a count or an
amount is its counted noun or its object, up to the first verb, function word or punctuation.

Word classes come from the segmenter's dictionary (:class:`Lexicon`, filled from
:mod:`reader.annotate.nlp`). The names the entity finder found in the text are blanked out
before it gets here (``label_clause.mask_names``); known names and organisation suffixes are a
second guard when it has not run (华为公司, but not 上市公司, a kind of company).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.text.hanzi import is_hanzi

__all__ = ["GENERIC", "HEAD_NOUNS", "LONG_LABEL", "MAX_LABEL", "NEW_VERBS", "STOP", "Lexicon",
           "is_kind", "is_measure", "is_name", "is_word", "lexicon", "phrase_after",
           "phrase_before"]


#: How often a word must occur in the segmenter's dictionary to count as a common word.
_COMMON = 20


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What the label rules read words with: the segmenter and its dictionary's tables."""

    #: text → tokens that join back to it
    cut: Callable[[str], Sequence[str]]
    #: word → one-letter word class (V verb, X function word, O organisation...)
    tags: Mapping[str, str] = field(default_factory=dict)
    #: word → frequency in the dictionary; None without one (every word counts as common)
    freq: Mapping[str, int] | None = None
    #: known names → "org" | "person" | "place" (the gazetteer's)
    names: Mapping[str, str] = field(default_factory=dict)

    def words(self, text: str) -> list[str]:
        """The segmenter's tokens of ``text``, blanks left out."""
        return [t for t in self.cut(text) if t.strip()]

    def rare(self, word: str) -> bool:
        """True when the dictionary has ``word`` fewer than a few times, or not at all."""
        return self.freq is not None and self.freq.get(word, 0) < _COMMON


#: A label's length in characters: a little room, so that a phrase keeps its words whole.
MAX_LABEL = 10
#: A label made of several phrases (果汁、茶饮料生产线; 制造业增加值占规上工业比重) may be longer.
LONG_LABEL = MAX_LABEL + 4


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: Tokens a label never spans: function words, pronouns, time words and clause openers.
STOP = _words(
    "的 和 与 及 以及 或 在 了 将 已 其中 以上 以下 其 该 这 这些 此 为 对 把 被 从 向 于 由 等"
    " 今年 去年 明年 目前 截至 年内 当年 同时 并 且 又 还 也 都 共 新 已经 正在 全年 一批"
    " 远期 近期 当前 同期 期间 引进 新引进 建设 实施 开展 签约 签订 带动 推动 完成 实现"
    " 拥有 提供 同比 环比 名义 实际 现场 当场 正式 首批 集中 共同 分别 均 约 前 后 之前 之后 以后"
    " 引育 聚集 集聚 认定 招引 吸引 累计 力争 争取 确保 成功 顺利 陆续 相继 和约 及约 以"
    " 全部 全都 全面 超额"
)
_STOP_CHARS = frozenset("的和与及或在了将已其该这此为对把被从向于由等共并且又还也都前后")
_AND = _words("和 及 与 以及")
#: Postpositions after a noun (16个项目 | 中): never the last character of a label.
_POSTPOSITIONS = frozenset("中内里上下外间旁第")
#: Characters that prefix a word (大数据, 分会场, 子基金, 新能源): kept at a phrase's start.
_PREFIXES = frozenset("大小新老高低中总副子主分超微多单双全半非准次")
#: Labels that say nothing a reader does not see already, unless what they are of is named.
GENERIC = _words("比例 金额 数量 规模 总额 数 数字 比重 占比 同比 增速 增幅 均值 总量")
#: The whole area a report is about: no fourth word of a label.
_AREAS = _words("全区 全市 全省 全县 全镇 全国 该区 我区 本区 园区 新区 全园")
#: Words of intent that start a predicate after a counted noun (26 家企业 | 预计完成).
_MODALS = frozenset(("预计", "计划", "拟", "将", "力争", "争取"))
#: Characters that make a class of the noun before them (新兴产业类企业, 科技型企业).
_CLASSIFIERS = frozenset("类型")
#: Events named by what they do (招商推介 活动, 项目签约 仪式): the verb is part of the name.
_EVENT_HEADS = frozenset(("活动", "会议", "论坛", "仪式", "大会"))
#: Verbs that make a count a flow (新增 5 家, 去年新认定的 111 家): one list for the rules
#: that read them right before a figure and before a 的.
NEW_VERBS = "新增|新引进|新认定|新培育|新入驻|新落户|新注册|新设立|新设"
#: A class of things by size or rank (千亿级 产业集群, 省级以上 研发平台), kept with them.
_CLASS_OF = re.compile(
    "(?:[十百千万]|百万|千万)?亿级|(?:国家|省|市|部|地方|县|区)级(?:以上)?|[省市]级以上")
#: Time words that may sit inside a measured phrase (文旅产业全年营收): skipped, not kept.
_TIME = _words("全年 今年 去年 当年 上半年 下半年 一季度 前三季度 年内 同期 目前 当期 年度")
#: Heads of a counted thing: a phrase that ends with one is complete (党员 | 同温入党誓词).
HEAD_NOUNS = ("员", "者", "人", "人才", "企业", "项目", "单位", "机构", "平台", "组织",
              "公司", "产品", "厂房", "园区", "基地", "载体", "中心", "高校", "家庭", "人次",
              "岗位", "专利", "开发区", "高新区", "经开区", "新区", "园", "城市", "县区",
              "生产线", "车间")
#: Heads of a measured amount: a phrase that ends with one names an amount, not a thing.
_MEASURE_HEADS = ("额", "值", "率", "量", "规模", "面积", "比重", "占比", "比例", "增速", "增幅",
                  "强度", "密度")
#: Verbs that name an amount when they head a phrase (实现收入, 研发投入, 外资到位).
_MEASURE_VERBS = ("收入", "投入", "支出", "投资", "融资", "销售", "出口", "进口", "消费", "产出",
                  "成交", "交易", "贷款", "到位", "营收", "利润", "税收", "资金", "资本", "产值",
                  "税金", "税费", "成本")
#: Ratios named by one word (研发投入占比): of the amount before them.
_RATIO_WORDS = frozenset(("占比", "比重", "比例"))
#: Verbs of getting or drawing money before an amount's noun: never part of the label.
_ACQUIRE = frozenset(("获得", "获", "取得", "吸引", "撬动", "带动", "拉动", "吸纳", "争取"))
#: Word classes (reader.annotate.nlp) that are not measured things: verbs and function words.
#: Name tags are left out: the dictionary tags 高新区 as a place, 新兴产业 and 上市公司 as
#: organisations; names come from the entity finder and the gazetteer instead.
_NOT_NOUN = frozenset("VX")
_ORG_SUFFIX = ("公司", "集团", "银行", "大学", "研究院", "研究所", "协会", "商会")
#: What comes before 公司 in a company's legal form, never in a kind of company (上市公司).
_LEGAL_FORMS = ("有限", "股份", "责任", "控股")
_NAMES = ("org", "person", "place")


def is_word(token: str) -> bool:
    """A token made of hanzi or Latin letters only (no digits, no punctuation)."""
    return all(is_hanzi(ch) or (ch.isascii() and ch.isalpha()) for ch in token)


def is_measure(label: str) -> bool:
    """True when ``label`` names an amount (总投资, 销售额, 注册资金) rather than a thing."""
    return label.endswith(_MEASURE_HEADS) or label.endswith(_MEASURE_VERBS)


def _nounish(token: str, lex: Lexicon) -> bool:
    return (len(token) > 1 and is_word(token) and token not in STOP
            and lex.tags.get(token) not in _NOT_NOUN)


def is_name(token: str, lex: Lexicon) -> bool:
    """A company's or institution's name, or its suffix after one (华为 公司): not a
    measured thing. A kind of company (上市公司, 子公司) is an ordinary noun."""
    suffix = next((s for s in _ORG_SUFFIX if token.endswith(s)), None)
    if suffix is None:
        return lex.names.get(token) in ("org", "person")
    rest = token[:-len(suffix)]
    return (not rest or rest.endswith(_LEGAL_FORMS) or lex.names.get(rest) in _NAMES
            or lex.rare(rest))


def is_kind(token: str, lex: Lexicon) -> bool:
    """A kind of organisation (上市公司, 子公司), not one organisation's name."""
    return token.endswith(_ORG_SUFFIX) and not is_name(token, lex)


def _verb(token: str, lex: Lexicon) -> bool:
    return lex.tags.get(token) == "V" or (len(token) == 1 and lex.tags.get(token) == "X")


_NEW_VERB = re.compile(NEW_VERBS)
#: A total that says nothing without what it totals (总额), and what it may total (签约总额).
_BARE_TOTALS = frozenset(("总额", "金额", "总金额"))
_DEALS = frozenset(("签约", "合同", "协议", "成交", "交易", "引资", "投资", "融资", "贷款"))


def phrase_before(tokens: Sequence[str], lex: Lexicon, budget: int = MAX_LABEL) -> str:
    """The noun phrase that ``tokens`` end with: up to four words, never cut inside one.

    A one-character token (额 of 签约额, 均 of 亩均) is a piece of the word around it, so it
    never ends the phrase on its own side: the phrase takes its neighbour too. Verbs,
    function words and names end the phrase, except a verb that names an amount (实现收入)
    or is part of one (收入规模); a time word inside it is skipped (文旅产业全年营收 →
    文旅产业营收); two phrases joined by 及 or 和 stay together (仓储用房及办公楼).
    """
    picked: list[str] = []
    words = 0
    first = -1
    i = len(tokens) - 1
    while i >= 0:
        token = tokens[i]
        prev = tokens[i - 1] if i else ""
        # A lone character at the phrase start needs one neighbour (签约 额, 营 收), no more.
        glued = bool(picked) and len(picked[0]) == 1 and (
            len(picked) == 1 or (len(picked[1]) > 1 and picked[0] not in _PREFIXES)) \
            and token not in _STOP_CHARS and is_word(token)
        if is_name(token, lex) or (picked and token in _ACQUIRE):
            break  # 获得 | 投融资: how the amount came, not what it is
        # A lone character's tag is its tag as a word; as the last token it is a piece (营 收).
        tag = lex.tags.get(token) if picked or len(token) > 1 else None
        if len(token) == 1 and picked and not glued and is_word(token) and len(prev) == 1 \
                and is_word(prev) and token not in _STOP_CHARS and prev not in _STOP_CHARS \
                and tag != "V":
            glued = True  # 亩 均 产值: two lone characters the dictionary lacked as a word
        if token in _POSTPOSITIONS and picked and prev.endswith(HEAD_NOUNS):
            first = -1  # (so 中 is not read as a prefix that did not fit, below)
            break  # 产业类项目 中 | 电子信息项目: among the things before, not a prefix
        if token in _PREFIXES and picked and len(picked[0]) > 1:
            glued = True  # 新 材料, 大 数据: a prefix of the word after it
        if token in _CLASSIFIERS and picked and len(picked[0]) > 1 and _nounish(prev, lex):
            glued = True  # 新兴产业 类 企业: a class of the noun before
        if tag == "V" and len(token) > 1 and (
                (not picked and (token.endswith(_MEASURE_VERBS) or _nounish(prev, lex)
                                 or prev in STOP))
                or (picked and is_measure(picked[0]) and not picked[0].startswith("总"))
                or ("".join(picked) in _RATIO_WORDS and token.endswith(_MEASURE_VERBS))
                or (len(picked) == 1 and picked[0] in _EVENT_HEADS)):
            # 研发投入, 实现收入: a verb naming an amount; 预算 收入: part of one; 投入 占比:
            # the amount a ratio is of
            tag = None
        if len(token) == 1 and prev == "在" and picked and is_word(token) and (
                token not in _STOP_CHARS) and sum(map(len, picked)) + 2 <= budget:
            picked.insert(0, prev + token)  # 在 孵 企业, 在 建 项目: 在 + a verb describes
            first = i - 1
            words += 1
            i -= 2
            continue
        if token in ("级", "以上") and picked and _CLASS_OF.fullmatch(prev + token):
            picked.insert(0, prev + token)  # 千亿级 产业集群, 省级以上 平台: their class
            first = i - 1
            words += 1
            i -= 2
            continue
        if token in _TIME and picked and _nounish(prev, lex):
            i -= 1
            continue  # 文旅产业 全年 营收: the time word is not part of what is measured
        if len(picked) == 1 and picked[0].endswith(HEAD_NOUNS) and _NEW_VERB.fullmatch(token):
            picked.insert(0, token)  # 新设 企业: the new ones, not all (a flow)
            first = i
            break
        if len(picked) == 1 and picked[0] in _BARE_TOTALS and token in _DEALS:
            picked.insert(0, token)  # 签约 总额: the total of what was signed
            first = i
            break
        if not glued and (token in STOP or not is_word(token) or tag in _NOT_NOUN):
            if token in _AND and picked and words:
                left = phrase_before(tokens[:i], lex, 4)
                if left and len(left) + len(token) + sum(map(len, picked)) <= budget + 2:
                    picked[:0] = [left, token]  # 仓储用房及办公楼: both conjuncts
                    first = -1
            break
        if sum(map(len, picked)) + len(token) > budget and (picked or len(token) > LONG_LABEL):
            break  # (one word a little longer than a label stays whole: 城镇居民人均可支配收入)
        picked.insert(0, token)
        first = i  # where the phrase starts in ``tokens``
        if len(token) > 1:
            words += 1
        if words == 3 and i and tokens[i - 1] in _AREAS:
            break  # 全区 | 软件业务收入规模: a fourth word only when it says more than where
        if words == 4 and len(token) > 1:
            if i and tokens[i - 1] in _PREFIXES and sum(map(len, picked)) < budget:
                picked.insert(0, tokens[i - 1])  # 大 健康 产业 规模: a prefix of the word
                first = i - 1
            break
        i -= 1
    while len(picked) > 1 and (
        (len(picked[0]) == 1 and picked[0] in _STOP_CHARS) or (picked[0] in _TIME and not (
            # 年度投资 at a clause start is the year's investment; 2024 年度 says when
            picked[0] == "年度" and (first <= 0 or is_word(tokens[first - 1]))))
    ):
        picked.pop(0)  # 2023 年度 | 专利授权量: a time word at the start says when, not what
    if len(picked) > 1 and first > 0 and tokens[first - 1] in _PREFIXES:
        picked.pop(0)  # 新 | 能源汽车产业园: a word whose prefix did not fit goes too
    label = "".join(picked)
    return label if len(label) > 1 else ""


def _nominal_to_end(tokens: Sequence[str], lex: Lexicon, verbs: bool = False) -> bool:
    """True when ``tokens`` are nouns up to their end or the next function word: what
    follows a verb inside a compound (回收 材料), not a predicate's object.
    With ``verbs``, verbs count as nouns but the run must reach the end of ``tokens``."""
    seen = False
    for token in tokens:
        if token in STOP or not is_word(token):
            return seen and not verbs
        if _verb(token, lex) and not verbs:
            return False
        seen = True
    return seen


#: Words for "of all kinds" before a counted noun (各类, 多种).
_KINDS_OF = frozenset(("各类", "各种", "多种", "各项", "各式", "多类", "各型", "各式各样"))


def phrase_after(tokens: Sequence[str], lex: Lexicon, nominal: bool = False,
                 people: bool = False) -> str:
    """The noun phrase ``tokens`` start with: the counted noun after a measure word, or
    the thing an amount is of, up to a verb, a function word or the end of its head.

    A verb inside the phrase stays when nouns follow it to the phrase end (锂电池回收材料,
    医用防护口罩熔喷布); after a complete head (党员, 企业) only another head (企业负责人) or a
    common word (人才公寓) joins, so a rare word does not (党员 | 同温入党誓词), nor a verb.
    ``nominal``: the tokens follow a 的, so they are a noun phrase to their end, whose head
    may be a verb the dictionary knows as one (的技改贴息). ``people``: they follow a measure
    word for people (位, 名), so a word the dictionary lacks after the noun is the verb.
    """
    tags = lex.tags
    tokens = list(tokens)
    while len(tokens) > 1 and tokens[0] in _KINDS_OF:
        tokens = tokens[1:]  # 60 万台套 | 各类 智能控制系统: what, of whatever kinds
    if len(tokens) > 2 and _CLASS_OF.fullmatch(tokens[0] + tokens[1]):
        tokens[:2] = [tokens[0] + tokens[1]]  # 6 个 | 千亿 级 产业集群: their class
    if len(tokens) > 1 and len(tokens[0]) == 1 and tokens[0] not in _STOP_CHARS \
            and is_word(tokens[0]) and _nounish(tokens[1], lex):
        tokens[:2] = [tokens[0] + tokens[1]]  # 主 论坛: a prefix of the word after
    if not tokens or tokens[0] in STOP or not is_word(tokens[0]) or len(tokens[0]) < 2:
        return ""
    if tags.get(tokens[0]) == "V" and len(tokens) > 1 and _nounish(tokens[1], lex):
        tokens[:2] = [tokens[0] + tokens[1]]  # 在职 党员: a verb modifying a noun
    elif tags.get(tokens[0]) in _NOT_NOUN or (
        is_name(tokens[0], lex) and tokens[0] not in _ORG_SUFFIX  # 4 家 | 公司: a bare kind
    ):
        return ""
    picked = [tokens[0]]
    for j, token in enumerate(tokens[1:], 1):
        if token in STOP or not is_word(token) or is_name(token, lex) or (
                lex.names.get(token) == "place"):
            break  # (31 个行业 | 保定全有: a place after the things starts the predicate)
        last = j + 1 == len(tokens) or not is_word(tokens[j + 1]) or tokens[j + 1] in STOP
        if (len(token) > 1 and tags.get(token) == "X") or token in _MODALS:
            break  # 3支基金 | 先后, 5个项目 | 经过: an adverb or a preposition starts the predicate
        if (
            len(token) == 1
            and last
            and tags.get(token) == "X"
            and token not in _STOP_CHARS
            and token not in _POSTPOSITIONS
        ):
            picked.append(token)  # 无人 车: a noun's last character, not an adverb (均居)
            break
        if len(picked[-1]) > 1 and picked[-1].endswith(_MEASURE_HEADS) and _verb(token, lex):
            break  # 申请量 | 位居全市: a measure is a complete head; a verb after it predicates
        complete = picked[-1].endswith(HEAD_NOUNS)
        head_next = j + 1 < len(tokens) and tokens[j + 1].endswith(HEAD_NOUNS)
        if complete and not token.endswith(HEAD_NOUNS) and not head_next and (
                len(token) == 1 or _verb(token, lex) or lex.rare(token)):
            break  # 党员 | 同温入党誓词, 党员 | 参加: the counted thing is complete
        if token.startswith("总") or token.endswith(_MEASURE_HEADS):
            break  # 两个特色园区 | 总投资额: what is counted, not the amount measured next
        if _verb(token, lex) and not _nominal_to_end(tokens[j + 1:], lex) and not (
                nominal and len(token) > 1 and _nominal_to_end(tokens[j:], lex, verbs=True)):
            break  # 项目 | 参与集中开工, 五项指标 | 均居: the predicate starts
        if people and lex.freq is not None and not lex.freq.get(token):
            break  # 200 位嘉宾 | 齐聚: people are counted by a noun the dictionary knows
        if len(token) > 1 and not tags and not token.endswith(HEAD_NOUNS):
            break  # untagged: only common head nouns join (项目 参与 vs 在职 党员)
        picked.append(token)
    # Too long: the head is last, so words go from the start (产业发展引导基金), and a lone
    # character left at the start goes too (a piece of a word cut off) unless it prefixes
    # the word after it (大 数据).
    while len(picked) > 1 and (sum(map(len, picked)) > MAX_LABEL or (
            len(picked[0]) == 1 and picked[0] not in _PREFIXES)):
        picked.pop(0)
    return "".join(picked)


def lexicon(cut: Callable[[str], Sequence[str]] | None = None,
            tags: Mapping[str, str] | None = None) -> Lexicon:
    """The app's segmenter and tables when its NLP stack is loaded (annotate() loads it for
    the names first), else jieba's own segmenter alone."""
    try:
        from reader.annotate import nlp
    except ImportError:  # pragma: no cover - the package ships it
        nlp = None
    if nlp is not None and nlp.is_loaded():
        stack = nlp.load()
        return Lexicon(cut or stack.cut, stack.tags if tags is None else tags, stack.freq,
                       stack.gazetteer.names)
    return Lexicon(cut or _default_cut(), tags or {})  # no dictionary: no frequencies


def _default_cut() -> Callable[[str], Sequence[str]]:
    import jieba  # imported late: the dictionary loads in ~0.5 s, only when labels are needed

    jieba.setLogLevel(60)
    return lambda text: jieba.lcut(text, HMM=False)
