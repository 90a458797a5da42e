"""News sources named by the conventions of news writing, not by a word list.

A wire story opens with its source, a place and a date before 电 (某某社北京3月2日电, 某某网
长春1月6日电), and a report cites another with 据某某报道. The source in those places is a
news organisation whatever its name: a reader wants it marked as one, and without these rules
its name is cut into a place (某地证券报 → 某地) or missed.
"""

from __future__ import annotations

import re

from reader.annotate.ner_common import P_RULE, RuleBase, is_han

_HAN = "\u4e00-\u9fff"
#: The dateline: a source and a place, then the date and 电 (讯, 消息), at the start of a text or
#: after a space or a bracket.
_DATELINE = re.compile(
    rf"(?:^|(?<=[\s】』」]))([{_HAN}A-Za-z]{{3,16}}?)(?:\d{{1,2}}月)?\d{{1,2}}日(?:电|讯|消息)"
)
#: A source opening a story's first line before 讯 or 记者 (某某新闻记者 张三, 某某网讯).
_SOURCE_HEAD = re.compile(
    rf"(?:^|(?<=[\s】』」]))([{_HAN}A-Za-z]{{2,12}}?(?:新闻|网|报|台|社|财经|客户端|融媒))"
    rf"(?=讯|记者|[·•])"
)
#: 据 + source + 报道/消息: the cited source.
_CITED = re.compile(rf"据([{_HAN}A-Za-z0-9]{{2,14}}?)(?:的)?(?:报道|消息|援引|披露)")
#: How a news organisation's name ends (某某日报, 某某网, 某某社, 某某财经, 某某新闻).
_MEDIA_ENDS = (
    "报", "网", "社", "台", "新闻", "财经", "客户端", "杂志", "周刊", "频道", "传媒", "融媒",
)
#: "This paper", "this station": the story's own medium, not a name.
_OWN = ("本报", "本刊", "本台", "本网", "该报", "该网", "我报", "我台")


class MediaRules(RuleBase):
    """Dateline and citation rules; mixed into the finder in :mod:`.entities`."""

    def media_rule(self) -> None:
        text = self.text
        if "电" in text or "讯" in text or "消息" in text:
            for m in _DATELINE.finditer(text):
                self._dateline_source(m.start(1), m.end(1))
        if "讯" in text or "记者" in text or "·" in text or "•" in text:
            for m in _SOURCE_HEAD.finditer(text):
                if not m.group(1).startswith(_OWN):
                    self.add(P_RULE, m.start(1), m.end(1), "org")
        if "据" in text:
            for m in _CITED.finditer(text):
                source = m.group(1)
                if source.endswith(_MEDIA_ENDS) and not source.startswith(_OWN):
                    self.add(P_RULE, m.start(1), m.end(1), "org")

    def _dateline_source(self, start: int, end: int) -> None:
        """The source is what stands before the dateline's place (某某网 | 长春 | 1月6日电)."""
        text = self.text
        for k in range(self.token_from(start + 1), len(self.starts)):
            pos = self.starts[k]
            if pos >= end:
                return
            tok = self.tokens[k]
            if self.is_place_token(tok) or self.gaz.names.get(tok) == "place":
                source = text[start:pos]
                if (
                    len(source) >= 2
                    and not source.startswith(_OWN)
                    and (is_han(source) or source.isalnum())
                ):
                    self.add(P_RULE, start, pos, "org")
                return
