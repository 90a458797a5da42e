"""State that comes from elsewhere: an old ``state.json``, a newer version's state file.

Both are read, never rewritten: the JSON is imported once (then renamed by the caller), a
newer version's file is copied into memory table by table (see
:meth:`reader.state.user.UserStore.copy_of`). Standard library only.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path

from reader.state import db


def copy_tables(path: Path, store: sqlite3.Connection, notices: list[str], ours: int) -> None:
    """Copy the tables ``store`` has from the file at ``path`` (read-only), with a notice
    saying that this program (state version ``ours``) will not write it."""
    source = db.connect(path, read_only=True)
    skipped: list[str] = []
    try:
        version = source.execute("PRAGMA user_version").fetchone()[0]
        tables = store.execute("SELECT name FROM sqlite_master WHERE type='table'")
        for (table,) in tables.fetchall():
            columns = [row[1] for row in store.execute(f"PRAGMA table_info({table})")]
            names = ", ".join(columns)
            try:
                rows = source.execute(f"SELECT {names} FROM {table}").fetchall()
            except sqlite3.OperationalError:
                skipped.append(table)  # renamed or reshaped by the newer version
                continue
            marks = ", ".join("?" * len(columns))
            store.executemany(f"INSERT OR IGNORE INTO {table}({names}) VALUES ({marks})", rows)
    finally:
        source.close()
    note = f" (could not read its {', '.join(skipped)})" if skipped else ""
    notices.append(
        f"reading state {path.name} is from a newer hitech-reader (version {version}; this"
        f" one reads {ours}): left untouched, its marks are shown{note} but this"
        " run's changes will not be saved"
    )


def read_legacy(path: Path) -> tuple[set[str], set[str], dict[str, str]] | None:
    """(read ids, bookmarked ids, settings) of an old ``state.json``; None if unusable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None

    def ids(key: str) -> set[str]:
        value = raw.get(key, [])
        return {str(item) for item in value} if isinstance(value, list) else set()

    settings = {key: raw[key] for key in ("last_article", "theme") if isinstance(raw.get(key), str)}
    return ids("read"), ids("bookmarks"), settings


def import_marks(
    conn: sqlite3.Connection, read: Iterable[str], bookmarks: Iterable[str],
    settings: dict[str, str],
) -> None:
    """Add marks and settings from elsewhere (the old JSON file) in one transaction.

    Nothing already here is replaced: importing twice, or after the user has moved on,
    changes nothing.
    """
    now = time.time()
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT OR IGNORE INTO read(article_id, at) VALUES (?, ?)",
                         ((article_id, now) for article_id in read))
        conn.executemany(
            "INSERT OR IGNORE INTO bookmarks(article_id, at, note) VALUES (?, ?, NULL)",
            ((article_id, now) for article_id in bookmarks),
        )
        conn.executemany("INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)",
                         settings.items())


def migrate_legacy(
    legacy: Path, connect: Callable[[], sqlite3.Connection], renamed: Path
) -> bool:
    """Import an old ``state.json`` once through ``connect()`` (called only when the file is
    one), then rename it ``renamed`` (kept for the user). False if it was not one."""
    found = read_legacy(legacy)
    if found is None:
        return False
    import_marks(connect(), *found)
    # OSError: another copy of the app renamed it first (importing twice is harmless).
    with suppress(OSError):
        legacy.replace(renamed)
    return True
