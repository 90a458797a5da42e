"""The sidebar of headlines: one option per article, read ones set apart from unread ones.

An :class:`~textual.widgets.OptionList` rather than one widget per article, so a big
library costs one widget (textual#2783: ListView lags near 1,000 items). In library mode
the headlines come a page at a time (:meth:`HeadlineList.set_pages`): a 100,000-article
library starts with :data:`PAGE_SIZE` options, and the next page is added as the cursor
nears the end of what is loaded. Bookmarked articles carry a ★. Each prompt is a
:class:`rich.text.Text` built from plain strings, so a headline containing ``[bold]`` is shown
as written. Moving the cursor posts :class:`HeadlineList.ArticleHighlighted` at once: the
screen shows the article without waiting for Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.model import Article
from reader.textfold import sanitize_for_display

if TYPE_CHECKING:
    from reader.store.library import HeadlineRow

KIND_BADGES = {"photo": "图片", "caption": "图注"}
#: Headlines fetched at a time in library mode, and how close to the end of what is
#: loaded the cursor may come before the next page is fetched.
PAGE_SIZE = 200
PAGE_MARGIN = 50


def _first_line(read: bool, bookmarked: bool, kind: str, headline: str) -> Text:
    title = Text(no_wrap=True, overflow="ellipsis", end="")
    title.append("  " if read else "● ", style="" if read else "bold")
    if bookmarked:
        title.append("★ ", style="bold")
    badge = KIND_BADGES.get(kind)
    if badge:
        title.append(f"{badge} ", style="reverse")
    title.append(sanitize_for_display(headline), style="" if read else "bold")
    return title


def row_prompt(row: HeadlineRow, read: bool, bookmarked: bool = False) -> Text:
    """The prompt of a library row: marker and title, then date and source file, dimmed."""
    title = _first_line(read, bookmarked, row.kind, row.headline)
    second = " ".join(part for part in (row.date, Path(row.source_path).stem) if part)
    title.append("\n  ")
    title.append(sanitize_for_display(second), style="dim")
    return title


def headline_prompt(article: Article, read: bool, bookmarked: bool = False) -> Text:
    """The two-line prompt of one article: marker and title, then kicker or source, dimmed."""
    title = Text(no_wrap=True, overflow="ellipsis", end="")
    title.append("  " if read else "● ", style="" if read else "bold")
    if bookmarked:
        title.append("★ ", style="bold")
    badge = KIND_BADGES.get(article.kind)
    if badge:
        title.append(f"{badge} ", style="reverse")
    title.append(sanitize_for_display(article.headline), style="" if read else "bold")
    second = article.kicker or f"{Path(article.source.path).stem}:{article.source.first_line}"
    title.append("\n  ")
    title.append(sanitize_for_display(second), style="dim")
    return title


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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.articles: list[Article] = []
        #: Library mode: the rows loaded so far, how to fetch more, and how many there are.
        self.rows: list[HeadlineRow] = []
        self.total = 0
        self._fetch: Callable[[int, int], list[HeadlineRow]] | None = None
        self._is_read: Callable[[str], bool] = lambda _id: False
        self._is_bookmarked: Callable[[str], bool] = lambda _id: False

    def set_articles(
        self,
        articles: Sequence[Article],
        is_read: Callable[[str], bool],
        is_bookmarked: Callable[[str], bool] | None = None,
    ) -> None:
        """Fill the list (replacing what was there)."""
        self.articles = list(articles)
        self._is_read = is_read
        self._is_bookmarked = is_bookmarked or (lambda _id: False)
        self.set_options(
            Option(headline_prompt(a, is_read(a.id), self._is_bookmarked(a.id)), id=a.id)
            for a in self.articles
        )

    def set_pages(
        self,
        fetch: Callable[[int, int], list[HeadlineRow]],
        total: int,
        is_read: Callable[[str], bool],
        is_bookmarked: Callable[[str], bool],
    ) -> None:
        """Library mode: list ``total`` headlines, fetched ``fetch(offset, limit)`` a page
        at a time as the cursor goes down."""
        self._fetch = fetch
        self.total = total
        self._is_read = is_read
        self._is_bookmarked = is_bookmarked
        self.rows = []
        self.clear_options()
        self.load_more()

    def load_more(self) -> int:
        """Add the next page of headlines (library mode); returns how many came."""
        if self._fetch is None or len(self.rows) >= self.total:
            return 0
        page = self._fetch(len(self.rows), PAGE_SIZE)
        if not page:
            self.total = len(self.rows)  # the library shrank meanwhile
            return 0
        self.rows.extend(page)
        self.add_options(
            Option(row_prompt(r, self._is_read(r.article_id), self._is_bookmarked(r.article_id)),
                   id=r.article_id)
            for r in page
        )
        return len(page)

    def refresh_article(self, article_id: str) -> None:
        """Redraw one headline after its read mark or bookmark changed."""
        index = self.index_of(article_id)
        if index is None:
            return
        read, marked = self._is_read(article_id), self._is_bookmarked(article_id)
        if self._fetch is not None:
            prompt = row_prompt(self.rows[index], read, marked)
        else:
            prompt = headline_prompt(self.articles[index], read, marked)
        self.replace_option_prompt_at_index(index, prompt)

    def index_of(self, article_id: str) -> int | None:
        """The option index of an article, if listed."""
        try:
            return self.get_option_index(article_id)
        except OptionDoesNotExist:
            return None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self._fetch is not None and event.option_index >= self.option_count - PAGE_MARGIN:
            self.load_more()
        if event.option.id is not None:
            self.post_message(self.ArticleHighlighted(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter (or a click) shows the same article the cursor already shows.
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleHighlighted(event.option.id))
