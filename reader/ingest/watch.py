"""Watched folders: pages dropped into a folder the reader opened appear in the sidebar.

Polling, not OS notifications: a folder of pages changes rarely, a walk over it every few
seconds is cheap (one ``stat`` per page file), it works the same on every platform and
network drive, and it needs no extra package. :class:`FolderWatch` remembers each page
file's size and modification time and says which files are new or changed since the last
look; the app reads those (in a worker) and puts their articles in the sidebar. No textual
import here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.ingest.loader import iter_article_files

#: Seconds between two looks at the watched folders.
WATCH_SECONDS = 2.0


@dataclass(slots=True)
class FolderChanges:
    """What changed in the watched folders since the last look."""

    added: list[Path] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class FolderWatch:
    """The page files under some folders, and what changed among them between looks.

    The first look is taken when the watch is made, so files already there (the ones the
    app opened with) are not reported as new.
    """

    def __init__(self, folders: Iterable[Path]) -> None:
        self.folders = [Path(folder) for folder in folders]
        self.known: dict[Path, tuple[int, int]] = self._look()

    def _look(self) -> dict[Path, tuple[int, int]]:
        seen: dict[Path, tuple[int, int]] = {}
        for folder in self.folders:
            for path in iter_article_files(folder):
                signature = _signature(path)
                if signature is not None:
                    seen[path] = signature
        return seen

    def changes(self) -> FolderChanges:
        """Files added, changed or removed since the last call (or since the watch began)."""
        now = self._look()
        found = FolderChanges()
        for path, signature in now.items():
            before = self.known.get(path)
            if before is None:
                found.added.append(path)
            elif before != signature:
                found.changed.append(path)
        found.removed = [path for path in self.known if path not in now]
        self.known = now
        return found
