"""Articles and annotations as plain JSON, and back: the one codec.

The library database, the parse cache and the import workers all store articles in this
form, so the on-disk format is explicit (never a pickle) and written in one place. The
parse cache also keeps first-paint figures, many per page: :func:`figures_to_plain` is
their compact form (one list per figure, no key names).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from reader.model import (
    Annotations,
    Article,
    Block,
    Entity,
    Figure,
    KeyFigure,
    Located,
    Source,
)


def article_to_plain(article: Article) -> dict[str, Any]:
    """The article as plain data (dicts, lists, strings), ready for ``json.dumps``."""
    return asdict(article)


def content_fields(article: Article) -> tuple[Any, ...]:
    """What the article says, as a hashable tuple: every field but its id and source.

    Equal for two copies of a page (under two names, in two folders). Files opened directly
    key their articles with it at start: Python's cached string hashes make that cheap.
    """
    return tuple(
        tuple(value) if isinstance(value, list) else value
        for value in (getattr(article, name) for name in _CONTENT_FIELDS)
    )


def content_key(article: Article) -> str:
    """:func:`content_fields` as a stable hash: the library's key for one article."""
    said = repr(content_fields(article))
    return hashlib.blake2b(said.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


#: Every field of an article but where it was read from.
_CONTENT_FIELDS = tuple(f.name for f in fields(Article) if f.name not in ("id", "source"))


def article_from_plain(raw: dict[str, Any]) -> Article:
    """Inverse of :func:`article_to_plain`."""
    raw = dict(raw)
    raw["source"] = Source(**raw["source"])
    raw["blocks"] = [Block(**b) for b in raw["blocks"]]
    return Article(**raw)


def article_to_json(article: Article) -> str:
    """The article as compact JSON."""
    return json.dumps(article_to_plain(article), ensure_ascii=False, separators=(",", ":"))


def article_from_json(data: str) -> Article:
    """Inverse of :func:`article_to_json`."""
    return article_from_plain(json.loads(data))


def figures_to_plain(figures: Sequence[Located[Figure]]) -> list[list[Any]]:
    """Located figures in a compact form: one list of fields per figure."""
    return [
        [loc.block, f.start, f.end, f.text, f.value, f.unit, f.kind, list(f.qualifiers),
         f.value_max]
        for loc in figures
        for f in (loc.span,)
    ]


def figures_from_plain(raw: Sequence[Sequence[Any]]) -> list[Located[Figure]]:
    """Inverse of :func:`figures_to_plain`."""
    found = []
    for block, start, end, text, value, unit, kind, qualifiers, value_max in raw:
        figure = Figure(start, end, text, value, unit, kind, tuple(qualifiers), value_max)
        found.append(Located(block, figure))
    return found


def _figure_dict(figure: Figure) -> dict[str, Any]:
    return asdict(figure)


def _figure(raw: dict[str, Any]) -> Figure:
    return Figure(**{**raw, "qualifiers": tuple(raw.get("qualifiers", ()))})


def _entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity's fields; the optional ones only when set, so stored rows stay small."""
    raw = asdict(entity)
    for key in ("role", "canonical"):
        if raw[key] is None:
            del raw[key]
    return raw


def annotations_to_json(ann: Annotations) -> str:
    """The annotations as compact JSON."""
    data = {
        "figures": [{"block": f.block, "span": _figure_dict(f.span)} for f in ann.figures],
        "entities": [{"block": e.block, "span": _entity_dict(e.span)} for e in ann.entities],
        "key_figures": [
            {**asdict(k), "figure": _figure_dict(k.figure)} for k in ann.key_figures
        ],
        "labels": [[*span, label] for span, label in ann.labels.items()],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def annotations_from_json(data: str) -> Annotations:
    """Inverse of :func:`annotations_to_json`."""
    raw = json.loads(data)
    return Annotations(
        figures=[Located(f["block"], _figure(f["span"])) for f in raw["figures"]],
        entities=[Located(e["block"], Entity(**e["span"])) for e in raw["entities"]],
        key_figures=[
            KeyFigure(**{**k, "figure": _figure(k["figure"])}) for k in raw["key_figures"]
        ],
        labels={(b, s, e): label for b, s, e, label in raw.get("labels", ())},
    )
