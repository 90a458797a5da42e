"""Whether the library's names and figures were found by the annotator installed now.

The library stores what the annotator found at import time, with the annotator's stamp
(:func:`reader.annotate.stamp.annotator_stamp`) in its ``meta`` table. A newer release or an
edited entities.txt gives another stamp: the names shown would then be the old rules' (a
false person the new rules drop would stay). :func:`stale` tells the importer to read every
file again instead of skipping unchanged ones; the stamp is written once every file the
library holds went through the current annotator.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.annotate.stamp import annotator_stamp

_KEY = "annotator"
#: The stamp of a library filled by an annotator other than the package's own (tests and
#: benchmarks pass one): never stale, since this program could not annotate it that way.
CUSTOM = "custom"


def stored(conn: sqlite3.Connection) -> str | None:
    """The stamp of the annotator that filled the library, or None if none is recorded."""
    row = conn.execute("SELECT value FROM meta WHERE key=?", (_KEY,)).fetchone()
    return row[0] if row else None


def stale(conn: sqlite3.Connection) -> bool:
    """True when the library holds articles annotated by another annotator than this one."""
    if conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None:
        return False  # an empty library is as fresh as can be
    stamp = stored(conn)
    return stamp != CUSTOM and stamp != annotator_stamp()


def mark_fresh(conn: sqlite3.Connection, custom: bool = False) -> None:
    """Record that every file of the library was annotated by the installed annotator
    (``custom``: by an annotator passed in)."""
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (_KEY, CUSTOM if custom else annotator_stamp()),
        )


def before_import(conn: sqlite3.Connection, *, custom: bool, empty: bool) -> bool:
    """Whether this import must read every file again (the library is stale).

    A new library is stamped before anything is written, so that an import killed half way
    is finished by the next one, not read again from the start.
    """
    if empty:
        mark_fresh(conn, custom=custom)
        return False
    return not custom and stale(conn)


def after_import(
    conn: sqlite3.Connection, stale_before: bool, imported: Iterable[str],
    known: Iterable[str], failed: bool,
) -> None:
    """Stamp the library fresh once every file it holds went through this annotator."""
    seen = set(imported)
    if not stale_before or (not failed and all(p in seen or not Path(p).exists() for p in known)):
        mark_fresh(conn)
