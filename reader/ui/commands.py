"""Command palette provider: go to an article by fuzzy headline.

Like Textual's ``color_command.py`` example, a :class:`~textual.command.Provider` over our own
data. Theme switching and the toggles come from ``ReaderApp.get_system_commands``. The
headlines are those the sidebar has loaded (in a big library, ``ctrl+f`` searches the rest).
The provider knows the app only as :class:`HeadlineHost`, so this module imports no screen
and no app.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from reader.model.rows import HeadlineRow


class HeadlineHost(Protocol):
    """What the palette needs of the app: the headlines listed, and a way to open one."""

    def listed_headlines(self) -> list[HeadlineRow]: ...
    def open_article(self, article_id: str) -> None: ...


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """``matcher.highlight`` without reading ``candidate`` as markup: a headline is text.

    Textual's own ``highlight`` parses the candidate as content markup, so a headline with
    ``[b]`` turns bold and one with ``[/x]`` fails to render.
    """
    content = Content(candidate)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleProvider(Provider):
    """Headlines of every open article; choosing one opens it."""

    @property
    def _app(self) -> HeadlineHost:
        return cast(HeadlineHost, self.app)

    def _open(self, article_id: str) -> None:
        self._app.open_article(article_id)

    def _items(self) -> list[tuple[str, str, str]]:
        """(id, headline, help) of every article the palette can go to."""
        return [
            (row.article_id, row.headline,
             row.kicker or " ".join(filter(None, (row.date, row.source_path))))
            for row in self._app.listed_headlines()
        ]

    async def discover(self) -> Hits:
        # The palette reads a str prompt and any help as markup: headlines and paths are
        # passed as Content, and help (always read as markup) escaped.
        for article_id, headline, help_text in self._items()[:20]:
            candidate = f"Go to: {headline}"
            yield DiscoveryHit(
                Content(candidate), partial(self._open, article_id), text=candidate,
                help=escape(help_text),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article_id, headline, help_text in self._items():
            candidate = f"Go to: {headline}"
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, candidate),
                    partial(self._open, article_id),
                    text=candidate,
                    help=escape(help_text),
                )
