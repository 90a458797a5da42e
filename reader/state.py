"""What the reader remembers between runs: read marks, bookmarks, the last article, the theme.

A small JSON file in :func:`reader.paths.data_dir`, written atomically (temp file then
``os.replace``) so a crash mid-write never leaves a half file. A later issue moves this into
SQLite; the interface is kept small (``load``, ``is_read``, ``set_read``, ``last_article``,
``theme``, ``save``, ``is_bookmarked``, ``set_bookmark``) so that move does not touch the
callers: library mode keeps marks and bookmarks in the library's database through a subclass
(:class:`reader.ui.library_source.LibraryState`). No UI imports here.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths

STATE_FILE = "state.json"


@dataclass
class State:
    """The remembered state. Load with :meth:`load`, persist with :meth:`save`."""

    read: set[str] = field(default_factory=set)
    """Ids of the articles marked read."""
    last_article: str | None = None
    """Id of the article shown when the app last closed."""
    theme: str | None = None
    """Name of the Textual theme chosen in the palette."""
    bookmarks: set[str] = field(default_factory=set)
    """Ids of the bookmarked articles."""
    path: Path | None = None
    """Where :meth:`save` writes; ``None`` means the default file in the data dir."""

    @classmethod
    def file(cls) -> Path:
        """The default state file (not created by this call)."""
        return paths.data_dir() / STATE_FILE

    @classmethod
    def load(cls, path: Path | None = None) -> State:
        """Read the state file; a missing or damaged file gives an empty state.

        A damaged file is not an error worth stopping the reader for: the marks are a
        convenience, and the next :meth:`save` replaces it.
        """
        target = path or cls.file()
        try:
            raw = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path=path)
        if not isinstance(raw, dict):
            return cls(path=path)
        read = raw.get("read", [])
        last = raw.get("last_article")
        theme = raw.get("theme")
        marks = raw.get("bookmarks", [])
        return cls(
            read={str(item) for item in read} if isinstance(read, list) else set(),
            last_article=last if isinstance(last, str) else None,
            theme=theme if isinstance(theme, str) else None,
            bookmarks={str(item) for item in marks} if isinstance(marks, list) else set(),
            path=path,
        )

    def is_read(self, article_id: str) -> bool:
        """Whether the article is marked read."""
        return article_id in self.read

    def set_read(self, article_id: str, read: bool = True) -> None:
        """Mark the article read (or unread)."""
        if read:
            self.read.add(article_id)
        else:
            self.read.discard(article_id)

    def is_bookmarked(self, article_id: str) -> bool:
        """Whether the article is bookmarked."""
        return article_id in self.bookmarks

    def set_bookmark(self, article_id: str, on: bool = True) -> None:
        """Bookmark the article (or remove its bookmark)."""
        if on:
            self.bookmarks.add(article_id)
        else:
            self.bookmarks.discard(article_id)

    def save(self) -> None:
        """Write the state atomically, creating the data dir if needed."""
        target = self.path or self.file()
        paths.ensure(target.parent)
        payload = {
            "read": sorted(self.read),
            "last_article": self.last_article,
            "theme": self.theme,
            "bookmarks": sorted(self.bookmarks),
        }
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".json", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, indent=1)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
