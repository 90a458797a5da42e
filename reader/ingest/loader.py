"""Open what the user points at: files and folders of pages, web copies and Markdown.

This is the one door through which articles enter the program. It decides each file's
format, reads it without ever writing to it, and turns every failure into a
:class:`LoadError` with a one-line message naming the file, so the rest of a folder
still opens.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from reader.ingest.decode import DecodeError, read_text
from reader.model import Article
from reader.text.radicals import unify_radicals

#: File endings we read when walking a folder. Named files are read whatever their ending.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".pdf"})
_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_BUNDLED_PREFIX = "articles"


class LoadError(Exception):
    """A file that could not be read, with the reason on one line."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = " ".join(message.split())

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


#: What identifies one version of a file on disk: size, modification time (ns), inode.
Stamp = tuple[int, int, int]


class ArticleCache(Protocol):
    """Where :func:`load_file` may keep the articles of a file between runs.

    Keyed by the path shown (``shown``), the file and its :func:`file_stamp`: a changed file
    misses. The app passes one (``reader.library.parse_cache.ParseCache``); scripts and the
    bulk import pass none and parse every time.
    """

    def get(self, shown: str, path: Path, stamp: Stamp) -> tuple[list[Article], list[str]] | None:
        """The articles and notices kept for this version of the file, or None."""
        ...

    def put(
        self, shown: str, path: Path, stamp: Stamp, articles: list[Article], notices: list[str]
    ) -> None:
        """Keep the articles and notices of this version of the file (best effort)."""
        ...


def file_stamp(path: Path) -> Stamp | None:
    """What identifies this version of the file (size, mtime_ns, inode), or None."""
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


@dataclass(slots=True)
class LoadResult:
    """The articles read from some paths, and the files that could not be read."""

    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    #: Files read, but not as their shape suggested (a .txt that is no page dump: read as
    #: plain text), each with the reason on one line.
    notices: list[LoadError] = field(default_factory=list)


def bundled_articles_dir() -> Path:
    """The folder of pages that ship with the package.

    In a wheel they sit inside the package; in a source checkout (editable install) they
    are the repository's ``articles/`` folder.
    """
    here = Path(__file__).resolve().parents[1]
    packaged = here / "_bundled_articles"
    return packaged if packaged.is_dir() else here.parent / "articles"


def date_from_name(name: str) -> str | None:
    """The ``YYYY-MM-DD`` date a file name carries, if it is a real date."""
    import datetime as dt

    for match in _DATE_RE.finditer(name):
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            continue
    return None


def parse_text(
    text: str, path: str, suffix: str = ".txt", notices: list[str] | None = None
) -> list[Article]:
    """Parse decoded text by its kind: Markdown, page dump, or plain web copy.

    A text that is not a page dump is read as plain text, and ``notices`` (when given)
    gets one line saying so and why: the user must not wonder where the columns went.
    """
    # Imported here: with the parse cache warm, the app starts without loading the parsers.
    from reader.ingest.markdown import parse_markdown
    from reader.ingest.page import not_a_page_reason, parse_page
    from reader.ingest.plain import parse_plain

    if suffix in (".md", ".markdown") or text.lstrip("\ufeff \t\r\n").startswith("---\n"):
        return parse_markdown(text, path)
    reason = not_a_page_reason(text)
    if reason is None:
        return parse_page(text, path)
    if notices is not None:
        notices.append(f"read as plain text, not as a page: {reason}")
    return parse_plain(text, path)


def display_path(path: Path) -> str:
    """The path to show and to build ids from: bundled pages by their short name."""
    bundled = bundled_articles_dir()
    try:
        return f"{_BUNDLED_PREFIX}/{path.resolve().relative_to(bundled.resolve()).as_posix()}"
    except ValueError:
        return str(path)


def load_file(
    path: Path, *, cache: ArticleCache | None = None, notices: list[str] | None = None
) -> list[Article]:
    """Read one file into articles; through ``cache`` when one is given.

    ``notices`` gets a line when the file was read otherwise than its shape suggests
    (see :func:`parse_text`), from the cache too.

    Raises:
        LoadError: the file cannot be read or parsed; the message is one line.
    """
    shown = display_path(path)
    found: list[str] = []
    stamp = file_stamp(path) if cache is not None else None
    if cache is None or stamp is None:
        # Without a stamp the file cannot be read: parsing says why, in one line.
        articles = _read_and_parse(path, shown, found)
    else:
        cached = cache.get(shown, path, stamp)
        if cached is None:
            articles = _read_and_parse(path, shown, found)
            cache.put(shown, path, stamp, articles, found)
        else:
            articles, found = cached
    if notices is not None:
        notices.extend(found)
    return articles


