"""Whose a company's figure is when its sentence only points back to it.

A story on a zone names a company once, then goes on about it: 该公司今年实现销售收入 8.6
亿元, 公司研发投入占营收的 12%. "公司销售收入" reads as any company's, or the zone's; the
company the story named last, by the name the story used (its short form when the story
declared one, else the registered name without its legal ending), says whose.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.annotate.label_context import LEGAL_END, OPENER_WORDS
from reader.annotate.label_phrase import LONG_LABEL
from reader.model import Entity, Located

__all__ = ["Companies"]

#: Organisations no "公司" or "企业" points back to: government bodies, schools, institutes.
_NOT_FIRMS = ("委员会", "管委会", "政府", "局", "厅", "部", "办", "办公室", "大学", "学院",
              "研究院", "研究所", "科学院", "协会", "联合会", "商会", "联盟", "学校", "医院")
#: What may stand before a company opening its sentence (据了解，, a date).
_LEAD = re.compile(
    f"(?:{OPENER_WORDS}|[0-9一二三四五六七八九十]+月[0-9一二三四五六七八九十]*日|据悉|据了解"
    "|[，, ])*")
#: A sentence that opens with a pointer back to a company (该公司, 这家企业, or 公司 alone:
#: a sentence never opens with a company it has not named), after a date or time word.
_POINTER = re.compile(_LEAD.pattern + "(?:(?:该|此|这家|这个)?公司(?![化制])|(?:该|此|这家)企业)")
#: A list of names, no subject (A、B 等, A 和 B).
_LISTED = re.compile("(?:[（(][^（）()，。；]{1,8}[）)])?[ ]*(?:、|等|和|与|及)")
#: A company named as a source or a speaker's employer, not what the sentence measures.
_NO_SUBJECT = re.compile(
    "董事长|总经理|总裁|负责人|主任|经理|书记|记者|介绍|表示|称|说|讯|电|消息|报道|发布|获悉|数据|"
    "统计|透露|指出|认为")
#: How the names of news media end: a source, never whose a figure is.
_MEDIA = ("日报", "晚报", "时报", "商报", "报", "网", "电视台", "新闻", "通讯社", "财经")
_CLAUSE_END = re.compile("[，,；;：:]")
#: Words of a label that name its owner already.
_OWNED = ("公司", "企业", "项目", "集团", "园", "基地")
#: How many paragraphs back the company pointed to may have been named.
_BACK = 2


class Companies:
    """The companies an article names, in order, to find the one a sentence points back to."""

    def __init__(self, entities: Sequence[Located[Entity]]) -> None:
        found = [(located.block, located.span.start, _shown(located.span))
                 for located in entities if _is_firm(located.span)]
        found.sort()
        self._keys = [(block, start) for block, start, _name in found]
        self._names = [name for _block, _start, name in found]

    def before(self, block: int, pos: int) -> str:
        """The company named last before offset ``pos`` of ``block`` (within a paragraph or
        two), as a label shows it; "" when none is."""
        k = bisect_left(self._keys, (block, pos))
        if k and self._keys[k - 1][0] >= block - _BACK:
            return self._names[k - 1]
        return ""

    def pointed(self, text: str, block: int, sentence: int, pos: int, label: str) -> str:
        """``label`` with the company its sentence (from ``sentence``) points back to in place
        of the pointer (该公司…销售收入 → 某某科技销售收入); ``label`` as it is when the
        sentence opens with no pointer, or no company was named before."""
        m = _POINTER.match(text, sentence, pos)
        if m is None:
            return label
        name = self.before(block, sentence)
        if not name or label.startswith(name):
            return label
        bare = label.removeprefix("公司").removeprefix("企业") or label
        whole = name + bare
        return whole if len(whole) <= LONG_LABEL + 4 else label

    def opening(self, text: str, block: int, sentence: int, pos: int, label: str) -> str:
        """``label`` with the company that opens its sentence (from ``sentence``) and is its
        subject (某某公司是…，昨日…，预计年产值达 14 亿元 → 某某公司预计年产值), when the
        label names no owner; ``label`` otherwise, or when the company opens a list (A、B 等)."""
        lead = _LEAD.match(text, sentence, pos).end()
        k = bisect_left(self._keys, (block, lead))
        if k >= len(self._keys) or self._keys[k] != (block, lead) or any(
                w in label for w in _OWNED):
            return label
        name = self._names[k]
        if name in label or name.endswith(_MEDIA):
            return label
        after = text[lead + len(name) : lead + len(name) + 12]
        if _LISTED.match(after) or _NO_SUBJECT.search(after) or _CLAUSE_END.search(
                text, lead, pos) is None:
            # (某某公司、某某集团等 20 家企业: a list; 某某公司董事长介绍, 某某中心发布,
            # 新华财经长春电: a source, not a subject; a clause of its own: subject_of's)
            return label
        whole = name + label
        return whole if len(whole) <= LONG_LABEL + 4 else label


def _is_firm(entity: Entity) -> bool:
    if entity.type != "org" or entity.role is not None:
        return False
    full = entity.canonical or entity.text
    return not full.endswith(_NOT_FIRMS) and len(entity.text) >= 2


def _shown(entity: Entity) -> str:
    """The name a label shows: the short form the story uses, else the registered name
    without its legal ending (某某科技有限公司 → 某某科技)."""
    return LEGAL_END.sub("", entity.text) or entity.text
