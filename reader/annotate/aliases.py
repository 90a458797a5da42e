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
from collections.abc import Iterable, Sequence
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


def link_aliases(texts: Sequence[str], found: list[Located[Entity]]) -> list[Located[Entity]]:
    """``found`` (entities of the blocks ``texts``, in order) with short forms linked.

    A declared short name (以下简称“X”) is linked wherever it occurs; an organisation whose
    characters appear in order in a longer organisation named earlier is linked to it.
    """
    declared, new = _declared(texts, found)
    if declared:
        found = _mark_declared(texts, found, declared, new)
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
