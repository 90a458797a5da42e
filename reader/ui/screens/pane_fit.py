"""Where the side panels go so that the article keeps a readable measure.

The sidebar and the summary sit beside the article while it keeps at least
:data:`ARTICLE_MIN` cells; a panel asked for when there is no room for it opens over the
article instead (the reader screen's watchers turn the answer into CSS classes), so the
text is never squeezed to a few hanzi a line. Pure arithmetic on the stylesheet's widths.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The narrowest article worth reading beside a panel (cells, scrollbar included).
ARTICLE_MIN = 30
#: The widths of ``reader.tcss``: the sidebar is 30% between 22 and 34; the summary 30.
SIDEBAR_SHARE, SIDEBAR_LOW, SIDEBAR_HIGH = 0.3, 22, 34
SUMMARY_WIDTH = 30


@dataclass(frozen=True, slots=True)
class Fit:
    """Which shown panels stand beside the article (False: over it)."""

    sidebar_beside: bool
    summary_beside: bool


def sidebar_width(screen_width: int) -> int:
    """The sidebar's width beside the article on a screen ``screen_width`` wide."""
    return max(SIDEBAR_LOW, min(SIDEBAR_HIGH, int(screen_width * SIDEBAR_SHARE)))


def fit(screen_width: int, sidebar: bool, summary: bool) -> Fit:
    """Where the shown panels go: beside the article while it keeps ARTICLE_MIN cells.

    The sidebar is placed first (it is what one reads by); the summary then goes beside
    only if the article keeps its measure next to both.
    """
    room = screen_width
    sidebar_beside = sidebar and room - sidebar_width(screen_width) >= ARTICLE_MIN
    if sidebar_beside:
        room -= sidebar_width(screen_width)
    summary_beside = summary and room - SUMMARY_WIDTH >= ARTICLE_MIN
    return Fit(sidebar_beside or not sidebar, summary_beside or not summary)
