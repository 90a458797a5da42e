"""Which one project or park a figure is of, by the name the sentence (or the one before)
gives it.

A story on a zone's projects names some of them: 总投资 13 亿元 after 某某智能装备产业园项目
is that project's, 项目建成后，年产值 80 亿元 is the project's expected output, and 该园区…规划
面积 8 平方公里 is the park the sentence before named. The label then names it, whole when it
fits, else by the company that opens its name or its last words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.annotate.label_context import LEGAL_END, sentence_start
from reader.annotate.label_events import EVENTS
from reader.annotate.label_phrase import LONG_LABEL, Lexicon

__all__ = ["named_project", "park_before", "project_before", "project_opening",
           "project_projection"]


#: A project coming into use (建成后, 全部达产后): what follows is what the project will do.
_COMPLETED = re.compile("(?:建成|达产|投产|达效|竣工|运营|投用)(?:后|以后)")
#: A zone or area named after the project's coming into use: its figure, not the project's.
_WHOLE_AFTER = re.compile("全区|全市|全县|全省|全镇|园区|高新区|开发区|经开区|新区")
#: Owners a label may already name.
_NAMED_OWNER = ("项目", "公司", "企业", "园", "基地", "集团", "工厂", "产业")


def project_projection(before: str, label: str) -> str:
    """``label`` with 项目 before it when the sentence so far (``before``) names a project and
    its coming into use (项目全部建成后，年产值 80 亿元 → 项目年产值): the project's expected
    output, not the zone's; ``label`` as it is otherwise."""
    done = _COMPLETED.search(before)
    if done is None or "项目" not in before[: done.start()] or any(
            w in label for w in _NAMED_OWNER) or _WHOLE_AFTER.search(before, done.end()):
        return label  # (项目建成后，全区工业总产值将达: the zone's, the projects lift it)
    whole = "项目" + label
    return whole if len(whole) <= LONG_LABEL else label


#: Where a project's name, read back from its 项目, starts: punctuation, digits, spaces and
#: the words that open a noun phrase (的, 其中, 该).
_NAME_STOP = re.compile(
    "[^\u4e00-\u9fff]|共建|投建|新建|筹建|兴建|援建|扩建|续建|在建|打造|建成|"
    "的|了|其中|该|此|和|与|及|等|是|为|在|对|将|已|有|个|共|均|分别|"
    "实施|谋划|签约|签署|签订|引进|洽谈|启动|开工|竣工|投产|计划|包括|包含|涵盖|推进|建设|"
    "完成|实现|新增|引入|招引|落户|入驻|带动|围绕|聚焦|累计|新设")
#: Verbs of a count's event: 签约项目 is no project's name.
_EVENT_END = re.compile(f"(?:{EVENTS})$")


def named_project(text: str, start: int, pos: int, label: str,
                  orgs: Sequence[tuple[int, int]] = ()) -> str:
    """``label`` (项目总投资, 项目预计年产值) with the whole name of the one project its
    sentence (from ``start``) names right before 项目 (福龙智造产业园项目总投资 13 亿元 →
    福龙智造产业园项目总投资, the company in it too): a single project's figure, not the
    story's projects'; else ``label``."""
    cut = label.find("项目")
    at = text.rfind("项目", start, pos)
    while at > start and _NAME_STOP.match(text, at - 1):
        at = text.rfind("项目", start, at)  # (某某产业园项目（…），总投资…，项目建成后: the name)
    if cut < 0 or at < 0:
        return label
    name = _name_before(text, start, at) or _firm_and_head(text, start, at, orgs)
    head = label[:cut]  # (what the label kept of the name: 智造产业园 of 福龙智造产业园)
    if not name or (head and not _in_order(head, name)):
        return label
    whole = name + label[cut:]
    return whole if len(whole) <= LONG_LABEL + 4 else label


#: A sentence about the project named before it: it opens with 项目 or 该项目 (项目建成后…).
_ABOUT_PROJECT = re.compile("(?:[^，。；]{0,10}，)?(?:该|此|这一?|这个)?项目")


def project_before(text: str, start: int, label: str) -> str:
    """``label`` (项目总投资, 项目预计年产值) of a sentence from ``start`` that opens with 项目
    or 该项目, with the name of the one project the sentence before names (某某产业园项目总
    投资 20 亿元。项目建成后，年产值 50 亿元 → 某某产业园项目预计年产值); else ``label``."""
    if not label.startswith("项目") or not _ABOUT_PROJECT.match(text, start):
        return label
    before = sentence_start(text, max(0, start - 1))
    names, named = set(), 0
    at = text.find("项目", before, start)
    while at >= 0:
        names.add(_name_before(text, before, at))
        named += at > before and not _NAME_STOP.match(text, at - 1)  # (某某项目, not 的项目)
        at = text.find("项目", at + 2, start)
    names.discard("")
    if len(names) != 1 or named != 1:
        return label  # (none, or two projects: whose, the sentence does not say)
    whole = names.pop() + label
    return whole if len(whole) <= LONG_LABEL + 4 else label


#: Words of a project's name right before its 项目 that elsewhere open a name as verbs.
_NAMED_WORKS = ("建设", "扩建", "新建", "续建")


#: A sentence about the park named before it (该园区由…, 该基地…).
_ABOUT_PARK = re.compile("(?:[^，。；]{0,10}，)?(?:该|此|这一?|这个)(?:产业园|园区|基地)")
_PARK_HEAD = re.compile("产业园|工业园|科技园|园区|基地")


