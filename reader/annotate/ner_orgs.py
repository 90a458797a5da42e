"""Organisation and zone grammar beyond a legal suffix: brands, short forms, new areas.

Business news names most companies by brand + industry word (某某科技, 某某生物, 某某股份),
institutes by the academy's short form (中科院某某所), and zones by a name of any shape before
新区 or 高新区 (two place abbreviations, an unseen word). These rules propose such spans; a
place suffix or an industry word next to a would-be name outranks the surname it starts with
(a ``P_RULE`` span beats a ``P_GUESS`` person in :meth:`.entities._Finder.resolve`).
"""

from __future__ import annotations

from reader.annotate.ner_common import (
    ABBREV,
    AFTER_NAME,
    COMMON_NAME_FREQ,
    GLUE_HEAD,
    GLUED_WORD_FREQ,
    HUA_VERBS,
    P_RULE,
    RuleBase,
    adjectival,
    describes_firm,
    is_han,
)

#: Characters that start an unseen token when jieba's HMM glued a verb or an adverb to the
#: next word (拟投, 将建): such a token is no brand.
_NOT_BRAND_HEAD = GLUE_HEAD | HUA_VERBS | frozenset("拟已再共总均新各该本其这那此每获批规")
#: One-character verbs and prepositions jieba's HMM glues before a two-character brand.
_GLUED_HEAD = GLUE_HEAD | frozenset("有是")
#: A dictionary word this rare may still be a brand when a holding word follows (大华股份),
#: and one rarer still before any industry word.
BRAND_FREQ = 30
RARE_BRAND_FREQ = 10
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两几多数")
#: Measure words after a numeral that make a count (两大, 三家), not a brand (三一, 万华).
_COUNTED = frozenset("大个家项只批类名位种支座所条")
#: A dictionary word this frequent before a list's first item belongs to the sentence (现有).
COMMON_WORD_FREQ = 1000
#: Words that open a description of a body, never its name.
_GENERIC_HEADS = (
    "公司", "企业", "双方", "各方", "三方", "相关", "有关", "全市", "全区", "全省", "全县", "我市",
    "我区", "我省", "该公司", "本公司", "城市", "产业", "机关", "各",
)
#: Generic zone words a kind of company may follow (高新区上市公司).
_GENERIC_ZONES = ("高新区", "经开区", "开发区", "园区", "新区")
#: A dictionary word before 新区 or 经开区 this rare is the zone's own name (钟楼经开区).
ZONE_NAME_FREQ = 100
#: Zone suffixes that follow ordinary words too (特色产业园区, 百强园区).
_GENERIC_ZONE_SUFFIXES = frozenset({"园区", "工业园区", "产业园", "工业园", "示范区", "科技园"})
#: The academy's short forms that open an institute's name (中科院金属所).
ACADEMIES = (
    "中国科学院",
    "中科院",
    "中国工程院",
    "中国农业科学院",
    "中国医学科学院",
    "中国社会科学院",
)


#: Levels of local government before 政府 (长春市政府, 某某自治县政府).
_LOCAL_LEVELS = frozenset("市区县省镇乡州旗盟")
#: Legal forms that make a registered name of the words before them.
_REGISTERED = ("有限公司", "有限责任公司", "股份公司", "集团公司")


