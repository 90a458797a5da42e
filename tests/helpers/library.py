"""Library helpers shared by the store tests: a quick annotator and Markdown pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.model import Annotations, Article, Entity, Located


def quick_annotator(article: Article) -> Annotations:
    """Real figures; places as the two hanzi before 高新区 (jieba stays out of these tests)."""
    from reader.annotate.pipeline import figure_annotations

    entities = [
        Located(i, Entity(m.start(), m.end(), m.group(), "place"))
        for i, block in enumerate(article.blocks)
        for m in re.finditer(r"[\u4e00-\u9fff]{2}(?=高新区)", block.text)
    ]
    return Annotations(figures=figure_annotations(article), entities=entities)


def write_md(path: Path, *articles: dict) -> Path:
    """A Markdown file of articles: dicts with title, paragraphs and optional front matter."""
    chunks = []
    for art in articles:
        front = {k: v for k, v in art.items() if k != "paragraphs"}
        lines = [
            "---",
            *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()),
            "---",
            "",
        ]
        for para in art.get("paragraphs", []):
            lines += [para, ""]
        chunks.append("\n".join(lines))
    path.write_text("\n".join(chunks), encoding="utf-8")
    return path
