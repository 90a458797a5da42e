"""The sidebar of headlines: one option per article, read ones set apart from unread ones.

An :class:`~textual.widgets.OptionList` rather than one widget per article, so a big
library costs one widget (textual#2783: ListView lags near 1,000 items). The headlines
come from the article source a page at a time (:meth:`HeadlineList.set_pages`): a
100,000-article library starts with :data:`PAGE_SIZE` options (a source holding its
articles in memory may ask for all at once), and the next page is added as the cursor, or
the mouse wheel, nears the end of what is loaded. What is loaded is a window of the
library's list: ``G`` fetches the last page directly (the window then starts there, and the
page before it comes as the cursor or the wheel nears its top), ``g`` the first.
Bookmarked articles carry a ★. Each prompt is a :class:`rich.text.Text` built from plain
strings, so a headline containing ``[bold]`` is shown as written. Moving the cursor posts
:class:`HeadlineList.ArticleHighlighted` at once: the screen shows the article without
waiting for Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.text.fold import sanitize_for_display

if TYPE_CHECKING:
    from reader.model.rows import HeadlineRow

KIND_BADGES = {"photo": "图片", "caption": "图注"}
#: Headlines fetched at a time (unless the source says otherwise), and how close to the
#: end of what is loaded the cursor may come before the next page is fetched.
PAGE_SIZE = 100
PAGE_MARGIN = 30


def _prompt(read: bool, bookmarked: bool, kind: str, headline: str, second: str) -> Text:
    """Two lines: unread marker, bookmark, kind badge and headline; then ``second`` in
    italics (dim falls below 3:1 contrast on the cursor row)."""
    title = Text(no_wrap=True, overflow="ellipsis", end="")
    title.append("  " if read else "● ", style="" if read else "bold")
    if bookmarked:
        title.append("★ ", style="bold")
    badge = KIND_BADGES.get(kind)
    if badge:
        title.append(f"{badge} ", style="reverse")
    title.append(sanitize_for_display(headline), style="" if read else "bold")
    title.append("\n  ")
    title.append(sanitize_for_display(second), style="italic")
    return title


def row_prompt(row: HeadlineRow, read: bool, bookmarked: bool = False) -> Text:
    """The two-line prompt of a row: marker and title, then in italics the kicker or where
    the article is in its file when the source knows them, else the date and the file."""
    stem = Path(row.source_path).stem
    if row.kicker or row.first_line is not None:
        second = row.kicker or f"{stem}:{row.first_line}"
    else:
        second = " ".join(part for part in (row.date, stem) if part)
    return _prompt(read, bookmarked, row.kind, row.headline, second)


class HeadlineList(OptionList):
    """Headlines of the library; the option id is the article id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next headline", show=False, id="headlines.down"),
        Binding("k,up", "cursor_up", "Previous headline", show=False, id="headlines.up"),
        Binding("g,home", "first", "First headline", show=False, id="headlines.first"),
        Binding("G,end", "last", "Last headline", show=False, id="headlines.last"),
        Binding(
            "pagedown", "page_down", "Page of headlines down", show=False, id="headlines.page-down"
        ),
        Binding("pageup", "page_up", "Page of headlines up", show=False, id="headlines.page-up"),
    ]

    @dataclass
    class ArticleHighlighted(Message):
        """The cursor moved to an article: show it."""

        article_id: str

    @dataclass
    class ArticleChosen(Message):
        """Enter (or a click) on an article: show it and read it (the article takes focus)."""

        article_id: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        #: The rows loaded (a window of the source's list starting at ``window_start``),
        #: how to fetch more, and how many there are.
        self.rows: list[HeadlineRow] = []
        self.window_start = 0
        self.total = 0
        self._reshaping = False
        self._fetch: Callable[[int, int], list[HeadlineRow]] | None = None
        self._page_size: int | None = None
        self._is_read: Callable[[str], bool] = lambda _id: False
        self._is_bookmarked: Callable[[str], bool] = lambda _id: False

    def set_pages(
        self,
        fetch: Callable[[int, int], list[HeadlineRow]],
        total: int,
        is_read: Callable[[str], bool],
        is_bookmarked: Callable[[str], bool],
        page_size: int | None = None,
    ) -> None:
        """List ``total`` headlines (replacing what was there), fetched
        ``fetch(offset, limit)`` a page at a time as the cursor goes down; ``page_size``
        overrides :data:`PAGE_SIZE`."""
        self._fetch = fetch
        self._page_size = page_size
        self.total = total
        self._is_read = is_read
        self._is_bookmarked = is_bookmarked
        self.rows = []
        self.window_start = 0
        self.clear_options()
        self.load_more()

    @property
    def page_size(self) -> int:
        """Headlines fetched at a time."""
        return self._page_size or PAGE_SIZE

    @property
    def library_index(self) -> int | None:
        """The highlighted headline's place in the source's whole list."""
        if self.highlighted is None:
            return None
        return self.window_start + self.highlighted

    def _row_option(self, row: HeadlineRow) -> Option:
        read, marked = self._is_read(row.article_id), self._is_bookmarked(row.article_id)
        return Option(row_prompt(row, read, marked), id=row.article_id)

    def _fresh(self, page: list[HeadlineRow]) -> list[HeadlineRow]:
        # An import between two fetches can shift the list: never list an article twice.
        seen: set[str] = set()
        fresh = []
        for row in page:
            if row.article_id not in seen and self.index_of(row.article_id) is None:
                seen.add(row.article_id)
                fresh.append(row)
        return fresh

    def load_more(self) -> int:
        """Add the next page of headlines; returns how many came."""
        end = self.window_start + len(self.rows)
        if self._fetch is None or end >= self.total:
            return 0
        page = self._fetch(end, self.page_size)
        if not page:
            self.total = end  # the library shrank meanwhile
            return 0
        page = self._fresh(page)
        self.rows.extend(page)
        self.add_options(self._row_option(r) for r in page)
        return len(page)

    def load_before(self) -> int:
        """Put the page before the window at its top, the cursor and the
        view staying on the same headlines; returns how many came."""
        if self._fetch is None or self.window_start <= 0 or self._reshaping:
            return 0
        start = max(0, self.window_start - self.page_size)
        page = self._fresh(self._fetch(start, self.window_start - start))
        if not page:
            return 0
        highlighted, scroll_y = self.highlighted, self.scroll_y
        self._reset_window(start, page + self.rows)
        shift = self._index_to_line.get(len(page), 0)
        with self._reshape():
            if highlighted is not None:
                self.highlighted = highlighted + len(page)
            self.scroll_to(y=scroll_y + shift, animate=False, immediate=True)
        return len(page)

    def _reset_window(self, offset: int, rows: list[HeadlineRow]) -> None:
        """List ``rows``, the library's headlines from ``offset`` on."""
        with self._reshape():
            self.window_start = offset
            self.rows = rows
            self.set_options(self._row_option(r) for r in rows)

    @contextmanager
    def _reshape(self) -> Iterator[None]:
        """While open, the list's own moves (a page put before the window) fetch nothing."""
        was, self._reshaping = self._reshaping, True
        try:
            yield
        finally:
            self._reshaping = was

    def action_first(self) -> None:
        """The first headline of the whole list (fetched if not loaded)."""
        if self._fetch is not None and self.window_start > 0:
            self._reset_window(0, self._fetch(0, self.page_size))
        super().action_first()

    def action_last(self) -> None:
        """The last headline of the whole list, its last page fetched directly, so the
        sidebar never holds every headline on the way."""
        if self._fetch is not None:
            self.total = max(self.total, self.window_start + len(self.rows))
            missing = self.total - (self.window_start + len(self.rows))
            if 0 < missing <= self.page_size:
                self.load_more()
            elif missing > self.page_size:
                start = max(0, self.total - self.page_size)
                self._reset_window(start, self._fetch(start, self.total - start))
        super().action_last()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._fetch is None or self._reshaping:
            return
        # The wheel (or the scrollbar) nears an end of the window: fetch the next page
        # there, as the cursor keys do.
        margin = max(1, self.scrollable_content_region.height)
        if new_value > old_value and new_value >= self.max_scroll_y - margin:
            self.load_more()
        elif new_value < old_value and new_value <= margin:
            self.load_before()

    def refresh_article(self, article_id: str) -> None:
        """Redraw one headline after its read mark or bookmark changed."""
        index = self.index_of(article_id)
        if index is None:
            return
        read, marked = self._is_read(article_id), self._is_bookmarked(article_id)
        self.replace_option_prompt_at_index(index, row_prompt(self.rows[index], read, marked))

    def index_of(self, article_id: str) -> int | None:
        """The option index of an article, if listed."""
        try:
            return self.get_option_index(article_id)
        except OptionDoesNotExist:
            return None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self._fetch is not None and not self._reshaping:
            if event.option_index >= self.option_count - PAGE_MARGIN:
                self.load_more()
            elif event.option_index < PAGE_MARGIN and self.window_start > 0:
                self.load_before()
        if event.option.id is not None:
            self.post_message(self.ArticleHighlighted(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter (or a click) shows the same article the cursor already shows, to be read.
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleHighlighted(event.option.id))
            self.post_message(self.ArticleChosen(event.option.id))

