"""When an article counts as read: after a while on screen, on scrolling, or when told.

Passing through articles with ``J`` must mark nothing; reading one must mark it without a
key press. So an article shown counts as read once it has stayed on screen for
``state.read_after`` seconds, or as soon as the reader scrolls it; ``m`` flips the mark
and then the article's mark is the reader's own until another article is shown. This
module decides; the screen only runs the timer it is asked for. No UI imports here.
"""

from __future__ import annotations

from reader.state.user import State


class ReadingRule:
    """The read-after rule over one :class:`~reader.state.user.State`."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.current: str | None = None
        """The article on screen."""
        self.decided = False
        """``m`` was pressed on the current article: neither time nor scrolling marks it."""

    def shown(self, article_id: str) -> float | None:
        """An article is now on screen: the seconds after which to call :meth:`reached`
        (0: at once), or None when there is nothing to wait for (it is read already)."""
        self.current = article_id
        self.decided = False
        if self.state.is_read(article_id):
            return None
        return max(0.0, self.state.read_after)

    def reached(self, article_id: str) -> bool:
        """The article stayed long enough, or was scrolled: True if that marked it read
        now (it is still the one shown, the reader has not decided, it was unread)."""
        if article_id != self.current or self.decided or self.state.is_read(article_id):
            return False
        self.state.set_read(article_id, True)
        return True

    def toggled(self, article_id: str) -> bool:
        """``m`` on the article shown: flip its mark, which is now the reader's; returns
        whether it is read."""
        self.decided = article_id == self.current
        read = not self.state.is_read(article_id)
        self.state.set_read(article_id, read)
        return read
