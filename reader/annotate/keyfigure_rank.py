"""How the key figures are ranked, and which figures of a paragraph form a list.

:mod:`reader.annotate.keyfigures` labels every figure; this module says which of them a reader
would quote first (money above areas, percentages and quantities, those above counts; bigger
amounts and totals higher; figures early in the story higher) and which figures are written as
one list (6.5%、12.8%和 9%), so that they share the noun before the first.
"""

from __future__ import annotations

import math

from reader.model import Article, Figure, KeyFigure, Located

__all__ = ["figure_lists", "pick", "score"]

_TOTAL_MARKERS = ("总", "累计", "全年", "合计", "规模", "产值", "营收", "收入", "投资")
#: What a count of which is news counts (高新技术企业 351 家, 重大项目 19 个).
_COUNTED = ("企业", "项目", "公司", "人才", "机构", "平台", "专利", "孵化器")
_KIND_WEIGHT = {"money": 3.0, "area": 2.2, "percent": 1.8, "quantity": 1.6, "count": 1.0}
# What joins the figures of a list (6.5%、12.8%和 9%): they share the noun before the first.
_LIST_JOIN = frozenset(("、", "和", "及", "与", "以及"))


def figure_lists(article: Article, ordered: list[Located[Figure]]
                 ) -> dict[tuple[int, int], tuple[int, int, int]]:
    """Figures of the same kind joined by 、 和 及 与: (block, start) → (start of the
    list's first figure, index in the list, length of the list), for lists of two or more."""
    groups: list[list[Located[Figure]]] = []
    for located in ordered:
        last = groups[-1][-1] if groups else None
        if last is not None and last.block == located.block \
                and last.span.kind == located.span.kind \
                and _joined(article.blocks[located.block].text, last.span, located.span):
            groups[-1].append(located)
        else:
            groups.append([located])
    return {(lf.block, lf.span.start): (group[0].span.start, index, len(group))
            for group in groups if len(group) > 1 for index, lf in enumerate(group)}


def _joined(text: str, first: Figure, second: Figure) -> bool:
    return text[first.end:second.start].strip() in _LIST_JOIN


def score(fig: Figure, label: str, block: int, title: str = "", generic: bool = False,
          part: bool = False) -> float:
    """How much a reader would want ``fig`` among the key numbers (higher first).

    The story's own number (in its ``title``: 64 个项目集中签约) comes first; a figure whose
    label says nothing (``generic``) or that is a part of a whole (``part``: one phase, another
    zone) comes later; counts of companies, projects and people rank with the amounts.
    """
    score = _KIND_WEIGHT.get(fig.kind, 1.0)
    if title and fig.text.replace(" ", "") in title.replace(" ", ""):
        score += 2.5
    if generic:
        score -= 2.5
    if part:
        score -= 0.7
    if fig.kind == "count" and label.endswith(_COUNTED):
        score += 1.5
    magnitude = abs(fig.value or 0.0)
    if fig.kind == "money" and magnitude > 0:
        score += math.log10(max(magnitude, 1.0)) / 4  # 1e11 元 adds 2.75, 1 万元 adds 1
    elif fig.kind in ("count", "area", "quantity") and magnitude > 0:
        score += math.log10(max(magnitude, 1.0)) / 8
    if any(marker in label for marker in _TOTAL_MARKERS):
        score += 1.0
    if "target" in fig.qualifiers:
        score += 0.2
    return score + 0.5 / (1 + block)


#: What each further key figure of a kind already picked costs (so a story's counts and rates
#: are not all pushed out by its amounts).
_SAME_KIND = 0.6


def pick(ranked: list[KeyFigure], limit: int) -> list[KeyFigure]:
    """The ``limit`` best of ``ranked`` (best first), each further figure of a kind already
    picked ranking a little lower, in the order picked."""
    left = list(ranked)
    picked: list[KeyFigure] = []
    kinds: dict[str, int] = {}
    while left and len(picked) < limit:
        best = max(left, key=lambda k: k.score - _SAME_KIND * kinds.get(k.figure.kind, 0))
        left.remove(best)
        picked.append(best)
        kinds[best.figure.kind] = kinds.get(best.figure.kind, 0) + 1
    return picked
