"""Check the user's keymap against the app's bindings before applying it.

Unknown binding ids and key names Textual would never produce are reported, one line
each, and left out; the rest is applied with :meth:`textual.app.App.set_keymap`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, _get_unicode_name_from_key

_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
_KEY_NAMES = {key.value for key in Keys} | {
    "space",
    "tab",
    "enter",
    "escape",
    "backspace",
    "delete",
    "insert",
    "home",
    "end",
    "pageup",
    "pagedown",
    "up",
    "down",
    "left",
    "right",
    *(f"f{n}" for n in range(1, 25)),
    # Printable ASCII keys by the names Textual gives them (slash, minus, question_mark…).
    *(_character_to_key(chr(code)) for code in range(33, 127)),
}


def binding_owners() -> tuple[type, ...]:
    """Every screen and widget class of the app that declares bindings."""
    from reader.ui.app import ReaderApp
    from reader.ui.screens.entities import EntitiesScreen
    from reader.ui.screens.figures import FiguresScreen
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.reader import ReaderScreen
    from reader.ui.screens.search import SearchScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.find_bar import FindBar, FindInput
    from reader.ui.widgets.headline_list import HeadlineList
    from reader.ui.widgets.money_chart import MoneyChart
    from reader.ui.widgets.summary_panel import KeyFigureList

    return (
        ReaderApp,
        ReaderScreen,
        ArticleView,
        HeadlineList,
        FindBar,
        FindInput,
        KeyFigureList,
        HelpScreen,
        SearchScreen,
        FiguresScreen,
        MoneyChart,
        EntitiesScreen,
    )


def binding_ids() -> set[str]:
    """The id of every binding of every screen and widget of the app."""
    return {
        binding.id
        for cls in binding_owners()
        for binding in cls.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


def _valid_key(key: str) -> bool:
    *modifiers, base = key.split("+")
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return True
    if base in _KEY_NAMES:
        return True
    # Printable keys are named after their character: question_mark, slash, …
    try:
        name = _get_unicode_name_from_key(base).replace("_", " ")
        return _character_to_key(unicodedata.lookup(name)) == base
    except KeyError:
        return False


def check_keymap(keymap: dict[str, str], known: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    """The applicable part of ``keymap`` and a message per entry left out."""
    known = set(known)
    good: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(f"keymap: no binding has the id {binding_id!r} (see the help screen)")
            continue
        bad = [k for k in keys.split(",") if not _valid_key(k)]
        if bad:
            problems.append(f"keymap: {binding_id!r}: unknown key {bad[0]!r}")
            continue
        good[binding_id] = keys
    return good, problems
