"""The sidebar of headlines: one option per article, read ones set apart from unread ones.

An :class:`~textual.widgets.OptionList` rather than one widget per article, so a big
library costs one widget (textual#2783: ListView lags near 1,000 items). Each prompt is a
:class:`rich.text.Text` built from plain strings, so a headline containing ``[bold]`` is shown
as written. Moving the cursor posts :class:`HeadlineList.ArticleHighlighted` at once: the
screen shows the article without waiting for Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.model import Article
from reader.textfold import sanitize_for_display

KIND_BADGES = {"photo": "图片", "caption": "图注"}


def headline_prompt(article: Article, read: bool) -> Text:
    """The two-line prompt of one article: marker and title, then kicker or source, dimmed."""
    title = Text(no_wrap=True, overflow="ellipsis", end="")
    title.append("  " if read else "● ", style="" if read else "bold")
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
        self._is_read: Callable[[str], bool] = lambda _id: False

    def set_articles(self, articles: Sequence[Article], is_read: Callable[[str], bool]) -> None:
        """Fill the list (replacing what was there)."""
        self.articles = list(articles)
        self._is_read = is_read
        self.set_options(
            Option(headline_prompt(article, is_read(article.id)), id=article.id)
            for article in self.articles
        )

    def refresh_article(self, article_id: str) -> None:
        """Redraw one headline after its read mark changed."""
        index = self.index_of(article_id)
        if index is not None:
            article = self.articles[index]
            self.replace_option_prompt_at_index(
                index, headline_prompt(article, self._is_read(article_id))
            )

    def index_of(self, article_id: str) -> int | None:
        """The option index of an article, if listed."""
        try:
            return self.get_option_index(article_id)
        except OptionDoesNotExist:
            return None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleHighlighted(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter (or a click) shows the same article the cursor already shows.
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleHighlighted(event.option.id))
