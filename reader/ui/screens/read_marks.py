"""The reader screen's read marks: the timer :class:`~reader.state.reading.ReadingRule`
asks for, and the sidebar told when a mark changes.

The rule decides when an article counts as read; this runs its timer on the screen's
event loop and calls ``changed`` with the article whose mark changed, so the screen redraws
its headline.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.message_pump import MessagePump
from textual.timer import Timer

from reader.state.reading import ReadingRule


class ReadMarks:
    """The read-after timer of the article shown."""

    def __init__(
        self, host: MessagePump, rule: ReadingRule, changed: Callable[[str], None]
    ) -> None:
        self.host = host
        self.rule = rule
        self.changed = changed
        self._timer: Timer | None = None

    def stop(self) -> None:
        """No mark to wait for any more."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def shown(self, article_id: str) -> None:
        """An article is shown: wait as long as the rule says, or mark it now."""
        self.stop()
        delay = self.rule.shown(article_id)
        if delay == 0:
            self.reached(article_id)
        elif delay is not None:
            mark = partial(self.reached, article_id)
            self._timer = self.host.set_timer(delay, mark, name="read-mark")

    def reached(self, article_id: str) -> None:
        """The article has been read (long enough on screen, or scrolled)."""
        if self.rule.reached(article_id):
            self.stop()
            self.changed(article_id)

    def toggled(self, article_id: str) -> None:
        """``m``: the reader decides the mark of the article shown."""
        self.stop()
        self.rule.toggled(article_id)
        self.changed(article_id)
