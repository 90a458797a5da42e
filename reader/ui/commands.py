"""Command palette provider: go to an article by fuzzy headline.

Like Textual's ``color_command.py`` example, a :class:`~textual.command.Provider` over our own
data. Theme switching and the toggles come from ``ReaderApp.get_system_commands``.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class ArticleProvider(Provider):
    """Headlines of every open article; choosing one opens it."""

    @property
    def _app(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _open(self, article_id: str) -> None:
        self._app.open_article(article_id)

    async def discover(self) -> Hits:
        for article in self._app.library[:20]:
            yield DiscoveryHit(
                f"Go to: {article.headline}",
                partial(self._open, article.id),
                help=article.kicker or article.source.path,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._app.library:
            candidate = f"Go to: {article.headline}"
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(candidate),
                    partial(self._open, article.id),
                    help=article.kicker or article.source.path,
                )
