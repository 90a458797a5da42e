"""Place and organisation rules: gazetteer places, zones, country abbreviations, bodies.

A place joins its administrative suffix (市, 县) and a zone suffix (高新区, 经开区) into one
place; an organisation grows leftwards from its suffix (有限公司, 大学, 局, 党工委) over the
tokens a name can be made of, and starts at its first distinctive token (a place, an unseen
word, a Latin brand).
"""

from __future__ import annotations

import re

from reader.annotate.ner_common import (
    ABBREV,
    ABBREV_NEXT,
    ALONE,
    GLUE_HEAD,
    HUA_VERBS,
    LEVEL_CHARS,
    LOCAL_BODY,
    NAMEISH,
    ORG_MAX,
    P_RULE,
    PAIR,
    RuleBase,
    adjectival,
    describes_firm,
    is_han,
    ordinary_org_word,
)

#: Short zone words that open or sit inside a body's name (某高新集团, 某经开投资公司).
_ZONE_WORDS = frozenset({"高新", "经开", "高新区", "经开区", "新区", "开发区"})
#: A count of things (一家, 两个): never inside an organisation's name.
_COUNT_WORD = re.compile("[一二两三四五六七八九十几数多]+[家个所座位]")
#: Words after which a new name starts: 某某金控旗下基金 is the holding's fund, not one name.
_OWNER_WORDS = frozenset({"旗下", "下属", "所属", "名下", "麾下", "属下"})
#: A party body right after a company's or a university's name, before a title: the person
#: holds the title in the company (某某有限公司党委书记), which is the name a reader wants.
_INNER_BODIES = frozenset(
    {"党委", "党组", "党工委", "工委", "纪委", "工会", "团委", "党总支", "党支部"}
)
#: How the names of the state's ministries and commissions end (中国 + 某某部).
_STATE_BODY_ENDS = ("部", "委员会", "总局", "署", "局", "办公室")
_OPEN, _CLOSE = frozenset("（("), frozenset("）)")
#: One-character body suffixes too common at a word's end to open a second body (某局 | 市场部).
_NOT_SECOND = frozenset({"部", "署", "司", "联"})
#: A numeral and a measure word open a count (两大, 三家), never a name.
_COUNT_HEAD = frozenset("一二三四五六七八九十两几多")
_MEASURES = frozenset("大个家项只批类名位种支")
#: A word this frequent before a （place） bracket is the sentence, not the brand's.
BRAND_WORD_FREQ = 1000
#: Endings of a zone's own name (天府新区, 中关村科技园区) that a city before it joins.
_ZONE_ENDS = ("新区", "高新区", "经开区", "开发区", "科技园区", "科技城", "科学城", "自贸区")


#: Words a zone's name may hold between its place and its suffix (own name, purpose).
_ZONE_NAME_TOKENS = 4
#: Verbs that name a trade inside a zone's name (家具制造产业园, 产业转移工业园).
_TRADE_VERBS = frozenset({"制造", "加工", "转移", "孵化", "研发", "创业", "创新", "服务", "物流"})
#: Words of a zone's name the dictionary files as function words (现代服务业集聚区).
_ZONE_ADJECTIVES = frozenset({"现代", "国际", "国家级", "省级"})
#: Zone suffixes that are also plain words (新区, 园区): only after a short name.
_PLAIN_ZONES = frozenset({"新区", "园区", "新城"})


