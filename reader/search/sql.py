"""Answering a query from the library's indexes, ranked like in-memory search.

The query means one thing: :class:`~reader.search.predicate.Predicate` decides whether an
article matches and counts its hits, here as in memory. The indexes only narrow the library
to candidates: the terms go to a full-text index, and every field restriction goes to an
index too (``title:``, ``byline:`` and ``source:`` to the column index ``fts_meta``, ``kind:``
to the ``kind`` column), so a restriction that leaves few articles is applied before any
text is read. Each candidate's folded texts (a narrow table of their own, apart from the
JSON) are then given to the predicate, and only the best few articles are decoded and
located (:func:`~reader.search.match.locate`), as in memory.

A term found in nearly every article of a large library would mean counting hits in all
of them; the work is bounded instead by :data:`RANK_BUDGET`: headline matches are all
considered (titles have their own index), then the most recently imported others.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.model.codec import article_from_json
from reader.search.fts import TRIGRAM_MIN, bigram_phrase, expression, trigram_phrase
from reader.search.match import SearchHit, locate
from reader.search.predicate import FoldedParts, Predicate
from reader.search.query import Query

#: At most this many matching articles have their hits counted per search.
RANK_BUDGET = 400
_CHUNK = 250
#: The fields of the column index ``fts_meta``, as its columns are named.
META_FIELDS = ("title", "byline", "source")

Scored = dict[int, tuple[bool, int]]


def _meta_column(name: str, values: Sequence[str]) -> str | None:
    """``fts_meta`` expression: every value in column ``name`` (None if none expressible)."""
    phrases = [p for p in (bigram_phrase(v) for v in values) if p]
    return f"{name} : ({' AND '.join(f'({p})' for p in phrases)})" if phrases else None


def _exact(value: str) -> str | None:
    """A bigram phrase that matches exactly the texts holding ``value`` (for NOT), or None."""
    return None if any(ch.isspace() for ch in value) else bigram_phrase(value)


def index_filters(pred: Predicate, on_articles: bool = False) -> tuple[list[str], list[object]]:
    """SQL conditions on ``rowid`` for every field restriction an index can answer.

    ``on_articles``: the conditions are on the ``articles`` table itself, so ``kind:`` can
    be a plain condition on its column (answered by its index).

    Each condition only ever removes articles the predicate would remove too: positive
    terms the index cannot express are left out (a superset), and a negated one is used
    only when its index expression is exact.
    """
    conds: list[str] = []
    args: list[object] = []
    # On a full-text table a plain ``rowid IN`` is handed to the index as a rowid
    # constraint, and it then no longer returns rows newest first (a sort of every match);
    # ``+rowid`` keeps the set a filter on the rows it returns.
    rowid = "rowid" if on_articles else "+rowid"
    positive = [e for name in META_FIELDS if (e := _meta_column(name, pred.scoped(name)))]
    if positive:
        conds.append(f"{rowid} IN (SELECT rowid FROM fts_meta WHERE fts_meta MATCH ?)")
        args.append(" AND ".join(positive))
    for name in META_FIELDS:
        for value in pred.scoped(name, negated=True):
            phrase = _exact(value)
            if phrase:
                conds.append(
                    f"{rowid} NOT IN (SELECT rowid FROM fts_meta WHERE fts_meta MATCH ?)")
                args.append(f"{name} : ({phrase})")
    for field, value, negated in pred.fields:
        if field == "kind":
            # Kinds are a few lower-case ASCII words, which folding leaves as they are.
            if on_articles:
                conds.insert(0, "kind != ?" if negated else "kind = ?")
                args.insert(0, value)
            else:
                conds.append(f"{rowid} {'NOT IN' if negated else 'IN'}"
                             " (SELECT rowid FROM articles WHERE kind = ?)")
                args.append(value)
    return conds, args


def _in_expression(term: str, bigram: bool) -> bool:
    """Whether :func:`expression` puts ``-term`` into an expression for that index."""
    build = bigram_phrase if bigram else trigram_phrase
    return build(term) is not None and not (bigram and any(ch.isspace() for ch in term))


def _exclude_conds(terms: Sequence[str], rowid: str) -> tuple[list[str], list[object]]:
    """``NOT IN`` conditions for exclusions, each from an index that answers it exactly."""
    conds: list[str] = []
    args: list[object] = []
    for term in terms:
        if len(term) >= TRIGRAM_MIN and trigram_phrase(term):
            table, phrase = "fts_tri", trigram_phrase(term)
        elif _exact(term):
            table, phrase = "fts_bi", _exact(term)
        else:
            continue  # left to the predicate
        conds.append(f"{rowid} NOT IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        args.append(phrase)
    return conds, args


def candidates_sql(pred: Predicate) -> tuple[str, list[object]]:
    """The query listing candidate rowids, newest first, from the best index available."""
    pos = pred.positives
    expr = None
    if pos:
        bigram = any(len(p) < TRIGRAM_MIN for p in pos)
        table = "fts_bi" if bigram else "fts_tri"
        expr = expression(pos, pred.excludes, bigram=bigram)
    if expr is not None:
        conds, args = index_filters(pred)
        # Exclusions this index cannot say (a two-character one in the trigram index): the
        # other index takes them out, rather than the predicate one candidate at a time.
        more, more_args = _exclude_conds(
            [t for t in pred.excludes if not _in_expression(t, bigram)], "+rowid")
        head, head_args = f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [expr]
    else:
        # The field restrictions drive (the kind index, or fts_meta).
        conds, args = index_filters(pred, on_articles=True)
        more, more_args = _exclude_conds(pred.excludes, "rowid")
        head, head_args = "SELECT rowid FROM articles WHERE 1", []
    where = "".join(f" AND {c}" for c in (*conds, *more))
    return f"{head}{where} ORDER BY rowid DESC", [*head_args, *args, *more_args]


def _title_candidates(conn: sqlite3.Connection, pred: Predicate) -> list[int]:
    """Articles with any positive term in the headline: they rank first, so check them all."""
    expr = expression(pred.positives, [], bigram=True, any_of=True)
    if expr is None:
        return []
    conds, args = index_filters(pred)
    where = "".join(f" AND {c}" for c in conds)
    return [row[0] for row in conn.execute(
        f"SELECT rowid FROM fts_meta WHERE fts_meta MATCH ?{where} ORDER BY rowid DESC LIMIT ?",
        [f"title : ({expr})", *args, RANK_BUDGET],
    )]


def _score(conn: sqlite3.Connection, pred: Predicate, rowids: Sequence[int], scored: Scored
           ) -> None:
    """Add the candidates among ``rowids`` that the predicate accepts to ``scored``."""
    if not rowids:
        return
    marks = ",".join("?" * len(rowids))
    rows = conn.execute(
        "SELECT t.rowid, a.kind, t.ftitle, t.fbyline, t.fsource, t.fall FROM texts t"
        f" JOIN articles a ON a.rowid = t.rowid WHERE t.rowid IN ({marks})", list(rowids)
    )
    for rowid, *texts in rows:
        result = pred.matches(FoldedParts(*texts))
        if result is not None:
            scored[rowid] = result


def _score_body(conn: sqlite3.Connection, pred: Predicate, scored: Scored) -> None:
    """Score the newest candidates from the driving index until the budget is spent."""
    sql, args = candidates_sql(pred)
    cursor = conn.execute(sql, args)
    budget = len(scored) + RANK_BUDGET
    checked = set(scored)
    while len(scored) < budget:
        chunk = [row[0] for row in cursor.fetchmany(min(_CHUNK, budget - len(scored)))]
        if not chunk:
            break
        fresh = [r for r in chunk if r not in checked]
        checked.update(fresh)
        _score(conn, pred, fresh, scored)
    cursor.close()


def run_search(conn: sqlite3.Connection, q: Query, limit: int) -> list[SearchHit]:
    """Search the library; see the module docstring for how the work is bounded."""
    pred = Predicate(q)
    if pred.never or limit <= 0:
        return []
    scored: Scored = {}
    if pred.positives:
        _score(conn, pred, _title_candidates(conn, pred), scored)
    # Headline matches rank first: with ``limit`` of them, no body match can make the list.
    if sum(in_title for in_title, _ in scored.values()) < limit:
        _score_body(conn, pred, scored)
    best = sorted(scored.items(), key=lambda kv: (not kv[1][0], -kv[1][1], kv[0]))[:limit]
    if not best:
        return []
    rows = {
        rowid: (article, fall)
        for rowid, article, fall in conn.execute(
            "SELECT a.rowid, a.article, t.fall FROM articles a JOIN texts t ON t.rowid = a.rowid"
            f" WHERE a.rowid IN ({','.join('?' * len(best))})", [rowid for rowid, _ in best],
        )
    }
    hits = []
    for rowid, (in_title, count) in best:
        hit = locate(article_from_json(rows[rowid][0]), rows[rowid][1], pred, in_title, count)
        if hit is not None:
            hits.append(hit)
    return hits
