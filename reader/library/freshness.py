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

from reader.annotate.stamp import annotator_stamp

_KEY = "annotator"


def stored(conn: sqlite3.Connection) -> str | None:
    """The stamp of the annotator that filled the library, or None if none is recorded."""
    row = conn.execute("SELECT value FROM meta WHERE key=?", (_KEY,)).fetchone()
    return row[0] if row else None


def stale(conn: sqlite3.Connection) -> bool:
    """True when the library holds articles annotated by another annotator than this one."""
    if conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is None:
        return False  # an empty library is as fresh as can be
    return stored(conn) != annotator_stamp()


def mark_fresh(conn: sqlite3.Connection) -> None:
    """Record that every file of the library was annotated by the installed annotator."""
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (_KEY, annotator_stamp())
        )
