"""The reader screen's thread workers on the article source, as a widget with no looks.

Each call that may be slow (see :mod:`reader.library.source`) runs here in an exclusive
thread worker and comes back to the screen as a message: an article fetched, annotations
made, the watched folders taken in. The screen decides what to show; this widget only
fetches. Errors reach the user as one notification, never a traceback; a broken NLP stack
fails for every article alike, so it is told once per run.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from reader.model import Annotations, Article

if TYPE_CHECKING:
    from reader.library.source import ArticleSource, Refreshed


class SourceWorkers(Widget):
    """Fetches, annotates and refreshes off the UI thread; posts the results up."""

    DEFAULT_CSS = "SourceWorkers { display: none; }"

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

    def __init__(self, source: ArticleSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self._annotate_lock = threading.Lock()
        self._annotate_failed = False

    @work(thread=True, exclusive=True, group="fetch", exit_on_error=False)
    def fetch(self, article_id: str) -> None:
        """Read an article (and what is stored of its annotations)."""
        article = self.source.article(article_id)
        if article is None or get_current_worker().is_cancelled:
            return
        stored = self.source.stored_annotations(article_id)
        self._post(self.ArticleFetched(article, stored))

    @work(thread=True, exclusive=True, group="annotate", exit_on_error=False)
    def annotate(self, article: Article) -> None:
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

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def refresh_source(self) -> None:
        """Look for changes outside (the watched folders)."""
        changes = self.source.refresh()
        if changes is not None:
            self._post(self.SourceRefreshed(changes))

    def _post(self, message: Message) -> None:
        with suppress(RuntimeError):  # the app closed while we worked: nothing to show
            self.post_message(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        if worker.group in ("fetch", "watch"):
            what = "read the article" if worker.group == "fetch" else "look in the folders"
            self.notify(f"Could not {what}: {worker.error}", severity="error")
        elif worker.group == "annotate" and not self._annotate_failed:
            self._annotate_failed = True
            self.notify(
                f"Names and key numbers are unavailable: {worker.error}",
                title="Annotation failed",
                severity="error",
            )
