"""Place and organisation rules: gazetteer places, zones, country abbreviations, bodies.

A place joins its administrative suffix (市, 县) and a zone suffix (高新区, 经开区) into one
place; an organisation grows leftwards from its suffix (有限公司, 大学, 局, 党工委) over the
tokens a name can be made of, and starts at its first distinctive token (a place, an unseen
word, a Latin brand).
"""

from __future__ import annotations

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
    is_han,
)

#: Short zone words that open or sit inside a body's name (某高新集团, 某经开投资公司).
_ZONE_WORDS = frozenset({"高新", "经开", "高新区", "经开区", "新区", "开发区"})
#: Endings of a zone's own name (天府新区, 中关村科技园区) that a city before it joins.
_ZONE_ENDS = ("新区", "高新区", "经开区", "开发区", "科技园区", "科技城", "科学城", "自贸区")


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
            return True
        if not is_han(tok):
            return tok.isascii() and tok.isalpha()  # Latin brand names; digits are not names
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
        if len(tok) < 3 or not is_han(tok):
            return ""
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
        self.add(P_RULE, start, start + len(tok), "org")

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
        else:  # 大连金普新区: the zone's own name between the place and the suffix
            k = j
            while k < n and k - j < 2 and is_han(toks[k]) and self.nlp.tags.get(toks[k]) in NAMEISH:
                if gaz.names.get(toks[k]) == "place":
                    break  # 江苏省 | 高邮市…开发区: an administrative chain splits
                k += 1
                if k < n and toks[k] in gaz.zone_suffixes:
                    j = k + 1
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
        if tok.endswith("政府") and not tok.endswith("人民政府"):
            return  # 美国政府, 两国政府: the news means the country
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
            if verb and not (verbs_ok and j == i) and not self.verb_in_name(j - 1):
                break
            j -= 1
            tok = toks[j]
            if self.is_distinctive(tok) or tok in self.gaz.zone_suffixes:
                distinctive = True
            if len(tok) >= 2 and not verb and is_han(tok):
                nouns += 1
        if j == i and not distinctive and not (gov and whole and len(head) >= 2):
            return  # 文化部, 公安厅 stand alone; a bare 局 or 公司 does not
        # Trim leading generic words before the first distinctive token (企业珠海… → 珠海…).
        if distinctive:
            while j < i and not (self.is_distinctive(toks[j]) or toks[j] in self.gaz.zone_suffixes):
                j += 1
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
        if distinctive or (gov and nouns >= 1):
            self.add(P_RULE, self.starts[j], end, "org")
