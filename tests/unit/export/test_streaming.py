"""The export is written article by article: the same bytes as one document, never one string."""

from __future__ import annotations

import io
import json

from reader.export import formats
from reader.ingest.loader import bundled_articles_dir, load_paths
from reader.model import Annotations, Article, Block, Source


class CountingWriter(io.StringIO):
    """Records the size of every write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


def _many(count: int) -> list[Article]:
    return [
        Article(id=f"p.txt#{i}", source=Source("p.txt", i, i), kind="article",
                title=f"高新区第{i}篇\u202e", blocks=[Block("paragraph", f"投资{i}亿元。\n\x85")])
        for i in range(count)
    ]


def test_json_is_the_document_written_one_article_at_a_time() -> None:
    articles = _many(300) + load_paths([bundled_articles_dir()]).articles
    out = CountingWriter()
    formats.write_json(out, ((a, Annotations()) for a in articles))
    text = out.getvalue()
    doc = json.loads(text)
    assert [a["id"] for a in doc["articles"]] == [a.id for a in articles]
    # The same bytes as the one-string form (pinned by the export tests), in one write per
    # article plus the closing one: no write holds more than one article.
    assert text == formats.to_json(articles, [Annotations()] * len(articles))
    assert len(out.sizes) == len(articles) + 1
    assert max(out.sizes) < len(text) / 20
    assert "\u202e" not in text and "\x85" not in text  # still escaped for terminals


def test_json_of_nothing_is_an_empty_list() -> None:
    out = io.StringIO()
    formats.write_json(out, [])
    assert json.loads(out.getvalue()) == {"articles": []}


def test_annotations_are_asked_for_one_article_at_a_time() -> None:
    articles = _many(5)
    live: list[int] = []

    def pairs():  # type: ignore[no-untyped-def]
        for i, article in enumerate(articles):
            live.append(i)
            yield article, Annotations()

    out = CountingWriter()
    formats.write_json(out, pairs())
    # Each article is written before the next one is made.
    assert len(out.sizes) == len(live) + 1 == 6


def test_markdown_and_text_stream_the_same_text() -> None:
    articles = _many(40)
    for write, whole in ((formats.write_markdown, formats.to_markdown_all),
                         (formats.write_text, formats.to_text_all)):
        out = CountingWriter()
        last = write(out, articles)
        assert out.getvalue() == whole(articles)
        assert last == out.getvalue()[-1]
        assert len(out.sizes) == len(articles)