class PlaceRules(RuleBase):
    """The place and organisation rules; mixed into the finder in :mod:`.entities`."""

    def can_be_in_org(self, i: int) -> bool:
        """Whether token ``i`` may be part of an organisation's name."""
        tok = self.tokens[i]
        if not tok.strip() or tok in self.gaz.titles or tok in self.gaz.speech or tok == "暨":
            return False  # 暨: "and", joining two names (某大学暨某研究院)
        if tok == "驻" or tok in LEVEL_CHARS or (tok[0] == "第" and len(tok) <= 3):
            return True  # 中国驻南非大使馆, 省公安厅, 第一中级人民法院
        if tok in _ZONE_WORDS:
            return True  # 昆高新集团: jieba files 高新 among the function words
        if tok in _OWNER_WORDS or _COUNT_WORD.fullmatch(tok):
            return False  # (园区内有一家科技有限公司: a count starts no name)
        if self.nlp.tags.get(tok) == "X" and len(tok) == 2 and self.verb_in_name(i):
            return True  # 某科 未来 投资公司: an adverb-like word inside a brand
        if self.nlp.tags.get(tok) == "X" or (len(tok) == 1 and self.nlp.tags.get(tok) == "V"):
            return False
        ch = tok[0]
        return ch.isalnum() or ch in "·（）()&-"

    def is_distinctive(self, tok: str) -> bool:
        """A token that makes a run of words a proper name rather than a description."""
        kind = self.gaz.names.get(tok)
        if kind is not None:
            return kind in ("place", "org")
        if self.nlp.tags.get(tok) in ("L", "O", "Z", "P"):
            return not adjectival(tok)  # (嵌入式 is tagged a proper noun: it describes)
        if not is_han(tok):
            return tok.isascii() and tok.isalpha()  # Latin brand names; digits are not names
        if len(tok) >= 2 and tok[0] in _COUNT_HEAD and tok[1] in _MEASURES:
            return False  # 两大, 三家: a count, however rare the word
        # An unseen word is likely a name (中晟泰科), unless jieba's HMM glued a preposition or
        # a verb to the next word (对美, 分同).
        return (
            self.nlp.freq.get(tok, 0) == 0
            and len(tok) >= 2
            and tok[0] not in GLUE_HEAD
            and tok[0] not in HUA_VERBS
        )

    def ends_with_title(self, tok: str) -> bool:
        """区委书记, 公司总经理: jieba glued a body or a word to the title."""
        titles = self.gaz.titles
        return any(tok[k:] in titles for k in range(1, len(tok) - 1))

    def suffix_title_rule(self, i: int) -> None:
        """中学校长, 县委书记: jieba glued a title to the body's suffix; the body ends before it."""
        tok = self.tokens[i]
        for k in range(len(tok) - 2, 0, -1):
            if tok[k:] in self.gaz.titles and self.org_suffix(tok[:k]):
                suffix = self.org_suffix(tok[:k])
                self.org_rule(i, gov=suffix not in self.gaz.org_suffixes, whole=True, cut=k)
                return

    def org_suffix(self, tok: str) -> str:
        """The organisation suffix ``tok`` is or ends with ("" if none), longest first."""
        gaz = self.gaz
        if tok in gaz.org_suffixes or tok in gaz.gov_suffixes:
            return tok
        if len(tok) < 3 or not is_han(tok) or ordinary_org_word(tok):
            return ""  # (东西部: directions, not a ministry)
        for k in range(1, len(tok)):  # longest suffix first
            suf = tok[k:]
            if k == 1:
                # 医学院, 分公司; but a body's suffix after one character is mostly an
                # ordinary word (干部, 全部, 格局)
                if suf in gaz.org_suffixes and len(suf) >= 2:
                    return suf
            elif (suf in gaz.org_suffixes or suf in gaz.gov_suffixes) and (
                self.nlp.freq.get(tok[:k], 0) > 0 or tok[:k] in gaz.names
            ):  # 文化局, 儿童医院; not 新格局 (新格 is no word)
                return suf
        return ""

    def abbrev_rule(self, i: int) -> bool:
        """中美, 美方, 中日关系: one-character country names, each its own place."""
        toks = self.tokens
        tok = toks[i]
        prev = toks[i - 1] if i else ""
        after = toks[i + 1] if i + 1 < len(toks) else ""
        ok = (
            len(tok) >= 2
            or (tok in ALONE and not prev[-1:].isdigit() and is_han(after[:1]))
            or (
                (len(prev) == 1 and prev in ABBREV and prev != tok)
                or (len(after) == 1 and after in ABBREV and after != tok)
                or after.startswith(ABBREV_NEXT)
                or (prev == "、" and i >= 2 and toks[i - 2] in ABBREV)
                or (after == "、" and i + 2 < len(toks) and toks[i + 2] in ABBREV)
            )
        )
        if not ok:
            return False
        if len(tok) >= 2 and not (
            after.startswith(ABBREV_NEXT)
            or self.nlp.tags.get(tok) == "L"
            or (len(tok) == 2 and tok[0] in PAIR and tok[1] in PAIR and tok[0] != tok[1])
        ):
            return False
        start = self.starts[i]
        for k, _ch in enumerate(tok):
            self.add(P_RULE, start + k, start + k + 1, "place")
        return True

    def org_token(self, i: int) -> None:
        """A word jieba knows as an organisation; 中国政府 is the country, not a body."""
        tok = self.tokens[i]
        start = self.starts[i]
        if tok.endswith("政府") and not tok.endswith("人民政府"):
            head = tok[:-2]
            if head and self.is_place_token(head):
                self.add(P_RULE, start, start + len(head), "place")
                return
        if i and self.tokens[i - 1] == "中国" and tok.endswith(_STATE_BODY_ENDS):
            start -= 2  # 中国 工业和信息化部: the country's name opens a ministry's full name
        end = self.starts[i] + len(tok)
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else ""
        if len(tok) <= 3 and len(nxt) == 2 and is_han(nxt) and not self.nlp.freq.get(nxt, 0) \
                and not self.is_place_token(nxt) and nxt not in self.gaz.names:
            end += 2  # 中航 吉发: a group's short name, then the unseen name of its arm
        self.add(P_RULE, start, end, "org")

    def verb_in_name(self, k: int) -> bool:
        """大禹 防水 科技: a verb between a brand and an industry word is part of the name."""
        toks = self.tokens
        if k == 0 or k + 1 >= len(toks) or len(toks[k]) != 2:
            return False
        before, after = toks[k - 1], toks[k + 1]
        return (
            (after in self.gaz.industry or after == "发展")
            and is_han(before)
            and len(before) >= 2
            and self.is_distinctive(before)
            and not self.is_place_token(before)
        )

    def place_rule(self, i: int) -> None:
        """A place, joined with an administrative suffix and then a zone suffix."""
        toks, gaz, n = self.tokens, self.gaz, len(self.tokens)
        start = self.starts[i]
        tok = toks[i]
        if tok.endswith("地区") and len(tok) > 3 and gaz.names.get(tok) is None:
            self.add(P_RULE, start, start + len(tok) - 2, "place")  # 中东地区: the place is 中东
            return
        j = i + 1
        while j < n and toks[j] in gaz.place_suffixes:
            j += 1
        if j < n and toks[j] in gaz.zone_suffixes:
            j += 1
        elif (
            j == i + 1
            and j < n
            and gaz.names.get(toks[j]) == "place"
            and toks[j].endswith(_ZONE_ENDS)
            and tok[-1] not in LEVEL_CHARS
        ):
            j += 1  # 四川天府新区, 天津滨海新区: the city written before a zone's name
        else:  # 大连金普新区: the zone's own name between the place and the suffix;
            # 海南先进制造业合作产业园, 青海柴达木循环经济试验区: and what the zone is for
            k = j
            while k < n and k - j < _ZONE_NAME_TOKENS and is_han(toks[k]) and (
                    self.nlp.tags.get(toks[k]) in NAMEISH or toks[k] in _ZONE_ADJECTIVES or (
                        k > j and toks[k] in _TRADE_VERBS and k + 1 < n
                        and toks[k + 1] in gaz.zone_suffixes)) and (
                    k == j or len(toks[k]) <= 3):
                # (舟山群岛, 生物医药 open a zone's name; a later 四字 word is an idiom or a
                # doing: 四川企业积极参与园区 names no zone)
                if gaz.names.get(toks[k]) == "place" or (k - j >= 2 and len(toks[k]) < 2):
                    break  # 江苏省 | 高邮市…开发区: an administrative chain splits
                if k - j >= 2 and (toks[k] in gaz.gov_suffixes or toks[k] in gaz.org_suffixes
                                   or toks[k] in gaz.titles):
                    break  # 某市政府召开会议研究园区: a body and its doings, not a zone
                k += 1
                if k < n and toks[k] in gaz.zone_suffixes and (
                        k - j <= 2 or toks[k] not in _PLAIN_ZONES):
                    j = k + 1  # (台湾 媒体 大力 宣传 新区: 新区 after three words is a phrase)
                    break
        end = self.starts[j - 1] + len(toks[j - 1])
        self.add(P_RULE, start, end, "place")

    def org_rule(self, i: int, gov: bool, whole: bool, cut: int = 0) -> None:
        """Grow an organisation leftwards from its suffix over the tokens a name is made of.

        ``whole``: the token is a word that ends with the suffix (儿童医院), a name by itself
        when jieba tags it as an organisation. ``cut``: the organisation ends that many
        characters into the token (the rest is a title).
        """
        toks = self.tokens
        tok = toks[i][:cut] if cut else toks[i]
        end = self.starts[i] + len(tok)
        if tok.endswith("政府") and not tok.endswith("人民政府") and not self.local_government(i):
            return  # 美国政府, 两国政府: the news means the country; 长春市政府 is a body
        if tok in _INNER_BODIES and i > 0 and (cut or self._title_after(i)):
            before = self.org_suffix(toks[i - 1])
            if before in self.gaz.org_suffixes or before in ("管委会", "管理委员会"):
                # 某某有限公司 | 党委书记; 某某园管委会 | 工委委员
                self.org_rule(i - 1, gov=False, whole=before != toks[i - 1])
                return
        j = i
        # 房地产开发有限公司, 科技创新局: a verb may stand right before a bare suffix.
        verbs_ok = not whole
        suffix = self.org_suffix(tok)
        head = tok[: len(tok) - len(suffix)] if suffix and suffix != tok else ""
        distinctive = (
            (whole and self.nlp.tags.get(tok) == "O")
            or LOCAL_BODY.fullmatch(tok) is not None
            or (len(head) >= 2 and (self.is_distinctive(head) or self.is_place_token(head)))
        )
        nouns = 1 if whole else 0
        while j > 0 and end - self.starts[j - 1] <= ORG_MAX and self.can_be_in_org(j - 1):
            verb = self.nlp.tags.get(toks[j - 1]) == "V"
            if (
                verb
                and not (verbs_ok and j == i)
                and not self.verb_in_name(j - 1)
                and not self._before_bracket(j - 1)
            ):
                break
            if (
                gov
                and toks[j - 1] in LEVEL_CHARS
                and j >= 2
                and self.org_suffix(toks[j - 2]) in self.gaz.gov_suffixes
            ):
                j -= 1  # 某市科技局 | 市发展改革委: a second body, named without a comma
                break
            j -= 1
            tok = toks[j]
            if self.is_distinctive(tok) or (
                # 某某高新区 + body is a name; 产业园区 运营公司 alone is a description
                tok in self.gaz.zone_suffixes
                and (
                    toks[i].endswith("有限公司")  # a registered name, however plain
                    or (
                        j > 0
                        and (self.is_distinctive(toks[j - 1]) or self.is_place_token(toks[j - 1]))
                    )
                )
            ):
                distinctive = True
            if len(tok) >= 2 and not verb and is_han(tok):
                nouns += 1
        if j == i and not distinctive and not (gov and whole and len(head) >= 2):
            return  # 文化部, 公安厅 stand alone; a bare 局 or 公司 does not
        # Trim leading generic words before the first distinctive token (企业珠海… → 珠海…).
        if distinctive:
            bracket, grown = self._bracketed_place(j, i), j
            while j < i and not (self.is_distinctive(toks[j]) or toks[j] in self.gaz.zone_suffixes):
                rare = self.nlp.freq.get(toks[j], 0) < BRAND_WORD_FREQ
                if j < bracket and is_han(toks[j]) and (rare or len(toks[j]) == 1):
                    break  # 星河智联（苏州）科技: the words before the bracket are the brand
                if self.gaz.names.get(toks[j] + toks[j + 1][:1]) == "place":
                    break  # 大兴 区委: a district's short name before its own body (大兴区)
                j += 1
            if bracket > grown and j == bracket + 1:
                j = grown  # 剑虎医疗科技（苏州）有限公司: never a name from inside its bracket
            # 贵阳高新区企业贵州中晟泰科…公司: a generic word then a place starts a new name.
            for k in range(i - 1, j, -1):
                before = toks[k - 1]
                if (
                    self.is_place_token(toks[k])
                    and not self.is_distinctive(before)
                    and before not in self.gaz.zone_suffixes
                    and is_han(before)
                ):
                    j = k
                    break
            # 园区龙头企业华为技术有限公司: the name starts after the words for firms
            j = next((k + 1 for k in range(i - 1, j - 1, -1)
                      if describes_firm(toks[k], toks[k + 1])), j) if toks[i].endswith(
                ("公司", "集团")) else j  # (某某高新区企业服务中心: a body, 企业 in its name)
        start_of = i if distinctive else self.registered_start(i)
        registered = start_of < i
        if registered:  # 航天电工集团有限公司: a registered name, however plain its words
            j = max(j, start_of)
        if distinctive or registered or (gov and nouns >= 1):
            start = self.starts[j]
            if j >= 1 and toks[j - 1] == "中" and self._central_abbrev(j):
                start -= 1  # 中 铁某局: jieba cut the 中 of a central group's short name off
            for s, e in self._split_bodies(start, end):
                self.add(P_RULE, s, e, "org")

    def _split_bodies(self, start: int, end: int) -> list[tuple[int, int]]:
        """某市经信局市新经济委: two bodies named one after the other without a comma (a level
        character right after a body's last character opens the second)."""
        text, gaz = self.text, self.gaz
        for p in range(start + 2, end - 3):
            if text[p] in "局委厅办" and text[p + 1] in "省市县区":
                rest = text[p + 1 : end]
                if any(rest.endswith(suf) for suf in gaz.gov_suffixes if suf not in _NOT_SECOND):
                    return [(start, p + 1), (p + 1, end)]
        return [(start, end)]

    def _before_bracket(self, k: int) -> bool:
        """致远 创新 （苏州） 科技: a verb right before a bracketed place is the brand's."""
        return self._bracket_at(k + 1)

    def _bracket_at(self, k: int) -> bool:
        """Whether tokens ``k..k+2`` are a place in brackets: （ 苏州 ）."""
        toks = self.tokens
        return (
            k + 2 < len(toks)
            and toks[k] in _OPEN
            and toks[k + 2] in _CLOSE
            and self.is_place_token(toks[k + 1])
        )

    def _title_after(self, i: int) -> bool:
        after = self.tokens[i + 1] if i + 1 < len(self.tokens) else ""
        return after in self.gaz.titles

    def _bracketed_place(self, j: int, i: int) -> int:
        """The index of a （place） bracket among tokens ``j..i`` (某某（杭州）科技), else -1."""
        return next((k for k in range(j + 1, i - 1) if self._bracket_at(k)), -1)

    def _central_abbrev(self, j: int) -> bool:
        """A lone 中 before an organisation's first token opens the name (中铁, 中建, 中交),
        unless it ends a phrase (在…中, 其中) or the name starts with a place."""
        toks = self.tokens
        first = toks[j]
        if not is_han(first) or self.is_place_token(first) or len(first) > 4:
            return False
        before = toks[j - 2] if j >= 2 else ""
        # after a verb or a preposition (由 中铁某局, 引进 中建某局) 中 opens the name; after a
        # noun it ends a phrase (发展 中)
        return not before or not is_han(before) or self.nlp.tags.get(before) in ("X", "V")
