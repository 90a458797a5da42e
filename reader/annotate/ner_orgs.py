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
    P_TITLE,
    RuleBase,
    is_han,
)

#: Characters that start an unseen token when jieba's HMM glued a verb or an adverb to the
#: next word (拟投, 将建): such a token is no brand.
_NOT_BRAND_HEAD = GLUE_HEAD | HUA_VERBS | frozenset("拟已再共总均新各该本其这那此每")
#: A dictionary word this rare may still be a brand when a holding word follows (大华股份),
#: and one rarer still before any industry word.
BRAND_FREQ = 30
RARE_BRAND_FREQ = 10
_NUMERALS = frozenset("一二三四五六七八九十百千万亿两几多数")
#: Words around a list that say its items are organisations (等多家企业, 签约企业包括).
_ORG_LIST_WORDS = ("企业", "公司", "机构", "单位", "厂商", "品牌", "集团", "银行", "院所")
#: One-character words that end a listed name (聚集了 | A, A | 等).
_ITEM_GLUE = AFTER_NAME | GLUE_HEAD | frozenset("了的着过有")
#: Tokens that end a clause, and so a list of names.
_CLAUSE_MARKS = frozenset('，。；：！？,;:!?“”"‘’（）()《》【】')
#: Words that end a listed name's item (某某、某某等企业; 某某和某某).
_LIST_STOPS = frozenset({"等", "及", "和", "与", "以及", "共", "等等", "还有"})
#: A dictionary word this frequent before a list's first item belongs to the sentence (现有).
COMMON_WORD_FREQ = 1000
#: Generic zone words a kind of company may follow (高新区上市公司).
_GENERIC_ZONES = ("高新区", "经开区", "开发区", "园区", "新区")
#: A dictionary word before 新区 or 经开区 this rare is the zone's own name (钟楼经开区).
ZONE_NAME_FREQ = 100
#: Zone suffixes that follow ordinary words too (特色产业园区, 百强园区).
_GENERIC_ZONE_SUFFIXES = frozenset({"园区", "工业园区", "产业园", "工业园", "示范区", "科技园"})
#: A listed word this frequent is a common noun, not a brand (人才, 平台).
GENERIC_ITEM_FREQ = 100
#: A listed organisation's name is at most this long.
LIST_ITEM_MAX = 16
#: The academy's short forms that open an institute's name (中科院金属所).
ACADEMIES = (
    "中国科学院",
    "中科院",
    "中国工程院",
    "中国农业科学院",
    "中国医学科学院",
    "中国社会科学院",
)


