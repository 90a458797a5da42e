"""The library layer: where the app's articles come from, and the SQLite library (issue 5).

:mod:`reader.library.source` is the one interface the shell reads articles through, with
two implementations: :mod:`reader.library.memory` (files opened directly) and
:mod:`reader.library.sqlite_source` (the library database, :mod:`reader.library.sqlite`);
:mod:`reader.library.factory` builds them. The other modules are the database's parts
(schema, rows, importing, user state) and the parse cache of files opened directly.

The names below are imported on first use: importing the package (the app does, for the
source interface) must not load the database code before the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library.sqlite import (
        EntityRow,
        FigureRow,
        HeadlineRow,
        ImportProgress,
        ImportResult,
        Library,
    )

__all__ = ["EntityRow", "FigureRow", "HeadlineRow", "ImportProgress", "ImportResult", "Library"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reader.library import sqlite

        return getattr(sqlite, name)
    raise AttributeError(f"module 'reader.library' has no attribute {name!r}")
