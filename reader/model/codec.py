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
from dataclasses import asdict
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


def content_key(article: Article) -> str:
    """A hash of what the article says, whatever file it was read from (id and source left
    out): two copies of a page, under two names or in two folders, give equal keys, so the
    library and the files opened directly hold them as one article."""
    plain = article_to_plain(article)
    del plain["id"], plain["source"]
    text = json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


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
    )
