"""Person rules: surnames, given-name characters, titles, bylines and foreign names.

jieba's dictionary files hundreds of ordinary words as names (高新区, 蓝图, 智慧, 建立健全), so
a token passes as a person only when it starts with a surname, its given-name characters look
like name characters (a log-odds table derived from jieba's own person entries), and a frequent
dictionary word also has a title or a speech verb beside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.annotate.ner_common import (
    AFTER_NAME,
    COMMON_NAME_FREQ,
    DOTS,
    GLUE_HEAD,
    GLUED_WORD_FREQ,
    NAME_SCORE,
    NOT_GIVEN,
    P_GUESS,
    P_KNOWN,
    P_TITLE,
    P_WORD_SCORE,
    PLACE_CHARS,
    SHORT_NAME_FREQ,
    TRANSLIT,
    TRANSLIT_MAX_CHARS,
    TRANSLIT_MAX_PARTS,
    RuleBase,
    is_han,
)

#: Last characters of lakes, bays, islands and valleys, rare at the end of a given name.
_LANDFORM = frozenset("湖湾岛港洲岭谷")
#: Where an event is held (在某地举行): the words around a place, never a person.
_AT = ("在", "于", "赴", "到")
_EVENT_AT = re.compile("(?:隆重|正式|成功|顺利)?(?:举行|召开|举办|开幕|闭幕|落幕|启幕)")
#: Verbs news writes right after an official's name, glued to it by jieba's HMM (孙某率团).
_LEADS = frozenset("率携陪")
#: Characters of a verb after a name, glued to its last character by the HMM (刘某 强作).
_GLUED_AFTER = frozenset("作说讲称表指率")


class PersonRules(RuleBase):
    """The person rules; mixed into the finder in :mod:`reader.annotate.entities`."""

    def surname_len(self, tok: str) -> int:
        """Length of the surname ``tok`` starts with (0 if none); two-character ones first."""
        sn = self.gaz.surnames
        if len(tok) >= 3 and tok[:2] in sn:
            return 2
        return 1 if tok[:1] in sn else 0

    def name_score(self, given: str) -> float:
        chars = self.nlp.name_chars
        # A character jieba's dictionary never uses is rare, and rare characters are typical of
        # given names (洙, 弋): mildly in favour.
        return sum(chars.get(ch, 0.5) for ch in given) / max(1, len(given))

    def looks_like_name(self, tok: str, context: bool) -> bool:
        """Whether ``tok`` is a plausible Chinese personal name on its own."""
        n = len(tok)
        s = self.surname_len(tok)
        if not s or not (2 <= n <= 3 or (s == 2 and n == 4)) or not is_han(tok):
            return False
        gaz = self.gaz
        if gaz.names.get(tok) == "ignore" or tok[-1] in self.place_ends or tok[-1] in NOT_GIVEN:
            return False  # 高新区: ends like a place; 杜氏, 吕老: a surname with a form of address
        tag = self.nlp.tags.get(tok)
        count = self.nlp.freq.get(tok, 0)
        strong = self.gaz.surnames.get(tok[:s], False)
        if count == 0:  # not a dictionary word: jieba's HMM joined it, often a new name
            if context:
                return True
            if not strong and tok[0] in GLUE_HEAD:
                return False  # 和舆论, 从南: a conjunction glued to a word
            if n == 3 and tok[-1] in PLACE_CHARS:
                return False  # 罗庄镇, 李家村: a village, not a person
            if n - s >= 2 and (
                self.nlp.freq.get(tok[s:], 0) >= GLUED_WORD_FREQ
                or (
                    self.nlp.freq.get(tok[:2], 0) >= GLUED_WORD_FREQ
                    and self.nlp.tags.get(tok[:2]) != "P"
                )
            ):
                return False
            return self.name_score(tok[s:]) >= (NAME_SCORE if strong else 1.0)
        if tag == "Z" and n == 3 and strong and count < COMMON_NAME_FREQ:
            tag = "P"  # jieba files some names as other proper nouns (刘彦彬/nz)
        if tag != "P":
            return context and count < COMMON_NAME_FREQ and n >= 3
        if n == 2 and (count >= SHORT_NAME_FREQ or not strong) and not context:
            return False  # 蓝图, 惠民: short dictionary "names" are mostly ordinary words
        if count >= COMMON_NAME_FREQ and context:
            return self.name_score(tok[s:]) >= 0.0
        return context or self.name_score(tok[s:]) >= (P_WORD_SCORE if strong else NAME_SCORE)

    def is_translit_name(self, tok: str) -> bool:
        """A foreign name jieba knows as a name, or an unseen run of transliteration characters."""
        if len(tok) < 2 or not all(ch in TRANSLIT for ch in tok):
            return False
        if self.nlp.tags.get(tok) == "P":
            # 比达 (占比达到): a short "name" this frequent is mostly characters of other words
            return len(tok) >= 3 or self.nlp.freq.get(tok, 0) < COMMON_NAME_FREQ
        return len(tok) >= 3 and self.nlp.freq.get(tok, 0) == 0

    def split_name_rule(self, i: int) -> bool:
        """金志 贤, 张 文光: a name jieba cut in two, followed by a clear word boundary."""
        toks, n = self.tokens, len(self.tokens)
        tok = toks[i]
        if i + 1 >= n or not self.gaz.surnames.get(tok[0], False):
            return False
        if len(tok) == 2 and self.nlp.freq.get(tok, 0) > 0 and self.nlp.tags.get(tok) != "P":
            return False
        nxt = toks[i + 1]
        if len(tok) + len(nxt) != 3 or not is_han(nxt) or nxt in AFTER_NAME:
            return False
        after = toks[i + 2] if i + 2 < n else ""
        # 吴家 喜 表示, 刘伟 新 副主任: sure by the speech verb or the title after
        said = (after in self.gaz.speech or after in self.gaz.titles) and len(tok) == 2
        if not said and (
            self.nlp.tags.get(nxt) in ("X", "V") or self.nlp.freq.get(nxt, 0) >= 20 * len(nxt) ** 3
        ):
            return False
        boundary = (
            not after
            or not is_han(after[0])
            or after in self.gaz.speech
            or after in self.gaz.titles
            or self.nlp.tags.get(after) in ("X", "V")
        )
        name = tok + nxt
        if boundary and self.name_score(name[1:]) >= NAME_SCORE:
            self.add(P_GUESS, self.starts[i], self.starts[i] + 3, "person")
            return True
        return False

    def name_prefix_rule(self, i: int) -> None:
        """邓小平理论, 马克思主义: a dictionary word that starts with a known person's name."""
        tok = self.tokens[i]
        for k in (3, 2):
            head, rest = tok[:k], tok[k:]
            if (
                self.nlp.tags.get(head) == "P"
                and self.nlp.freq.get(rest, 0) > 0
                and (self.looks_like_name(head, False) or self.is_translit_name(head))
            ):
                self.add(P_GUESS, self.starts[i], self.starts[i] + k, "person")
                return

    def compound_rule(self, i: int) -> bool:
        """司马 云峰: a two-character surname cut off from its given name."""
        toks = self.tokens
        given = toks[i + 1] if i + 1 < len(toks) else ""
        if (
            1 <= len(given) <= 2
            and is_han(given)
            and given[0] not in AFTER_NAME
            and self.nlp.tags.get(given) not in ("X", "V")
        ):
            start = self.starts[i]
            self.add(P_GUESS, start, start + 2 + len(given), "person")
            return True
        return False

    def translit_rule(self, i: int) -> None:
        """A foreign name, joined over dots (罗伯特·卡洛斯) and pieces jieba cut (谢苗诺 娃).

        Linear over a whole text: a name stops at :data:`TRANSLIT_MAX_PARTS` pieces or
        :data:`TRANSLIT_MAX_CHARS` characters, so every walk is bounded (a walk from each
        token of a chain used to run to both of its ends); a long ``·``-joined chain gives
        names of sensible length, not one "person" spanning it.
        """
        toks, n, starts = self.tokens, len(self.tokens), self.starts
        j = i + 1  # the right end walks from the token itself, after the left end is found
        parts = 1
        end = starts[i] + len(toks[i])
        while i > 0 and parts < TRANSLIT_MAX_PARTS:
            if i >= 2 and toks[i - 1] in DOTS and self.dot_piece(toks[i - 2]):
                step = 2
            elif self.translit_piece(toks[i - 1]):
                step = 1
            else:
                break
            if end - starts[i - step] > TRANSLIT_MAX_CHARS:
                break
            i -= step
            parts += 1
        start = starts[i]
        while j < n and parts < TRANSLIT_MAX_PARTS:
            if j + 1 < n and toks[j] in DOTS and self.dot_piece(toks[j + 1]):
                step = 2
            elif self.translit_piece(toks[j]):
                step = 1
            else:
                break
            if starts[j + step - 1] + len(toks[j + step - 1]) - start > TRANSLIT_MAX_CHARS:
                break
            j += step
            parts += 1
        first = toks[i]
        if len(first) >= 3 and first[0] in GLUE_HEAD:
            start += 1  # 由约翰·史密斯: jieba's HMM glued a preposition to the name
        end = starts[j - 1] + len(toks[j - 1])
        if 2 <= end - start <= TRANSLIT_MAX_CHARS:  # (草原云•内蒙古: no name of one character)
            self.add(P_GUESS, start, end, "person")

    def dot_piece(self, tok: str) -> bool:
        """A token a dot joins to a foreign name: unseen, name-like or transliterated; not a
        common word or a zone (再出发·高新区, 高科·金西 are slogans and places)."""
        if not is_han(tok) or tok in self.gaz.zone_suffixes or self.gaz.names.get(tok):
            return False
        return (
            self.nlp.freq.get(tok, 0) < GLUED_WORD_FREQ
            or self.nlp.tags.get(tok) == "P"
            or all(ch in TRANSLIT for ch in tok)
        )

    def not_a_person(self, prio: int, start: int, end: int) -> bool:
        """Spans the person rules proposed that a reader would never take for a person."""
        text, gaz = self.text, self.gaz
        name = text[start:end]
        if prio >= P_KNOWN:
            return False
        if name in gaz.gov_suffixes or name in gaz.org_suffixes or name in gaz.titles:
            return True  # 管委会 副主任: a body before a title, not 管 + a given name
        if name in gaz.zone_suffixes or (name[-1] == "副" or (name[-1] == "正" and any(
                text.startswith(t, end) for t in gaz.titles))):
            return True  # 常务副 市长: the title's own head (书记王君正率领: a name)
        if prio > P_GUESS:
            return False
        after = text[end : end + 4]
        titled = any(after.startswith(t) for t in (*gaz.titles, *gaz.speech))
        if name[-1] in _LANDFORM and not titled:
            return True  # 阳澄湖 两岸: a lake, not 阳 + a given name
        if after[:1] == "奖" and not titled:
            return True  # 诺贝尔奖: a prize named after someone, not a person in the story
        if not titled and self.between_nouns(start, end):
            return True  # 工业蓝宝石产品: a dictionary "name" that is a thing's name
        if after[:1] in "区县镇乡" and not titled:
            return True  # 郑东新 区: a zone's name
        if name[-1] == "方" and self.nlp.freq.get(name, 0) > 0:
            return True  # 施工方, 投资方: a party to a deal, named by its role
        return not titled and _EVENT_AT.match(text, end) is not None and (
            text[max(0, start - 2) : start].endswith(_AT))  # 在杨凌举行: where, not who

    def between_nouns(self, start: int, end: int) -> bool:
        """Whether the tokens right before ``start`` and at ``end`` are both ordinary words
        (nouns and the like: frequent, of no name, verb or function class), or the one before
        is and the name is a frequent dictionary word: a name is not written inside a compound
        (工业 蓝宝石 产品, 单晶 硅片 企业)."""
        starts, toks = self.starts, self.tokens
        k, j = bisect_left(starts, start), bisect_left(starts, end)
        if not (0 < k < len(toks) and starts[k] == start and j < len(toks) and starts[j] == end):
            return False
        # (a dictionary "name" after an ordinary word is one too: 机电 蓝宝石 切磨)
        frequent = self.nlp.freq.get(self.text[start:end], 0) >= SHORT_NAME_FREQ
        return self.ordinary_word(toks[k - 1]) and (self.ordinary_word(toks[j]) or frequent)

    def ordinary_word(self, word: str) -> bool:
        gaz = self.gaz
        return (len(word) >= 2 and is_han(word) and word not in self.nlp.tags
                and self.nlp.freq.get(word, 0) >= GLUED_WORD_FREQ and word not in gaz.titles
                and word not in gaz.speech and word not in gaz.byline_titles
                and word not in gaz.names)

    def translit_piece(self, tok: str) -> bool:
        """A token that can continue a foreign name: transliteration characters, no common word."""
        return (
            len(tok) <= 3
            and all(ch in TRANSLIT for ch in tok)
            and self.nlp.tags.get(tok) in (None, "P")
            and (len(tok) == 1 or self.nlp.freq.get(tok, 0) < GLUED_WORD_FREQ)
            and not self.is_place_token(tok)
            and tok not in self.gaz.names
        )

    def title_rule(self, i: int) -> None:
        """书记赵适剑, 总经理李峥: a surname right after a title starts a name."""
        toks, n = self.tokens, len(self.tokens)
        if i + 1 >= n:
            return
        bylines = self.gaz.byline_titles
        if (toks[i] in bylines or any(toks[i].endswith(b) for b in bylines)) and (
            self.byline_rule(i) or toks[i] not in self.gaz.titles
        ):
            return  # 本报记者连日来: only a byline's own shape makes names after 本报记者
        nxt = toks[i + 1]
        start = self.starts[i + 1]
        s = self.surname_len(nxt) if is_han(nxt[:1]) else 0
        if not s:
            return
        if len(nxt) == 2 and nxt in self.gaz.surnames and i + 2 < n:
            given = toks[i + 2]  # 司马 云峰: a two-character surname cut off its given name
            if 1 <= len(given) <= 2 and is_han(given) and given[0] not in AFTER_NAME:
                self.add(P_TITLE, start, start + 2 + len(given), "person")
                return
        if len(nxt) == 4 and s == 1 and is_han(nxt) and self.nlp.freq.get(nxt, 0) == 0:
            nxt = nxt[:3]  # 刘振东作: jieba's HMM glued the next character to the name
        elif len(nxt) == 3 and nxt[-1] in _LEADS and self.nlp.freq.get(nxt, 0) == 0:
            nxt = nxt[:2]  # 市长孙喆率代表团: "leads", glued to a two-character name
        third = toks[i + 2] if len(nxt) == 2 and i + 2 < n else ""
        # A two-character token may miss its last character: 赵适 剑, 钱道 远.
        if len(third) == 2 and is_han(third) and third[1] in _GLUED_AFTER and (
                self.nlp.freq.get(third, 0) < GLUED_WORD_FREQ):
            third = third[0]  # 刘拴 强作: the HMM glued 作 (or 说…) to the name's last character
        if len(third) != 1 or not is_han(third) or third in AFTER_NAME:
            third = ""
        if (
            2 <= len(nxt) <= 3
            and is_han(nxt)
            and (
                self.looks_like_name(nxt, context=True)
                or (third and self.looks_like_name(nxt + third, context=True))
            )
        ):
            self.add(P_TITLE, start, start + len(nxt + third), "person")
            return
        if len(nxt) == s and (nxt in AFTER_NAME or nxt in GLUE_HEAD) and self.given_after(i + 2):
            # 党委书记于世良出席: a surname that is also a preposition, sure by the title before
            self.add(P_TITLE, start, start + 3, "person")
            return
        if len(nxt) == s and i + 2 < n and nxt not in AFTER_NAME and nxt not in GLUE_HEAD:
            # the surname stands alone: 段 超毅, 李 峥 (not 和, 与: 负责人和代表)
            given = toks[i + 2]
            if len(given) == 2 and is_han(given) and given[1] in AFTER_NAME:
                # 李 明说: jieba glued the speech verb to a one-character given name
                self.add(P_TITLE, start, start + s + 1, "person")
                return
            if (
                1 <= len(given) <= 2
                and is_han(given)
                and (len(given) == 2 or given not in AFTER_NAME)
                and (
                    self.nlp.tags.get(given) not in ("X", "V")
                    # 蒋 立新 说: a given name jieba reads as a word, sure by what follows
                    or (len(given) == 2 and self.name_boundary(i + 3))
                    # 副主任 王 立新 出席: a lone surname right after a title, then two
                    # characters jieba files among the function words
                    or (len(given) == 2 and self.nlp.tags.get(given) == "X"
                        and self.gaz.surnames.get(nxt, False))
                )
            ):
                self.add(P_TITLE, start, start + s + len(given), "person")

    def given_after(self, k: int) -> bool:
        """Whether token ``k`` is a two-character given name: no function word, verb or
        common word, and a name's end after it (出席, 等, 一行, punctuation)."""
        toks, n = self.tokens, len(self.tokens)
        if k >= n or len(toks[k]) != 2 or not is_han(toks[k]):
            return False
        if self.nlp.tags.get(toks[k]) == "X" or self.nlp.freq.get(toks[k], 0) >= GLUED_WORD_FREQ:
            return False  # (a rare "verb" is a name's characters: 建明/v)
        return self.name_boundary(k + 1) or (k + 1 < n and (
            toks[k + 1] in ("等", "一行") or self.nlp.tags.get(toks[k + 1]) == "V"))

    def name_boundary(self, k: int) -> bool:
        """Whether token ``k`` can follow a name: the end, punctuation, a speech verb, a title."""
        toks = self.tokens
        if k >= len(toks):
            return True
        after = toks[k]
        return (
            not is_han(after[:1])
            or after in self.gaz.speech
            or after in self.gaz.titles
            or after in ("看来", "认为", "指出", "表示", "介绍")
        )

    def known_persons(self) -> None:
        text = self.text
        for name in self.persons:
            pos = text.find(name)
            while pos >= 0:
                self.add(P_KNOWN, pos, pos + len(name), "person")
                self.authors.add((pos, pos + len(name)))  # the article's byline: its authors
                pos = text.find(name, pos + len(name))
