"""The one place hitech-reader opens SQLite databases (the state, its backups, the library).

Every connection waits for other writers instead of failing at once (two copies of the app,
or an import running beside the app, share the files). A read-only connection opens the
file by URI with ``mode=ro``, so looking at a database (a backup, a newer version's state)
can never change it. A shared connection is made in one thread and used, one query at a
time under the caller's lock, from the UI thread and worker threads.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: How long a connection waits for another writer before giving up.
BUSY_TIMEOUT_MS = 60_000


def connect(path: Path, *, read_only: bool = False, shared: bool = False) -> sqlite3.Connection:
    """Open ``path``: read-only by URI, or for writing; ``shared`` between threads and in
    autocommit mode (the caller opens its own transactions)."""
    target: str | Path = f"{path.resolve().as_uri()}?mode=ro" if read_only else path
    if shared:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, uri=read_only,
                               isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, uri=read_only)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def when_unlocked(setup: Callable[[], T], tries: int = 18) -> T:
    """Run ``setup`` (opening and setting up a database file), again for about 3 s while it
    finds the file locked.

    Two processes starting at once on a new file: while one switches it to WAL, SQLite may
    answer the other "locked" at once, without waiting for the busy timeout.
    """
    for attempt in range(tries - 1):
        try:
            return setup()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(0.02 * (attempt + 1))
    return setup()
