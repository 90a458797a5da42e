"""The Chinese names of figure kinds and entity types: one table for every view.

The legend, the summary panel, the figures and names views, the CLI's marked-up text and the
figures filter all name kinds the same way; a kind may also be typed by these names.
"""

from __future__ import annotations

#: money → 金额, as the legend under the article shows it.
FIGURE_KIND_LABELS: dict[str, str] = {
    "money": "金额", "area": "面积", "count": "数量", "percent": "比例",
    "duration": "时长", "date": "日期", "quantity": "计量",
}
#: person → 人物.
ENTITY_TYPE_LABELS: dict[str, str] = {"person": "人物", "place": "地点", "org": "机构"}
#: Other Chinese words a user may type for a kind or type.
SYNONYMS: dict[str, str] = {"百分比": "percent", "人名": "person", "地名": "place",
                            "组织": "org"}


def kind_label(kind: str) -> str:
    """The Chinese name of a figure kind or entity type (unknown ones as they are)."""
    return FIGURE_KIND_LABELS.get(kind) or ENTITY_TYPE_LABELS.get(kind) or kind


def kind_from_word(word: str) -> str | None:
    """The kind or type a word names (``money``, ``金额``, ``人名``…), or None."""
    lowered = word.lower()
    if lowered in FIGURE_KIND_LABELS or lowered in ENTITY_TYPE_LABELS:
        return lowered
    by_label = {label: kind for kind, label in FIGURE_KIND_LABELS.items()}
    by_label |= {label: kind for kind, label in ENTITY_TYPE_LABELS.items()}
    return by_label.get(word) or SYNONYMS.get(word)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 figure``, ``2 figures``, ``1 copy``/``3 copies``: every count a message says."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"
