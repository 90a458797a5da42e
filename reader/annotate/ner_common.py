"""Shared ground of the entity rules: word classes, thresholds and the base of the rule sets.

The rules themselves live in :mod:`reader.annotate.ner_persons` and
:mod:`reader.annotate.ner_places` and are combined in :mod:`reader.annotate.entities`. Every
threshold here was chosen on the People's Daily NER development set (scored by
benchmarks/bench_ner.py), never from its sentences' words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection

from reader.annotate.gazetteer import Gazetteer
from reader.annotate.nlp import Nlp
from reader.model import EntityType
from reader.text.fold import fold
from reader.text.hanzi import is_hanzi
from reader.text.traditional import simplified

# Priorities: a known name beats a title rule beats a dictionary/gazetteer match beats a guess.
P_KNOWN, P_TITLE, P_RULE, P_GUESS = 4, 3, 2, 1

#: The CJK Unified Ideographs block: what counts as a hanzi here.

#: Characters that, right after a possible name, are more likely the next word than a third
#: name character (李峥说 → 李峥, not 李峥说).
AFTER_NAME = frozenset("说在是的和与及或等也还就对向将为称讲到给被把从以于曾已又都一所")
#: A dictionary word tagged as a name this frequent is usually an ordinary word (蓝图: 333).
COMMON_NAME_FREQ = 150
#: The same for two-character ones (惠民: 105), which are more often ordinary words.
SHORT_NAME_FREQ = 50
#: Mean log-odds its given-name characters must reach for a token to pass as a name by itself.
NAME_SCORE = 0.3
#: The same for a word jieba's dictionary already files as a name, after a strong surname.
P_WORD_SCORE = -1.0
ORG_MAX = 30  # characters: organisation names longer than this are rare; stop growing
#: A dictionary word this frequent inside an unseen token means jieba's HMM glued a surname-like
#: character to an ordinary word (曾+多次, 常务+副), not that it found a name.
GLUED_WORD_FREQ = 50
#: A word jieba tags as a place but uses this often is a common noun (城市, 外国, 回国).
COMMON_PLACE_FREQ = 300
#: Characters of transliterated foreign names (克林顿, 内塔尼亚胡, 奥尔布赖特).
TRANSLIT = frozenset(
    "阿埃艾爱安昂奥巴拔班邦鲍贝本比彼毕宾波伯博布查察达戴丹道德登迪蒂丁东杜多厄恩尔法范菲费"
    "芬丰弗福夫盖冈戈格古圭哈海汉豪赫黑亨胡华霍基吉季加贾杰金卡凯坎康柯科克肯库夸奎拉莱兰朗劳勒"
    "雷里利莉丽连列林琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米密缅姆莫穆纳娜奈南内尼涅努诺欧帕佩彭皮普齐"
    "奇乔切钦琼丘若萨塞赛桑瑟森沙莎舍什施斯松苏索塔泰坦汤唐特滕提图托瓦万旺威维魏温沃乌武西希"
    "谢辛休雅亚扬耶伊因英尤于约扎泽詹兹佐顿汀伍沙廷贡津茨霍戴蒂娅妮丝琪莉黛露薇"
    "韦怀惠霍尔夏列祖岑朱巴桑杰诺"
)
#: One-character abbreviations of countries and regions, a place only beside each other or
#: beside words like 方, 两国, 关系 (中美, 美方, 中日关系).
ABBREV = frozenset("中美日俄英法德意加澳韩朝印巴以越泰新马菲欧亚非港澳台苏蒙")
_ABBREV_NEXT_WORDS = "方 两国 双方 关系 之间 三国 四国 等国 友好 合作 建交"
ABBREV_NEXT = tuple(_ABBREV_NEXT_WORDS.split())
DOTS = frozenset("·•・")
#: What may follow a name in a byline: a space, a closing bracket, a list mark, a line end.
BYLINE_ENDS = frozenset(" \u3000\t）)、】\n/")
#: Names read after one byline title, at most (a byline names a few reporters).
BYLINE_MAX_NAMES = 8
#: A foreign name has at most this many pieces (dot-joined parts, or pieces jieba cut) and
#: characters (穆罕默德·本·拉希德·阿勒马克图姆: 15); a longer ``·`` chain is a list, not one name.
TRANSLIT_MAX_PARTS = 6
TRANSLIT_MAX_CHARS = 18
#: Characters that follow a surname as a form of address, not as a given name (杜氏, 吕老).
NOT_GIVEN = frozenset("氏老总某家姓们式")
#: Last characters of villages and towns, which often start with a surname (罗庄镇, 李家村).
PLACE_CHARS = frozenset("省市县区镇乡村庄屯寨堡湾河桥路街")
#: 小张, 老王: a surname with a familiar prefix; the person is the surname.
FAMILIAR = frozenset("小老")
#: Prepositions and conjunctions jieba's HMM sometimes glues to the name that follows.
GLUE_HEAD = frozenset("由在和与对向被把将让使据同跟给为从及以")
#: One-character country names that mean the country even standing alone (俄 金融市场).
ALONE = frozenset("俄美韩")
#: Verbs after which 华, 京 or a country's one-character name is that place (访华, 进京, 访美).
HUA_VERBS = frozenset("访来在驻赴抵离旅援侵对进返回")
HUA_PLACES = frozenset("华京沪津渝美日俄英法德韩朝印巴越泰港澳台")
#: Two of these in one word are two countries (中美, 美日, 印巴); 中意, 中加, 中新 are words.
PAIR = frozenset("中美日俄英法德韩朝印巴越泰欧")
CONGRESS_CHARS = frozenset("一二三四五六七八九十")
#: jieba files 新兴产业, 新格局 as organisations too, with the lowest count its dictionary uses;
#: without an organisation suffix such a word is not trusted (nor 党组织, 团组织: generic).
WEAK_ORG_FREQ = 3
#: Tags a zone's own name may carry (none, or a name jieba misfiled).
NAMEISH = frozenset({None, "P", "Z", "L"})
#: One-character level words that may open a body's name (省公安厅, 市卫生局).
LEVEL_CHARS = frozenset("省市县区州乡镇村")
#: 市委, 县委, 镇党委, 党支部: a local body named by its level alone.
LOCAL_BODY = re.compile(r"[省市县区州乡镇村](?:委|党委|党工委|纪委|团委)|团中央")


def ordinary_org_word(tok: str) -> bool:
    """A word jieba's dictionary tags as an organisation that names none: a word made with 化
    (最大化, 智能化), or directions + 部 (东西部, 中南部)."""
    return tok.endswith("化") or (
        tok.endswith("部") and len(tok) >= 3 and all(c in "东西南北中" for c in tok[:-1]))


#: What 企业 is part of in a registered name's trade (某某企业管理有限公司).
_FIRM_TRADES = frozenset(("管理", "服务", "咨询", "发展", "孵化", "征信"))


def describes_firm(tok: str, after: str) -> bool:
    """Whether ``tok`` describes the firm whose name follows (园区龙头企业 | 某某有限公司,
    链主企业 | …): a word for firms, not the start of the name (企业管理 is a trade)."""
    return tok.endswith("企业") and (len(tok) >= 3 or after not in _FIRM_TRADES)


def adjectival(tok: str) -> bool:
    """嵌入式, 创新型, 战略性: a word that describes a kind, never a proper name by itself."""
    return len(tok) >= 3 and tok[-1] in "式型性"


def is_han(s: str) -> bool:
    """True when every character of ``s`` is a hanzi (no digits, Latin or punctuation);
    also for ``""``, which the rules rely on (an empty next token never blocks a name)."""
    return all(map(is_hanzi, s))


class RuleBase:
    """What every rule set reads: the loaded stack and one text's tokens with their offsets."""

    nlp: Nlp
    gaz: Gazetteer
    text: str
    tokens: list[str]
    starts: list[int]
    persons: list[str]
    #: (priority, start, end, type) of every span some rule proposed
    cands: list[tuple[int, int, int, EntityType]]
    #: last characters of organisation suffixes, and of multi-character place/zone suffixes
    suffix_ends: set[str]
    place_ends: set[str]
    #: (start, end) of persons named as authors (bylines)
    authors: set[tuple[int, int]]

    def token_from(self, offset: int) -> int:
        """The index of the first token that starts at or after ``offset`` (by bisection)."""
        return bisect_left(self.starts, offset)

    def add(self, prio: int, start: int, end: int, typ: EntityType) -> None:
        """Propose a span; :meth:`reader.annotate.entities._Finder.resolve` picks among them."""
        if end > start:
            self.cands.append((prio, start, end, typ))

    def is_place_token(self, tok: str) -> bool:
        kind = self.gaz.names.get(tok)
        if kind is not None:
            return kind == "place"
        return (
            self.nlp.tags.get(tok) == "L"
            and len(tok) >= 3  # two-character "places" outside the gazetteer: mostly 扎根, 宜居
            and tok not in self.gaz.zone_suffixes
            and tok[0] not in CONGRESS_CHARS  # 两国, 七国: counted, not named
            and tok[0] != "两"
            and self.nlp.freq.get(tok, 0) < COMMON_PLACE_FREQ
        )


