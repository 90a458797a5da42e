"""Serialise articles for scripts: the JSON export schema, Markdown and plain text.

The JSON shape is a contract documented in README.md; tests pin it. Offsets in
``figures``, ``entities`` and ``key_figures`` are code points into the text of the block
they name (``block`` indexes ``blocks``).

Every format is written article by article to a stream (:func:`write_json`,
:func:`write_markdown`, :func:`write_text`): a page of 20,000 short articles never becomes
one string, and annotations can be made one article at a time as they are written. The
``to_*`` functions return the same text as a string, for callers that want one.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

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
    labels = ann.figure_labels()
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
        "figures": [
            {**figure_json(f), "label": labels.get((f.block, f.span.start, f.span.end))}
            for f in ann.figures
        ],
        "entities": [
            {
                "block": e.block,
                "start": e.span.start,
                "end": e.span.end,
                "text": e.span.text,
                "type": e.span.type,
                "role": e.span.role,
                "canonical": e.span.canonical,
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


def _safe_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _TERMINAL_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(
    out: TextIO, pairs: Iterable[tuple[Article, Annotations | None]]
) -> None:
    """Write the export document, one article at a time, exactly as :func:`to_json` would.

    ``pairs`` may be a generator that annotates each article when it is asked for, so that
    only one article's annotations are held at a time.
    """
    first = True
    for article, ann in pairs:
        # Each article at the depth json.dumps(doc, indent=2) puts it: 4 spaces in.
        body = _safe_json(article_json(article, ann)).replace("\n", "\n    ")
        out.write(('{\n  "articles": [\n    ' if first else ",\n    ") + body)
        first = False
    out.write('{\n  "articles": []\n}' if first else "\n  ]\n}")


def to_json(articles: Sequence[Article], annotations: Sequence[Annotations] | None = None) -> str:
    """The whole export document as a JSON string (UTF-8 text, not ASCII-escaped)."""
    anns = list(annotations) if annotations is not None else [None] * len(articles)
    out = io.StringIO()
    write_json(out, zip(articles, anns, strict=True))
    return out.getvalue()


def _write_joined(out: TextIO, pieces: Iterable[str], separator: str) -> str:
    """Write ``separator.join(pieces)`` piece by piece; returns the last character written."""
    last = ""
    for i, piece in enumerate(pieces):
        text = piece if i == 0 else separator + piece
        if text:
            out.write(text)
            last = text[-1]
    return last


def write_markdown(out: TextIO, articles: Iterable[Article]) -> str:
    """Every article as front-matter Markdown, written one after the other (see
    :func:`to_markdown_all`); returns the last character written."""
    return _write_joined(out, (to_markdown(a) for a in articles), "\n")


def write_text(out: TextIO, articles: Iterable[Article]) -> str:
    """Every article as plain text, written one after the other (see :func:`to_text_all`);
    returns the last character written."""
    return _write_joined(out, (to_text(a) for a in articles), TEXT_RULE)


def to_markdown_all(articles: Sequence[Article]) -> str:
    """Every article as front-matter Markdown, one after the other."""
    out = io.StringIO()
    write_markdown(out, articles)
    return out.getvalue()


#: Between two articles in the plain-text export.
TEXT_RULE = "\n" + "─" * 20 + "\n\n"


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
    out = io.StringIO()
    write_text(out, articles)
    return out.getvalue()
