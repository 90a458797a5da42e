"""Find people, places and organisations in Chinese news text, without a deep-learning model.

jieba's part-of-speech tags alone are poor at this: its dictionary tags hundreds of common words
as names (高新区, 蓝图, 智慧), and it cuts long organisation names into pieces. We segment with
jieba (HMM on, so unseen names survive as one token) and then apply rules over the tokens:

* persons: a token of 2–3 characters (4 with a two-character surname) that starts with a surname
  and whose given-name characters look like name characters (log-odds table in
  :mod:`reader.annotate.nlp`);
  a frequent dictionary word needs a title or a speech verb beside it; a title (书记, 总经理)
  right before a surname also joins the pieces jieba cut (赵适 剑 → 赵适剑); known names
  (an article's byline) are persons wherever they occur;
* places: gazetteer names and jieba's place words, joined with an administrative suffix (市, 县);
  a place followed by a zone suffix (高新区, 经开区) is one place, and with 管委会 an organisation;
* organisations: a suffix (有限公司, 大学, 研究所, 局, 党工委) grows leftwards over the tokens
  that can be part of a name, stopping at verbs, particles and punctuation.

Overlaps are resolved by priority, then by length, so the longest sensible span wins.
Nothing heavy is imported here: :func:`find_entities` loads the NLP stack on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import accumulate

from reader.annotate.gazetteer import Gazetteer
from reader.annotate.ner_bylines import BylineRules
from reader.annotate.ner_common import (
    ABBREV,
    ABBREV_NEXT,
    AFTER_NAME,
    COMMON_NAME_FREQ,
    CONGRESS_CHARS,
    DOTS,
    FAMILIAR,
    GLUED_WORD_FREQ,
    HUA_PLACES,
    HUA_VERBS,
    LOOKALIKE,
    P_GUESS,
    P_RULE,
    TRANSLIT,
    WEAK_ORG_FREQ,
    is_han,
    join_places,
    ordinary_org_word,
    shown_name,
)
from reader.annotate.ner_legal import LEGAL_FORMS, LegalNameRules
from reader.annotate.ner_lists import ListRules
from reader.annotate.ner_media import MediaRules
from reader.annotate.ner_orgs import ACADEMIES, OrgRules
from reader.annotate.ner_persons import PersonRules
from reader.annotate.ner_places import PlaceRules
from reader.annotate.nlp import Nlp, load
from reader.model import Entity, EntityType
from reader.text.fold import fold
from reader.text.hanzi import is_hanzi
from reader.text.traditional import has_traditional

_NAME_TAGS = frozenset("OLPZ")
_OPENERS: dict[int, frozenset[str]] = {}


def _openers(gaz: Gazetteer) -> frozenset[str]:
    """Characters a name can start with, for this gazetteer (computed once per load)."""
    found = _OPENERS.get(id(gaz))
    if found is None:
        found = (
            frozenset(
                gaz.surname_firsts | ABBREV | HUA_VERBS | HUA_PLACES | TRANSLIT | CONGRESS_CHARS
            )
            | FAMILIAR
        )
        _OPENERS.clear()  # one stack is loaded at a time; do not keep old gazetteers alive
        _OPENERS[id(gaz)] = found
    return found


#: Words that make the guessed "name" before them the name of a line, a zone or a site.
_NOT_AFTER_PERSON = (
    "高铁", "铁路", "高速", "城际", "大桥", "机场", "隧道", "地铁", "新区", "高新区", "经开区",
    "开发区", "园区", "新城", "片区", "港区",
)
_GRAMMAR: dict[int, frozenset[str]] = {}


def _grammar_words(gaz: Gazetteer) -> frozenset[str]:
    """Words the brand, zone and institute rules start from (computed once per load)."""
    found = _GRAMMAR.get(id(gaz))
    if found is None:
        found = frozenset(gaz.industry | gaz.zone_suffixes | set(ACADEMIES))
        _GRAMMAR.clear()
        _GRAMMAR[id(gaz)] = found
    return found


class _Finder(PersonRules, BylineRules, PlaceRules, OrgRules, ListRules, MediaRules,
              LegalNameRules):
    """The rules, run over one text's tokens."""

    def __init__(self, nlp: Nlp, text: str, persons: Iterable[str]) -> None:
        self.nlp = nlp
        self.gaz = nlp.gazetteer
        self.text = text
        self.tokens = nlp.cut(text)
        self.starts: list[int] = [0, *accumulate(map(len, self.tokens))]
        self.starts.pop()  # the offset of each token; the last sum is the text's length
        self.persons = [p for p in persons if p]
        self.suffix_ends = self.gaz.suffix_ends
        self.place_ends = self.gaz.place_ends
        self.cands: list[tuple[int, int, int, EntityType]] = []  # (priority, start, end, type)
        self.authors: set[tuple[int, int]] = set()
        self.not_orgs: list[tuple[int, int]] = []

    def run(self) -> list[Entity]:
        self.known_persons()
        toks, gaz = self.tokens, self.gaz
        names, titles, tags = gaz.names, gaz.titles, self.nlp.tags
        bylines = gaz.byline_titles
        suffix_ends, title_ends = self.suffix_ends, gaz.title_ends
        # A token can only be a name if jieba tags it as one or its first character can open
        # one (a surname, a country abbreviation, a transliteration...): skip the rest fast.
        openers = _openers(gaz)
        # Most tokens are ordinary words no rule can start from: known once, skipped after.
        # Only a dot beside a token (a foreign name) would make one of them count.
        inert = None if any(dot in self.text for dot in DOTS) else self.nlp.inert
        freq = self.nlp.freq
        industry, zone_suffixes = gaz.industry, gaz.zone_suffixes
        grammar = _grammar_words(gaz)
        for i, tok in enumerate(toks):
            # The grammar rules first: their words (科技, 新区, 镇) are often inert otherwise.
            if tok in grammar:
                if tok in industry:
                    self.industry_rule(i)
                if tok in zone_suffixes:
                    self.zone_rule(i)
                if tok in ACADEMIES:
                    self.academy_rule(i)
            if tok[-1] in "镇乡" and not tok.startswith(("城镇", "乡镇")):
                self.town_rule(i)
            elif tok == "区" and i and len(toks[i - 1]) >= 3 and toks[i - 1][-1] == "新":
                # 郑东新 区: jieba cut a new area's name before its last character
                self.add(P_RULE, self.starts[i - 1], self.starts[i] + 1, "place")
            if inert is not None:
                skip = inert.get(tok)
                if skip is None:
                    skip = self.is_inert(tok, openers)
                    if tok in freq or len(tok) == 1:  # dictionary words only: a bounded memo
                        inert[tok] = skip
                if skip:
                    continue
            first = tok[0]
            if not is_hanzi(first) and not first.isascii():
                continue  # punctuation and spaces (ASCII may be a brand name or a digit)
            kind = names.get(tok)
            if kind == "ignore":  # no name, but may still be a title (记者)
                if tok in titles or tok in bylines:
                    self.title_rule(i)
                continue
            if kind == "place":
                self.place_rule(i)
            elif kind == "org":
                self.org_token(i)
            elif kind is not None:
                self.add(P_RULE, self.starts[i], self.starts[i] + len(tok), kind)  # type: ignore[arg-type]
            elif first in openers or tags.get(tok) in _NAME_TAGS:
                self.token_rules(i)
            last = tok[-1]
            if last in title_ends and (
                tok in titles or tok in bylines or (len(tok) >= 3 and self.ends_with_title(tok))
            ):
                self.title_rule(i)
            if last in suffix_ends:
                suffix = self.org_suffix(tok)
                if tok in LEGAL_FORMS:
                    self.legal_name_rule(i)
                if suffix:
                    self.org_rule(i, gov=suffix not in gaz.org_suffixes, whole=suffix != tok)
                    continue
            if len(tok) >= 4 and last in title_ends:
                self.suffix_title_rule(i)
        self.media_rule()
        self.latin_name_rule()
        if "投" in self.text:
            self.holding_arm_rule()
        self.list_rule()
        return self.resolve()

    def is_inert(self, tok: str, openers: frozenset[str]) -> bool:
        """True when :meth:`run` can propose nothing from ``tok``, whatever its neighbours
        (other than a dot). Errs towards False: it only has to be right when it says True."""
        gaz = self.gaz
        first, last, n = tok[0], tok[-1], len(tok)
        if not is_hanzi(first) and not first.isascii():
            return True
        kind = gaz.names.get(tok)
        if kind is not None:
            return kind == "ignore" and tok not in gaz.titles and tok not in gaz.byline_titles
        if (first in openers or self.nlp.tags.get(tok) in _NAME_TAGS) and not self.quiet(tok):
            return False
        titles = gaz.titles
        if last in gaz.title_ends and (
            tok in titles
            or tok in gaz.byline_titles
            or (n >= 3 and self.ends_with_title(tok))
            or any(tok[k:] in titles and self.org_suffix(tok[:k]) for k in range(1, n - 1))
        ):
            return False
        return not (last in self.suffix_ends and self.org_suffix(tok))

    def quiet(self, tok: str) -> bool:
        """True when :meth:`token_rules` can propose nothing from ``tok`` in any context."""
        n, gaz, tag = len(tok), self.gaz, self.nlp.tags.get(tok)
        freq = self.nlp.freq.get(tok, 0)
        if (
            (n <= 3 and all(ch in ABBREV for ch in tok))
            or (n == 2 and tok[0] in HUA_VERBS and tok[1] in HUA_PLACES)
            or (n >= 3 and tok[0] in ABBREV and tok[1] in ABBREV and tok[2:] in ABBREV_NEXT)
        ):
            return False
        if tag == "O" and n >= 2:
            return not (self.org_suffix(tok) or (
                freq > WEAK_ORG_FREQ and tok[0] not in "党团" and not ordinary_org_word(tok)))
        if (
            self.is_place_token(tok)
            or (n == 1 and tok in HUA_PLACES)
            or (3 <= n <= 4 and tok[-1] == "大" and all(c in CONGRESS_CHARS for c in tok[:-1]))
            or (n == 2 and tok[0] in FAMILIAR and gaz.surnames.get(tok[1], False))
        ):
            return False
        if self.surname_len(tok):
            if n == 1:  # a lone surname: 范 处长, or the start of a name cut in two
                return not gaz.surnames.get(tok, False)
            if (
                tok[1:] in gaz.titles
                or (n == 2 and tok in gaz.surnames)
                or (n == 3 and tok[-1] in AFTER_NAME)
                or (n <= 4 and any(self.looks_like_name(tok, c) for c in (True, False)))
                or (
                    n == 2
                    and gaz.surnames.get(tok[0], False)
                    and not (freq > 0 and tag != "P")
                )
            ):
                return False
        return not (n >= 4 or self.is_translit_name(tok))

    def token_rules(self, i: int) -> None:
        """Rules that start from token ``i`` itself: places, countries, bodies, persons."""
        toks = self.tokens
        tok = toks[i]
        tag = self.nlp.tags.get(tok)
        start = self.starts[i]
        end = start + len(tok)
        prev = toks[i - 1] if i else ""
        after = toks[i + 1] if i + 1 < len(toks) else ""
        if len(tok) <= 3 and all(ch in ABBREV for ch in tok) and (
            self.pair_org_rule(i) or self.abbrev_rule(i)
        ):
            return
        if len(tok) == 2 and tok[0] in HUA_VERBS and tok[1] in HUA_PLACES:
            self.add(P_RULE, start + 1, end, "place")  # 访华, 进京, 访美
            return
        if (
            len(tok) >= 3
            and tok[0] in ABBREV
            and tok[1] in ABBREV
            and tok[0] != tok[1]
            and tok[2:] in ABBREV_NEXT
        ):
            self.add(P_RULE, start, start + 1, "place")  # 中美关系: 中, 美
            self.add(P_RULE, start + 1, start + 2, "place")
            return
        if tag == "O" and len(tok) >= 2:
            if self.org_suffix(tok) or (
                self.nlp.freq.get(tok, 0) > WEAK_ORG_FREQ and tok[0] not in "党团"
                and not ordinary_org_word(tok)
            ):
                self.org_token(i)
        elif self.is_place_token(tok):
            self.place_rule(i)
        elif len(tok) == 1 and tok in HUA_PLACES and prev[-1:] in HUA_VERBS:
            self.add(P_RULE, start, end, "place")
        elif 3 <= len(tok) <= 4 and tok[-1] == "大" and all(c in CONGRESS_CHARS for c in tok[:-1]):
            self.add(P_RULE, start, end, "org")  # 十五大: a numbered party congress
        elif prev[-1:].isdigit():
            return  # 1998年秋: nothing right after a number is a name
        elif (prev in DOTS or after in DOTS) and is_han(tok):
            self.translit_rule(i)  # a part of a foreign name, even if it starts like 史
        elif len(tok) == 2 and tok[0] in FAMILIAR and self.gaz.surnames.get(tok[1], False):
            if self.nlp.tags.get(tok) in (None, "P"):
                self.add(P_GUESS, start + 1, end, "person")  # 小张 → 张
        elif self.surname_len(tok):
            if (
                not self.gaz.surnames.get(tok[0], True)
                and len(prev) == 1
                and self.nlp.freq.get(prev + tok[0], 0) >= GLUED_WORD_FREQ
                and after not in self.gaz.titles
            ):
                return  # 南 海之滨: the "surname" belongs with the word before (南海)
            if len(tok) == 1 and after in self.gaz.titles and self.gaz.surnames.get(tok, False):
                self.add(P_GUESS, start, end, "person")  # 范处长 → 范
                return
            if len(tok) >= 2 and tok[1:] in self.gaz.titles:
                self.add(P_GUESS, start, start + 1, "person")  # 陈先生 → 陈
                return
            if len(tok) == 2 and tok in self.gaz.surnames and self.compound_rule(i):
                return
            context = after in self.gaz.titles or (after in self.gaz.speech and not (
                self.nlp.freq.get(tok, 0) >= COMMON_NAME_FREQ and is_han(prev[-1:])))  # 莅临关怀
            if (
                len(tok) == 3
                and tok[-1] in AFTER_NAME
                and self.nlp.freq.get(tok, 0) == 0
                and self.nlp.tags.get(tok[:2]) == "P"
                and self.looks_like_name(tok[:2], True)
            ):
                self.add(P_GUESS, start, start + 2, "person")  # 高敏为: HMM glued 为 to 高敏
                return
            if 2 <= len(tok) <= 4 and self.looks_like_name(tok, context):
                self.add(P_GUESS, start, end, "person")
                if len(tok) == 2:
                    self.split_name_rule(i)  # 刘伟 新 副主任: the given name may go on
            elif len(tok) <= 2 and self.split_name_rule(i):
                return
            elif self.is_translit_name(tok):
                self.translit_rule(i)
            elif len(tok) >= 4:
                self.name_prefix_rule(i)
        elif self.is_translit_name(tok):
            self.translit_rule(i)
        elif len(tok) >= 4:
            self.name_prefix_rule(i)

    def resolve(self) -> list[Entity]:
        """Keep the best non-overlapping candidates: priority first, then the longest."""
        taken = bytearray(len(self.text))
        chosen: list[tuple[int, int, EntityType]] = []
        text = self.text
        cands = [  # 康洪说: jieba glued the speech verb to a two-character name
            (p, s, e - 1, t) if t == "person" and e - s == 3 and text[e - 1] == "说"
            else (p, s, e, t)
            for p, s, e, t in self.cands
        ]
        for _prio, start, end, typ in sorted(cands, key=lambda c: (-c[0], c[1] - c[2], c[1])):
            if any(taken[start:end]):
                continue
            if typ == "org" and (
                self.not_an_org(text[start:end])
                or (
                    any(s <= start and end <= e for s, e in self.not_orgs)
                    and self.gaz.names.get(text[start:end]) != "org"
                )
            ):
                continue
            if typ == "person" and (
                (_prio == P_GUESS and text.startswith(_NOT_AFTER_PERSON, end))
                or self.not_a_person(_prio, start, end)
            ):
                continue  # 郑渝高铁, 某某新区: a line's or a zone's name, not a person
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, typ))
        chosen.sort()
        chosen = join_places(text, chosen, self.gaz.zone_suffixes)
        authors = self.authors
        return [
            Entity(s, e, text[s:e], t, role="author" if (s, e) in authors else None)
            for s, e, t in chosen
        ]


