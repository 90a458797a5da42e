"""Component styles resolved against the background they are drawn on, legible in any theme.

Textual's partial component style leaves an ``auto`` colour (``$text`` is ``auto 87%``)
unresolved, and Rich then draws it white, also on a light theme's light grey: every line
holding a highlight came out white on grey in ``textual-light``. Here the colour is resolved
against the real background (the component's own over the widget's), its alpha blended, and,
where a theme's accent is too pale for that background, moved toward the contrasting text
colour until it meets WCAG contrast. Colours still come from the theme's variables only.
"""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.widget import Widget

#: WCAG contrast for body text and for the highlights (bold or on their own background).
BODY_CONTRAST = 4.5
ACCENT_CONTRAST = 3.0


def _luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        value_01 = value / 255
        return value_01 / 12.92 if value_01 <= 0.03928 else ((value_01 + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, two: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def legible(colour: Color, background: Color, minimum: float) -> Color:
    """``colour``, moved toward black or white (whichever ``background`` contrasts with)
    just as far as it takes to reach ``minimum`` contrast."""
    if contrast(colour, background) >= minimum:
        return colour
    target = background.get_contrast_text(1.0)
    for step in range(1, 11):
        moved = colour.blend(target, step / 10)
        if contrast(moved, background) >= minimum:
            return moved
    return target


def component_style(widget: Widget, name: str, minimum: float = ACCENT_CONTRAST) -> Style:
    """The partial Rich style of component ``name`` of ``widget``, its colour resolved
    against the background it is drawn on and kept at ``minimum`` contrast."""
    styles = widget.get_component_styles(name)
    partial = widget.get_component_rich_style(name, partial=True)
    background = widget.background_colors[1]
    own_background = styles.has_rule("background") and styles.background.a > 0
    if own_background:
        background = background + styles.background
    color = styles.color
    resolved = background.get_contrast_text(color.a) if color.auto else color
    resolved = legible(background + resolved, background, minimum)
    return partial + Style(
        color=resolved.rich_color, bgcolor=background.rich_color if own_background else None
    )
