"""Build the article source the app reads: files opened directly, or the library.

The composition root (:func:`reader.ui.app.make_app`) calls one of these and hands the
result to the shell, which sees only :class:`~reader.library.source.ArticleSource`. Each
imports its implementation on call, so opening files never loads the database code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library.source import ArticleSource
    from reader.library.sqlite import Library
    from reader.model import Annotations, Article
    from reader.state.user import State


class OpenError(Exception):
    """The library cannot be opened at all (one line, for the CLI to print)."""


def bundled_paths() -> list[Path]:
    """What the app opens when given no paths: the bundled sample pages."""
    from reader.ingest.loader import bundled_articles_dir

    return [bundled_articles_dir()]


def open_files(
    paths: Sequence[str | Path] | None = None,
    *,
    articles: Sequence[Article] | None = None,
    state: State | None = None,
    annotator: Callable[[Article], Annotations] | None = None,
    watch: bool = True,
) -> ArticleSource:
    """The files and folders at ``paths`` (default: the bundled pages), read through the
    parse cache, or ready ``articles``. Folders are watched unless ``watch`` is false.

    Files that cannot be read become notices; the rest opens.
    """
    from reader.library.memory import MemorySource, load_files
    from reader.library.parse_cache import ParseCache

    folders = None
    if articles is None and paths and watch:
        from reader.ingest.watch import FolderWatch

        # The first look before loading: a page dropped in meanwhile is read (again) on
        # the first poll, never missed.
        dirs = [p for p in map(Path, paths) if p.is_dir()]
        folders = FolderWatch(dirs) if dirs else None
    cache = ParseCache()
    errors: list[str] = []
    plain: list[str] = []
    if articles is None:
        articles, errors, plain = load_files(list(paths) if paths else bundled_paths(), cache)
    return MemorySource(
        articles,
        state if state is not None else _load_state(),
        annotator=annotator,
        errors=errors,
        read_as_plain=plain,
        cache=cache,
        watch=folders,
    )


def open_library(library: Library | None = None, *, state: State | None = None) -> ArticleSource:
    """The library database (default: the one in the data folder); nothing is read yet.

    Raises:
        OpenError: the data folder cannot be used at all (a damaged library is rebuilt
            instead, and says so in its notices).
    """
    from reader.library.sqlite_source import SqliteSource

    if library is None:
        from reader.library.sqlite import Library, LibraryError

        try:
            library = Library()
        except LibraryError as exc:
            raise OpenError(str(exc)) from None
    return SqliteSource(library, state if state is not None else _load_state())


def _load_state() -> State:
    from reader.state.user import State

    return State.load()
