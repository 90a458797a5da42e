"""The user's own state: read marks, bookmarks, last positions, and what was imported.

This lives in its own small SQLite file beside the library, keyed by article id, so that
rebuilding the library (a new schema, a damaged file) never loses what the user did. It
also remembers which files were imported, which is what a rebuild imports again.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from reader.store.schema import BUSY_TIMEOUT_MS, header_problem

STATE_VERSION = 1

_DDL = (
    "CREATE TABLE IF NOT EXISTS read(article_id TEXT PRIMARY KEY, at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS bookmarks(article_id TEXT PRIMARY KEY, at REAL NOT NULL,"
    " note TEXT)",
    "CREATE TABLE IF NOT EXISTS positions(article_id TEXT PRIMARY KEY, block INTEGER NOT NULL,"
    " offset INTEGER NOT NULL, at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sources(path TEXT PRIMARY KEY, added REAL NOT NULL)",
)


class UserState:
    """Read marks, bookmarks and positions in ``state.sqlite3``."""

    def __init__(self, path: Path, notices: list[str]) -> None:
        self.path = path
        self.conn = self._open(notices)

    def _open(self, notices: list[str]) -> sqlite3.Connection:
        bad = header_problem(self.path) if self.path.exists() else None
        if bad is None:
            try:
                return self._connect()
            except sqlite3.DatabaseError as exc:
                bad = str(exc)
        # Unreadable marks are a loss, not a reason to stop: keep the file for the user.
        aside = self.path.with_name(f"{self.path.name}.damaged-{int(time.time())}")
        self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        notices.append(f"reading state was damaged ({bad}); kept as {aside.name}, starting anew")
        return self._connect()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > STATE_VERSION:
            conn.close()
            raise sqlite3.DatabaseError(f"state version {version} is newer than this program")
        for statement in _DDL:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={STATE_VERSION}")
        return conn

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

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

    # --- imported files ----------------------------------------------------------------

    def add_sources(self, paths: Iterable[str]) -> None:
        """Remember files as imported, so a rebuild imports them again."""
        now = time.time()
        self.conn.executemany(
            "INSERT OR IGNORE INTO sources(path, added) VALUES (?, ?)", ((p, now) for p in paths)
        )

    def sources(self) -> list[str]:
        """Every file ever imported, in the order they were first imported."""
        return [row[0] for row in self.conn.execute("SELECT path FROM sources ORDER BY added")]
