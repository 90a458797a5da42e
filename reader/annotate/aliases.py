"""Short names tied to full ones within an article, so a company is one name, not three.

News introduces a company once by its full name and then uses a short one: explicitly
(``某某科技股份有限公司（以下简称“某某科技”）``, ``（简称某某）``) or silently (``某某科技`` after
``某某科技股份有限公司``, whose characters it repeats in order). :func:`link_aliases` marks each
short form with the full name as its ``canonical`` (and finds the declared short forms wherever
the article uses them, even where the name rules missed them); :func:`canonical_groups` gives
the groups a names index or a summary counts once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace

from reader.model import Entity, Located

#: （以下简称“X”）, （简称X）, （下称「X」）, (以下称"X"): a short name declared for the
#: name before the bracket.
_DECLARED = re.compile(
    r"[（(]\s*(?:以下|下文)?(?:简称|下称|称)\s*[:：]?\s*[“\"「『‘]?"
    r"([^“”\"「」『』‘’（）()，。；、\s]{2,12})[”\"」』’]?\s*[）)]"
)
#: A silent short form has at least this many characters (两个字: 华为 for 华为技术有限公司).
SHORT_MIN = 2
#: Full names a short form is compared with: the most recent distinct ones, so that a huge
#: text with thousands of organisations stays linear.
RECENT_FULL = 64


#: Endings of a company's legal name: a name that starts with a short name and ends so is the
#: same company (华为 ← 华为技术有限公司); one that ends otherwise is a part of it (国务院 ←
#: 国务院发展研究中心 is no short form).
_COMPANY_ENDS = ("公司", "集团", "股份", "控股", "（集团）", "(集团)")
#: The short form's first character lies this near the start of the full name (a city before
#: a brand: 唯柯医疗 ← 南京唯柯医疗科技有限公司).
LEAD_MAX = 4


def short_form_of(short: str, full: str) -> bool:
    """Whether ``short`` can stand for ``full``: its characters in order, starting near the
    start, and not a body that ``full`` is a part of."""
    if not SHORT_MIN <= len(short) < len(full):
        return False
    first = full.find(short[0], 0, LEAD_MAX)
    if first < 0:
        return False
    it = iter(full[first:])
    if not all(ch in it for ch in short):
        return False
    return not full.startswith(short) or full.endswith(_COMPANY_ENDS)


#: How far before the bracket a full name the rules missed is looked for.
FULL_MAX = 24
_NAME_BREAK = re.compile(r"[，。；：、！？“”\"（）()《》\s]")


def _undeclared_full(text: str, at: int, short: str) -> tuple[int, int] | None:
    """The span before ``at`` that a declared ``short`` name stands for, when no rule found
    one: from the last place its characters start to follow in order, up to the bracket."""
    lo = max(0, at - FULL_MAX)
    for brk in _NAME_BREAK.finditer(text, lo, at):
        lo = brk.end()
    for start in range(at - len(short), lo - 1, -1):
        if text[start] == short[0]:
            it = iter(text[start:at])
            if all(ch in it for ch in short):
                return (start, at) if at - start > len(short) else None
    return None


def _declared(
    texts: Sequence[str], found: list[Located[Entity]]
) -> tuple[dict[str, Entity], list[Located[Entity]]]:
    """short name → the entity it was declared for (the name right before the bracket), and
    the full names the rules had missed that a declaration shows (某某电子（以下简称“某某”）)."""
    ends: dict[tuple[int, int], Entity] = {(loc.block, loc.span.end): loc.span for loc in found}
    declared: dict[str, Entity] = {}
    new: list[Located[Entity]] = []
    for block, text in enumerate(texts):
        if "称" not in text:
            continue
        for m in _DECLARED.finditer(text):
            full = ends.get((block, m.start()))
            short = m.group(1)
            if full is None:
                span = _undeclared_full(text, m.start(), short)
                if span is None:
                    continue
                full = Entity(span[0], span[1], text[span[0] : span[1]], "org")
                new.append(Located(block, full))
            if full.type != "person" and short != full.text:
                declared.setdefault(short, full)
    return declared, new


def _mark_declared(
    texts: Sequence[str],
    found: list[Located[Entity]],
    declared: dict[str, Entity],
    new: list[Located[Entity]],
) -> list[Located[Entity]]:
    """Every use of a declared short name becomes that organisation's short form."""
    by_block: dict[int, list[Located[Entity]]] = {}
    for loc in found:
        by_block.setdefault(loc.block, []).append(loc)
    for loc in new:  # a full name found from its declaration replaces the pieces inside it
        s, e = loc.span.start, loc.span.end
        have = by_block.get(loc.block, [])
        outside = [x for x in have if x.span.end <= s or e <= x.span.start]
        inside = [x for x in have if s <= x.span.start and x.span.end <= e]
        if len(outside) + len(inside) == len(have):  # nothing straddles its edges
            by_block[loc.block] = [*outside, loc]
    out: list[Located[Entity]] = []
    for block, text in enumerate(texts):
        spans = by_block.get(block, [])
        added: list[Entity] = []
        for short, full in declared.items():
            pos = text.find(short)
            while pos >= 0:
                end = pos + len(short)
                clash = [
                    loc.span
                    for loc in spans
                    if loc.span.start < end and pos < loc.span.end
                ]
                if all(pos <= e.start and e.end <= end for e in clash) and not any(
                    a.start < end and pos < a.end for a in added
                ):
                    spans = [loc for loc in spans if loc.span not in clash]
                    canonical = full.canonical or full.text
                    added.append(Entity(pos, end, short, full.type, canonical=canonical))
                pos = text.find(short, end)
        merged = [*spans, *(Located(block, e) for e in added)]
        merged.sort(key=lambda loc: loc.span.start)
        out.extend(merged)
    return out