def _read_and_parse(path: Path, shown: str, notices: list[str] | None = None) -> list[Article]:
    from reader.ingest.markdown import FrontMatterError

    if path.suffix.lower() == ".pdf":
        return _read_pdf(path, shown)
    try:
        text = read_text(path)
    except DecodeError as exc:
        raise LoadError(shown, str(exc)) from None
    except IsADirectoryError:
        raise LoadError(shown, "is a folder") from None
    except PermissionError:
        raise LoadError(shown, "permission denied") from None
    except FileNotFoundError:
        raise LoadError(shown, "no such file") from None
    except OSError as exc:
        raise LoadError(shown, exc.strerror or exc.__class__.__name__) from None
    if not text.strip():
        raise LoadError(shown, "empty file" if not text else "only whitespace")
    text = unify_radicals(text)  # ⼤连⾼新区 as 大连高新区 (text copied out of e-paper PDFs)
    try:
        articles = parse_text(text, shown, path.suffix.lower(), notices)
    except FrontMatterError as exc:
        raise LoadError(shown, str(exc)) from None
    if not articles:
        raise LoadError(shown, "no articles found")
    page_date = date_from_name(path.name)
    return [replace(a, date=a.date or page_date) for a in articles]


def _read_pdf(path: Path, shown: str) -> list[Article]:
    from reader.ingest.pdf import PdfError, read_pdf

    try:
        articles = read_pdf(path, shown)
    except PdfError as exc:
        raise LoadError(shown, str(exc)) from None
    if not articles:
        raise LoadError(shown, "no articles found")
    page_date = date_from_name(path.name)
    return [replace(a, date=a.date or page_date) for a in articles]


def iter_article_files(root: Path, errors: list[LoadError] | None = None) -> Iterator[Path]:
    """Every article file under ``root``, sorted, following no symlink loops.

    A folder that cannot be listed (permissions, a link to itself) is skipped, and named in
    ``errors`` when a list is given, so that the user hears why its files are missing.
    """
    seen: set[tuple[int, int]] = set()
    stack = [root]
    found: list[Path] = []
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                continue
            seen.add(key)
            entries = list(os.scandir(folder))
        except OSError as exc:
            if errors is not None:
                reason = exc.strerror or exc.__class__.__name__
                errors.append(LoadError(str(folder), f"folder not read: {reason}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    stack.append(path)
                elif entry.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(path)
            except OSError as exc:  # rare: is_dir() and is_file() say False for broken links
                if errors is not None:
                    errors.append(LoadError(str(path), exc.strerror or exc.__class__.__name__))
    yield from sorted(found)


def load_paths(
    paths: Sequence[str | Path], *, cache: ArticleCache | None = None
) -> LoadResult:
    """Read files and folders (recursively); bad files become errors, never exceptions.

    ``cache`` keeps parsed files for the next time (the app passes its parse cache).
    """
    result = LoadResult()
    pdfs = False
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = list(iter_article_files(path, result.errors))
            if not files:
                result.errors.append(
                    LoadError(str(path), "no article files (.txt, .md, .pdf) in it"))
            for file in files:
                _load_into(result, file, cache)
            pdfs = pdfs or any(file.suffix.lower() == ".pdf" for file in files)
        else:
            _load_into(result, path, cache)
            pdfs = pdfs or path.suffix.lower() == ".pdf"
    if pdfs:  # a story jumped from one page file to another read in the same go
        from reader.ingest.pdf import join_continuations

        result.articles = join_continuations(result.articles)
    return result


def _load_into(result: LoadResult, path: Path, cache: ArticleCache | None) -> None:
    notices: list[str] = []
    try:
        result.articles.extend(load_file(path, cache=cache, notices=notices))
    except LoadError as err:
        result.errors.append(err)
    result.notices.extend(LoadError(display_path(path), notice) for notice in notices)
