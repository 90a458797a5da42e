"""The help screen, generated from the bindings of the screen under it.

Nothing here is typed by hand: every binding with a description, of the app, the screen
and each of its widgets, is listed under the widget that owns it, with the keys the app
would display for it (so a remapped key shows as remapped).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

#: Friendlier section titles for our own node types; others use their class name.
SECTION_TITLES = {
    "ReaderApp": "Anywhere",
    "ReaderScreen": "Reader",
    "HeadlineList": "Headlines (sidebar)",
    "ArticleView": "Article",
    "FindBar": "Find bar",
    "FindInput": "Find bar",
    "KeyFigureList": "Summary panel",
    "FiguresScreen": "Figures view",
    "EntitiesScreen": "Names view",
    "MarkedScreen": "Bookmarks and unread",
}


def binding_sections(
    owners: Iterable[DOMNode | type[DOMNode]], app_display: Callable[[Binding], str]
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(section title, [(keys, description, binding id)]) for each node type with bindings.

    ``owners`` are mounted nodes (their live bindings, remapped keys included) or node
    classes not mounted yet (their class bindings). Bindings with the same action and
    description are merged into one row of keys.
    """
    sections: dict[str, dict[tuple[str, str, str], list[str]]] = {}
    seen: set[type] = set()
    for owner in owners:
        kind = owner if isinstance(owner, type) else type(owner)
        if kind in seen:
            continue
        seen.add(kind)
        title = SECTION_TITLES.get(kind.__name__)
        if title is None:
            continue
        rows = sections.setdefault(title, {})
        bindings_map = kind._merge_bindings() if isinstance(owner, type) else owner._bindings
        is_app = issubclass(kind, App)
        for bindings in bindings_map.key_to_bindings.values():
            for binding in bindings:
                # Our bindings all have an id; Textual's inherited ones (Input editing,
                # scrolling) are standard and would bury ours, so only the app's are kept.
                if binding.description and (binding.id or is_app):
                    key = (binding.action, binding.description, binding.id or "")
                    rows.setdefault(key, []).append(app_display(binding))
    return [
        (
            title,
            [
                (" ".join(dict.fromkeys(keys)), desc, binding_id)
                for (_action, desc, binding_id), keys in rows.items()
            ],
        )
        for title, rows in sections.items()
        if rows
    ]


def help_text(sections: list[tuple[str, list[tuple[str, str, str]]]]) -> Text:
    """The sections as one Text (plain strings, no markup); each binding's id, which
    ``keymap.toml`` rebinds, is shown in italics after its description (dim falls below 3:1
    in some themes)."""
    text = Text(end="")
    for title, rows in sections:
        if text:
            text.append("\n\n")
        text.append(title, style="bold underline")
        width = max(len(keys) for keys, _desc, _id in rows)
        described = max(cell_len(desc) for _keys, desc, _id in rows)
        for keys, description, binding_id in rows:
            text.append("\n  ")
            text.append(keys.ljust(width + 2), style="bold")
            text.append(description)
            if binding_id:
                padding = " " * (described - cell_len(description) + 3)
                text.append(f"{padding}{binding_id}", style="italic")
    return text


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss(None)", "Close help", id="help.close"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        from reader.ui.widgets.find_bar import FindBar, FindInput

        # The find bar is mounted on first use; its keys belong in the help before that.
        owners = [self.app, self.under, *self.under.query("*"), FindBar, FindInput]
        sections = binding_sections(owners, self.app.get_key_display)
        with VerticalScroll(id="help-box"):
            yield Label("Keys (escape closes)", id="help-title")
            yield Static(help_text(sections), id="help-text", markup=False)