def park_before(text: str, start: int, label: str, lex: Lexicon) -> str:
    """``label`` (总体规划面积) of a sentence from ``start`` that opens with 该园区 or 该基地,
    with the name of the one park the sentence before names (某某低空经济产业园…。该园区
    …规划面积 8 平方公里 → 低空经济产业园规划面积), cut to its last words when long; else
    ``label``. The story's own zone is 园区 with no name, and then nothing changes."""
    about = _ABOUT_PARK.match(text, start)
    own = label.removeprefix("园区")  # (该园区规划面积: 园区 is the pointer's)
    if about is None or not own or any(w in own for w in _NAMED_OWNER):
        return label
    before = sentence_start(text, max(0, start - 1))
    names = set()
    for park in _PARK_HEAD.finditer(text, before, start):  # (该园区 of a 产业园 named before)
        name = _name_before(text, before, park.start())
        names.add(name + park.group() if name else "")
    names.discard("")
    if len(names) != 1:
        return label  # (none, or two parks: whose, the sentence does not say)
    words = lex.words(names.pop())
    while len(words) > 1 and len("".join(words)) + len(own) > LONG_LABEL + 4:
        words = words[1:]  # (湘江智航新城 低空经济产业园: its last words)
    whole = "".join(words) + own
    return whole if len(whole) <= LONG_LABEL + 4 and len(words) > 1 else label


def _name_before(text: str, start: int, at: int) -> str:
    """The name of a project written right before its 项目 at ``at`` (after ``start``), or ""
    when what stands there is no one name (集中开工的 | 项目, 签约项目, A 和 B 项目, 某某4.0 |…)."""
    if at <= start or _NAME_STOP.match(text, at - 1):
        return ""
    begin = max(start, at - 16)
    # (某某新型建材建设项目: 建设 right before 项目 ends the name, it opens none)
    stops = list(_NAME_STOP.finditer(text, begin, at - 2 if text.startswith(
        _NAMED_WORKS, at - 2) else at))
    if not stops and begin > start:
        return ""  # (no clear start within reach: a long phrase, not a name)
    name = text[stops[-1].end() if stops else begin : at]
    if not 4 <= len(name) <= 12 or _EVENT_END.search(name) or "以上" in name or (
            stops and (stops[-1].group() in "的和与及、" or stops[-1].group().isascii())):
        return ""
    return name


#: What a project is, named last before its 项目 (某某科技 … 产业园项目).
_PROJECT_HEADS = ("产业园", "产业基地", "基地", "园区", "工厂", "研发中心", "中心", "生产线")


#: What never stands between a company and the kind of its project in one name.
_NOT_IN_NAME = re.compile("[^\u4e00-\u9fff]|的|是|为|在|将|已|由|与|投资|建设")


def _firm_and_head(text: str, start: int, at: int, orgs: Sequence[tuple[int, int]]) -> str:
    """A project's name too long for a label (众智科技内燃发电智能控制系统产业园 | 项目),
    short: the company that opens it and what the project is (众智科技产业园); "" when no
    company opens the words before 项目 at ``at`` (``orgs``: the block's organisations)."""
    head = next((h for h in _PROJECT_HEADS if text.startswith(h, at - len(h))), "")
    for s, e in orgs:
        if not max(start, at - 30) <= s < e <= at - len(head) or not head:
            continue
        opened = s == start or not "\u4e00" <= text[s - 1] <= "\u9fff" or any(
            m.end() == s for m in _NAME_STOP.finditer(text, max(start, s - 2), s))
        if opened and not _NOT_IN_NAME.search(text, e, at - len(head)):
            return (LEGAL_END.sub("", text[s:e]) or text[s:e]) + head
    return ""


def _in_order(part: str, whole: str) -> bool:
    chars = iter(whole)
    return all(c in chars for c in part)


#: Words no project's name holds (随着这批 | 项目).
_NOT_A_NAME = re.compile("随着|这|那|各|每|本|全|所有|部分|一批|一些")
#: A count right after 项目: the projects are counted, not named.
_COUNT_AFTER = re.compile("[ ]*(?:共|有|达|约|为)?[ ]*[0-9一二三四五六七八九十两百]")
#: What may stand before a project's name opening its sentence (据了解，).
_OPENING = re.compile("[ ]*(?:据了解|据悉|据介绍|其中|同时|此外)?[，, ]*")


def project_opening(text: str, start: int, pos: int, label: str) -> str:
    """``label`` of a figure in a sentence (from ``start``) that opens with one project's
    name (某某电动车项目总投资 2 亿元，…，年可实现主营业务收入 6 亿元 → 某某电动车项目主营业务
    收入): every measure of the sentence is that project's; ``label`` when the sentence opens
    otherwise, or the label names an owner already."""
    if any(w in label for w in _NAMED_OWNER):
        return label
    lead = _OPENING.match(text, start, pos).end()
    at = text.find("项目", lead, min(pos, lead + 20))
    if at < 0 or _NAME_STOP.search(text, lead, at):
        return label  # (the sentence opens with something else: not one project's name)
    name = _name_before(text, lead, at)
    if not name or text[lead:at] != name or _NOT_A_NAME.search(name) or _COUNT_AFTER.match(
            text, at + 2):
        return label  # (随着这批项目…; 产业基金项目 2 个: a count of projects, not a name)
    whole = name + "项目" + label
    return whole if len(whole) <= LONG_LABEL + 4 else "项目" + label
