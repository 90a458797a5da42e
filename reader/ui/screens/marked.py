"""The bookmarked and the unread articles (``L`` and ``U``), in one list to pick from.

The source answers (:meth:`~reader.library.source.ArticleSource.marked_headlines`, in
sidebar order) in a thread worker, so a big library never blocks the keys; ``b`` and ``u``
switch between the two lists. Choosing a headline dismisses the screen with its article id
and the reader opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from reader.text.fold import sanitize_for_display

if TYPE_CHECKING:
    from reader.library.source import ArticleSource, Marked
    from reader.model.rows import HeadlineRow

#: Headlines listed at most (the unread articles of a big library are many).
ROW_LIMIT = 2000
TITLES = {"bookmarked": "书签 bookmarked articles", "unread": "未读 unread articles"}


def marked_prompt(row: HeadlineRow) -> Text:
    """One headline, then in italics its date and file."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(sanitize_for_display(row.headline), style="bold")
    where = " ".join(part for part in (row.date, row.source_path) if part)
    if where:
        text.append(f"  {sanitize_for_display(where)}", style="italic")
    return text


class MarkedScreen(ModalScreen["str | None"]):
    """Bookmarked or unread articles; dismisses with the id of the one chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close list", id="marked.close"),
        Binding("b", "show('bookmarked')", "Bookmarked", id="marked.bookmarked"),
        Binding("u", "show('unread')", "Unread", id="marked.unread"),
    ]

    def __init__(self, source: ArticleSource, which: Marked = "bookmarked") -> None:
        super().__init__()
        self.source = source
        self.which: Marked = which
        self.rows: list[HeadlineRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="marked-box", classes="library-box"):
            yield Label(TITLES[self.which], id="marked-title", classes="library-title")
            yield Label("reading…", id="marked-status", classes="library-status")
            yield OptionList(id="marked-list", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load(self.which)

    def action_show(self, which: Marked) -> None:
        """List the bookmarked or the unread articles."""
        self.which = which
        self.query_one("#marked-title", Label).update(TITLES[which])
        self.load(which)

    @work(thread=True, exclusive=True, group="marked", exit_on_error=False)
    def load(self, which: Marked) -> tuple[str, list[HeadlineRow]]:
        """The headlines off the UI thread (one more than shown, to say "more")."""
        return which, self.source.marked_headlines(which, ROW_LIMIT + 1)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "marked":
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Could not list the articles: {event.worker.error}", severity="error")
        elif event.state == WorkerState.SUCCESS and event.worker.result is not None:
            which, rows = event.worker.result
            if which == self.which:  # not a list the user has since left
                self.show_rows(rows)

    def show_rows(self, rows: list[HeadlineRow]) -> None:
        """List ``rows`` and say how many there are and how to switch."""
        more = len(rows) > ROW_LIMIT
        self.rows = rows[:ROW_LIMIT]
        listing = self.query_one(OptionList)
        listing.set_options(Option(marked_prompt(r), id=r.article_id) for r in self.rows)
        if self.rows:
            listing.highlighted = 0
        count = len(self.rows)
        noun = "article" if count == 1 else "articles"
        amount = f"the first {ROW_LIMIT}" if more else f"{count} {noun}"
        if not count:
            amount = "none yet (B bookmarks)" if self.which == "bookmarked" else "none"
        # Short: it must fit a 60-column terminal whole.
        self.query_one("#marked-status", Label).update(f"{amount}; b bookmarked, u unread")

    @on(OptionList.OptionSelected, "#marked-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id)
