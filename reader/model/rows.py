"""The rows the app and the CLI list: a sidebar headline, a figure or a name across articles.

Every article source (files opened directly, the SQLite library) answers with these, so the
screens and the commands have one code path whatever the articles come from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A figure somewhere in the library, with the article it is in."""

    value: float | None
    unit: str
    kind: str
    label: str
    article_id: str
    title: str
    date: str | None
    block: int
    start: int
    end: int
    text: str
    value_max: float | None


@dataclass(frozen=True, slots=True)
class EntityRow:
    """A named entity and the number of articles naming it (in any of its forms).

    ``text`` is the full name; ``aliases`` the short forms articles use for it (华为 for
    华为技术有限公司), each article counted once whichever forms it uses. ``role`` is
    "author" for a reporter named in bylines, listed apart from the people stories name.
    """

    text: str
    type: str
    articles: int
    aliases: tuple[str, ...] = ()
    role: str | None = None


@dataclass(frozen=True, slots=True)
class HeadlineRow:
    """One line of the sidebar.

    ``kicker`` and ``first_line`` (where in its file the article starts) are given by a
    source that has them at hand (files opened directly); the sidebar then shows them
    instead of the date.
    """

    article_id: str
    headline: str
    date: str | None
    kind: str
    source_path: str
    kicker: str | None = None
    first_line: int | None = None
