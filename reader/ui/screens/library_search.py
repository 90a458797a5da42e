"""Library search (ctrl+f) in library mode: the same screen, answered by the database.

:class:`~reader.ui.screens.search.SearchScreen` searches the articles in memory; in library
mode there are none in memory, so this subclass asks a search function instead (the
library's full-text index, :meth:`reader.library.Library.search`, under the app's lock). The
screen, its keys and its look are the search screen's own.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work

from reader.search.match import SearchHit
from reader.ui.screens.search import SearchScreen


class LibrarySearchScreen(SearchScreen):
    """The search screen over the library database."""

    def __init__(self, search: Callable[[str], list[SearchHit]]) -> None:
        super().__init__([])
        self.search_library = search

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> tuple[str, list[SearchHit]]:
        """Search the index off the UI thread (an empty query finds nothing)."""
        return query, (self.search_library(query) if query.strip() else [])
