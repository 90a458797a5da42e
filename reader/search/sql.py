"""Answering a query from the library's indexes, ranked like in-memory search.

The indexes narrow the library to candidates; each candidate is then checked against its
folded text (kept in a narrow table of its own, apart from the JSON), which also gives the
number of hits to rank by. Only the best few articles are decoded, and their
:class:`~reader.search.match.SearchHit` is built as in-memory search builds it, so the app shows
both the same way.

A term found in nearly every article of a large library would mean counting hits in all
of them; the work is bounded instead by :data:`RANK_BUDGET`: headline matches are all
considered (titles have their own small index), then the most recently imported others.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from reader.model.codec import article_from_json
from reader.search.fts import TRIGRAM_MIN, expression
from reader.search.match import (
    SNIPPET_WIDTH,
    SearchHit,
    article_parts,
    build_hit,
    find_in_text,
    fold_text,
)
from reader.search.query import Query

#: At most this many matching articles have their hits counted per search.
RANK_BUDGET = 400
_CHUNK = 250


class _Plan:
    """A query folded once, turned into the SQL that checks and scores candidates."""

    def __init__(self, q: Query) -> None:
        self.query = q
        self.positives = [fold_text(t) for t in q.positives]
        self.excludes = [e for e in (fold_text(t) for t in q.excludes) if e]
        self.empty_term = any(not p for p in self.positives)
        self.fields = [(f.field, fold_text(f.value), f.negated) for f in q.fields]
        self.title_terms = self._scoped("title")
        self.byline_terms = self._scoped("byline")
        # (as typed, folded) per part: positives everywhere, title:/byline: in their part.
        self._wanted = {
            name: [(f.value, fold_text(f.value)) for f in q.fields
                   if f.field == name and not f.negated]
            for name in ("title", "byline")
        }
        self._everywhere = list(zip(q.positives, self.positives, strict=True))
        self.needs_kind = any(name == "kind" for name, _, _ in self.fields)

    def _scoped(self, name: str) -> list[str]:
        return [v for field, v, negated in self.fields if field == name and not negated and v]

    def wanted(self, where: str) -> list[tuple[str, str]]:
        """The terms whose matches count in the part called ``where``."""
        return self._everywhere + self._wanted.get(where, [])

    def matches(self, kind: str, ftitle: str, fbyline: str, fsource: str, fall: str
                ) -> tuple[bool, int] | None:
        """(in_title, hits) if a candidate really matches, else None."""
        texts = {"title": ftitle, "byline": fbyline, "source": fsource}
        for name, value, negated in self.fields:
            if name == "kind":
                ok = fold_text(kind) == value
            else:
                ok = bool(value) and value in texts[name]
            if ok == negated:
                return None
        if any(e in fall for e in self.excludes):
            return None
        hits = 0
        for term in self.positives:
            n = fall.count(term)
            if not n:
                return None
            hits += n
        hits += sum(ftitle.count(t) for t in self.title_terms)
        hits += sum(fbyline.count(t) for t in self.byline_terms)
        return any(t in ftitle for t in (*self.positives, *self.title_terms)), hits

    def score(self, conn: sqlite3.Connection, rowids: Sequence[int],
              scored: dict[int, tuple[bool, int]]) -> None:
        """Add the candidates among ``rowids`` that match to ``scored``."""
        if not rowids:
            return
        # Only the folded texts are read (a narrow table); kind comes from a small column.
        marks = ",".join("?" * len(rowids))
        sql = (
            "SELECT t.rowid, a.kind, t.ftitle, t.fbyline, t.fsource, t.fall FROM texts t"
            f" JOIN articles a ON a.rowid = t.rowid WHERE t.rowid IN ({marks})"
        ) if self.needs_kind else (
            f"SELECT rowid, '', ftitle, fbyline, fsource, fall FROM texts WHERE rowid IN ({marks})"
        )
        for rowid, *texts in conn.execute(sql, list(rowids)):
            result = self.matches(*texts)
            if result is not None:
                scored[rowid] = result


def _driving_sql(plan: _Plan) -> tuple[str, tuple[object, ...]]:
    """The query listing candidate rowids, newest first, from the best index available."""
    pos = plan.positives
    if pos:
        bigram = any(len(p) < TRIGRAM_MIN for p in pos)
        table = "fts_bi" if bigram else "fts_tri"
        expr = expression(pos, plan.excludes, bigram=bigram)
    elif plan.title_terms:
        table, expr = "fts_title", expression(plan.title_terms, [], bigram=True)
    else:
        table, expr = "", None
    if expr is None:
        # Nothing an index can narrow (only exclusions, kind:, source:, byline:): let SQLite
        # filter the rows, so a rare byline does not mean scoring the whole library here.
        conds, args = ["1"], []  # type: list[str], list[object]
        columns = {"source": "t.fsource", "byline": "t.fbyline"}
        for name, value, negated in plan.fields:
            if (name == "kind" or name in columns) and value:
                cond = "a.kind = ?" if name == "kind" else f"instr({columns[name]}, ?) > 0"
                conds.append(f"NOT ({cond})" if negated else cond)
                args.append(value)
        return (
            "SELECT t.rowid FROM texts t JOIN articles a ON a.rowid = t.rowid"
            f" WHERE {' AND '.join(conds)} ORDER BY t.rowid DESC", tuple(args)
        )
    return f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC", (expr,)


def _title_candidates(conn: sqlite3.Connection, plan: _Plan) -> list[int]:
    """Articles with any positive term in the headline: they rank first, so check them all."""
    expr = expression(plan.positives, [], bigram=True, any_of=True)
    if expr is None:
        return []
    return [row[0] for row in conn.execute(
        "SELECT rowid FROM fts_title WHERE fts_title MATCH ? ORDER BY rowid DESC LIMIT ?",
        (expr, RANK_BUDGET),
    )]


def _spans(text: str, folded: str, wanted: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """The matches of ``wanted`` in ``text`` that a snippet around the first one shows.

    Folding a whole part to map offsets back is slow in Python, so the stored folded form
    locates the first match and only a window of the original after it is folded. Folding
    only drops characters (spaces, zero-width marks) and replaces others one for one, so a
    match found at folded offset ``p`` starts in the original between ``p`` and
    ``p + dropped``. Anything unexpected falls back to folding the whole part.
    """
    dropped = len(text) - len(folded)
    firsts = [at for _, term in wanted if (at := folded.find(term)) != -1]
    if dropped < 0 or not firsts:
        return [span for original, _ in wanted for span in find_in_text(text, original)]
    # Original offsets keep the order of folded ones, so nothing before ``at`` matches and
    # one window holds the first match and whatever else the snippet can show.
    at = min(firsts)
    longest = max(len(term) for _, term in wanted)
    hi = at + longest + dropped + SNIPPET_WIDTH
    spans = [(at + s, at + e) for original, _ in wanted
             for s, e in find_in_text(text[at:hi], original)]
    if not spans:
        return [span for original, _ in wanted for span in find_in_text(text, original)]
    return sorted(spans)


def _hit(article_json: str, fall: str, plan: _Plan, in_title: bool, hits: int
         ) -> SearchHit | None:
    """Locate the first hit in the original text of one ranked article."""
    article = article_from_json(article_json)
    parts = list(article_parts(article))
    if not plan.positives and not plan.title_terms and not plan.byline_terms:
        where, index, text = parts[0] if parts else ("title", None, article.headline)
        return build_hit(article, where, index, text, [], 0, False)
    folded_parts = fall.split("\n")
    aligned = len(folded_parts) == len(parts)
    # The title is shown beside the snippet, so the snippet shows the first hit elsewhere.
    order = sorted(range(len(parts)), key=lambda i: parts[i][0] == "title")
    for i in order:
        where, index, text = parts[i]
        wanted = plan.wanted(where)
        if aligned:
            if not any(folded in folded_parts[i] for _, folded in wanted):
                continue
            spans = _spans(text, folded_parts[i], wanted)
        else:
            spans = [span for original, _ in wanted for span in find_in_text(text, original)]
        if spans:
            return build_hit(article, where, index, text, spans, hits, in_title)
    return None


def _score_body(conn: sqlite3.Connection, plan: _Plan, scored: dict[int, tuple[bool, int]]
                ) -> None:
    """Score the newest candidates from the driving index until the budget is spent."""
    sql, args = _driving_sql(plan)
    cursor = conn.execute(sql, args)
    budget = len(scored) + RANK_BUDGET
    checked = set(scored)
    while len(scored) < budget:
        chunk = [row[0] for row in cursor.fetchmany(min(_CHUNK, budget - len(scored)))]
        if not chunk:
            break
        fresh = [r for r in chunk if r not in checked]
        checked.update(fresh)
        plan.score(conn, fresh, scored)
    cursor.close()


def run_search(conn: sqlite3.Connection, q: Query, limit: int) -> list[SearchHit]:
    """Search the library; see the module docstring for how the work is bounded."""
    plan = _Plan(q)
    if q.is_empty or limit <= 0 or plan.empty_term:
        return []
    scored: dict[int, tuple[bool, int]] = {}
    if plan.positives:
        plan.score(conn, _title_candidates(conn, plan), scored)
    # Headline matches rank first: with ``limit`` of them, no body match can make the list.
    if sum(in_title for in_title, _ in scored.values()) < limit:
        _score_body(conn, plan, scored)
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
        hit = _hit(*rows[rowid], plan, in_title, count)
        if hit is not None:
            hits.append(hit)
    return hits
