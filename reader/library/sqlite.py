"""The library: every imported article in one SQLite database in the data directory.

It holds the articles with their annotations, a full-text index that finds Chinese
substrings of any length (:mod:`reader.search.fts`), figures and entities across all
articles, and a page-at-a-time list of headlines for the app's sidebar. User state (read
marks, bookmarks, positions) is kept in a separate file (:mod:`reader.library.user_state`) so that
a library that has to be rebuilt — missing, from an older version, or damaged — is rebuilt
from the files it was imported from without losing it. The user's files are only read.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader import paths
from reader.library import freshness, library_import, library_queries, schema
from reader.library.importer import Annotator
from reader.library.library_import import ImportProgress, ImportResult
from reader.library.user_state import UserState
from reader.model import Annotations, Article
from reader.model.codec import annotations_from_json, article_from_json
from reader.model.labels import plural
from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.search.figure_filter import FigureQuery
from reader.search.match import SearchHit
from reader.search.query import Query, as_query
from reader.search.sql import run_search
from reader.state.user import NewerStateError

LIBRARY_FILE = "library.sqlite3"
STATE_FILE = "state.sqlite3"
LOCK_FILE = "library.lock"

__all__ = ["EntityRow", "FigureRow", "HeadlineRow", "ImportProgress", "ImportResult", "Library",
           "LibraryError"]


class LibraryError(Exception):
    """The library cannot be opened here (a read-only or missing data folder, a full disk).

    The message is one line for the user. A refused write is never taken for damage: the
    user's reading state is left as it was, and nothing is set aside.
    """


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock while deciding whether to rebuild, across processes."""
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's own locking still keeps the data safe
        yield
        return
    with open(directory / LOCK_FILE, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _open_state(path: Path, notices: list[str]) -> UserState:
    """The user's state file; one written by a newer hitech-reader is only read."""
    try:
        return UserState(path, notices)
    except NewerStateError:
        return UserState.copy_of(path, notices)


class Library:
    """The library database. ``notices`` says what happened while opening it.

    Args:
        directory: where the files live (default: :func:`reader.paths.data_dir`).
        annotator: annotates one article (default: :func:`reader.annotate.pipeline.annotate`);
            must be a module-level function, as it is sent to worker processes.
        workers: processes for imports (default: every core).
        progress: called during a rebuild, like :meth:`import_paths`'s.
    """

    def __init__(
        self,
        directory: Path | None = None,
        *,
        annotator: Annotator | None = None,
        workers: int | None = None,
        progress: Callable[[ImportProgress], None] | None = None,
    ) -> None:
        where = directory or paths.data_dir()
        #: Messages for the user about what opening the library did (rebuilds, damage).
        self.notices: list[str] = []
        self.annotator = annotator
        self.workers = workers
        try:
            self.directory = paths.ensure(where)
            self.path = self.directory / LIBRARY_FILE
            with _locked(self.directory):
                self.state = _open_state(self.directory / STATE_FILE, self.notices)
                reason = schema.problem(self.path)
                if reason is not None and reason != "missing":
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                self.conn = schema.connect(self.path)
                schema.create(self.conn)
        except (OSError, sqlite3.Error) as exc:
            for opened in ("conn", "state"):
                if hasattr(self, opened):
                    getattr(self, opened).close()
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LibraryError(
                f"cannot use the library in {where}: {why}"
                f" (set {paths.DATA_ENV} to use another folder)"
            ) from exc
        self._order = library_queries.HeadlineOrder(self.conn)
        self._recover_sources(reason, progress)
        if annotator is None and freshness.stale(self.conn):
            self.notices.append(
                "the library's names and figures were found by an older version:"
                " `hitech-reader import` reads its files again with this one"
            )

    def _recover_sources(
        self, reason: str | None, progress: Callable[[ImportProgress], None] | None
    ) -> None:
        """Make the two lists of imported files whole again, and rebuild if need be.

        The state file and the library each record every imported file, so that losing
        either (or both, the state then coming back from its backup) never loses the list.
        """
        kept = self.state.sources()
        own = library_import.library_sources(self.conn) if reason is None else []
        known = set(kept)
        lost = [p for p in own if p not in known]
        # A newer version's state is only read (a copy in memory): nothing to restore into.
        if lost and not self.state.in_memory:
            with contextlib.suppress(sqlite3.Error):
                self.state.add_sources(lost)
                self.state.back_up()
            self.notices.append(f"the list of imported files was restored from the library"
                                f" ({plural(len(lost), 'file')})")
        if reason is None:
            with contextlib.suppress(sqlite3.Error):
                mine = set(own)
                if any(p not in mine for p in kept):
                    library_import.record_sources(self.conn, [p for p in kept if p not in mine])
            return
        if not kept:
            return
        result = self.import_paths(
            [p for p in kept if os.path.exists(p)], progress=progress, remember=False
        )
        with contextlib.suppress(sqlite3.Error):
            library_import.record_sources(self.conn, kept)
        missing = sum(1 for p in kept if not os.path.exists(p))
        note = f"library database {reason}: rebuilt from {plural(len(kept) - missing, 'file')}"
        if missing:
            note += f" ({missing} no longer {'exists' if missing == 1 else 'exist'})"
        self.notices.append(note + f", {plural(result.articles_added, 'article')}")
        self.notices.extend(result.errors)
        if result.stopped:
            self.notices.append(result.stopped)

    def close(self) -> None:
        """Close both databases."""
        self.conn.close()
        self.state.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- importing -----------------------------------------------------------------------

    def import_paths(
        self,
        paths_: Iterable[str | Path],
        progress: Callable[[ImportProgress], None] | None = None,
        *,
        remember: bool = True,
    ) -> ImportResult:
        """Import files and folders (recursively). Unchanged files cost a ``stat``.

        A changed file replaces its articles; a file that cannot be read is reported in
        ``errors`` and the others still go in. The files are recorded (``remember``) in
        both the state file and the library before anything is written.
        """
        try:
            return library_import.import_files(
                self.conn, paths_, annotator=self.annotator, workers=self.workers,
                progress=progress, remember=self._remember if remember else None,
                directory=self.directory,
            )
        finally:
            self._order.invalidate()

    def sources(self) -> list[str]:
        """The files and folders imported so far (what ``import`` with no path reads again)."""
        return [p for p in self.state.sources() if os.path.exists(p)]

    def _remember(self, files: list[str]) -> None:
        known = set(self.state.sources())
        self.state.add_sources(files)
        library_import.record_sources(self.conn, files)
        if any(f not in known for f in files):
            # A new entry in the list of imported files is worth a backup at once.
            self.state.back_up()

    def optimize(self) -> None:
        """Merge the full-text indexes' segments (after a large import; makes queries faster)."""
        library_import.optimize(self.conn)

    # --- reading -----------------------------------------------------------------------

    def count(self) -> int:
        """How many articles the library holds."""
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def headlines(self, offset: int = 0, limit: int = 100) -> list[HeadlineRow]:
        """One page of the sidebar: newest date first, then page and position order.

        Found by position in a list of the order, not with OFFSET, so the last page of a
        large library costs what the first does (see :class:`HeadlineOrder
        <reader.library.library_queries.HeadlineOrder>`).
        """
        return self._order.page(offset, limit)

    def headlines_among(
        self, ids: Iterable[str], inside: bool = True, limit: int | None = None
    ) -> list[HeadlineRow]:
        """Headlines of the articles in ``ids`` (``inside=False``: not in them), in sidebar
        order (see :func:`reader.library.library_queries.headlines_among`)."""
        return library_queries.headlines_among(self.conn, ids, inside, limit)

    def get(self, article_id: str) -> Article | None:
        """The article with ``article_id``, or None."""
        row = self.conn.execute(
            "SELECT article FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return article_from_json(row[0]) if row else None

    def copies(self, article_id: str) -> list[str]:
        """Every file the article was read from (copies of one page are one article), the
        one it is shown as first; [] if there is no such article."""
        return [row[0] for row in self.conn.execute(
            "SELECT c.path FROM articles a JOIN copies c ON c.article = a.rowid WHERE a.id = ?"
            " ORDER BY c.file_id != a.file_id, c.rowid", (article_id,))]

    def annotations(self, article_id: str) -> Annotations | None:
        """The stored annotations of ``article_id``, or None."""
        row = self.conn.execute(
            "SELECT annotations FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return annotations_from_json(row[0]) if row else None

    def search(self, query: str | Query, limit: int = 50) -> list[SearchHit]:
        """Search the library with the query syntax of :mod:`reader.search.query`, best first.

        Ranking is headline hits first, then number of hits. To bound the work for a term
        found in most of a large library, hits are counted for at most
        :data:`reader.search.sql.RANK_BUDGET` matching articles: every article with
        the term in its headline, then the most recently imported others.
        """
        return run_search(self.conn, as_query(query), limit)

    def figures(
        self,
        kind: str | None = None,
        unit: str | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        order: str = "value",
        limit: int | None = None,
        offset: int = 0,
        *,
        query: FigureQuery | None = None,
    ) -> list[FigureRow]:
        """Figures across the library, a page (``offset``, ``limit``) at a time.

        ``order``: "value" (largest first) or "date" (newest article first). ``query``
        replaces the four filter arguments when given.
        """
        wanted = query or FigureQuery(kind, unit, min_value, max_value)
        return library_queries.figures(self.conn, wanted, order, limit, offset)

    def entities(self, type: str | None = None, role: str | None = None) -> list[EntityRow]:
        """Every name (a full name with its short forms, authors apart) with the number of
        articles naming it, most named first; ``role="author"``: the reporters only."""
        return library_queries.entities(self.conn, type, role)

    def articles_naming(
        self, entity_text: str, type: str | None = None, role: str | None = None
    ) -> list[HeadlineRow]:
        """The articles that name ``entity_text`` in any of its forms (of ``type`` and
        ``role`` if given), newest first."""
        return library_queries.articles_naming(self.conn, entity_text, type, role)

    def money_articles(
        self, min_value: float | None = None, max_value: float | None = None,
        date: str | None = None,
    ) -> Iterator[tuple[Article, Annotations]]:
        """The articles, with their annotations, holding an amount in 元 within the bounds
        (dated ``date…`` if given): what a money chart sums."""
        for article_json, annotations_json in library_queries.money_articles(
            self.conn, min_value, max_value, date
        ):
            yield article_from_json(article_json), annotations_from_json(annotations_json)

    # --- user state ----------------------------------------------------------------------

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Mark an article read or unread (kept across rebuilds)."""
        self.state.set_read(article_id, read)

    def read_ids(self) -> set[str]:
        """Ids of the articles marked read."""
        return self.state.read_ids()

    def set_bookmark(self, article_id: str, on: bool = True, note: str | None = None) -> None:
        """Add or remove a bookmark (kept across rebuilds)."""
        self.state.set_bookmark(article_id, on, note)

    def bookmarks(self) -> list[tuple[str, str | None]]:
        """(article id, note) of each bookmark, newest first."""
        return self.state.bookmarks()

    def set_position(self, article_id: str, block: int, offset: int) -> None:
        """Remember the reading position in an article (kept across rebuilds)."""
        self.state.set_position(article_id, block, offset)

    def position(self, article_id: str) -> tuple[int, int] | None:
        """The remembered (block, offset) in an article."""
        return self.state.position(article_id)
