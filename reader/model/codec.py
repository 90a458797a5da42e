"""Articles and annotations as plain JSON, and back: the one codec.

The library database, the parse cache and the import workers all store articles in this
form, so the on-disk format is explicit (never a pickle) and written in one place.
"""

from __future__ import annotations

import json
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


def article_to_json(article: Article) -> str:
    """The article as compact JSON."""
    return json.dumps(asdict(article), ensure_ascii=False, separators=(",", ":"))


def article_from_json(data: str) -> Article:
    """Inverse of :func:`article_to_json`."""
    raw: dict[str, Any] = json.loads(data)
    raw["source"] = Source(**raw["source"])
    raw["blocks"] = [Block(**b) for b in raw["blocks"]]
    return Article(**raw)


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
