"""The article layout (no Textual): pieces in reading order, lines that fit, figures whole."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from reader.annotate.pipeline import figure_annotations
from reader.ingest.loader import load_paths
from reader.model import Article
from reader.ui.widgets.article_layout import (
    article_pieces,
    block_pieces,
    layout_lines,
    line_of,
    measure_for,
)
from tests.helpers.apps import SAMPLE_PAGE


@pytest.fixture(scope="module")
def page() -> list[Article]:
    return list(load_paths([SAMPLE_PAGE]).articles)


def test_pieces_follow_reading_order(articles: list[Article]) -> None:
    roles = [piece.role for piece in article_pieces(articles[0])]
    assert roles[:3] == ["kicker", "title", "byline"]
    assert roles.count("subhead") == 1
    assert [p.text for p in article_pieces(articles[0]) if p.role == "byline"] == ["甲乙、丙丁"]
    photo = article_pieces(articles[2])
    assert [piece.role for piece in photo] == ["caption", "credit"]


def test_captions_stand_apart_after_the_body() -> None:
    from tests.helpers.apps import make_article

    article = make_article(9, ["正文一段。"], title="题", captions=["图说。"], credit="摄")
    roles = [piece.role for piece in article_pieces(article)]
    assert roles == ["title", "paragraph", "captions-head", "caption", "credit"]


def test_control_characters_are_shown_not_obeyed() -> None:
    from tests.helpers.apps import make_article

    article = make_article(9, ["前\x1b[31m后"], title="题")
    body = next(piece for piece in article_pieces(article) if piece.role == "paragraph")
    assert "\x1b" not in body.text and len(body.text) == len("前\x1b[31m后")


@pytest.mark.parametrize("width", [12, 30, 45, 56, 80, 120])
def test_lines_fit_and_figures_stay_whole(page: list[Article], width: int) -> None:
    for article in page:
        pieces = article_pieces(article)
        to_piece = block_pieces(pieces)
        keep: dict[int, list[tuple[int, int]]] = {}
        for located in figure_annotations(article):
            keep.setdefault(to_piece[located.block], []).append(
                (located.span.start, located.span.end)
            )
        lines = layout_lines(pieces, width, {k: sorted(v) for k, v in keep.items()})
        measure = measure_for(width)
        for line in lines:
            if line.piece >= 0:
                assert cell_len(pieces[line.piece].text[line.start : line.end]) <= measure
                assert (
                    line.indent + cell_len(pieces[line.piece].text[line.start : line.end]) <= width
                )
        for piece, spans in keep.items():
            for start, end in spans:
                if cell_len(pieces[piece].text[start:end]) <= measure:
                    assert line_of(lines, piece, start) == line_of(lines, piece, end - 1)


def test_every_character_is_on_some_line(page: list[Article]) -> None:
    pieces = article_pieces(page[0])
    lines = layout_lines(pieces, 50)
    for index, piece in enumerate(pieces):
        covered = "".join(piece.text[ln.start : ln.end] for ln in lines if ln.piece == index)
        assert covered.replace(" ", "") == piece.text.replace(" ", "")
