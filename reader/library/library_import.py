"""Writing imported files into the library database, a few large transactions at a time.

Reading and annotating happen in worker processes (:mod:`reader.library.importer`); this
module is the writer's half: it decides which files changed, writes each prepared file's
articles, texts, full-text index rows, figures and entities, and records the imported
paths in the library's own ``sources`` table (the state file keeps a second list, see
:class:`reader.library.sqlite.Library`). Articles are keyed by what they say
(:func:`~reader.model.codec.content_key`): a copy of a page adds a row to ``copies``, not a
second article, and an article goes only with its last copy. Kept apart from the
:class:`Library` class so that neither grows past what a reader can hold in mind.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.library import freshness, schema
from reader.library.importer import Annotator, Prepared, expand, prepare_all
from reader.library.rows import ArticleRow
from reader.model.codec import article_from_json, article_to_json
from reader.model.labels import plural
from reader.search.fts import bigram_tokens
from reader.search.match import fold_text

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
    #: Articles read again from another file (copies of a page): paths added, no rows.
    copies_added: int = 0
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


def record_sources(conn: sqlite3.Connection, paths: Iterable[str]) -> None:
    """Remember imported paths in the library itself (its half of the two lists)."""
    now = time.time()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT OR IGNORE INTO sources(path, added) VALUES (?, ?)", ((p, now) for p in paths)
        )


def library_sources(conn: sqlite3.Connection) -> list[str]:
    """The paths the library records as imported, oldest first."""
    return [row[0] for row in conn.execute("SELECT path FROM sources ORDER BY added, path")]


def import_files(
    conn: sqlite3.Connection,
    paths_: Iterable[str | Path],
    *,
    annotator: Annotator | None,
    workers: int | None,
    progress: Callable[[ImportProgress], None] | None,
    remember: Callable[[list[str]], None] | None,
    directory: Path,
) -> ImportResult:
    """Import files and folders (see :meth:`reader.library.sqlite.Library.import_paths`).

    ``remember`` is called with the files found before anything is written, so that a
    rebuild after a crash half-way imports them again.
    """
    started = time.perf_counter()
    files, errors = expand(paths_)
    result = ImportResult(errors=list(errors))
    known = {
        row[0]: row[1:] for row in conn.execute("SELECT path, size, mtime_ns, hash FROM files")
    }
    # Names found by an older annotator: read every file again (custom annotators, as in
    # tests and benchmarks, carry no stamp).
    stale = freshness.before_import(conn, custom=annotator is not None, empty=not known)
    jobs: list[tuple[str, str | None]] = []
    unchanged: list[str] = []
    for file in files:
        key = str(file)
        try:
            info = file.stat()
        except OSError as exc:
            result.errors.append(f"{file}: {exc.strerror or exc.__class__.__name__}")
            continue
        old = known.get(key)
        if old and old[0] == info.st_size and old[1] == info.st_mtime_ns and not stale:
            unchanged.append(key)
            continue
        jobs.append((key, old[2] if old and not stale else None))
    groups = _group_page_pdfs(jobs, unchanged)
    result.files_unchanged += len(unchanged) - sum(len(g) for g in groups) + len(jobs)
    jobs = [job for group in groups for job in group]
    pending: list[Prepared] = []
    articles = 0
    prepared_files = prepare_all(groups, annotator, workers)
    try:
        if remember is not None and files:
            remember([str(f) for f in files])
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
                write_batch(conn, pending, result)
                pending = []
            if progress:
                elapsed = time.perf_counter() - started
                progress(ImportProgress(done, len(jobs), articles, result.nbytes, elapsed))
        write_batch(conn, pending, result)
    except sqlite3.OperationalError as exc:
        trouble = schema.environment_error(exc)
        if trouble is None:
            raise
        # Each batch is one transaction: the files written before this one are whole,
        # and the next import skips them and writes the rest.
        result.stopped = (
            f"import stopped after {plural(result.files_imported, 'file')}: could not write to"
            f" {directory} ({trouble}); import again once that is fixed"
        )
    finally:
        prepared_files.close()  # stops the worker processes at once when we stopped early
    if annotator is None and result.stopped is None:
        freshness.after_import(conn, stale, [str(f) for f in files], known, bool(result.errors))
    result.seconds = time.perf_counter() - started
    return result


def _group_page_pdfs(
    jobs: list[tuple[str, str | None]], unchanged: list[str]
) -> list[list[tuple[str, str | None]]]:
    """The jobs in groups prepared together: the page PDFs of one folder in this import are
    one group (a story may jump from one page to another), every other file its own.

    A folder with a changed PDF brings its unchanged PDFs of this import along, so that
    what they join is read again.
    """
    folders: dict[str, list[tuple[str, str | None]]] = {}
    groups: list[list[tuple[str, str | None]]] = []
    for job in jobs:
        path = Path(job[0])
        if path.suffix.lower() == ".pdf":
            folders.setdefault(str(path.parent), []).append(job)
        else:
            groups.append([job])
    for key in unchanged:
        path = Path(key)
        if path.suffix.lower() == ".pdf" and str(path.parent) in folders:
            folders[str(path.parent)].append((key, None))
    groups.extend(sorted(group) for group in folders.values())
    return groups


def write_batch(conn: sqlite3.Connection, batch: Sequence[Prepared], result: ImportResult) -> None:
    """Write prepared files in one transaction (waiting for other writers).

    ``result`` counts them only once they are committed, so that an import stopped by
    a failed write reports what the library really holds.
    """
    if not batch:
        return
    written = ImportResult()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for prepared in batch:
            _write_file(conn, prepared, written)
        conn.execute("COMMIT")
    except BaseException:
        schema.rollback(conn)
        raise
    result.files_imported += written.files_imported
    result.files_unchanged += written.files_unchanged
    result.articles_added += written.articles_added
    result.articles_removed += written.articles_removed
    result.copies_added += written.copies_added


def _write_file(conn: sqlite3.Connection, prepared: Prepared, result: ImportResult) -> None:
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
        result.articles_removed += drop_file(conn, file_id)
    else:
        file_id = conn.execute(
            "INSERT INTO files(path, size, mtime_ns, hash, articles, imported_at)"
            " VALUES (?, ?, ?, ?, 0, ?)",
            (prepared.path, prepared.size, prepared.mtime_ns, prepared.hash, now),
        ).lastrowid
    added = sum(insert_article(conn, file_id, article) for article in prepared.rows)
    conn.execute(
        "UPDATE files SET size = ?, mtime_ns = ?, hash = ?, articles = ?, imported_at = ?"
        " WHERE id = ?",
        (prepared.size, prepared.mtime_ns, prepared.hash, len(prepared.rows), now, file_id),
    )
    result.files_imported += 1
    result.articles_added += added
    result.copies_added += len(prepared.rows) - added


def insert_article(conn: sqlite3.Connection, file_id: int, a: ArticleRow) -> bool:
    """Insert one article with its texts, index rows, figures and entities; True if added.

    An article whose content the library already holds (a copy of a page under another
    name or in another folder) adds only its path to that article's copies. The article is
    shown as (and has the id of) the copy first in path order, so that however the workers'
    files arrive, a rebuild gives every article the id (and the read mark) it had.
    """
    held = conn.execute(
        "SELECT rowid, source_path, position FROM articles WHERE content = ?", (a.content,)
    ).fetchone()
    if held:
        _add_copy(conn, held[0], file_id, a.source_path, a.position)
        if (a.source_path, a.position) < (held[1], held[2]):
            _show_as(conn, held[0], file_id, a)
        return False
    # The same id with other content (a file imported again under a name shown alike):
    # the newer one wins.
    clash = conn.execute("SELECT rowid FROM articles WHERE id = ?", (a.id,)).fetchone()
    if clash:
        delete_article(conn, clash[0])
    rowid = conn.execute(
        "INSERT INTO articles(id, file_id, position, kind, headline, date, sortkey,"
        " source_path, article, annotations, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (a.id, file_id, a.position, a.kind, a.headline, a.date, a.date or "", a.source_path,
         a.article_json, a.annotations_json, a.content),
    ).lastrowid
    _add_copy(conn, rowid, file_id, a.source_path, a.position)
    conn.execute(
        "INSERT INTO texts(rowid, ftitle, fbyline, fsource, fall) VALUES (?, ?, ?, ?, ?)",
        (rowid, a.ftitle, a.fbyline, a.fsource, a.fall),
    )
    conn.execute("INSERT INTO fts_tri(rowid, text) VALUES (?, ?)", (rowid, a.fall))
    conn.execute("INSERT INTO fts_bi(rowid, text) VALUES (?, ?)", (rowid, a.bi_all))
    conn.execute(
        "INSERT INTO fts_meta(rowid, title, byline, source) VALUES (?, ?, ?, ?)",
        (rowid, a.bi_title or bigram_tokens(a.ftitle), bigram_tokens(a.fbyline),
         bigram_tokens(a.fsource)),
    )
    conn.executemany(
        'INSERT INTO figures(article, block, start, "end", value, value_max, unit, kind,'
        " text, label, is_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(rowid, *f) for f in a.figures],
    )
    conn.executemany(
        "INSERT INTO entities(article, text, name, type, role, n) VALUES (?, ?, ?, ?, ?, ?)",
        [(rowid, *e) for e in a.entities],
    )
    return True


def _add_copy(conn: sqlite3.Connection, rowid: int, file_id: int, path: str, at: int) -> None:
    conn.execute("INSERT INTO copies(article, file_id, path, position) VALUES (?, ?, ?, ?)",
                 (rowid, file_id, path, at))


def drop_file(conn: sqlite3.Connection, file_id: int) -> int:
    """Take a file's copies out of the library; returns the articles deleted with them.

    An article with a copy in another file stays (its id, so its read mark, unchanged),
    moved to that file if it was shown as this one's.
    """
    removed = 0
    for (rowid,) in conn.execute(
        "SELECT DISTINCT article FROM copies WHERE file_id = ?", (file_id,)
    ).fetchall():
        conn.execute("DELETE FROM copies WHERE article = ? AND file_id = ?", (rowid, file_id))
        other = conn.execute(
            "SELECT file_id, path, position FROM copies WHERE article = ? ORDER BY rowid LIMIT 1",
            (rowid,),
        ).fetchone()
        if other is None:
            delete_article(conn, rowid)
            removed += 1
        else:
            _move_to(conn, rowid, file_id, *other)
    return removed


def _move_to(
    conn: sqlite3.Connection, rowid: int, was: int, file_id: int, path: str, position: int
) -> None:
    """Show an article as read from its copy in ``path`` (its own file is going). Its id
    stays, and with it the read mark and position."""
    row = conn.execute(
        "SELECT article FROM articles WHERE rowid = ? AND file_id = ?", (rowid, was)
    ).fetchone()
    if row is None:
        return  # shown as another copy's already
    moved = article_from_json(row[0])
    moved.source = replace(moved.source, path=path)
    conn.execute(
        "UPDATE articles SET file_id = ?, source_path = ?, position = ?, article = ?"
        " WHERE rowid = ?", (file_id, path, position, article_to_json(moved), rowid))
    _index_source(conn, rowid, path)


def _show_as(conn: sqlite3.Connection, rowid: int, file_id: int, a: ArticleRow) -> None:
    """Show a held article as its copy ``a`` (first in path order): its id and source."""
    clash = conn.execute(
        "SELECT rowid FROM articles WHERE id = ? AND rowid != ?", (a.id, rowid)).fetchone()
    if clash:
        delete_article(conn, clash[0])
    conn.execute(
        "UPDATE articles SET id = ?, file_id = ?, source_path = ?, position = ?, article = ?"
        " WHERE rowid = ?", (a.id, file_id, a.source_path, a.position, a.article_json, rowid))
    _index_source(conn, rowid, a.source_path)


def _index_source(conn: sqlite3.Connection, rowid: int, path: str) -> None:
    """Index the article's new file for ``source:`` (contentless FTS: delete, then insert)."""
    ftitle, fbyline, fsource = conn.execute(
        "SELECT ftitle, fbyline, fsource FROM texts WHERE rowid = ?", (rowid,)).fetchone()
    new = fold_text(path)
    if new == fsource:
        return
    conn.execute(
        "INSERT INTO fts_meta(fts_meta, rowid, title, byline, source)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (rowid, bigram_tokens(ftitle), bigram_tokens(fbyline), bigram_tokens(fsource)),
    )
    conn.execute(
        "INSERT INTO fts_meta(rowid, title, byline, source) VALUES (?, ?, ?, ?)",
        (rowid, bigram_tokens(ftitle), bigram_tokens(fbyline), bigram_tokens(new)),
    )
    conn.execute("UPDATE texts SET fsource = ? WHERE rowid = ?", (new, rowid))


