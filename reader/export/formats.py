"""Serialise articles for scripts: the JSON export schema, Markdown and plain text.

The JSON shape is a contract documented in README.md; tests pin it. Offsets in
``figures``, ``entities`` and ``key_figures`` are code points into the text of the block
they name (``block`` indexes ``blocks``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from reader.ingest.markdown import to_markdown
from reader.model import Annotations, Article, Figure, KeyFigure, Located


def figure_json(located: Located[Figure]) -> dict[str, Any]:
    """One figure as the export writes it: its block, then :func:`figure_fields`."""
    return {"block": located.block, **figure_fields(located.span)}


def figure_fields(f: Figure) -> dict[str, Any]:
    """A figure's offsets, text, value, unit, kind and qualifiers (no block)."""
    return {
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "value": f.value,
        "unit": f.unit,
        "kind": f.kind,
        "qualifiers": list(f.qualifiers),
        "value_max": f.value_max,
    }


def key_figure_json(key: KeyFigure) -> dict[str, Any]:
    """One key figure: the figure, its label and the sentence it came from."""
    return {
        "label": key.label,
        **figure_json(Located(key.block, key.figure)),
        "sentence": key.sentence,
    }


def article_json(article: Article, annotations: Annotations | None = None) -> dict[str, Any]:
    """One article in the export schema; annotation lists stay empty without ``annotations``."""
    ann = annotations or Annotations()
    return {
        "id": article.id,
        "source": {
            "path": article.source.path,
            "first_line": article.source.first_line,
            "last_line": article.source.last_line,
        },
        "kind": article.kind,
        "title": article.title,
        "kicker": article.kicker,
        "byline": list(article.byline),
        "byline_roles": list(article.byline_roles),
        "dateline": article.dateline,
        "credit": article.credit,
        "captions": list(article.captions),
        "page_lines": list(article.page_lines),
        "blocks": [{"kind": b.kind, "text": b.text} for b in article.blocks],
        "figures": [figure_json(f) for f in ann.figures],
        "entities": [
            {
                "block": e.block,
                "start": e.span.start,
                "end": e.span.end,
                "text": e.span.text,
                "type": e.span.type,
            }
            for e in ann.entities
        ],
        "key_figures": [key_figure_json(k) for k in ann.key_figures],
    }


#: Characters JSON may carry raw but a terminal would act on (DEL, C1 controls such as the
#: 8-bit CSI, bidi overrides that reorder the line) or that JavaScript reads as line breaks:
#: written as ``\\uXXXX`` escapes, so the document decodes to the same strings and
#: ``export`` is safe to run in a terminal. They only occur inside strings.
_TERMINAL_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_json(articles: Sequence[Article], annotations: Sequence[Annotations] | None = None) -> str:
    """The whole export document as a JSON string (UTF-8 text, not ASCII-escaped)."""
    anns = list(annotations) if annotations is not None else [None] * len(articles)
    doc = {"articles": [article_json(a, n) for a, n in zip(articles, anns, strict=True)]}
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    return _TERMINAL_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_markdown_all(articles: Sequence[Article]) -> str:
    """Every article as front-matter Markdown, one after the other."""
    return "\n".join(to_markdown(a) for a in articles)


def to_text(article: Article) -> str:
    """An article as plain text, set as a newspaper would: kicker, title, byline, body."""
    lines: list[str] = []
    if article.kicker:
        lines.append(article.kicker)
    if article.title:
        lines.append(article.title)
    if article.byline:
        lines.append(" ".join(article.byline))
    if lines:
        lines.append("")
    for i, block in enumerate(article.blocks):
        text = block.text
        if i == 0 and article.dateline:
            text = f"{article.dateline} {text}"
        lines.append(f"【{text}】" if block.kind == "subhead" else text)
        lines.append("")
    for caption in article.captions:
        lines.append(f"〔图〕{caption}")
    if article.credit:
        lines.append(article.credit)
    return "\n".join(lines).rstrip() + "\n"


def to_text_all(articles: Sequence[Article]) -> str:
    """Every article as plain text, separated by a rule."""
    return ("\n" + "─" * 20 + "\n\n").join(to_text(a) for a in articles)
