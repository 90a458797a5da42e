"""Figures and names across articles held in memory, as the library's SQL gives them.

:class:`reader.library.memory.MemorySource` answers the figures and names views with these
functions over the files it opened; :class:`reader.library.sqlite.Library` answers the same
questions in SQL. Both give the same rows (:mod:`reader.model.rows`) in the same order, so
the views have one code path (the contract tests in ``tests/unit/library/test_source.py``
hold them together). Names are grouped as the library's index groups them
(:func:`~reader.library.rows.name_entries`): a full name with its short forms, authors apart.
No textual import here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from reader.library.rows import clause_label, name_entries
from reader.model import Annotations, Article
from reader.model.rows import EntityRow, FigureRow, HeadlineRow
from reader.search.figure_filter import ORDERS, FigureQuery

AnnotationsOf = Callable[[Article], Annotations]


def headline_row(article: Article) -> HeadlineRow:
    """The row of a loaded article, as the library lists it."""
    return HeadlineRow(article.id, article.headline, article.date, article.kind,
                       article.source.path)


def figure_rows(
    articles: Sequence[Article],
    annotations_of: AnnotationsOf,
    kind: str | None = None,
    unit: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    order: str = "value",
    limit: int | None = None,
    *,
    query: FigureQuery | None = None,
) -> list[FigureRow]:
    """Every figure of ``articles`` passing the filter, in ``order`` (see the Library's).

    ``query`` replaces the four filter arguments when given.
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    # The one filter of the figures view, as the library's SQL applies it (see FigureQuery).
    wanted = query or FigureQuery(kind, unit, min_value, max_value)
    rows: list[tuple[int, FigureRow]] = []
    for position, article in enumerate(articles):
        ann = annotations_of(article)
        keyed = ann.figure_labels()
        for located in ann.figures:
            fig = located.span
            if not wanted.matches(fig):
                continue
            text = (article.blocks[located.block].text
                    if 0 <= located.block < len(article.blocks) else "")
            label = (keyed.get((located.block, fig.start, fig.end))
                     or clause_label(text, fig.start, fig.end))
            rows.append((position, FigureRow(
                fig.value, fig.unit, fig.kind, label, article.id, article.headline,
                article.date, located.block, fig.start, fig.end, fig.text, fig.value_max,
            )))
    if order == "value":
        # Largest first, figures without a value last (as the library's SQL does).
        rows.sort(key=lambda item: (item[1].value is None, -(item[1].value or 0.0)))
    else:
        # Newest first, undated last; then page order.
        rows.sort(key=lambda item: (item[1].block, item[1].start))
        rows.sort(key=lambda item: item[0])
        rows.sort(key=lambda item: item[1].date or "", reverse=True)
    found = [row for _position, row in rows]
    return found if limit is None else found[:limit]


def _entries(
    articles: Sequence[Article], annotations_of: AnnotationsOf, type: str | None,
    role: str | None,
) -> Iterator[tuple[Article, tuple[str, str, str, str | None, int]]]:
    """(article, entry) for every entry of the names index passing the filter."""
    for article in articles:
        for entry in name_entries(article, annotations_of(article)):
            _text, _name, etype, erole, _n = entry
            if (type is None or etype == type) and (role is None or erole == role):
                yield article, entry


def entity_rows(
    articles: Sequence[Article], annotations_of: AnnotationsOf, type: str | None = None,
    role: str | None = None,
) -> list[EntityRow]:
    """Every name with the number of articles naming it in any form, most named first: the
    library's index (:func:`~reader.library.rows.name_entries`) made in memory."""
    naming: dict[tuple[str, str, str | None], set[str]] = {}
    forms: dict[tuple[str, str, str | None], set[str]] = {}
    for article, (text, name, etype, erole, _n) in _entries(articles, annotations_of, type, role):
        naming.setdefault((name, etype, erole), set()).add(article.id)
        if text != name:
            forms.setdefault((name, etype, erole), set()).add(text)
    rows = [EntityRow(name, etype, len(ids), tuple(sorted(forms.get((name, etype, erole), ()))),
                      erole)
            for (name, etype, erole), ids in naming.items()]
    rows.sort(key=lambda row: (-row.articles, row.text, row.role is not None))
    return rows


def naming_rows(
    articles: Sequence[Article],
    annotations_of: AnnotationsOf,
    entity_text: str,
    type: str | None = None,
    role: str | None = None,
) -> list[HeadlineRow]:
    """The articles naming ``entity_text`` in any form: newest first, then in list order."""
    found = list(_entries(articles, annotations_of, None, None))
    # Its forms, as the library's query has them: the name, its short forms anywhere, the
    # full names it is a short form of.
    forms = {entity_text}
    for _article, (text, name, *_rest) in found:
        if name == entity_text:
            forms.add(text)
        if text == entity_text:
            forms.add(name)
    ids = {article.id for article, (text, name, etype, erole, _n) in found
           if (name in forms or text in forms) and (type is None or etype == type)
           and (role is None or erole == role)}
    hits = [article for article in articles if article.id in ids]
    return [headline_row(a) for a in sorted(hits, key=lambda a: a.date or "", reverse=True)]