def delete_article(conn: sqlite3.Connection, rowid: int) -> None:
    """Delete one article and everything derived from it."""
    fall, ftitle, fbyline, fsource = conn.execute(
        "SELECT fall, ftitle, fbyline, fsource FROM texts WHERE rowid = ?", (rowid,)
    ).fetchone()
    # Contentless FTS5 tables forget a row only when told exactly what was indexed.
    for table, text in (("fts_tri", fall), ("fts_bi", bigram_tokens(fall))):
        conn.execute(
            f"INSERT INTO {table}({table}, rowid, text) VALUES ('delete', ?, ?)", (rowid, text)
        )
    conn.execute(
        "INSERT INTO fts_meta(fts_meta, rowid, title, byline, source)"
        " VALUES ('delete', ?, ?, ?, ?)",
        (rowid, bigram_tokens(ftitle), bigram_tokens(fbyline), bigram_tokens(fsource)),
    )
    conn.execute("DELETE FROM copies WHERE article = ?", (rowid,))
    conn.execute("DELETE FROM figures WHERE article = ?", (rowid,))
    conn.execute("DELETE FROM entities WHERE article = ?", (rowid,))
    conn.execute("DELETE FROM texts WHERE rowid = ?", (rowid,))
    conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))


def optimize(conn: sqlite3.Connection) -> None:
    """Merge the full-text indexes' segments (after a large import; makes queries faster)."""
    for table in ("fts_tri", "fts_bi", "fts_meta"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
