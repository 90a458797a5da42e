"""The library's paged reads: the sidebar, the figures view, names across the library.

Each answers a page at a time from an index, so that the 100,000th headline or the newest
figures of a million cost what the first page does:

* :class:`HeadlineOrder` keeps the sidebar order as a list of rowids (read once from the
  ``articles_order`` index, again only when the database changed), so a page at any
  position is a lookup of ``limit`` rows by rowid, never an ``OFFSET`` that walks every row
  before it;
* :func:`figures` filters with :class:`~reader.search.figure_filter.FigureQuery` on indexed
  columns and sorts in SQL: by value through a value index, by date by walking articles in
  sidebar order and each article's figures in page order, unless the filter leaves so few
  figures that sorting them is cheaper.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Iterable

from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.search.figure_filter import ORDERS, FigureQuery, money_query

#: The sidebar order (newest date first, then page and position order).
SIDEBAR_ORDER = "sortkey DESC, source_path, position"
_HEADLINE = "id, headline, date, kind, source_path"
#: Below this offset a page is read with OFFSET directly: no list is worth building for it.
NEAR_TOP = 500
#: A filter leaving at most this many figures is sorted by date directly; above it the
#: newest articles are walked until a page is full.
FEW_FIGURES = 5000
#: Sidebar order on the articles table ``a``; the rowid (last in articles_order) makes it
#: total, so each article's figures follow it in index order with no sort.
_BY_ARTICLE = "a.sortkey DESC, a.source_path, a.position, a.rowid"
_FIGURE_COLUMNS = (
    'f.value, f.unit, f.kind, f.label, a.id, a.headline, a.date, f.block, f.start, f."end",'
    " f.text, f.value_max"
)


class HeadlineOrder:
    """Pages of the sidebar by position, without OFFSET (keyset on a positional list)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._rowids: array[int] | None = None
        self._version: int | None = None

    def invalidate(self) -> None:
        """Forget the order (this connection changed the articles)."""
        self._rowids = None

    def _order(self) -> array[int]:
        # data_version changes when another connection (an import in another process)
        # commits; this connection's own writes call invalidate().
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._rowids is None or version != self._version:
            self._rowids = array("q", (row[0] for row in self.conn.execute(
                f"SELECT rowid FROM articles ORDER BY {SIDEBAR_ORDER}")))
            self._version = version
        return self._rowids

    def page(self, offset: int, limit: int) -> list[HeadlineRow]:
        """``limit`` headlines from position ``offset`` in sidebar order."""
        if limit <= 0:
            return []
        if offset < NEAR_TOP:
            rows = self.conn.execute(
                f"SELECT {_HEADLINE} FROM articles ORDER BY {SIDEBAR_ORDER} LIMIT ? OFFSET ?",
                (limit, max(0, offset)),
            )
            return [HeadlineRow(*row) for row in rows]
        wanted = self._order()[offset : offset + limit].tolist()
        if not wanted:
            return []
        found = {
            row[0]: HeadlineRow(*row[1:]) for row in self.conn.execute(
                f"SELECT rowid, {_HEADLINE} FROM articles WHERE rowid IN"
                f" ({','.join('?' * len(wanted))})", wanted)
        }
        return [found[r] for r in wanted if r in found]


def headlines_among(
    conn: sqlite3.Connection, ids: Iterable[str], inside: bool = True, limit: int | None = None
) -> list[HeadlineRow]:
    """The headlines of the articles in ``ids`` (or, ``inside=False``, of those not in
    them), in sidebar order: the bookmarked or the unread articles. The ids go in as one
    JSON array, however many the user marked."""
    keep = "IN" if inside else "NOT IN"
    rows = conn.execute(
        f"SELECT {_HEADLINE} FROM articles WHERE id {keep} (SELECT value FROM json_each(?))"
        f" ORDER BY {SIDEBAR_ORDER} LIMIT ?",
        (json.dumps(sorted(ids)), -1 if limit is None else limit),
    )
    return [HeadlineRow(*row) for row in rows]


