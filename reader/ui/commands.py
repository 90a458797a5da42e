"""Command palette provider: go to an article by fuzzy headline.

Like Textual's ``color_command.py`` example, a :class:`~textual.command.Provider` over our own
data. Theme switching and the toggles come from ``ReaderApp.get_system_commands``. In
library mode the headlines are those the sidebar has loaded (``ctrl+f`` searches the rest).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


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
    def _app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _open(self, article_id: str) -> None:
        self._app.open_article(article_id)

    def _items(self) -> list[tuple[str, str, str]]:
        """(id, headline, help) of every article the palette can go to."""
        app = self._app
        if app.store is not None:
            return [
                (row.article_id, row.headline, " ".join(filter(None, (row.date, row.source_path))))
                for row in app.reader.headlines.rows
            ]
        return [(a.id, a.headline, a.kicker or a.source.path) for a in app.library]

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