class OrgRules(RuleBase):
    """Brand, institute and zone rules; mixed into the finder in :mod:`.entities`."""

    #: starts of the spans proposed before :meth:`list_rule` runs
    _cand_starts: set[int] = set()  # noqa: RUF012 (replaced per text, never mutated)

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
        if tag in ("X", "V", "L"):
            return False
        if tok[0] in _NOT_BRAND_HEAD or tok[-1] in AFTER_NAME:
            return False  # 拟投, 瑞等: a verb or a particle glued on
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
        if i == 0:
            return
        j = i + 1
        while j < n and toks[j] in gaz.industry:  # 智能科技, 生物医药
            j += 1
        strong = any(toks[k] in gaz.holding for k in range(i, j))
        b = i - 1
        prev = toks[b]
        if b > 0 and (toks[b - 1][-1].isdigit() or toks[b - 1][-1] in _NUMERALS):
            return  # 225家 大数据, 一批 子基金: HMM glued a measure word, not a brand
        if self.is_brand(prev, strong):
            start = b
        elif strong and gaz.names.get(prev) == "place" and len(prev) >= 2:
            start = b  # 漳州城投, 光谷金控: a place's own holding company
        else:
            return
        # 上海 + brand: the city written before a brand belongs to the name.
        if start > 0 and gaz.names.get(toks[start - 1]) == "place":
            start -= 1
        self.add(P_RULE, self.starts[start], self.starts[j - 1] + len(toks[j - 1]), "org")

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
        prev = toks[i - 1]
        end = self.starts[i] + len(toks[i])
        tag, freq = self.nlp.tags.get(prev), self.nlp.freq.get(prev, 0)
        if (
            2 <= len(prev) <= 4
            and is_han(prev)
            and tag not in ("X", "V")
            and (
                freq == 0
                or (tag in ("P", "Z") and freq < COMMON_WORD_FREQ)
                or (freq < ZONE_NAME_FREQ and toks[i] not in _GENERIC_ZONE_SUFFIXES)
            )
            and prev not in self.gaz.zone_suffixes
            and self.gaz.names.get(prev) != "ignore"
        ):
            if freq == 0 and (prev[0] in GLUE_HEAD or prev[0] in HUA_VERBS):
                return
            start = self.starts[i - 1]
            if i >= 2 and self.is_place_token(toks[i - 2]) and not self.is_place_token(prev):
                start = self.starts[i - 2]  # 大连金普新区: the city stays inside
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
        """中德工程师学院: two country abbreviations opening a body's name are no places."""
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
        for k in range(j, min(n, j + 2)):
            tok = toks[k]
            suffix = self.org_suffix(tok)
            if suffix in self.gaz.org_suffixes and (k > j or suffix != tok):
                self.add(P_RULE, self.starts[i], self.starts[k] + len(tok), "org")
                return True
            if not is_han(tok) or self.nlp.tags.get(tok) in ("X", "V"):
                return False
        return False

    def not_an_org(self, name: str) -> bool:
        """科研院所, 高新区上市公司: a generic word, alone or after a zone's generic name."""
        gaz = self.gaz
        if name in gaz.not_org:
            return True
        for k in range(1, len(name) - 1):
            head = name[:k]
            if name[k:] in gaz.not_org and (
                head == "国家" or any(head.endswith(z) for z in _GENERIC_ZONES)
            ):
                return True  # 国家高新区上市公司: a kind of company, not one
        return False

    def list_rule(self) -> None:
        """戴尔、博科、某某科技等企业: names listed with 、 beside an organisation are ones too.

        Signing and investment stories list a dozen owners in a row, most of them named by a
        bare brand no rule knows. A list whose items include an organisation (and fewer
        people) makes every other item that contains a distinctive word an organisation; a
        list of two or more people makes its surname-led items people.
        """
        if "、" not in self.text:
            return
        # the best proposal for each span, built once (a list looks its items up here)
        exact: dict[tuple[int, int], tuple[int, str]] = {}
        for prio, s, e, typ in self.cands:
            if prio >= exact.get((s, e), (0, ""))[0]:
                exact[(s, e)] = (prio, typ)
        self._cand_starts = {s for s, _e in exact}
        toks, n = self.tokens, len(self.tokens)
        seps = [i for i, tok in enumerate(toks) if tok == "、"]
        done = 0  # tokens before this index belong to a list already read
        for sep in seps:
            if sep < done:
                continue
            left = sep
            while left > done and not self._clause_mark(toks[left - 1]):
                left -= 1
            parts: list[list[int]] = [list(range(left, sep))]
            cur: list[int] = []
            k = sep + 1
            while k < n and not self._clause_mark(toks[k]):
                if toks[k] == "、":
                    parts.append(cur)
                    cur = []
                else:
                    cur.append(k)
                k += 1
            parts.append(cur)
            done = k
            self._list_items(parts, exact)

    def _generic_item(self, item: str) -> bool:
        """人才、技术、平台; 优秀企业: a listed common word or kind of firm names no one."""
        nlp = self.nlp
        return (
            item.endswith(_ORG_LIST_WORDS)
            or item in self.gaz.industry
            or (
                nlp.freq.get(item, 0) >= GENERIC_ITEM_FREQ
                and nlp.tags.get(item) not in ("P", "Z", "O")
                and self.gaz.names.get(item) is None
            )
        )

    @staticmethod
    def _clause_mark(tok: str) -> bool:
        return tok in _CLAUSE_MARKS or tok.isspace()

    def _item_stop(self, tok: str) -> bool:
        tag = self.nlp.tags.get(tok)
        return (
            tag == "V"
            # a one-character "function word" inside a brand is mostly a name character (国盾)
            or (tag == "X" and (len(tok) > 1 or tok in _ITEM_GLUE))
            or tok in _LIST_STOPS
            or tok in self.gaz.speech
            or tok in self.gaz.titles
            or tok[0].isdigit()
        )

    def _list_items(
        self, parts: list[list[int]], exact: dict[tuple[int, int], tuple[int, str]]
    ) -> None:
        if len(parts) < 2:
            return
        toks, starts = self.tokens, self.starts
        # Most lists name no one (产业、人才、资金): leave unless some item starts a proposed
        # name or the words around the list say it lists companies.
        first, last = parts[0][-6:], parts[-1][:8]
        if not (
            any(starts[t] in self._cand_starts for part in parts for t in part)
            or any(toks[t][-1] == "等" for t in last)
            or any(toks[t] == "包括" for t in first)
        ):
            return
        spans: list[tuple[int, int]] = []
        for k, part in enumerate(parts):
            if k == 0:  # the tail of the clause's first part: 聚集了 | 戴尔, 园区现有 | 某某
                j = len(part)
                while j > 0 and not self._item_stop(toks[part[j - 1]]):
                    tok = toks[part[j - 1]]
                    if j < len(part) and (
                        tok in self.gaz.zone_suffixes
                        or (
                            self.nlp.freq.get(tok, 0) >= COMMON_WORD_FREQ
                            and self.gaz.names.get(tok) is None
                        )
                    ):
                        break  # a common word before the name: the sentence, not the item
                    j -= 1
                part = part[j:]
            elif k == len(parts) - 1:  # the head of the last: 博科 | 等企业
                j = 0
                while j < len(part) and not self._item_stop(toks[part[j]]):
                    if len(toks[part[j]]) > 1 and toks[part[j]][-1] in "等及":
                        cut = self.starts[part[j]] + len(toks[part[j]]) - 1  # 贝特 瑞等
                        if j or len(toks[part[j]]) > 2:
                            spans.append((self.starts[part[0]], cut))
                        part = []
                        break
                    j += 1
                part = part[:j]
                if not part and len(spans) == k + 1:
                    continue
            elif any(self._item_stop(toks[t]) for t in part):
                part = []
            if part:
                start = self.starts[part[0]]
                spans.append((start, self.starts[part[-1]] + len(toks[part[-1]])))
            else:
                spans.append((0, 0))
        kinds = [
            "" if kind == "org" and self.not_an_org(self.text[sp[0] : sp[1]]) else kind
            for sp in spans
            for kind in (exact.get(sp, (0, ""))[1],)
        ]
        orgs, persons = kinds.count("org"), kinds.count("person")
        after = [toks[t] for t in parts[-1][:8]]
        if any(t.endswith("等") for t in after) and any(t.endswith(_ORG_LIST_WORDS) for t in after):
            org_list = True  # 聚集了A、B、C等225家企业: the list names companies
        else:
            before = [toks[t] for t in parts[0][-6:]]
            org_list = "包括" in before and any(t.endswith(_ORG_LIST_WORDS) for t in before)
        strong_persons = sum(
            1 for sp in spans if exact.get(sp, (0, ""))[1] == "person" and exact[sp][0] >= P_TITLE
        )
        if org_list and not strong_persons:
            orgs, persons = orgs + 1, 0
        text = self.text
        for (s, e), kind in zip(spans, kinds, strict=True):
            if e - s < 2 or kind == "place":
                continue
            item = text[s:e]
            if (
                orgs
                and orgs >= persons
                and kind != "org"
                and e - s <= LIST_ITEM_MAX
                and not self._generic_item(item)
                and not any(w in item for w in self.gaz.not_org)
            ):
                pieces = self.nlp.cut(item)
                if (org_list and all(is_han(p) or p.isalnum() for p in pieces)) or any(
                    self.is_distinctive(p) or self.is_brand(p) for p in pieces
                ):
                    self.add(P_RULE, s, e, "org")
            elif (
                persons >= 2
                and not orgs
                and not kind
                and 2 <= e - s <= 3
                and is_han(item)
                and self.surname_len(item)
                and item[-1] not in AFTER_NAME
            ):
                self.add(P_RULE, s, e, "person")
