"""A cache of parsed files, so that opening the same pages again skips the parser.

Turning a page dump into articles costs ~30 ms a page (plus ~15 ms to import the parser),
and finding the figures the first paint highlights ~5 ms a page (plus ~30 ms to compile the
figure finder). People open the same folder of pages day after day, and the app shows
nothing until then, so the articles of each file and their first figures
(:func:`reader.annotate.pipeline.quick_figure_annotations`) are kept in the cache directory as
JSON (:mod:`reader.model.codec`), keyed by what the file looks like on disk (size,
modification time in nanoseconds, inode) and by the parser code that read it. A file that
changes, or a new version of the parser, simply misses. The cache is best effort: any
problem reading or writing it counts as a miss, it never writes beside the user's files,
and deleting it is always safe.

A :class:`ParseCache` is an object, owned by the article source of the files opened
(:class:`reader.library.memory.MemorySource`), which passes it to
:func:`reader.ingest.loader.load_file` and asks it for the first-paint figures of the
articles it read. Nothing is kept at module level. A bulk import into the library reads each
file once and keeps the result in the library itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from reader import paths
from reader.ingest.loader import Stamp, file_stamp
from reader.model import Article, Figure, Located
from reader.model.codec import (
    article_from_plain,
    article_to_plain,
    figures_from_plain,
    figures_to_plain,
)

log = logging.getLogger(__name__)

FORMAT = 4
SUBDIR = "parsed"
#: Past this many entries the oldest are removed when a new one is written.
MAX_ENTRIES = 2000
_PACKAGE = Path(__file__).resolve().parents[1]
#: The code whose output is cached: a change to any of these files invalidates every entry.
_CODE = (
    "ingest",
    "model",
    "text/numerals.py",
    "text/radicals.py",
    "text/fold.py",
    "data/radicals.txt",
    "annotate/pipeline.py",
    "annotate/figures.py",
    "annotate/figure_currency.py",
    "annotate/figure_patterns.py",
    "annotate/figure_qualifiers.py",
    "annotate/figure_units.py",
    "library/parse_cache.py",
)


def code_stamp() -> str:
    """A digest of the parser's source files as installed (sizes and modification times)."""
    parts: list[str] = [str(FORMAT)]
    for name in _CODE:
        target = _PACKAGE / name
        # rglob: nested packages (ingest/page/, ingest/pdf/) are parser code too.
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for file in files:
            stamp = file_stamp(file)
            name = file.relative_to(_PACKAGE).as_posix()
            parts.append(f"{name}:{stamp[:2] if stamp else None}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


class ParseCache:
    """Parsed files in the cache directory, and the first figures of what went through it.

    Satisfies :class:`reader.ingest.loader.ArticleCache`. ``max_entries`` bounds the files
    kept (the least recently written go first).
    """

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._code: str | None = None
        #: Article id → its first figures, for the articles read through this cache.
        self._figures: dict[str, list[Located[Figure]]] = {}

    @property
    def code(self) -> str:
        """The stamp of the parser code (computed once per cache)."""
        if self._code is None:
            self._code = code_stamp()
        return self._code

    def figures(self, article_id: str) -> list[Located[Figure]] | None:
        """The first-paint figures of an article read through this cache, if known."""
        return self._figures.get(article_id)

    def forget(self, article_ids: list[str]) -> None:
        """Drop the figures of articles no longer open."""
        for article_id in article_ids:
            self._figures.pop(article_id, None)

    def _entry(self, shown: str, path: Path) -> Path:
        key = f"{shown}\0{path.resolve()}".encode("utf-8", "surrogateescape")
        return paths.cache_dir() / SUBDIR / f"{hashlib.sha256(key).hexdigest()[:32]}.json"

    def get(self, shown: str, path: Path, stamp: Stamp) -> tuple[list[Article], list[str]] | None:
        """The articles and notices cached for this version of the file, or None on a miss."""
        entry = self._entry(shown, path)
        try:
            raw = json.loads(entry.read_text(encoding="utf-8"))
            if raw["code"] != self.code or raw["stamp"] != list(stamp) or raw["shown"] != shown:
                return None
            articles = [article_from_plain(item) for item in raw["articles"]]
            figures = [figures_from_plain(items) for items in raw["figures"]]
            notices = [str(notice) for notice in raw["notices"]]
            if len(figures) != len(articles):
                return None
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.debug("parse cache entry %s unusable: %s", entry, exc)
            return None
        self._remember(articles, figures)
        return articles, notices

    def put(
        self, shown: str, path: Path, stamp: Stamp, articles: list[Article], notices: list[str]
    ) -> None:
        """Remember the articles of this version of the file and the notices reading it
        gave (see :func:`reader.ingest.loader.parse_text`); silently gives up on errors."""
        from reader.annotate.pipeline import quick_figure_annotations

        figures = [quick_figure_annotations(article) for article in articles]
        self._remember(articles, figures)
        entry = self._entry(shown, path)
        data = {
            "code": self.code,
            "stamp": list(stamp),
            "shown": shown,
            "articles": [article_to_plain(article) for article in articles],
            "figures": [figures_to_plain(items) for items in figures],
            "notices": list(notices),
        }
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, entry)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._prune(entry.parent)
        except OSError as exc:
            log.debug("parse cache not written (%s): %s", entry, exc)

    def _prune(self, folder: Path) -> None:
        """Keep the folder to ``max_entries`` files, dropping the least recently written."""
        entries = list(os.scandir(folder))
        if len(entries) <= self.max_entries:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns)
        for stale in entries[: len(entries) - self.max_entries]:
            Path(stale.path).unlink(missing_ok=True)

    def _remember(self, articles: list[Article], figures: list[list[Located[Figure]]]) -> None:
        for article, found in zip(articles, figures, strict=True):
            self._figures[article.id] = found