def figures(
    conn: sqlite3.Connection, query: FigureQuery, order: str = "value",
    limit: int | None = None, offset: int = 0,
) -> list[FigureRow]:
    """Figures across the library passing ``query``, a page at a time.

    ``order``: "value" (largest first, figures without a value last) or "date" (newest
    article first, then sidebar order, then page order within the article).
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    where, args = query.sql("f")
    page = " LIMIT ? OFFSET ?"
    page_args: list[object] = [-1 if limit is None else limit, max(0, offset)]
    if order == "value":
        # NULLs sort last in DESC order, and "value DESC" walks a value index backwards.
        sql = (f"SELECT {_FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.rowid = f.article"
               f" WHERE {where} ORDER BY f.value DESC, f.rowid DESC{page}")
    elif where != "1" and _at_most(conn, where, args, FEW_FIGURES):
        sql = (f"SELECT {_FIGURE_COLUMNS} FROM figures f JOIN articles a ON a.rowid = f.article"
               f" WHERE {where} ORDER BY {_BY_ARTICLE}, f.block, f.start{page}")
    else:
        # CROSS JOIN keeps articles outside: they are walked in sidebar order through
        # articles_order and each one's figures in (block, start) order through
        # figures_article, so no sort is needed and the walk stops with the page.
        sql = (f"SELECT {_FIGURE_COLUMNS} FROM articles a CROSS JOIN figures f"
               f" ON f.article = a.rowid WHERE {where}"
               f" ORDER BY {_BY_ARTICLE}, f.block, f.start{page}")
    return [FigureRow(*row) for row in conn.execute(sql, [*args, *page_args])]


def _at_most(conn: sqlite3.Connection, where: str, args: list[object], count: int) -> bool:
    """Whether at most ``count`` figures pass the filter (counted through its index)."""
    found = conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM figures f WHERE {where} LIMIT ?)", [*args, count + 1]
    ).fetchone()[0]
    return found <= count


def entities(
    conn: sqlite3.Connection, type: str | None = None, role: str | None = None
) -> list[EntityRow]:
    """Every name (full names with their short forms; authors apart) with the number of
    articles naming it in any form, most named first. ``role`` "author": reporters only."""
    where, args = _entity_filter(type, role)
    rows = conn.execute(
        "SELECT name, type, count(DISTINCT article) AS n, role FROM entities"
        f" WHERE {where} GROUP BY name, type, role ORDER BY n DESC, name, role IS NOT NULL",
        args).fetchall()
    forms: dict[tuple[str, str, str | None], list[str]] = {}
    for name, etype, role_, text in conn.execute(
        "SELECT DISTINCT name, type, role, text FROM entities"
        f" WHERE text != name AND {where} ORDER BY text", args
    ):
        forms.setdefault((name, etype, role_), []).append(text)
    return [EntityRow(name, etype, n, tuple(forms.get((name, etype, role_), ())), role_)
            for name, etype, n, role_ in rows]


def _entity_filter(
    type: str | None, role: str | None, alias: str = ""
) -> tuple[str, list[object]]:
    conds, args = ["1"], []
    if type is not None:
        conds.append(f"{alias}type = ?")
        args.append(type)
    if role is not None:
        conds.append(f"{alias}role = ?")
        args.append(role)
    return " AND ".join(conds), args


def articles_naming(
    conn: sqlite3.Connection, entity_text: str, type: str | None = None,
    role: str | None = None,
) -> list[HeadlineRow]:
    """The articles that name ``entity_text`` in any of its forms (the full name or a short
    one; of ``type`` and ``role`` if given), newest first."""
    where, args = _entity_filter(type, role, "e.")
    # Its forms: the name, its short forms anywhere, the full names it is a short form of.
    sql = (
        "WITH forms(t) AS (SELECT ?1 UNION SELECT text FROM entities WHERE name = ?1"
        " UNION SELECT name FROM entities WHERE text = ?1)"
        " SELECT DISTINCT a.id, a.headline, a.date, a.kind, a.source_path, a.sortkey,"
        " a.position FROM entities e JOIN articles a ON a.rowid = e.article"
        " WHERE (e.name IN forms OR e.text IN forms)"
        f" AND {where} ORDER BY a.sortkey DESC, a.source_path, a.position"
    )
    return [HeadlineRow(*row[:5]) for row in conn.execute(sql, [entity_text, *args])]


def money_articles(
    conn: sqlite3.Connection,
    min_value: float | None = None,
    max_value: float | None = None,
    date: str | None = None,
) -> list[tuple[str, str]]:
    """(article JSON, annotations JSON) of the articles holding an amount in 元 within the
    bounds, dated ``date…`` if given, in sidebar order (what a money chart sums)."""
    where, args = money_query(min_value, max_value).sql()
    sql = ("SELECT a.article, a.annotations FROM articles a WHERE a.rowid IN"
           f" (SELECT article FROM figures f WHERE {where})")
    if date:
        sql += " AND a.date LIKE ? ESCAPE '\\'"
        args.append(date.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return conn.execute(sql + " ORDER BY a.sortkey DESC, a.source_path, a.position",
                        args).fetchall()
