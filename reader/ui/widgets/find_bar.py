"""The find bar docked under the article: an Input, a ``3/12`` counter and its keys.

It only reports what the user does (:class:`FindBar.QueryChanged`, :class:`FindBar.Step`,
:class:`FindBar.Closed`); the screen asks the article view for matches and sets the counter.
Textual's Input handles IME composition (PR #3408), so Chinese can be typed here; while it
has focus nothing else is repainted but the article lines and the counter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label


class FindInput(Input):
    """The query box; Enter and shift+Enter step through matches without leaving it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "step(1)", "Next match", id="find.next-enter"),
        Binding("shift+enter", "step(-1)", "Previous match", id="find.previous-enter"),
    ]

    def action_step(self, step: int) -> None:
        """Ask for the next (1) or previous (-1) match."""
        self.post_message(FindBar.Step(step))


class FindBar(Horizontal):
    """Find in the article shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close find", id="find.close"),
    ]

    @dataclass
    class QueryChanged(Message):
        """The query text changed (every keystroke)."""

        query: str

    @dataclass
    class Step(Message):
        """Move to the next (1) or previous (-1) match."""

        step: int

    class Closed(Message):
        """The bar was closed."""

    def compose(self) -> ComposeResult:
        yield Label("查找", id="find-label")
        yield FindInput(placeholder="find in article", id="find-input")
        yield Label("", id="find-counter")

    @property
    def input(self) -> FindInput:
        """The query box."""
        return self.query_one(FindInput)

    def open(self) -> None:
        """Show the bar and focus the query (its text is kept, selected for retyping)."""
        self.display = True
        self.input.focus()
        self.input.select_all()
        # Closing cleared the matches: show the kept query's matches again.
        self.post_message(self.QueryChanged(self.input.value))

    def action_close(self) -> None:
        """Hide the bar."""
        self.display = False
        self.post_message(self.Closed())

    def set_counter(self, current: int | None, total: int) -> None:
        """Show ``current/total`` (1-based), or the absence of matches."""
        label = self.query_one("#find-counter", Label)
        if not self.input.value:
            label.update("")
        elif total == 0:
            label.update("0/0")
        else:
            label.update(f"{(current or 0) + 1}/{total}")
        label.set_class(bool(self.input.value) and total == 0, "-none")

    @property
    def counter(self) -> str:
        """The counter as shown (for tests and the screen reader of the future)."""
        return str(self.query_one("#find-counter", Label).content)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter is bound to the step action; a submit never needs to reach the screen.
        event.stop()