def join_places(
    text: str, chosen: list[tuple[int, int, EntityType]], zone_suffixes: Collection[str]
) -> list[tuple[int, int, EntityType]]:
    """A province or city written right before a zone's name is part of it (四川 + 北川经济
    开发区 → 四川北川经济开发区, as 四川天府新区 is one name), unless it has its level (江苏省 |
    高邮经济开发区, an address); and 杭州高新区（滨江）, 某某（杭州）: a place in brackets
    right after a name is part of it."""
    ends = tuple(zone_suffixes)
    joined: list[tuple[int, int, EntityType]] = []
    for span in chosen:
        joined.append(span)
        while len(joined) > 1 and _zone_joins(text, joined[-2], joined[-1], ends):
            # (葫芦岛市 + 绥中 + 滨海经济区: the chain joins from its end)
            last = joined.pop()
            joined[-1] = (joined[-1][0], last[1], "place")
    if "（" not in text and "(" not in text:
        return joined
    out: list[tuple[int, int, EntityType]] = []
    for span in joined:
        if out:
            s, e, t = out[-1]
            start, end, typ = span
            if (
                typ == "place"
                and t in ("org", "place")
                and start == e + 1
                and text[e] in "（("
                and end < len(text)
                and text[end] in "）)"
                and (t == "org" or text[s:e].endswith(ZONE_SUFFIX_ENDS))
            ):
                out[-1] = (s, end + 1, t)
                continue
        out.append(span)
    return out


