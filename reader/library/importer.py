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


def prepare(path: str, known_hash: str | None, annotator: Annotator | None = None) -> Prepared:
    """Read, parse and annotate one file. Never raises: failures become ``error``."""
    from reader.ingest.loader import LoadError, load_file

    try:
        info = os.stat(path)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return Prepared(path, 0, 0, "", error=f"{path}: {exc.strerror or exc.__class__.__name__}")
    prepared = Prepared(path, info.st_size, info.st_mtime_ns, file_hash(data), nbytes=len(data))
    if prepared.hash == known_hash:
        prepared.unchanged = True
        return prepared
    try:
        notices: list[str] = []
        articles = load_file(Path(path), notices=notices)
        prepared.notices = [f"{path}: {notice}" for notice in notices]
    except LoadError as exc:
        prepared.error = str(exc)
        return prepared
    annotate = annotator or default_annotator
    try:
        prepared.rows = [article_row(a, annotate(a), i) for i, a in enumerate(articles)]
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a folder's import
        prepared.error = f"{path}: annotation failed ({exc.__class__.__name__}: {exc})"
        prepared.rows = []
    prepared.peak_mb = _peak_mb()
    return prepared


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
    jobs: Sequence[tuple[str, str | None]],
    annotator: Annotator | None = None,
    workers: int | None = None,
) -> Iterator[Prepared]:
    """Prepare every (path, known hash) job, on all cores when there is more than one file.

    Results come back as they finish, so the caller can write and report progress.
    """
    count = workers or os.cpu_count() or 1
    if count <= 1 or len(jobs) <= 1:
        for path, known in jobs:
            yield prepare(path, known, annotator)
        return
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    # Submit a few jobs per worker at a time: results are large (texts, JSON, tokens) and
    # the writer is slower than the workers, so submitting everything at once would keep
    # every finished file in memory (2.4 GB for 100,000 articles).
    todo = list(reversed(jobs))
    running: dict[Future[Prepared], str] = {}
    workers_used = min(count, len(jobs))
    with ProcessPoolExecutor(
        max_workers=workers_used, mp_context=_pool_context()  # type: ignore[arg-type]
    ) as pool:
        try:
            while todo or running:
                while todo and len(running) < workers_used * 3:
                    path, known = todo.pop()
                    running[pool.submit(prepare, path, known, annotator)] = path
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    path = running.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        # A worker died (killed, out of memory): its file is reported, not
                        # lost.
                        yield Prepared(path, 0, 0, "", error=f"{path}: the worker process "
                                       "reading it stopped unexpectedly")
        finally:
            # The caller stopped early (a full disk): files not yet started are dropped.
            pool.shutdown(wait=True, cancel_futures=True)