class OrgRules(RuleBase):
    """Brand, institute and zone rules; mixed into the finder in :mod:`.entities`."""

    def is_brand(self, tok: str, strong: bool = False) -> bool:
        """A token that can be a company's brand: unseen, a name-like word, or Latin letters.

        ``strong``: the next word is a holding word (股份, 集团), so a rare dictionary word
        also counts.
        """
        if tok.isascii():
            return tok.isalpha() and len(tok) >= 2
        if not is_han(tok) or not 2 <= len(tok) <= 4:
            return False
        gaz, nlp = self.gaz, self.nlp
        kind = gaz.names.get(tok)
        if kind is not None:
            return kind == "org"
        if tok in gaz.industry or tok in gaz.titles or tok in gaz.zone_suffixes:
            return False
        tag = nlp.tags.get(tok)
        if tag in ("X", "V", "L") or adjectival(tok):
            return False  # (嵌入式 芯片: a kind of chip, not a brand)
        if tok[0] in _NOT_BRAND_HEAD or (tok[0] in _NUMERALS and tok[1] in _COUNTED):
            return False  # 拟投, 两大: a verb or a count glued on (not 三一, 万华)
        if tok[-1] in AFTER_NAME and not (strong and len(tok) == 2 and tok[-1] in "为和与"):
            return False  # 瑞等: a particle glued on (but 迈为股份: 为 in a brand before 股份)
        freq = nlp.freq.get(tok, 0)
        if freq == 0:
            # four unseen characters are mostly two words jieba's HMM glued (广大青年)
            return len(tok) < 4 or not (
                nlp.freq.get(tok[:2], 0) >= GLUED_WORD_FREQ
                or nlp.freq.get(tok[2:], 0) >= GLUED_WORD_FREQ
            )
        if len(tok) == 4:
            return False  # a four-character dictionary word is a phrase, not a brand
        if tag in ("P", "Z", "O"):
            return freq < COMMON_NAME_FREQ
        return freq < (BRAND_FREQ if strong else RARE_BRAND_FREQ)

    def industry_rule(self, i: int) -> None:
        """唯柯医疗, 上海百趣生物, 漳州城投: brand (+ place before it) + industry words."""
        toks, gaz, n = self.tokens, self.gaz, len(self.tokens)
        if i == 0 or toks[i - 1].endswith(("公司", "集团")) or (
                toks[i] == "投资" and i + 1 < n and self._verb_use(toks[i + 1])):
            return  # 华为公司 投资 20 亿元: a whole name, then the sentence's verb
        j = i + 1
        while j < n and toks[j] in gaz.industry:  # 智能科技, 生物医药
            if j > i and toks[j] == "投资" and j + 1 < n and self._verb_use(toks[j + 1]):
                break  # 某某集团 投资 30亿元: the verb of the sentence, not the firm's trade
            j += 1
        strong = any(toks[k] in gaz.holding for k in range(i, j))
        b = i - 1
        prev = toks[b]
        if b > 0 and (toks[b - 1][-1].isdigit() or toks[b - 1][-1] in _NUMERALS):
            return  # 225家 大数据, 一批 子基金: HMM glued a measure word, not a brand
        if (
            len(prev) == 3
            and prev[0] in _GLUED_HEAD
            and self.nlp.freq.get(prev, 0) == 0
            and self.is_brand(prev[1:], strong)
        ):  # 更有 鑫达 包装: jieba's HMM glued 有 to the brand
            self.add(P_RULE, self.starts[b] + 1, self.starts[j - 1] + len(toks[j - 1]), "org")
            return
        if self.is_brand(prev, strong):
            start = b
        elif self._split_brand(b) and not (j < n and toks[j][:1] in "（("):
            # 炬 光 科技: an unseen brand jieba cut into two characters (a registered name
            # with a bracketed place is the legal-name rule's)
            start = b - 1
        elif strong and gaz.names.get(prev) == "place" and len(prev) >= 2:
            start = b  # 漳州城投, 光谷金控: a place's own holding company
        elif strong and prev in ("高新", "经开", "高新区", "经开区") and b > 0:
            start = b  # 某市高新金投: a zone's own holding company (the city joins below)
        else:
            return
        # 上海 + brand: the city written before a brand belongs to the name.
        if start > 0 and gaz.names.get(toks[start - 1]) == "place":
            start -= 1
        self.add(P_RULE, self.starts[start], self.starts[j - 1] + len(toks[j - 1]), "org")

    def _split_brand(self, b: int) -> bool:
        """Tokens ``b - 1`` and ``b`` are two lone characters that make an unseen word, after
        punctuation or a function word: a brand jieba did not know (炬 光 | 科技)."""
        toks, tags = self.tokens, self.nlp.tags
        if b < 1:
            return False
        first, second = toks[b - 1], toks[b]
        before = toks[b - 2] if b >= 2 else ""
        return (
            len(first) == 1 and len(second) == 1 and is_han(first) and is_han(second)
            and not {first, second} & (AFTER_NAME | GLUE_HEAD | _NUMERALS)
            and tags.get(first) not in ("X", "V") and tags.get(second) not in ("X", "V")
            and not self.nlp.freq.get(first + second, 0)
            and (not before or not is_han(before[-1]) or tags.get(before) == "X")
        )

    def _verb_use(self, after: str) -> bool:
        """Whether the word after 投资 makes it a verb: an amount or another verb follows."""
        return after[:1].isdigit() or after[:1] in _NUMERALS or self.nlp.tags.get(after) == "V"

    def academy_rule(self, i: int) -> None:
        """中科院金属所, 中国科学院大连化物所: the academy + a subject + 所 or 研究所."""
        toks, n = self.tokens, len(self.tokens)
        j = i + 1
        while j < n and j - i <= 4 and is_han(toks[j]):
            tok = toks[j]
            if j > i + 1 and (tok in ("所", "院") or (2 <= len(tok) <= 3 and tok[-1] in "所院")):
                # 金属所, 先进院: the institute's own short name ends the span
                if tok not in self.gaz.titles:
                    self.add(P_RULE, self.starts[i], self.starts[j] + len(tok), "org")
                return
            if self.nlp.tags.get(tok) in ("X", "V"):
                return
            j += 1

    def zone_rule(self, i: int) -> None:
        """贵安新区, 金普新区: an unseen name or two place abbreviations before a zone suffix."""
        toks = self.tokens
        if i == 0:
            return
        at = i - 1
        if toks[at] in ("国际", "现代") and at > 0:
            at -= 1  # 文昌国际航天城: the name, then what kind of zone it is
        prev = toks[at]
        end = self.starts[i] + len(toks[i])
        tag, freq = self.nlp.tags.get(prev), self.nlp.freq.get(prev, 0)
        if (
            2 <= len(prev) <= 4
            and is_han(prev)
            and tag not in ("X", "V")
            and (
                freq == 0
                or (tag in ("P", "Z") and freq < COMMON_WORD_FREQ)
                or (freq < ZONE_NAME_FREQ and (toks[i] not in _GENERIC_ZONE_SUFFIXES or tag == "L"))
            )
            and prev not in self.gaz.zone_suffixes
            and self.gaz.names.get(prev) != "ignore"
        ):
            if freq == 0 and (prev[0] in GLUE_HEAD or prev[0] in HUA_VERBS):
                if len(prev) < 3 or prev[0] in HUA_VERBS:
                    return
                # 以鹭岭 科学城: the HMM glued a preposition to the name; the zone is after it
                self.add(P_RULE, self.starts[at] + 1, end, "place")
                return
            start = self.starts[at]
            if at >= 1 and self.is_place_token(toks[at - 1]) and not self.is_place_token(prev):
                start = self.starts[at - 1]  # 大连金普新区: the city stays inside
            self.add(P_RULE, start, end, "place")
        elif (
            len(prev) == 1
            and i >= 2
            and self.gaz.abbrevs.get(toks[i - 2], False)
            and is_han(prev)
            and prev not in AFTER_NAME
        ):
            self.add(P_RULE, self.starts[i - 2], end, "place")  # 滇 中 新区

    def town_rule(self, i: int) -> None:
        """李庄镇, 石龙 镇: a two-character name before 镇 or 乡 is a town, not a person."""
        toks = self.tokens
        tok = toks[i]
        nlp = self.nlp
        if len(tok) == 3 and is_han(tok) and nlp.freq.get(tok, 0) == 0:
            if tok[0] in _NUMERALS or nlp.freq.get(tok[:2], 0) >= ZONE_NAME_FREQ:
                return  # 三下乡, 农村乡: words, not a town's name
            start = self.starts[i]
        elif len(tok) == 1 and i > 0 and len(toks[i - 1]) == 2 and is_han(toks[i - 1]):
            prev = toks[i - 1]
            tag = nlp.tags.get(prev)
            if tag in ("X", "V") or (nlp.freq.get(prev, 0) >= ZONE_NAME_FREQ and tag != "L"):
                return
            start = self.starts[i - 1]
        else:
            return
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if after in self.gaz.titles or (after[:1] == "长" and len(tok) == 1):
            return  # 王强镇长 is a person and a title
        self.add(P_RULE, start, self.starts[i] + len(tok), "place")

    def pair_org_rule(self, i: int) -> bool:
        """中德工程师学院, 中韩产业园: two country abbreviations opening a body's or a zone's
        name are no places."""
        toks, n = self.tokens, len(self.tokens)
        first = toks[i]
        if len(first) == 1:
            if i + 1 >= n or toks[i + 1] not in ABBREV or toks[i + 1] == first:
                return False
            j = i + 2
        elif len(first) == 2 and first[0] != first[1]:
            j = i + 1
        else:
            return False
        verb = False
        for k in range(j, min(n, j + 5)):
            tok = toks[k]
            if tok in self.gaz.zone_suffixes and toks[i][0] == "中" and (
                    k > j or tok not in ("园区", "新区", "新城")):
                # 中韩产业园, 中新天津生态城, 中德创新园区: a zone China and another country
                # built (以英歌石科学城 is 以 + 英歌石科学城, a preposition and a name)
                self.add(P_RULE, self.starts[i], self.starts[k] + len(tok), "place")
                return True
            suffix = self.org_suffix(tok)
            if k < j + 2 and not verb and suffix in self.gaz.org_suffixes and (
                    k > j or suffix != tok):
                self.add(P_RULE, self.starts[i], self.starts[k] + len(tok), "org")
                return True
            tag = self.nlp.tags.get(tok)
            if not is_han(tok) or (tag == "X" and tok not in ("现代", "国际")) or (
                    tag == "V" and (k >= j + 2 or len(tok) < 2)):
                return False
            verb = verb or tag == "V"
        return False

    def not_an_org(self, name: str) -> bool:
        """科研院所, 高新区上市公司: a generic word, alone or after a zone's generic name."""
        gaz = self.gaz
        if name in gaz.not_org or name.startswith(_GENERIC_HEADS) or name in gaz.gov_suffixes:
            return True  # 公司市场部, 双方党委: a part of "the company", not a name
        for k in range(1, len(name) - 1):
            head = name[:k]
            if name[k:] in gaz.not_org and (
                head == "国家" or any(head.endswith(z) for z in _GENERIC_ZONES)
            ):
                return True  # 国家高新区上市公司: a kind of company, not one
        return False

    def registered_start(self, i: int) -> int:
        """Where a registered name ending with token ``i`` starts when its words are plain
        (航天 电工 集团 有限公司): two or more content words, one of them no industry word
        (not 电子科技有限公司, a kind), else ``i``."""
        toks, k = self.tokens, i
        if not toks[i].endswith(_REGISTERED):
            return i
        while k > 0 and len(toks[k - 1]) >= 2 and is_han(toks[k - 1]) and self.nlp.tags.get(
                toks[k - 1]) not in ("X", "V") and toks[k - 1] not in self.gaz.titles and not (
                describes_firm(toks[k - 1], toks[k])):
            k -= 1
        brand = [t for t in toks[k:i] if t not in self.gaz.industry]
        before = toks[k - 1] if k > 0 else ""
        if before and is_han(before) and self.nlp.tags.get(before) != "V" and not (
                len(before) == 1 and self.nlp.tags.get(before) == "X") and not (
                describes_firm(before, toks[k])):  # (的, 和, 在, 龙头企业: a clear start)
            return i  # (中铁二十局 集团市政工程有限公司: the name goes on, its start unclear)
        return k if i - k >= 2 and brand and self.starts[i] - self.starts[k] >= 4 else i

    def local_government(self, i: int) -> bool:
        """Whether token ``i`` (ending with 政府) is a local government: 长春市 政府, 某某
        自治县 政府 (a place, its level, then 政府), or one token 北京市政府."""
        toks = self.tokens
        tok = toks[i]
        if tok != "政府":
            head = tok[:-2]
            return head[-1:] in _LOCAL_LEVELS and self.is_place_token(head)
        if i == 0 or toks[i - 1][-1:] not in _LOCAL_LEVELS:
            return False
        return self.is_place_token(toks[i - 1]) or (
            i > 1 and toks[i - 1] in self.gaz.place_suffixes and self.is_place_token(toks[i - 2]))