#: The legal ending of a company's registered name (有限公司, 股份有限公司, 集团有限公司).
_LEGAL_END = re.compile("(?:[（(]集团[）)]|集团)?(?:股份)?(?:有限)?(?:责任)?公司$")
#: What makes a short form the start of a longer name, not a use of it.
_LONGER = ("集团", "公司", "股份", "控股", "科技", "投资", "有限", "（", "(")
#: Words a registered name ends its brand with that make no company of a word alone (某某技术
#: 有限公司 is 某某; 人工智能技术 is no company), stripped like the industry words.
_TRADE_WORDS = ("技术", "实业", "发展", "工程", "服务", "贸易", "制造")
#: A place in brackets inside a registered name (某某（苏州）科技有限公司).
_BRACKETED = re.compile("[（(][^（）()]{1,6}[）)]")


def brand_forms(full: str, is_place: Callable[[str], bool], industry: Collection[str],
                common: Callable[[str], bool]) -> list[str]:
    """The short forms a registered company name is used by later in a story, longest first:
    the name without its place (先导科技集团 ← 清远先导科技集团) and its brand without the
    place, the industry words and the legal ending (神州龙芯 ← 神州龙芯智能科技有限公司).
    ``common`` says a word is an ordinary word (never a brand alone)."""
    if not full.endswith(_COMPANY_ENDS):
        return []
    name = _BRACKETED.sub("", full)
    for size in range(min(6, len(name) - 2), 1, -1):
        if is_place(name[:size]):
            name = name[size:]  # 清远 先导科技集团, 深圳市 某某科技
            break
    forms = [name] if name != full and len(name) >= 4 else []
    core = _LEGAL_END.sub("", name)
    endings = sorted((*industry, *_TRADE_WORDS), key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for word in endings:
            if len(word) >= 2 and core.endswith(word) and len(core) - len(word) >= 2:
                core, stripped = core[: -len(word)], True
                break
    # a brand of three characters or more (two-character ones are pieces of other names too:
    # 科创 of 科创投集团), not an ordinary word
    if core != name and len(core) >= 3 and not common(core) and not is_place(core):
        forms.append(core)
    return forms


def _brand_uses(texts: Sequence[str], found: list[Located[Entity]],
                brand_of: Callable[[str], list[str]],
                titled: Callable[[str, int, int], bool]) -> list[Located[Entity]]:
    """``found`` with the other uses of a named company's short forms added (神州龙芯 three
    times after 神州龙芯智能科技有限公司, or in a lead before it), each linked to the full
    name. A use inside or across a name already found is left as it is, and so is a person
    ``titled`` says a title or a speech verb stands beside."""
    forms: dict[str, tuple[str, tuple[int, int]]] = {}  # short → (full, where it was named)
    for loc in found:
        e = loc.span
        if e.type == "org" and e.canonical is None:
            for short in brand_of(e.text):
                forms.setdefault(short, (e.text, (loc.block, e.start)))
    if not forms:
        return found
    by_block: dict[int, list[Entity]] = {}
    for loc in found:
        by_block.setdefault(loc.block, []).append(loc.span)
    added: list[Located[Entity]] = []
    dropped: set[tuple[int, int, int]] = set()
    # One pass over the text, trying the forms that start with each character, longest first:
    # linear in the text however many companies it names.
    firsts: dict[str, list[str]] = {}
    for short in sorted(forms, key=len, reverse=True):
        firsts.setdefault(short[0], []).append(short)
    for block in range(len(texts)):  # (a lead often names the brand before the full name)
        text = texts[block]
        spans = sorted(by_block.get(block, []), key=lambda x: x.start)
        starts = [x.start for x in spans]
        pos = 0
        while pos < len(text):
            short = next((f for f in firsts.get(text[pos], ())
                          if text.startswith(f, pos) and forms[f][1] != (block, pos)), None)
            if short is None:
                pos += 1
                continue
            end = pos + len(short)
            k = bisect_left(starts, end)  # the names starting before ``end``, nearest first
            clash = []
            while k > 0 and spans[k - 1].end > pos:
                k -= 1
                clash.append(spans[k])
            if k > 0 and spans[k - 1].end > pos:  # (a long name further back covering pos)
                clash.append(spans[k - 1])
            if text.startswith(_LONGER, end):
                clash.append(Entity(pos, end, short, "org"))  # 某某集团: another name
            # a "person" the brand's characters made (云帆 of 云帆智能) gives way to it
            # (a person a title or a speech verb stands beside stays one: 总经理王某说)
            if all(x.type == "person" and pos <= x.start and x.end <= end
                   and not titled(text, x.start, x.end) for x in clash):
                e = Entity(pos, end, short, "org", canonical=forms[short][0])
                for x in clash:
                    at = spans.index(x)
                    del spans[at], starts[at]
                at = bisect_left(starts, pos)
                spans.insert(at, e)
                starts.insert(at, pos)
                added.append(Located(block, e))
                dropped.update((block, x.start, x.end) for x in clash)
            pos = end
    if not added:
        return found
    kept = [loc for loc in found if (loc.block, loc.span.start, loc.span.end) not in dropped
            or loc.span.type != "person"]
    return sorted([*kept, *added], key=lambda loc: (loc.block, loc.span.start))


def link_aliases(texts: Sequence[str], found: list[Located[Entity]],
                 brand_of: Callable[[str], list[str]] | None = None,
                 titled: Callable[[str, int, int], bool] = lambda *_: False,
                 ) -> list[Located[Entity]]:
    """``found`` (entities of the blocks ``texts``, in order) with short forms linked.

    A declared short name (以下简称“X”) is linked wherever it occurs; an organisation whose
    characters appear in order in a longer organisation named earlier is linked to it; with
    ``brand_of`` (a registered name → its short forms, see :func:`brand_forms`), the other
    uses of a named company's short forms (before or after it) are found even where the name
    rules missed them.
    """
    declared, new = _declared(texts, found)
    if declared:
        found = _mark_declared(texts, found, declared, new)
    if brand_of is not None:
        found = _brand_uses(texts, found, brand_of, titled)
    recent: list[str] = []  # distinct full organisation names, most recent last
    linked: dict[str, str | None] = {}
    out: list[Located[Entity]] = []
    for loc in found:
        e = loc.span
        if e.type != "org" or e.canonical is not None:
            out.append(loc)
            continue
        if e.text not in linked:
            full = next(
                (
                    f
                    for f in reversed(recent)
                    if short_form_of(e.text, f)
                ),
                None,
            )
            linked[e.text] = full
        full = linked[e.text]
        if full is None:
            if e.text in recent:
                recent.remove(e.text)
            recent.append(e.text)
            del recent[:-RECENT_FULL]
            out.append(loc)
        else:
            out.append(Located(loc.block, replace(e, canonical=full)))
    return out


def canonical_groups(entities: Iterable[Entity]) -> dict[str, list[str]]:
    """canonical name → its short forms, for every name of ``entities`` (in first-seen order).

    A name with no short form maps to an empty list, so the keys are the article's names
    counted once.
    """
    groups: dict[str, list[str]] = {}
    for e in entities:
        key = e.canonical or e.text
        forms = groups.setdefault(key, [])
        if e.canonical and e.text != e.canonical and e.text not in forms:
            forms.append(e.text)
    return groups
