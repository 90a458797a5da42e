"""Bylines and foreign names: the reporters a story names after 记者, 通讯员 and the like
are its authors; a name in Latin letters after a title (董事总经理Robert Steven) is a person,
and so is the Chinese name in brackets after it (（史博文）).

A mixin of the entity finder (:mod:`reader.annotate.entities`), beside the person rules.
"""

from __future__ import annotations

import re

from reader.annotate.ner_common import (
    BYLINE_ENDS,
    BYLINE_MAX_NAMES,
    GLUED_WORD_FREQ,
    P_TITLE,
    RuleBase,
)
from reader.text.hanzi import is_hanzi

#: A name in Latin letters: two or three capitalised words, then maybe its Chinese form.
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z])([A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+){1,2})(?![A-Za-z])"
    r"(?:[（(]([\u4e00-\u9fff·•]{2,10})[）)])?"
)


class BylineRules(RuleBase):
    """The byline and Latin-name rules; mixed into the finder in :mod:`.entities`."""

    def latin_name_rule(self) -> None:
        """董事总经理Robert Steven（史博文）: after a title, a Latin name is a person, and the
        Chinese name in brackets after it is the same person's."""
        text = self.text
        if not any("A" <= ch <= "Z" for ch in text):
            return
        titles = tuple(self.gaz.titles)
        for m in _LATIN_NAME.finditer(text):
            if not text[max(0, m.start() - 8) : m.start()].endswith(titles):
                continue
            self.add(P_TITLE, m.start(1), m.end(1), "person")
            if m.group(2):
                self.add(P_TITLE, m.start(2), m.end(2), "person")

    def byline_rule(self, i: int) -> bool:
        """（记者 周斌 通讯员 陈柄丞 王鹏）: the names after a byline title are the authors.

        Read on the text, not the tokens (jieba cuts unseen names: 陈柄 丞): a name is a run of
        2–4 hanzi opening with a surname and ending at a space, a closing bracket, 、 or the
        end; more names and more byline titles may follow, separated by spaces.
        """
        text, byline = self.text, self.gaz.byline_titles
        pos = self.starts[i] + len(self.tokens[i])
        found = False
        for _ in range(BYLINE_MAX_NAMES):
            while pos < len(text) and text[pos] in " \u3000\t":
                pos += 1
            end = pos
            while end < len(text) and is_hanzi(text[end]) and end - pos <= 6:
                end += 1
            run = text[pos:end]
            if len(run) == 1 and run in self.gaz.surnames and text[end : end + 1] == " ":
                given = end + 1  # 记者 周 蕾: a two-character name set with a space
                while given < len(text) and is_hanzi(text[given]) and given - end <= 3:
                    given += 1
                if 1 <= given - end - 1 <= 2 and (given == len(text) or text[given] in BYLINE_ENDS):
                    self.add(P_TITLE, pos, given, "person")
                    self.authors.add((pos, given))
                    found, pos = True, given
                    continue
            if run in byline:
                pos = end
                continue
            if not 2 <= len(run) <= 4 or (end < len(text) and text[end] not in BYLINE_ENDS):
                break
            if run[-1] == "摄" and len(run) >= 3:  # 记者 孟仁泉摄: "photographed by"
                run = run[:-1]
            freq = self.nlp.freq.get(run, 0)
            if not self.surname_len(run) or (
                freq >= GLUED_WORD_FREQ and self.nlp.tags.get(run) != "P"
            ):
                break  # 连日来: a word, not a name
            self.add(P_TITLE, pos, pos + len(run), "person")
            self.authors.add((pos, pos + len(run)))
            found = True
            pos = end
        return found
