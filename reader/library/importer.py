"""Reading and annotating files for the library, on every core.

Parsing and annotating (jieba) are the slow part of an import and are independent per
file, so they run in a process pool; only the writing happens in the importing process,
in a few large transactions. A worker returns plain data (:class:`Prepared`), never a
half-written database. Unchanged files are recognised by size and mtime first and by
content hash second, so re-importing a folder costs little more than a ``stat`` per file.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.library.rows import ArticleRow, article_row
from reader.model import Annotations, Article

Annotator = Callable[[Article], Annotations]


@dataclass(slots=True)
class Prepared:
    """One file, read and annotated (or the one-line reason it could not be)."""

    path: str
    size: int
    mtime_ns: int
    hash: str
    rows: list[ArticleRow] = field(default_factory=list)
    error: str | None = None
    #: Files read otherwise than their shape suggested (a .txt that is no page: plain text).
    notices: list[str] = field(default_factory=list)
    #: True when the content hash equals the stored one: nothing to write but the mtime.
    unchanged: bool = False
    nbytes: int = 0
    #: Peak resident memory of the process that prepared it, in MB (0 if unknown).
    peak_mb: float = 0.0


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Files named, plus article files found under folders; and a message per bad path."""
    from reader.ingest.loader import LoadError, iter_article_files

    files: list[Path] = []
    errors: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            unreadable: list[LoadError] = []
            found = list(iter_article_files(path, unreadable))
            errors.extend(str(e) for e in unreadable)
            if not found:
                errors.append(f"{path}: no article files (.txt, .md, .pdf) in it")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(f"{path}: no such file")
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, errors


def file_hash(data: bytes) -> str:
    """Content hash used to tell a touched file from a changed one."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def default_annotator(article: Article) -> Annotations:
    """Annotate with :func:`reader.annotate.pipeline.annotate` (imported in the worker)."""
    from reader.annotate.pipeline import annotate

    return annotate(article)


def _read(path: str, known_hash: str | None) -> tuple[Prepared, bool]:
    """The file's bytes stamped and hashed; (prepared, readable)."""
    try:
        info = os.stat(path)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        error = f"{path}: {exc.strerror or exc.__class__.__name__}"
        return Prepared(path, 0, 0, "", error=error), False
    prepared = Prepared(path, info.st_size, info.st_mtime_ns, file_hash(data), nbytes=len(data))
    prepared.unchanged = prepared.hash == known_hash
    return prepared, True


def _load(prepared: Prepared) -> list[Article] | None:
    """The file's articles, or None with ``prepared.error`` set."""
    from reader.ingest.loader import LoadError, load_file

    try:
        notices: list[str] = []
        articles = load_file(Path(prepared.path), notices=notices)
        prepared.notices = [f"{prepared.path}: {notice}" for notice in notices]
    except LoadError as exc:
        prepared.error = str(exc)
        return None
    return articles


def _annotate_rows(
    prepared: Prepared, articles: list[Article], annotator: Annotator | None
) -> None:
    annotate = annotator or default_annotator
    try:
        prepared.rows = [article_row(a, annotate(a), i) for i, a in enumerate(articles)]
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a folder's import
        prepared.error = f"{prepared.path}: annotation failed ({exc.__class__.__name__}: {exc})"
        prepared.rows = []
    prepared.peak_mb = _peak_mb()


def prepare(path: str, known_hash: str | None, annotator: Annotator | None = None) -> Prepared:
    """Read, parse and annotate one file. Never raises: failures become ``error``."""
    prepared, readable = _read(path, known_hash)
    if not readable or prepared.unchanged:
        return prepared
    articles = _load(prepared)
    if articles is not None:
        _annotate_rows(prepared, articles, annotator)
    return prepared


def prepare_group(
    jobs: Sequence[tuple[str, str | None]], annotator: Annotator | None = None
) -> list[Prepared]:
    """Prepare the page PDFs of one folder together: a story jumped from one page file to
    another (（下转第4版） … （上接第1版）) is joined into one article, which belongs to the
    file of its first part. Every file of the group is written again (none is skipped as
    unchanged), since a partner's change can change what is joined."""
    if len(jobs) == 1:
        return [prepare(*jobs[0], annotator)]
    from reader.ingest.pdf import join_continuations

    group: list[tuple[Prepared, list[Article]]] = []
    for path, _known in jobs:
        prepared, readable = _read(path, None)
        articles = _load(prepared) if readable else None
        group.append((prepared, articles or []))
    joined = join_continuations([a for _prepared, articles in group for a in articles])
    by_path: dict[str, list[Article]] = {}
    for article in joined:
        by_path.setdefault(article.source.path, []).append(article)
    for prepared, _articles in group:
        if prepared.error is None:
            _annotate_rows(prepared, by_path.get(prepared.path, []), annotator)
    return [prepared for prepared, _articles in group]


def _peak_mb() -> float:
    """This process's peak resident memory (POSIX; Linux reports KiB)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def _pool_context() -> object:
    import multiprocessing

    # Not "fork": the app imports from a worker thread, and forking a threaded process
    # can deadlock the child. forkserver starts clean workers cheaply where it exists.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def prepare_all(
    jobs: Sequence[Sequence[tuple[str, str | None]]],
    annotator: Annotator | None = None,
    workers: int | None = None,
) -> Iterator[Prepared]:
    """Prepare every group of (path, known hash) jobs (most groups are one file), on all
    cores when there is more than one group.

    Results come back as they finish, so the caller can write and report progress.
    """
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(jobs) <= 1:
        for group in jobs:
            yield from prepare_group(group, annotator)
        return
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # Submit a few jobs per worker at a time: results are large (texts, JSON, tokens) and
    # the writer is slower than the workers, so submitting everything at once would keep
    # every finished file in memory (2.4 GB for 100,000 articles).
    todo = list(reversed(jobs))
    running: dict[Future[list[Prepared]], Sequence[tuple[str, str | None]]] = {}
    workers_used = min(count, len(jobs))
    with ProcessPoolExecutor(
        max_workers=workers_used, mp_context=_pool_context()  # type: ignore[arg-type]
    ) as pool:
        try:
            while todo or running:
                while todo and len(running) < workers_used * 3:
                    group = todo.pop()
                    running[pool.submit(prepare_group, group, annotator)] = group
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    group = running.pop(future)
                    try:
                        yield from future.result()
                    except BrokenProcessPool:
                        # A worker died (killed, out of memory): its files are reported,
                        # not lost.
                        for path, _known in group:
                            yield Prepared(path, 0, 0, "", error=f"{path}: the worker process "
                                           "reading it stopped unexpectedly")
        finally:
            # The caller stopped early (a full disk): files not yet started are dropped.
            pool.shutdown(wait=True, cancel_futures=True)
