"""The one interface the shell reads articles through: :class:`ArticleSource`.

The app never asks where its articles come from. Files opened directly
(:class:`reader.library.memory.MemorySource`) and the SQLite library
(:class:`reader.library.sqlite_source.SqliteSource`) answer the same questions with the
same row types (:mod:`reader.model.rows`); a server-backed archive would be one more class
with these methods, not a branch in the shell. :mod:`reader.library.factory` builds them.

Which calls may be slow is part of the contract: those marked *worker* may touch a disk, a
database or the NLP stack and are made from thread workers; the others answer from memory
and are made on the UI thread. Implementations are safe to call from a worker while the UI
thread reads.

No textual import here, and nothing that opens a database: the shell imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from reader.model import Annotations, Article, Figure, Located
    from reader.model.rows import EntityRow, FigureRow, HeadlineRow
    from reader.search.match import SearchHit
    from reader.state.user import State

Severity = Literal["information", "warning", "error"]
#: Which of the user's articles :meth:`ArticleSource.marked_headlines` lists.
Marked = Literal["bookmarked", "unread"]


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the user should hear once the app runs (a file not read, a rebuild)."""

    message: str
    title: str = ""
    severity: Severity = "warning"
    timeout: float | None = None
    #: Many of this kind may be shown as one (a file read as plain text). A file that could
    #: not be read at all is never folded: each is named on its own line.
    foldable: bool = False


#: Notices of one kind shown one by one; more become one notice naming the first few.
NOTICES_SHOWN = 3


def grouped_notices(notices: list[Notice], shown: int = NOTICES_SHOWN) -> list[Notice]:
    """The notices to show, the foldable ones of one kind (title and severity) beyond
    ``shown`` folded into one: a folder of twelve text files that are not pages is one
    notice, not twelve that cover the article."""
    groups: dict[tuple[str, str, bool], list[Notice]] = {}
    for notice in notices:
        groups.setdefault((notice.title, notice.severity, notice.foldable), []).append(notice)
    out: list[Notice] = []
    for (title, severity, foldable), same in groups.items():
        if len(same) <= shown or not foldable:
            out.extend(same)
            continue
        lines = [n.message for n in same[:shown]]
        lines.append(f"…and {len(same) - shown} more like these")
        timeouts = [n.timeout for n in same if n.timeout is not None]
        out.append(Notice("\n".join(lines), title, severity, max(timeouts, default=None), True))
    return out


@dataclass(slots=True)
class Refreshed:
    """What a :meth:`ArticleSource.refresh` changed."""

    added: int = 0
    """Articles that were not listed before."""
    changed: list[str] = field(default_factory=list)
    """Ids of the articles read again (their annotations must be made again)."""
    errors: list[str] = field(default_factory=list)
    """One line per file that could not be read."""
    read_as_plain: list[str] = field(default_factory=list)
    """One line per .txt read as plain text, with why it is no page dump."""


class ArticleSource(Protocol):
    """Articles, their annotations, search and the figures and names across them."""

    @property
    def state(self) -> State:
        """Read marks, bookmarks, positions, the last article and the theme."""
        ...

    @property
    def page_size(self) -> int | None:
        """How many headlines the sidebar should ask for at a time; None: the shell's
        choice. A source holding every headline in memory answers all of them."""
        ...

    @property
    def refresh_every(self) -> float | None:
        """Seconds between two :meth:`refresh` calls worth making; None: never."""
        ...

    def notices(self) -> list[Notice]:
        """What to tell the user once the app runs (files not read, an empty library)."""
        ...

    def count(self) -> int:
        """How many articles there are."""
        ...

    def headlines(self, offset: int, limit: int) -> list[HeadlineRow]:
        """Rows ``offset`` to ``offset + limit`` of the list (worker for big sources; the
        sidebar asks for a page on the UI thread, as an indexed query is cheap)."""
        ...

    def marked_headlines(self, which: Marked, limit: int | None = None) -> list[HeadlineRow]:
        """The headlines of the bookmarked articles, or of those not read yet (by the
        state's marks), in sidebar order, at most ``limit`` (worker)."""
        ...

    def article_at_hand(self, article_id: str) -> Article | None:
        """The article if it is in memory (no I/O); None means: ask :meth:`article`."""
        ...

    def article(self, article_id: str) -> Article | None:
        """The article, fetched if need be (worker); None if there is no such article."""
        ...

    def copies(self, article_id: str) -> list[str]:
        """Every file the article was read from, the one it is shown as first: copies of a
        page (under two names, in two folders) are one article (worker)."""
        ...

    def quick_figures(self, article: Article) -> list[Located[Figure]]:
        """The figures to highlight on the first paint (fast: no NLP)."""
        ...

    def stored_annotations(self, article_id: str) -> Annotations | None:
        """Full annotations to be had without annotating (made earlier or stored at
        import), else None (worker: may read a database)."""
        ...

    def annotations(self, article: Article) -> Annotations:
        """Figures, names and key numbers of the article (worker: may load the NLP stack)."""
        ...

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """The articles matching ``query``, best first (worker)."""
        ...

    def figures(
        self,
        kind: str | None = None,
        unit: str | None = None,
        min_value: float | None = None,
        max_value: float | None = None,
        order: str = "value",
        limit: int | None = None,
    ) -> list[FigureRow]:
        """Figures, largest value first (``order="value"``) or newest article first
        (worker)."""
        ...

    def entities(self, type: str | None = None, role: str | None = None) -> list[EntityRow]:
        """Every name with the number of articles naming it, most named first: a full name
        once with its short forms (``aliases``), reporters apart (``role`` "author"; asking
        ``role="author"`` lists only them) (worker)."""
        ...

    def articles_naming(
        self, entity_text: str, type: str | None = None, role: str | None = None
    ) -> list[HeadlineRow]:
        """The articles naming ``entity_text`` in any of its forms, newest first (worker)."""
        ...

    def money_articles(
        self, min_value: float | None = None, max_value: float | None = None,
        date: str | None = None,
    ) -> list[tuple[Article, Annotations]]:
        """The articles, with their annotations, holding an amount in 元 within the bounds
        (dated ``date…`` if given), in sidebar order: what a money chart sums (worker)."""
        ...

    def refresh(self) -> Refreshed | None:
        """Take in what changed outside (pages dropped into a watched folder); None if
        nothing did (worker)."""
        ...

    def close(self) -> None:
        """Let go of files and connections (the state is saved by its owner)."""
        ...
