"""The reader screen's thread workers on the article source.

Each call that may be slow (see :mod:`reader.library.source`) runs in an exclusive thread
worker of the screen and comes back to it as a message: an article fetched, annotations
made, the watched folders taken in. The screen decides what to show; this only fetches.
Errors reach the user as one notification, never a traceback; a broken NLP stack fails for
every article alike, so it is told once per run. A plain object, not a widget: one widget
fewer to mount before the first frame.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from reader.model import Annotations, Article

if TYPE_CHECKING:
    from reader.library.source import ArticleSource, Refreshed


class SourceWorkers:
    """Fetches, annotates and refreshes off the UI thread; posts the results to ``host``.

    The host (the reader screen) runs the workers, receives the messages and passes its
    :class:`~textual.worker.Worker.StateChanged` events to :meth:`worker_changed`.
    """

    @dataclass
    class ArticleFetched(Message):
        """An article not at hand was read, with its stored annotations if any."""

        article: Article
        annotations: Annotations | None

    @dataclass
    class Annotated(Message):
        """The full annotations of an article are made."""

        article_id: str
        annotations: Annotations

    @dataclass
    class SourceRefreshed(Message):
        """The source took in changes from outside (pages dropped into a folder)."""

        changes: Refreshed

    def __init__(self, host: Widget, source: ArticleSource) -> None:
        self.host = host
        self.source = source
        self._annotate_lock = threading.Lock()
        self._annotate_failed = False

    def _run(self, group: str, work: partial[None]) -> None:
        self.host.run_worker(work, thread=True, exclusive=True, group=group, exit_on_error=False)

    def fetch(self, article_id: str) -> None:
        """Read an article (and what is stored of its annotations)."""
        self._run("fetch", partial(self._fetch, article_id))

    def annotate(self, article: Article) -> None:
        """Make the full annotations of an article."""
        self._run("annotate", partial(self._annotate, article))

    def refresh_source(self) -> None:
        """Look for changes outside (the watched folders)."""
        self._run("watch", partial(self._refresh))

    def _fetch(self, article_id: str) -> None:
        article = self.source.article(article_id)
        if article is None or get_current_worker().is_cancelled:
            return
        stored = self.source.stored_annotations(article_id)
        self._post(self.ArticleFetched(article, stored))

    def _annotate(self, article: Article) -> None:
        """Full annotations off the UI thread (the first call may load the NLP stack).

        A thread cannot be stopped, so the lock runs one annotation at a time and a worker
        cancelled while waiting (the reader moved on) never starts: holding ``j`` through
        the sidebar costs one annotation, not one per article passed.
        """
        worker = get_current_worker()
        with self._annotate_lock:
            if worker.is_cancelled:
                return
            annotations = self.source.annotations(article)
        # Posted even if cancelled meanwhile: the work is done, so it is cached.
        self._post(self.Annotated(article.id, annotations))

    def _refresh(self) -> None:
        changes = self.source.refresh()
        if changes is not None:
            self._post(self.SourceRefreshed(changes))

    def _post(self, message: Message) -> None:
        with suppress(RuntimeError):  # the app closed while we worked: nothing to show
            self.host.post_message(message)

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """Tell the user once about a worker that failed."""
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        if worker.group in ("fetch", "watch"):
            what = "read the article" if worker.group == "fetch" else "look in the folders"
            self.host.notify(f"Could not {what}: {worker.error}", severity="error")
        elif worker.group == "annotate" and not self._annotate_failed:
            self._annotate_failed = True
            self.host.notify(
                f"Names and key numbers are unavailable: {worker.error}",
                title="Annotation failed",
                severity="error",
            )
