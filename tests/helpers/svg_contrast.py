"""Contrast of every run of text in a Textual SVG screenshot, by WCAG 2 relative luminance.

A screenshot is the ground truth of what a theme looks like: each ``<text>`` run has a fill
(from its CSS class) and lies over background ``<rect>`` cells on the same row. Used by the
theme tests to prove every built-in theme keeps text legible.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_CLASS = re.compile(r"\.(terminal-[\w-]+)\s*\{\s*fill:\s*(#[0-9a-fA-F]{6})")
_RECT = re.compile(
    r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
    r'height="([\d.]+)"'
)
_TEXT = re.compile(
    r'<text class="([\w-]+)" x="([\d.]+)" y="([\d.]+)" textLength="([\d.]+)"[^>]*>(.*?)</text>'
)
#: Width of one cell in Rich's SVG export.
CELL_WIDTH = 12.2
#: Box drawing, blocks and scrollbar glyphs: lines, not text to read.
_NOT_TEXT = re.compile(r"[\s\u2500-\u259f\u00a0]")


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Run:
    """A run of text on screen over one background colour, and their contrast."""

    text: str
    fill: str
    background: str
    ratio: float
    row: int = 0
    """The screen row (0 on top) and the column the run starts at."""
    column: int = 0


def text_runs(svg: str) -> list[Run]:
    """Every run of readable text in ``svg`` against each background under it."""
    fills = dict(_CLASS.findall(svg))
    rows: dict[float, list[tuple[float, float, str]]] = {}
    for fill, x, y, width, _height in _RECT.findall(svg):
        rows.setdefault(round(float(y), 1), []).append((float(x), float(x) + float(width), fill))
    tops = sorted(rows)
    runs: list[Run] = []
    for name, x, y, length, raw in _TEXT.findall(svg):
        text = html.unescape(raw)
        fill = fills.get(name)
        if fill is None or not _NOT_TEXT.sub("", text):
            continue
        # A row's text baseline sits 18.5 below its cells' top.
        top = min(tops, key=lambda t: abs(t - (float(y) - 18.5)), default=None)
        if top is None:
            continue
        start, end = float(x), float(x) + float(length)
        for left, right, background in rows[top]:
            if left < end - 0.1 and right > start + 0.1:
                where = (tops.index(top), round(start / CELL_WIDTH))
                runs.append(Run(text, fill, background, contrast(fill, background), *where))
    return runs
