"""A text that is one very long line: no title made of it, bounded work before the first paint."""

from __future__ import annotations

from reader.annotate.pipeline import QUICK_CHARS
from reader.annotate.pipeline import quick_figure_annotations as quick_figures
from reader.ingest.plain import TITLE_MAX, parse_plain
from reader.model import HEADLINE_MAX, Article, Block, Source
from reader.text.fold import find_all

SENTENCE = "高新区去年实现营收1000亿元，同比增长12%。"


def test_a_long_first_line_is_the_story_not_its_title() -> None:
    line = SENTENCE * 20
    assert len(line) > TITLE_MAX
    (article,) = parse_plain(line + "\n\n第二段。\n")
    assert article.title is None
    assert [b.text for b in article.blocks] == [line, "第二段。"]
    assert len(article.headline) <= HEADLINE_MAX + 1


def test_a_short_first_line_is_still_the_title() -> None:
    (article,) = parse_plain("高新区发展提速\n\n" + SENTENCE + "\n")
    assert article.title == "高新区发展提速"
    assert article.headline == "高新区发展提速"


def test_a_headline_is_clipped_however_long_the_title() -> None:
    article = Article("a#1", Source("a", 1, 1), title="题" * 5000)
    assert article.headline == "题" * HEADLINE_MAX + "…"
    assert article.title == "题" * 5000  # the title itself is kept whole


def test_quick_figures_stop_at_the_budget_and_never_cut_a_figure() -> None:
    text = SENTENCE * (QUICK_CHARS // len(SENTENCE) * 3)
    article = Article("a#1", Source("a", 1, 1), blocks=[Block("paragraph", text)])
    figures = quick_figures(article)
    assert figures, "the start of the text has its figures at once"
    assert all(located.span.end <= QUICK_CHARS for located in figures)
    assert {located.span.text for located in figures} == {"1000亿元", "12%"}
    # Short articles get every figure, as before.
    short = Article("b#1", Source("b", 1, 1), blocks=[Block("paragraph", SENTENCE)] * 3)
    assert len(quick_figures(short)) == 6


def test_find_all_gives_the_same_answer_when_it_folds_from_its_cache() -> None:
    text = "ＡＢＣ１０００亿元⼤" * 100
    first = find_all(text, "1000")
    assert first == find_all(text, "1000") and len(first) == 100
    assert find_all(text, "大") == [(s + 9, s + 10) for s in range(0, 1000, 10)]
