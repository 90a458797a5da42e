"""Names in lists: 某某、某某、某某科技等企业.

Signing and investment stories list a dozen owners in a row, most of them named by a bare brand
no other rule knows. An item of a list whose other items are organisations is one too, when it
looks like a name; a list of people makes its surname-led items people.
"""

from __future__ import annotations

from reader.annotate.ner_common import AFTER_NAME, GLUE_HEAD, P_RULE, P_TITLE, RuleBase, is_han
from reader.annotate.ner_orgs import COMMON_WORD_FREQ

#: Words around a list that say its items are organisations (等多家企业, 签约企业包括).
_ORG_LIST_WORDS = ("企业", "公司", "机构", "单位", "厂商", "品牌", "集团", "银行", "院所")
#: One-character words that end a listed name (聚集了 | A, A | 等).
_ITEM_GLUE = AFTER_NAME | GLUE_HEAD | frozenset("了的着过有")
#: Tokens that end a clause, and so a list of names.
_CLAUSE_MARKS = frozenset('，。；：！？,;:!?“”"‘’（）()《》【】')
#: Words that end a listed name's item (某某、某某等企业; 某某和某某).
_LIST_STOPS = frozenset({"等", "及", "和", "与", "以及", "共", "等等", "还有"})
#: A listed word this frequent is a common noun, not a brand (人才, 平台).
GENERIC_ITEM_FREQ = 100
#: A listed organisation's name is at most this long.
LIST_ITEM_MAX = 16


#: What a list of kinds of business ends with (某某、某某等产业): its items name no firm.
_KIND_WORDS = ("产业", "行业", "领域", "业态", "产业链", "技术", "产品", "方向", "赛道", "集群")


#: Last characters of places and landmarks (李家村, 王府井), never of a list of people.
_PLACE_ENDS = frozenset("村井镇街路湖山岛港湾桥园城寨庄屯堡")
#: After a list of places (张江、李家村等地).
_PLACES_AFTER = ("等地", "等区", "等县", "等镇", "等村", "等城市", "等省", "等国")

def _lists_kinds(after: list[str]) -> bool:
    """Whether the words after a list's last item say it lists kinds, not names."""
    for k, tok in enumerate(after):
        if tok.endswith("等"):
            rest = after[k + 1 : k + 3]
            return (bool(rest) and rest[0] in _KIND_WORDS) or (
                len(rest) == 2 and rest[0] in ("新兴", "重点", "主导", "优势", "未来")
                and rest[1] in _KIND_WORDS
            )
    return False


class ListRules(RuleBase):
    """The list rule; mixed into the finder in :mod:`.entities` after the organisation rules
    (it reads their ``is_brand``, ``is_distinctive`` and ``not_an_org``)."""

    #: starts of the spans proposed before :meth:`list_rule` runs
    _cand_starts: set[int] = set()  # noqa: RUF012 (replaced per text, never mutated)
    #: (start, end) of list items that name kinds of business: no organisation inside
    not_orgs: list[tuple[int, int]]

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
        if _lists_kinds(after):  # 冷链物流、电气设备等产业: kinds of business, not firms
            self.not_orgs.extend(sp for sp in spans if sp[1] > sp[0])
            return
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
        # items named like firms (某某资本、某某创投): with an organisation among them, the
        # list is one of firms even when their first word is a common one
        ends = self.gaz.industry_ends
        firms = sum(1 for s, e in spans if e - s > 2 and text[s:e].endswith(ends))
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
                and not self.ends_with_title(item)  # 某市委常委、部长: a title, not a body
                # 某市经信局市新经济委, 某局指导: the item holds names found already
                and not any(
                    kind2 == "org" and s == s2 and e2 < e
                    for (s2, e2), (_p, kind2) in exact.items()
                )
            ):
                pieces = self.nlp.cut(item)
                if (
                    (org_list and all(is_han(p) or p.isalnum() for p in pieces))
                    or any(self.is_distinctive(p) or self.is_brand(p) for p in pieces)
                    # 某某资本、某某基金 beside other firms: a word + an industry word
                    or (firms >= 2 and len(pieces) >= 2 and pieces[-1] in self.gaz.industry
                        and is_han(pieces[0]) and len(pieces[0]) >= 2)
                ):
                    self.add(P_RULE, s, e, "org")
            elif (
                (persons >= 2 or (
                    # 王明、李亚红、王农等: one name found among three or more, the others
                    # names too when the dictionary knows them as names or not at all
                    persons == 1 and len(spans) >= 3 and item[-1] not in _PLACE_ENDS
                    and not "".join(after[:2]).startswith(_PLACES_AFTER)
                    and (self.nlp.tags.get(item) == "P" or not self.nlp.freq.get(item, 0))))
                and not orgs
                and not kind
                and 2 <= e - s <= 3
                and is_han(item)
                and self.surname_len(item)
                and item[-1] not in AFTER_NAME
            ):
                self.add(P_RULE, s, e, "person")
