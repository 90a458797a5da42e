"""Turning an article and its annotations into the row the library stores.

Everything that crosses the process boundary during an import (worker → writer) or goes
into the library database passes through here, as plain JSON-able data, so that the
on-disk format is explicit and versioned with the schema rather than a pickle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.annotate.labels import clause_label
from reader.model import Annotations, Article
from reader.model.codec import annotations_to_json, article_to_json, content_key
from reader.search.fts import bigram_tokens
from reader.search.match import article_parts, fold_text


@dataclass(slots=True)
class ArticleRow:
    """Everything the library stores for one article, ready to insert."""

    id: str
    position: int
    kind: str
    headline: str
    date: str | None
    source_path: str
    article_json: str
    annotations_json: str
    ftitle: str
    fbyline: str
    fsource: str
    fall: str
    #: (block, start, end, value, value_max, unit, kind, text, label, is_key)
    figures: list[tuple[Any, ...]]
    #: (text, name, type, role, count): see :func:`name_entries`
    entities: list[tuple[str, str, str, str | None, int]]
    #: :func:`bigram_tokens` of ``fall`` and ``ftitle``, made in the worker process.
    bi_all: str = ""
    bi_title: str = ""
    #: :func:`~reader.model.codec.content_key`: equal for copies of the article.
    content: str = ""


def article_row(article: Article, ann: Annotations, position: int) -> ArticleRow:
    """Build the stored form of ``article`` with its annotations."""
    keyed = ann.figure_labels()
    key_spans = {(k.block, k.figure.start, k.figure.end) for k in ann.key_figures}
    figures = []
    for located in ann.figures:
        fig = located.span
        key = (located.block, fig.start, fig.end)
        in_range = 0 <= located.block < len(article.blocks)
        block_text = article.blocks[located.block].text if in_range else ""
        label = keyed.get(key) or clause_label(block_text, fig.start, fig.end)
        figures.append(
            (located.block, fig.start, fig.end, fig.value, fig.value_max, fig.unit, fig.kind,
             fig.text, label, int(key in key_spans))
        )
    # Title and byline are parts of their own, so each text is folded once.
    parts = [(where, fold_text(text)) for where, _, text in article_parts(article)]
    folded = dict(reversed(parts))
    row = ArticleRow(
        id=article.id,
        position=position,
        kind=article.kind,
        headline=article.headline,
        date=article.date,
        source_path=article.source.path,
        article_json=article_to_json(article),
        annotations_json=annotations_to_json(ann),
        ftitle=folded.get("title", ""),
        fbyline=folded.get("byline", ""),
        fsource=fold_text(article.source.path),
        # One part per line: a query (which never holds a newline) cannot match across parts.
        fall="\n".join(text for _, text in parts),
        figures=figures,
        entities=name_entries(article, ann),
    )
    row.content = content_key(article)
    row.bi_all = bigram_tokens(row.fall)
    row.bi_title = bigram_tokens(row.ftitle)
    return row


#: The role of a name that wrote the article (a reporter, a correspondent in the byline).
AUTHOR = "author"


def name_entries(
    article: Article, ann: Annotations
) -> list[tuple[str, str, str, str | None, int]]:
    """What the names index holds for one article: (text, name, type, role, count) per form.

    ``name`` is the full name a short form stands for (``Entity.canonical``), else the text:
    the index groups by it, so 华为 and 华为技术有限公司 are one name with a short form. A
    person of the article's byline is an author (``role`` "author"), listed apart from the
    people the story is about. Byline names are taken from ``article.byline`` too, so a
    reporter named only above the text (no span in any block) is in the index as well: they
    have no offsets, so they live here, not among the annotations' spans.
    """
    byline = {name.strip() for name in article.byline if name.strip()}
    counts: dict[tuple[str, str, str, str | None], int] = {}
    for located in ann.entities:
        ent = located.span
        role = ent.role
        if ent.type == "person" and (role == AUTHOR or ent.text in byline):
            role = AUTHOR
        key = (ent.text, ent.canonical or ent.text, ent.type, role)
        counts[key] = counts.get(key, 0) + 1
    named = {(text, etype, role) for text, _name, etype, role in counts}
    for name in byline:
        if (name, "person", AUTHOR) not in named:
            counts[(name, name, "person", AUTHOR)] = 1
    return [(*key, n) for key, n in counts.items()]
