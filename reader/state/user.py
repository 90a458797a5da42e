"""What the reader remembers between runs: read marks, bookmarks, positions, last article, theme.

Everything lives in one small SQLite file, ``state.sqlite3`` in :func:`reader.paths.data_dir`,
the same file library mode keeps beside the library database (:mod:`reader.library.user_state`
extends :class:`UserStore` with the list of imported files). So marks made in either mode
are one set, and rebuilding the library never touches them. Each change is written when it
is made (WAL, a busy timeout), so two copies of the app open at once both keep their marks
instead of the last to quit overwriting the other's, as a whole-file JSON rewrite would.

:class:`State` keeps the small interface the app uses (``load``, ``is_read``, ``set_read``,
``is_bookmarked``, ``set_bookmark``, ``last_article``, ``theme``, ``position``,
``set_position``, ``save``). Nothing is created until something is written: loading a state
that was never saved creates no file. A ``state.json`` left by earlier versions is imported
once and renamed ``state.json.migrated`` (kept for the user, never read again).

This module imports only the standard library, so the app's first frame does not wait for
the library package. No UI imports here.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import ClassVar, Self

from reader import paths
from reader.state import backup, db

STATE_FILE = "state.sqlite3"
#: The JSON file of earlier versions, imported once, then renamed with MIGRATED_SUFFIX.
LEGACY_FILE = "state.json"
MIGRATED_SUFFIX = ".migrated"
STATE_VERSION = 1
#: How long a writer waits for another process's transaction before giving up.
#: Seconds an article must stay on screen before it counts as read (scrolling it or
#: pressing ``m`` counts at once): passing through with ``J`` marks nothing.
READ_AFTER = 1.5

_DDL = (
    "CREATE TABLE IF NOT EXISTS read(article_id TEXT PRIMARY KEY, at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bookmarks(article_id TEXT PRIMARY KEY, at REAL NOT NULL,"
    " note TEXT)",
    "CREATE TABLE IF NOT EXISTS positions(article_id TEXT PRIMARY KEY, block INTEGER NOT NULL,"
    " offset INTEGER NOT NULL, at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT)",
)


class NewerStateError(sqlite3.DatabaseError):
    """The state file was written by a newer hitech-reader: read it, never rewrite it."""


class UserStore:
    """Read marks, bookmarks, positions and a few settings in one SQLite file.

    A file that is not this database (garbage, truncated) is moved aside (never deleted:
    the marks are the user's) with a line in ``notices``, and a new one is started. A file
    from a newer version is not damaged: opening it raises :class:`NewerStateError`, and
    :meth:`copy_of` reads it into memory instead. A file that cannot be used now (read-only,
    locked) raises ``sqlite3.OperationalError`` and is left where it is.
    """

    DDL: ClassVar[tuple[str, ...]] = _DDL

    def __init__(self, path: Path, notices: list[str]) -> None:
        self.path = path
        self.restored = False  # the file was damaged and a backup was copied in its place
        self.conn = self._open(notices)
        if not self.in_memory:
            backup.take(self.conn, backup.folder_for(path))

    @property
    def in_memory(self) -> bool:
        """True for a copy in memory (of a newer version's file): nothing is ever saved."""
        return str(self.path) == ":memory:"

    def back_up(self) -> Path | None:
        """Take a backup now (after something that must not be lost, e.g. new sources)."""
        folder = backup.folder_for(self.path)
        return None if self.in_memory else backup.take(self.conn, folder, force=True)

    def _problem(self) -> str | None:
        """Why the file cannot be this database, judged before opening it (subclasses)."""
        return None

    def _open(self, notices: list[str]) -> sqlite3.Connection:
        bad = self._problem() if self.path.exists() else None
        if bad is None:
            try:
                conn = self._connect()
                # Garbage or a truncated file fails here, on the first pages read.
                conn.execute("SELECT count(*) FROM read").fetchone()
                return conn
            except (NewerStateError, sqlite3.OperationalError):
                # Newer, or not ours to use now (read-only, locked, missing folder): none of
                # these is damage, and the file must stay where it is.
                raise
            except sqlite3.DatabaseError as exc:
                bad = str(exc)
        # Unreadable marks are a loss, not a reason to stop (see backup.set_aside).
        self.restored = backup.set_aside(self.path, bad, notices)
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        return db.when_unlocked(self._connect_once)  # two copies starting at once

    def _connect_once(self) -> sqlite3.Connection:
        paths.ensure(self.path.parent)
        conn = db.connect(self.path, shared=True)
        try:
            # Before anything that writes (the journal mode does): a newer file stays as it is.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > STATE_VERSION:
                raise NewerStateError(f"state version {version} is newer than this program")
            conn.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL loses nothing when the app crashes (only the last marks if
            # the machine does), and a mark costs no fsync on the UI thread.
            conn.execute("PRAGMA synchronous=NORMAL")
            for statement in self.DDL:
                conn.execute(statement)
            if version != STATE_VERSION:
                conn.execute(f"PRAGMA user_version={STATE_VERSION}")
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @classmethod
    def copy_of(cls, path: Path, notices: list[str]) -> Self:
        """An in-memory copy of the tables this version knows from the file at ``path``,
        read without writing it (a newer version's file), with one line in ``notices``.

        Its marks are the user's and that newer program's: this one must not rewrite (or set
        aside) a file it does not understand. This run's marks go to the copy and are lost
        at exit, which the notice says. A table the newer version renamed is skipped.
        """
        from reader.state.foreign import copy_tables

        store = cls(Path(":memory:"), notices)
        copy_tables(path, store.conn, notices, STATE_VERSION)
        return store

    # --- read marks, bookmarks, positions ---------------------------------------------

    def set_read(self, article_id: str, read: bool = True) -> None:
        """Mark ``article_id`` read (or unread)."""
        if read:
            self.conn.execute(
                "INSERT OR REPLACE INTO read(article_id, at) VALUES (?, ?)",
                (article_id, time.time()),
            )
        else:
            self.conn.execute("DELETE FROM read WHERE article_id = ?", (article_id,))

    def read_ids(self) -> set[str]:
        """Ids of every article marked read."""
        return {row[0] for row in self.conn.execute("SELECT article_id FROM read")}

    def set_bookmark(self, article_id: str, on: bool = True, note: str | None = None) -> None:
        """Bookmark ``article_id`` (with an optional note), or remove the bookmark."""
        if on:
            self.conn.execute(
                "INSERT OR REPLACE INTO bookmarks(article_id, at, note) VALUES (?, ?, ?)",
                (article_id, time.time(), note),
            )
        else:
            self.conn.execute("DELETE FROM bookmarks WHERE article_id = ?", (article_id,))

    def bookmarks(self) -> list[tuple[str, str | None]]:
        """(article id, note) of every bookmark, newest first."""
        return list(self.conn.execute("SELECT article_id, note FROM bookmarks ORDER BY at DESC"))

    def set_position(self, article_id: str, block: int, offset: int) -> None:
        """Remember where the reader was in ``article_id``."""
        self.conn.execute(
            "INSERT OR REPLACE INTO positions(article_id, block, offset, at) VALUES (?, ?, ?, ?)",
            (article_id, block, offset, time.time()),
        )

    def position(self, article_id: str) -> tuple[int, int] | None:
        """(block, offset) last remembered for ``article_id``."""
        row = self.conn.execute(
            "SELECT block, offset FROM positions WHERE article_id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def last_position(self) -> tuple[str, int, int] | None:
        """(article id, block, offset) of the most recently remembered position."""
        row = self.conn.execute(
            "SELECT article_id, block, offset FROM positions ORDER BY at DESC LIMIT 1"
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    # --- settings ----------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        """A remembered setting (the theme, the last article), or None."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        """Remember a setting (None forgets it)."""
        self.conn.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)",
                          (key, value))


class State:
    """The remembered state. Load with :meth:`load`; changes are written as they are made,
    :meth:`save` writes the last article and the theme and closes the file.

    A write that fails (a read-only disk, a locked file past the timeout) never stops the
    reader: the change is kept in memory for this run and :meth:`save` raises ``OSError``
    saying what went wrong, which the app reports when it closes.
    """

    SETTINGS: ClassVar[tuple[str, ...]] = ("last_article", "theme")
    """The settings :meth:`save` writes (each an attribute of the same name)."""

    def __init__(self, path: Path | None = None, store: UserStore | None = None) -> None:
        self.path = path
        """The database file; ``None`` means the default file in the data dir."""
        self.read: set[str] = set()
        """Ids of the articles marked read."""
        self.bookmarks: set[str] = set()
        """Ids of the bookmarked articles."""
        self._last_article: str | None = None
        self.theme: str | None = None
        """Name of the Textual theme chosen in the palette."""
        self.read_after: float = READ_AFTER
        """Seconds an article is shown before it counts as read (0: at once). Not saved."""
        self.notices: list[str] = []
        """What happened while opening the file (damage set aside), for the user."""
        self.error: str | None = None
        """The first write that failed this run, if any."""
        self._store = store
        self._owns_store = store is None
        self._positions: dict[str, tuple[int, int]] = {}
        self._saved: dict[str, str | None] = {}
        self._shown = False  # whether this copy set last_article this run

    @property
    def last_article(self) -> str | None:
        """Id of the article shown when the app last closed (this run: the one shown now)."""
        return self._last_article

    @last_article.setter
    def last_article(self, value: str | None) -> None:
        self._last_article = value
        self._shown = True

    @classmethod
    def file(cls) -> Path:
        """The default state file (not created by this call)."""
        return paths.data_dir() / STATE_FILE

    @property
    def target(self) -> Path:
        """The database file this state reads and writes."""
        return self.path or self.file()

    @classmethod
    def load(cls, path: Path | None = None) -> State:
        """Read the remembered state; a missing file gives an empty state and creates nothing.

        A damaged file is set aside (see :class:`UserStore`) and an old ``state.json``
        beside it is imported once: neither stops the reader.
        """
        state = cls(path)
        target = state.target
        legacy = target.with_name(LEGACY_FILE)
        try:
            if target.exists():
                state._fill(state._db())
            if legacy.is_file():
                state._migrate(legacy)
        except NewerStateError:
            # Its marks are the user's and that newer program's: read, never rewritten.
            state._store = UserStore.copy_of(target, state.notices)
            state._owns_store = False  # this run's marks stay in memory, never in that file
            state._fill(state._store)
        except (OSError, sqlite3.Error) as exc:
            # The marks are a convenience: read nothing rather than refuse to start.
            state.notices.append(f"could not read the reading state: {exc}")
        return state

    def _db(self) -> UserStore:
        if self._store is None:
            self._store = UserStore(self.target, self.notices)
        return self._store

    def _fill(self, store: UserStore) -> None:
        self.read = store.read_ids()
        self.bookmarks = {article_id for article_id, _note in store.bookmarks()}
        for key in self.SETTINGS:
            value = store.setting(key)
            setattr(self, key, value)
            self._saved[key] = value
        self._shown = False  # what was read is the file's, not an article this run showed

    def _migrate(self, legacy: Path) -> None:
        """Import an old JSON state once; a file that is not one is left alone."""
        from reader.state.foreign import migrate_legacy

        renamed = legacy.with_name(legacy.name + MIGRATED_SUFFIX)
        if migrate_legacy(legacy, lambda: self._db().conn, renamed):
            self._fill(self._db())

    def _write(self, what: str, *args: object) -> None:
        """Call ``UserStore.<what>(*args)``; a failure is remembered, not raised."""
        try:
            getattr(self._db(), what)(*args)
        except (OSError, sqlite3.Error) as exc:
            if self.error is None:
                self.error = str(exc)

    def is_read(self, article_id: str) -> bool:
        """Whether the article is marked read."""
        return article_id in self.read

    def set_read(self, article_id: str, read: bool = True) -> None:
        """Mark the article read (or unread)."""
        if read == (article_id in self.read):
            return
        (self.read.add if read else self.read.discard)(article_id)
        self._write("set_read", article_id, read)

    def is_bookmarked(self, article_id: str) -> bool:
        """Whether the article is bookmarked."""
        return article_id in self.bookmarks

    def set_bookmark(self, article_id: str, on: bool = True) -> None:
        """Bookmark the article (or remove its bookmark)."""
        if on == (article_id in self.bookmarks):
            return
        (self.bookmarks.add if on else self.bookmarks.discard)(article_id)
        self._write("set_bookmark", article_id, on)

    def position(self, article_id: str) -> tuple[int, int] | None:
        """The (block, offset) at the top of the pane when the article was last left.

        ``block`` indexes ``Article.blocks``; a negative value is a piece outside the body
        (see :meth:`reader.ui.widgets.article_view.ArticleView.reading_position`).
        """
        found = self._positions.get(article_id)
        if found is None and (self._store is not None or self.target.exists()):
            try:
                found = self._db().position(article_id)
            except (OSError, sqlite3.Error):
                return None
        return found

    def set_position(self, article_id: str, block: int, offset: int) -> None:
        """Remember the reading position in an article (written only when it changed)."""
        if self.position(article_id) == (block, offset):
            return
        if self._store is None and (block, offset) in ((0, 0), (-1, 0)):
            return  # the top of an article needs no file
        self._positions[article_id] = (block, offset)
        self._write("set_position", article_id, block, offset)

    def save(self) -> None:
        """Write the last article this copy showed and a changed theme, and close the file.

        Two copies of the app open on one state file: the last article of the copy that
        quits last is restored next time; a theme is written only by a copy that changed it.

        Raises:
            OSError: a write failed this run (the message says which).
        """
        changed = {key: getattr(self, key) for key in self.SETTINGS
                   if getattr(self, key) != self._saved.get(key)}
        # This copy's own last article, even if equal to what was read at start (another copy
        # may have written since): the copy that quits last is restored. None shown: no write.
        if "last_article" in self.SETTINGS and self._shown and self._last_article is not None:
            changed["last_article"] = self._last_article
        if changed and (self._store is not None or any(v is not None for v in changed.values())):
            try:
                store = self._db()
                with store.conn:
                    store.conn.execute("BEGIN IMMEDIATE")
                    for key, value in changed.items():
                        store.set_setting(key, value)
                self._saved.update(changed)
            except (OSError, sqlite3.Error) as exc:
                self.error = self.error or str(exc)
        self.close()
        if self.error is not None:
            raise OSError(self.error)

    def close(self) -> None:
        """Close the file if this state opened it (the next write opens it again)."""
        if self._store is not None and self._owns_store:
            self._store.close()
            self._store = None
            self._positions.clear()
