"""A company's full legal name, from the place that opens it to 有限公司.

A registered name is place + trade name + industry + form (珠海某某生物技术有限公司). jieba's
HMM cuts an unseen trade name into pieces it tags as verbs or function words (丽凡 达, 爱上
地), where the general organisation rule stops; so before a legal form, the name may run back
over such pieces to the nearest place, as long as nothing between is a clause's own verb
(在苏州设立某某有限公司 names a company in 苏州, it does not name 苏州设立…).
"""

from __future__ import annotations

import re

from reader.annotate.ner_common import (
    ACTION_VERBS,
    ORG_MAX,
    P_RULE,
    RuleBase,
    describes_firm,
    is_han,
)

#: Legal forms that end a registered name.
LEGAL_FORMS = frozenset({"有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "股份公司"})
#: What a holding's investment arm is called after its short name (某某建投资本, 某产投基金).
_ARMS = ("资本", "基金", "创投")
_ARM_RES: dict[int, re.Pattern[str]] = {}
#: A verb this frequent is the sentence's, not a piece of a trade name.
_NAME_VERB_FREQ = 20000


class LegalNameRules(RuleBase):
    """The legal-name rule; mixed into the finder in :mod:`.entities`."""

    def legal_name_rule(self, i: int) -> None:
        toks, starts, tags, freq = self.tokens, self.starts, self.nlp.tags, self.nlp.freq
        end = starts[i] + len(toks[i])
        k = i - 1
        while k >= 0 and end - starts[k] <= ORG_MAX:
            tok = toks[k]
            if not is_han(tok) and not (tok.isascii() and tok.isalnum()) and tok not in "（）()":
                return  # punctuation: no place opens this name
            if self.is_place_token(tok):
                break
            if tok in ACTION_VERBS or tok in self.gaz.titles or tok in self.gaz.speech:
                return
            if len(tok) > 1 and tags.get(tok) == "V" and freq.get(tok, 0) >= _NAME_VERB_FREQ:
                return
            k -= 1
        else:
            return
        if k == i - 1:
            return  # 珠海有限公司: nothing between the place and the form
        # the place opens the name only at a clause's edge: after punctuation, a function word
        # or a verb (获奖企业有 | 珠海…), or a list's 和/及
        before = toks[k - 1] if k else ""
        if before and is_han(before) and tags.get(before) not in ("X", "V") and not (
                describes_firm(before, toks[k])):  # (骨干企业 | 江苏某某…: a clear start)
            if not self.is_place_token(before):
                return
            k -= 1  # 广东 珠海…: a province before the city stays in the name
        self.add(P_RULE, starts[k], end, "org")

    def holding_arm_rule(self) -> None:
        """建投资本, 产投资本: jieba reads 投资 out of a holding's short name and an arm's
        word (建 投资 本); found on the text, with the group's own name before it (中信建投资本)."""
        gaz = self.gaz
        pattern = _ARM_RES.get(id(gaz))
        if pattern is None:
            holdings = sorted((h for h in gaz.holding if len(h) == 2), key=len, reverse=True)
            pattern = re.compile(f"(?:{'|'.join(holdings)})(?:{'|'.join(_ARMS)})")
            _ARM_RES.clear()
            _ARM_RES[id(gaz)] = pattern
        text, starts, toks = self.text, self.starts, self.tokens
        for m in pattern.finditer(text):
            start = m.start()
            k = self.token_from(start)
            if k < len(starts) and starts[k] == start and k > 0:
                prev = toks[k - 1]
                kind = gaz.names.get(prev)
                if kind in ("org", "place") or (
                    is_han(prev) and self.nlp.freq.get(prev, 0) == 0 and 2 <= len(prev) <= 4
                ):
                    start = starts[k - 1]  # 中信 建投资本: the group's name opens its arm's
            self.add(P_RULE, start, m.end(), "org")
