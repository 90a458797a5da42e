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
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.library import schema
from reader.library.importer import Annotator, Prepared, expand, prepare_all
from reader.library.rows import ArticleRow
from reader.library.user_state import UserState
from reader.model import Annotations, Article
from reader.model.codec import annotations_from_json, article_from_json
from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.search.fts import bigram_tokens
from reader.search.match import SearchHit
from reader.search.query import Query, as_query
from reader.search.sql import run_search
from reader.state.user import NewerStateError

LIBRARY_FILE = "library.sqlite3"
STATE_FILE = "state.sqlite3"
LOCK_FILE = "library.lock"
#: Files written per transaction: large enough to amortise commits, small enough that a
#: second importing process is not kept waiting for long.
FILES_PER_TRANSACTION = 32


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Where an import stands, passed to the ``progress`` callback after each file."""

    files_done: int
    files_total: int
    articles: int
    nbytes: int
    elapsed: float


@dataclass(slots=True)
class ImportResult:
    """What an import did."""

    files_imported: int = 0
    files_unchanged: int = 0
    articles_added: int = 0
    articles_removed: int = 0
    nbytes: int = 0
    seconds: float = 0.0
    #: Peak resident memory of the busiest process that read and annotated files, in MB.
    worker_peak_mb: float = 0.0
    #: One line per file that could not be imported.
    errors: list[str] = field(default_factory=list)
    #: One line per file read as plain text because it did not look like a page.
    notices: list[str] = field(default_factory=list)
    #: Why the import stopped before the end (a full disk, a read-only database), or None.
    #: What was written before it is kept and consistent; importing again finishes the job.
    stopped: str | None = None


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
        sources = self.state.sources() if reason is not None else []
        if sources:
            result = self.import_paths(
                [p for p in sources if os.path.exists(p)], progress=progress, remember=False
            )
            missing = sum(1 for p in sources if not os.path.exists(p))
            note = f"library database {reason}: rebuilt from {len(sources) - missing} files"
            if missing:
                note += f" ({missing} no longer exist)"
            self.notices.append(note + f", {result.articles_added} articles")
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
        ``errors`` and the others still go in.
        """
        started = time.perf_counter()
        files, errors = expand(paths_)
        result = ImportResult(errors=list(errors))
        known = {
            row[0]: row[1:]
            for row in self.conn.execute("SELECT path, size, mtime_ns, hash FROM files")
        }
        jobs: list[tuple[str, str | None]] = []
        for file in files:
            key = str(file)
            try:
                info = file.stat()
            except OSError as exc:
                result.errors.append(f"{file}: {exc.strerror or exc.__class__.__name__}")
                continue
            old = known.get(key)
            if old and old[0] == info.st_size and old[1] == info.st_mtime_ns:
                result.files_unchanged += 1
                continue
            jobs.append((key, old[2] if old else None))
        pending: list[Prepared] = []
        articles = 0
        prepared_files = prepare_all(jobs, self.annotator, self.workers)
        try:
            if remember:
                self.state.add_sources(str(f) for f in files)
            for done, prepared in enumerate(prepared_files, 1):
                articles += len(prepared.rows)
                result.worker_peak_mb = max(result.worker_peak_mb, prepared.peak_mb)
                result.notices.extend(prepared.notices)
                if prepared.error:
                    result.errors.append(prepared.error)
                else:
                    pending.append(prepared)
                    result.nbytes += prepared.nbytes
                if len(pending) >= FILES_PER_TRANSACTION:
                    self._write(pending, result)
                    pending = []
                if progress:
                    elapsed = time.perf_counter() - started
                    progress(ImportProgress(done, len(jobs), articles, result.nbytes, elapsed))
            self._write(pending, result)
        except sqlite3.OperationalError as exc:
            trouble = schema.environment_error(exc)
            if trouble is None:
                raise
            # Each batch is one transaction: the files written before this one are whole,
            # and the next import skips them and writes the rest.
            result.stopped = (
                f"import stopped after {result.files_imported} files: could not write to"
                f" {self.directory} ({trouble}); import again once that is fixed"
            )
        finally:
            prepared_files.close()  # stops the worker processes at once when we stopped early
        result.seconds = time.perf_counter() - started
        return result

    def _write(self, batch: Sequence[Prepared], result: ImportResult) -> None:
        """Write prepared files in one transaction (waiting for other writers).

        ``result`` counts them only once they are committed, so that an import stopped by
        a failed write reports what the library really holds.
        """
        if not batch:
            return
        conn = self.conn
        written = ImportResult()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for prepared in batch:
                self._write_file(prepared, written)
            conn.execute("COMMIT")
        except BaseException:
            schema.rollback(conn)
            raise
        result.files_imported += written.files_imported
        result.files_unchanged += written.files_unchanged
        result.articles_added += written.articles_added
        result.articles_removed += written.articles_removed

    def _write_file(self, prepared: Prepared, result: ImportResult) -> None:
        conn = self.conn
        row = conn.execute("SELECT id FROM files WHERE path = ?", (prepared.path,)).fetchone()
        now = time.time()
        if prepared.unchanged and row:
            conn.execute(
                "UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?",
                (prepared.size, prepared.mtime_ns, row[0]),
            )
            result.files_unchanged += 1
            return
        if row:
            file_id = row[0]
            for (rowid,) in conn.execute(
                "SELECT rowid FROM articles WHERE file_id = ?", (file_id,)
            ).fetchall():
                self._delete_article(rowid)
                result.articles_removed += 1
        else:
            file_id = conn.execute(
                "INSERT INTO files(path, size, mtime_ns, hash, articles, imported_at)"
                " VALUES (?, ?, ?, ?, 0, ?)",
                (prepared.path, prepared.size, prepared.mtime_ns, prepared.hash, now),
            ).lastrowid
        for article in prepared.rows:
            self._insert_article(file_id, article)
        conn.execute(
            "UPDATE files SET size = ?, mtime_ns = ?, hash = ?, articles = ?, imported_at = ?"
            " WHERE id = ?",
            (prepared.size, prepared.mtime_ns, prepared.hash, len(prepared.rows), now, file_id),
        )
        result.files_imported += 1
        result.articles_added += len(prepared.rows)

    def _insert_article(self, file_id: int, a: ArticleRow) -> None:
        conn = self.conn
        # The same id from another file (a copy imported twice): the newer one wins.
        clash = conn.execute("SELECT rowid FROM articles WHERE id = ?", (a.id,)).fetchone()
        if clash:
            self._delete_article(clash[0])
        rowid = conn.execute(
            "INSERT INTO articles(id, file_id, position, kind, headline, date, sortkey,"
            " source_path, article, annotations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, file_id, a.position, a.kind, a.headline, a.date, a.date or "", a.source_path,
             a.article_json, a.annotations_json),
        ).lastrowid
        conn.execute(
            "INSERT INTO texts(rowid, ftitle, fbyline, fsource, fall) VALUES (?, ?, ?, ?, ?)",
            (rowid, a.ftitle, a.fbyline, a.fsource, a.fall),
        )
        conn.execute("INSERT INTO fts_tri(rowid, text) VALUES (?, ?)", (rowid, a.fall))
        conn.execute("INSERT INTO fts_bi(rowid, text) VALUES (?, ?)", (rowid, a.bi_all))
        conn.execute("INSERT INTO fts_title(rowid, text) VALUES (?, ?)", (rowid, a.bi_title))
        conn.executemany(
            'INSERT INTO figures(article, block, start, "end", value, value_max, unit, kind,'
            " text, label, is_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rowid, *f) for f in a.figures],
        )
        conn.executemany(
            "INSERT INTO entities(article, text, type, n) VALUES (?, ?, ?, ?)",
            [(rowid, *e) for e in a.entities],
        )

    def _delete_article(self, rowid: int) -> None:
        conn = self.conn
        fall, ftitle = conn.execute(
            "SELECT fall, ftitle FROM texts WHERE rowid = ?", (rowid,)
        ).fetchone()
        # Contentless FTS5 tables forget a row only when told exactly what was indexed.
        for table, text in (
            ("fts_tri", fall), ("fts_bi", bigram_tokens(fall)), ("fts_title", bigram_tokens(ftitle))
        ):
            conn.execute(
                f"INSERT INTO {table}({table}, rowid, text) VALUES ('delete', ?, ?)", (rowid, text)
            )
        conn.execute("DELETE FROM figures WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM entities WHERE article = ?", (rowid,))
        conn.execute("DELETE FROM texts WHERE rowid = ?", (rowid,))
        conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))

    def optimize(self) -> None:
        """Merge the full-text indexes' segments (after a large import; makes queries faster)."""
        for table in ("fts_tri", "fts_bi", "fts_title"):
            self.conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")

    # --- reading -----------------------------------------------------------------------

    def count(self) -> int:
        """How many articles the library holds."""
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def headlines(self, offset: int = 0, limit: int = 100) -> list[HeadlineRow]:
        """One page of the sidebar: newest date first, then page and position order."""
        rows = self.conn.execute(
            "SELECT id, headline, date, kind, source_path FROM articles"
            " ORDER BY sortkey DESC, source_path, position LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [HeadlineRow(*row) for row in rows]

    def get(self, article_id: str) -> Article | None:
        """The article with ``article_id``, or None."""
        row = self.conn.execute(
            "SELECT article FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return article_from_json(row[0]) if row else None

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
    ) -> list[FigureRow]:
        """Figures across the library. ``order``: "value" (largest first) or "date"."""
        where, args = ["1"], []  # type: list[str], list[object]
        for clause, value in (
            ("f.kind = ?", kind), ("f.unit = ?", unit),
            ("f.value >= ?", min_value), ("f.value <= ?", max_value),
        ):
            if value is not None:
                where.append(clause)
                args.append(value)
        orders = {
            # NULLs sort last in DESC order, and plain "value DESC" can walk the index.
            "value": "f.value DESC",
            "date": "a.sortkey DESC, a.source_path, a.position, f.block, f.start",
        }
        if order not in orders:
            raise ValueError(f"order must be one of {', '.join(orders)}")
        sql = (
            'SELECT f.value, f.unit, f.kind, f.label, a.id, a.headline, a.date, f.block, f.start,'
            ' f."end", f.text, f.value_max FROM figures f JOIN articles a ON a.rowid = f.article'
            f" WHERE {' AND '.join(where)} ORDER BY {orders[order]}"
        )
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [FigureRow(*row) for row in self.conn.execute(sql, args)]

    def entities(self, type: str | None = None) -> list[EntityRow]:
        """Every entity with the number of articles naming it, most named first."""
        sql = "SELECT text, type, count(DISTINCT article) AS n FROM entities"
        args: list[object] = []
        if type is not None:
            sql += " WHERE type = ?"
            args.append(type)
        sql += " GROUP BY text, type ORDER BY n DESC, text"
        return [EntityRow(*row) for row in self.conn.execute(sql, args)]

    def articles_naming(
        self, entity_text: str, type: str | None = None
    ) -> list[HeadlineRow]:
        """The articles that name ``entity_text`` (of ``type`` if given), newest first."""
        sql = (
            "SELECT DISTINCT a.id, a.headline, a.date, a.kind, a.source_path, a.sortkey,"
            " a.position FROM entities e JOIN articles a ON a.rowid = e.article WHERE e.text = ?"
        )
        args: list[object] = [entity_text]
        if type is not None:
            sql += " AND e.type = ?"
            args.append(type)
        sql += " ORDER BY a.sortkey DESC, a.source_path, a.position"
        return [HeadlineRow(*row[:5]) for row in self.conn.execute(sql, args)]

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
