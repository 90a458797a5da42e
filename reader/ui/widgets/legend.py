"""The legend under the article: what each highlight colour means.

One widget rendering one line (not a Label per entry: fewer widgets, faster first frame).
Its component classes carry the same theme colours as the article's, in ``reader.tcss``.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from reader.ui.widgets.theme_style import component_style

#: (kind, label) in the order shown: figure kinds, then name types.
LEGEND_ENTRIES: tuple[tuple[str, str], ...] = (
    ("figure-money", "金额"),
    ("figure-percent", "比例"),
    ("figure-area", "面积"),
    ("figure-count", "数量"),
    ("figure-quantity", "计量"),
    ("figure-duration", "时长"),
    ("figure-date", "日期"),
    ("entity-person", "人物"),
    ("entity-place", "地点"),
    ("entity-org", "机构"),
)


class Legend(Widget):
    """One line naming every highlight style."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"legend--{kind}" for kind, _ in LEGEND_ENTRIES}

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for kind, label in LEGEND_ENTRIES:
            text.append(label, style=component_style(self, f"legend--{kind}"))
            text.append(" ")
        return text
