"""A cache of parsed files, so that opening the same pages again skips the parser.

Turning a page dump into articles costs ~30 ms a page (plus ~15 ms to import the parser),
and finding the figures the first paint highlights ~5 ms a page (plus ~30 ms to compile the
figure finder). People open the same folder of pages day after day, and the app shows
nothing until then, so the articles of each file and their first figures
(:func:`reader.annotate.pipeline.quick_figure_annotations`) are kept in the cache directory as JSON,
keyed by what the file looks like on disk (size, modification time in nanoseconds, inode)
and by the parser code that read it. A file that changes, or a new version of the parser,
simply misses. The cache is best effort: any problem reading or writing it counts as a
miss, it never writes beside the user's files, and deleting it is always safe.

Only the app uses it (see :func:`reader.ingest.loader.load_paths`): a bulk import into the library
reads each file once and keeps the result in the library itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from reader import paths
from reader.model import Article, Block, Figure, Located, Source

log = logging.getLogger(__name__)

FORMAT = 2
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
    "data/radicals.txt",
    "annotate/pipeline.py",
    "annotate/figures.py",
)

Stamp = tuple[int, int, int]

#: Article id → its first figures, for the articles this process read through the cache.
_figures: dict[str, list[Located[Figure]]] = {}


def cached_figures(article_id: str) -> list[Located[Figure]] | None:
    """The first-paint figures of an article read through the cache, if known."""
    return _figures.get(article_id)


def file_stamp(path: Path) -> Stamp | None:
    """What identifies this version of the file (size, mtime_ns, inode), or None."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


_code_stamp: str | None = None


def code_stamp() -> str:
    """A digest of the parser's source files as installed (sizes and modification times)."""
    global _code_stamp
    if _code_stamp is None:
        parts: list[str] = [str(FORMAT)]
        for name in _CODE:
            target = _PACKAGE / name
            # rglob: nested packages (ingest/pdf/) are parser code too.
            files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
            for file in files:
                stamp = file_stamp(file)
                name = file.relative_to(_PACKAGE).as_posix()
                parts.append(f"{name}:{stamp[:2] if stamp else None}")
        _code_stamp = hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
    return _code_stamp


def _entry(shown: str, path: Path) -> Path:
    key = f"{shown}\0{path.resolve()}".encode("utf-8", "surrogateescape")
    return paths.cache_dir() / SUBDIR / f"{hashlib.sha256(key).hexdigest()[:32]}.json"


def get(shown: str, path: Path, stamp: Stamp) -> list[Article] | None:
    """The articles cached for this version of the file, or None on any miss."""
    entry = _entry(shown, path)
    try:
        raw = json.loads(entry.read_text(encoding="utf-8"))
        if raw["code"] != code_stamp() or raw["stamp"] != list(stamp) or raw["shown"] != shown:
            return None
        articles = [_article(item) for item in raw["articles"]]
        figures = [[_located(item) for item in items] for items in raw["figures"]]
        if len(figures) != len(articles):
            return None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.debug("parse cache entry %s unusable: %s", entry, exc)
        return None
    _remember(articles, figures)
    return articles


def put(shown: str, path: Path, stamp: Stamp, articles: list[Article]) -> None:
    """Remember the articles of this version of the file (silently gives up on errors)."""
    from reader.annotate.pipeline import quick_figure_annotations

    figures = [quick_figure_annotations(article) for article in articles]
    _remember(articles, figures)
    entry = _entry(shown, path)
    data = {
        "code": code_stamp(),
        "stamp": list(stamp),
        "shown": shown,
        "articles": [_plain(article) for article in articles],
        "figures": [[_plain_located(loc) for loc in items] for items in figures],
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
        _prune(entry.parent)
    except OSError as exc:
        log.debug("parse cache not written (%s): %s", entry, exc)


def _prune(folder: Path) -> None:
    """Keep the folder to MAX_ENTRIES files, dropping the least recently written."""
    entries = list(os.scandir(folder))
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime_ns)
    for stale in entries[: len(entries) - MAX_ENTRIES]:
        Path(stale.path).unlink(missing_ok=True)


def _remember(articles: list[Article], figures: list[list[Located[Figure]]]) -> None:
    for article, found in zip(articles, figures, strict=True):
        _figures[article.id] = found


def _plain_located(located: Located[Figure]) -> list[Any]:
    f = located.span
    return [located.block, f.start, f.end, f.text, f.value, f.unit, f.kind, f.qualifiers,
            f.value_max]


def _located(raw: list[Any]) -> Located[Figure]:
    block, start, end, text, value, unit, kind, qualifiers, value_max = raw
    return Located(block, Figure(start, end, text, value, unit, kind, tuple(qualifiers),
                                 value_max))


def _plain(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": [article.source.path, article.source.first_line, article.source.last_line],
        "kind": article.kind,
        "title": article.title,
        "kicker": article.kicker,
        "byline": article.byline,
        "dateline": article.dateline,
        "credit": article.credit,
        "captions": article.captions,
        "blocks": [[block.kind, block.text] for block in article.blocks],
        "date": article.date,
    }


def _article(raw: dict[str, Any]) -> Article:
    path, first, last = raw["source"]
    return Article(
        id=raw["id"],
        source=Source(path, first, last),
        kind=raw["kind"],
        title=raw["title"],
        kicker=raw["kicker"],
        byline=list(raw["byline"]),
        dateline=raw["dateline"],
        credit=raw["credit"],
        captions=list(raw["captions"]),
        blocks=[Block(kind, text) for kind, text in raw["blocks"]],
        date=raw["date"],
    )