def _zone_joins(text: str, before: tuple[int, int, EntityType],
                span: tuple[int, int, EntityType], ends: tuple[str, ...]) -> bool:
    """Whether the place ``before`` opens the zone ``span`` (四川 + 北川经济开发区; 北川—
    山东工业园, a zone two places built)."""
    return span[2] == "place" and before[2] == "place" and (
        text[before[1] : span[0]] in ("", "—", "——", "-")
        and before[1] - before[0] > 1 and text[span[0] : span[1]].endswith(ends)
        and text[before[1] - 1] not in _ADDRESS_LEVELS)


#: Levels after which a place before a zone is its address (江苏省 | 高邮经济开发区); a city
#: prefix stays (葫芦岛市绥中滨海经济区, as 大连金普新区).
_ADDRESS_LEVELS = frozenset("省县区州乡镇村")
ZONE_SUFFIX_ENDS = ("高新区", "经开区", "开发区", "新区", "园区", "科技城")


#: Look-alikes of hanzi that PDF extraction leaves (Kangxi radicals, the CJK radicals supplement,
#: compatibility ideographs): a text holding any is read folded (:mod:`reader.text.fold`).
LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def shown_name(span: str) -> str:
    """The name a span of the shown text stands for: its look-alike hanzi folded (⼤连 → 大连)
    and traditional characters simplified (高新區 → 高新区), so one name is one index entry."""
    return simplified(LOOKALIKE.sub(lambda m: fold(m.group()).text, span))


#: Verbs that stand between a place and a company in a sentence, never inside a name.
ACTION_VERBS = frozenset(
    {
        "设立",
        "成立",
        "投资",
        "引进",
        "落户",
        "签约",
        "入驻",
        "注册",
        "收购",
        "并购",
        "携手",
        "联手",
        "建设",
        "举办",
        "获得",
        "包括",
        "涉及",
        "推动",
        "支持",
        "打造",
        "选择",
        "组建",
        "共建",
        "牵手",
        "吸引",
        "培育",
        "招引",
        "引入",
        "新增",
        "拥有",
        "成为",
        "作为",
        "依托",
        "落地",
        "进驻",
        "设有",
        "参观",
        "考察",
        "走访",
        "调研",
        "来到",
        "位于",
        "表彰",
        "授予",
        "评为",
        "入选",
        "获评",
        "出资",
        "控股",
        "持有",
        "发布",
        "推出",
        "举行",
        "召开",
    }
)
