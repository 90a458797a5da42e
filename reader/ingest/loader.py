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


@dataclass(slots=True)
class LoadResult:
    """The articles read from some paths, and the files that could not be read."""

    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


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


def parse_text(text: str, path: str, suffix: str = ".txt") -> list[Article]:
    """Parse decoded text by its kind: Markdown, page dump, or plain web copy."""
    # Imported here: with the parse cache warm, the app starts without loading the parsers.
    from reader.ingest.markdown import parse_markdown
    from reader.ingest.page import looks_like_page, parse_page
    from reader.ingest.plain import parse_plain

    if suffix in (".md", ".markdown") or text.lstrip("\ufeff \t\r\n").startswith("---\n"):
        return parse_markdown(text, path)
    if looks_like_page(text):
        return parse_page(text, path)
    return parse_plain(text, path)


def _display_path(path: Path) -> str:
    """The path to show and to build ids from: bundled pages by their short name."""
    bundled = bundled_articles_dir()
    try:
        return f"{_BUNDLED_PREFIX}/{path.resolve().relative_to(bundled.resolve()).as_posix()}"
    except ValueError:
        return str(path)


def load_file(path: Path, *, cache: bool = False) -> list[Article]:
    """Read one file into articles; with ``cache``, through :mod:`reader.ingest.parse_cache`.

    Raises:
        LoadError: the file cannot be read or parsed; the message is one line.
    """
    shown = _display_path(path)
    if not cache:
        return _read_and_parse(path, shown)
    from reader.ingest import parse_cache

    stamp = parse_cache.file_stamp(path)
    if stamp is None:
        return _read_and_parse(path, shown)  # it reports why the file cannot be read
    articles = parse_cache.get(shown, path, stamp)
    if articles is None:
        articles = _read_and_parse(path, shown)
        parse_cache.put(shown, path, stamp, articles)
    return articles


def _read_and_parse(path: Path, shown: str) -> list[Article]:
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
        articles = parse_text(text, shown, path.suffix.lower())
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


def load_paths(paths: Sequence[str | Path], *, cache: bool = False) -> LoadResult:
    """Read files and folders (recursively); bad files become errors, never exceptions.

    ``cache`` keeps parsed files in the cache directory for the next time (the app uses it).
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


def _load_into(result: LoadResult, path: Path, cache: bool) -> None:
    try:
        result.articles.extend(load_file(path, cache=cache))
    except LoadError as err:
        result.errors.append(err)