def find_entities(text: str, *, persons: Iterable[str] = ()) -> list[Entity]:
    """Person, place and organisation spans in ``text``: sorted, non-overlapping, code points.

    ``persons`` are names known to be people (an article's byline): they are marked wherever
    they occur. Loads the NLP stack on first use (see :func:`reader.annotate.nlp.load`).
    """
    if not text:
        return []
    if LOOKALIKE.search(text) is None and not has_traditional(text):
        return _Finder(load(), text, persons).run()
    # PDF text with Kangxi radicals or compatibility ideographs (⼤连⾼新区): find the names on
    # the folded text, then map the spans back to the text as shown. Folding only the
    # look-alikes keeps every offset (and the spaces a byline needs) when each folds to one
    # character, as radicals do; otherwise the whole text is folded with its offset map.
    plain = shown_name(text)
    if len(plain) == len(text):
        found = _Finder(load(), plain, [shown_name(p) for p in persons]).run()
        return [replace(e, text=shown_name(text[e.start : e.end])) for e in found]
    folded = fold(text)
    found = _Finder(load(), folded.text, [fold(p).text for p in persons]).run()
    out = []
    for e in found:
        start, end = folded.to_original(e.start, e.end)
        out.append(replace(e, start=start, end=end, text=shown_name(text[start:end])))
    return out
