"""The user's own state beside the library: read marks, bookmarks, positions, imported files.

The marks live in :class:`reader.state.user.UserStore`'s SQLite file, ``state.sqlite3``, kept
apart from the library database and keyed by article id, so that rebuilding the library (a
new schema, a damaged file) never loses what the user did; plain-file mode reads and writes
the same file. Library mode adds what only it needs: the list of imported files, which is
what a rebuild imports again, and a check of the file's header before opening it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import ClassVar

from reader.library.schema import header_problem
from reader.state.user import STATE_VERSION, UserStore

__all__ = ["STATE_VERSION", "UserState"]


class UserState(UserStore):
    """Read marks, bookmarks, positions and imported files in ``state.sqlite3``."""

    DDL: ClassVar[tuple[str, ...]] = (
        *UserStore.DDL,
        "CREATE TABLE IF NOT EXISTS sources(path TEXT PRIMARY KEY, added REAL NOT NULL)",
    )

    def _problem(self) -> str | None:
        # Catches garbage and truncation from the header alone, before SQLite reads pages.
        return header_problem(self.path)

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
