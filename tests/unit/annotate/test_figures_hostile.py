"""Hostile shapes (issue #14): huge paragraphs of figures annotate and export, and what each
figure keeps stays bounded. Nothing here is timed; the growth is measured by
``benchmarks/bench_growth.py``. These pin the code paths that used to read to the end of
the sentence or clause for every figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.annotate.figures import find_figures
from reader.annotate.keyfigures import key_figures, sentence_at
from reader.annotate.labels import LABEL_CHARS, SENTENCE_CHARS, Sentences, clause_label
from reader.model import Article, Block, Located, Source

FIGURES = 50_000


def _endless(count: int) -> str:
    """``count`` different figures in one sentence that never ends."""
    return "".join(f"高新区新引进项目投资 {i} 亿元，" for i in range(count))


def _article(text: str) -> Article:
    return Article(id="h", source=Source("h.txt", 1, 1), title="h",
                   blocks=[Block("paragraph", text)])


def test_fifty_thousand_figures_in_one_sentence_annotate() -> None:
    text = _endless(FIGURES) + "目标任务"
    figures = find_figures(text)
    assert len(figures) == FIGURES
    assert figures[-1].value == (FIGURES - 1) * 1e8
    # The target word far past the end of the sentence's first figures does not reach them.
    assert "target" not in figures[0].qualifiers
    assert "target" in figures[-1].qualifiers
    keys = key_figures(_article(text), [Located(0, f) for f in figures],
                       cut=lambda s: list(s))
    assert len(keys) == 8
    for key in keys:
        assert len(key.sentence) <= SENTENCE_CHARS + 2
        assert key.figure.text in key.sentence
    label = clause_label(text, figures[FIGURES // 2].start, figures[FIGURES // 2].end)
    assert figures[FIGURES // 2].text in label and len(label) <= LABEL_CHARS + 1


def test_no_punctuation_clause_label_is_cut_around_the_figure() -> None:
    text = "".join(f"园区企业营收{i}亿元产值" for i in range(20_000))
    figures = find_figures(text)
    assert len(figures) == 20_000
    middle = figures[10_000]
    label = clause_label(text, middle.start, middle.end)
    assert middle.text in label and label.endswith("…")
    assert len(label) == LABEL_CHARS + 1


def test_clause_label_matches_the_clause_when_it_is_short() -> None:
    text = "今年以来，全区新签约项目 43 个，总投资额达265.6亿元。"
    fig = find_figures(text)[1]
    assert clause_label(text, fig.start, fig.end) == "总投资额达265.6亿元"
    first = find_figures(text)[0]
    assert clause_label(text, first.start, first.end) == "全区新签约项目 43 个"


def test_sentences_are_found_once_and_clipped() -> None:
    text = "第一句有 2 个。" + "很长" * 500 + "投资 5 亿元" + "很长" * 500 + "；末句！"
    split = Sentences(text)
    assert split.at(2) == "第一句有 2 个。"
    pos = text.index("5 亿元")
    kept = split.at(pos)
    assert "5 亿元" in kept and kept.startswith("…") and kept.endswith("…")
    assert len(kept) == SENTENCE_CHARS + 2
    assert split.at(len(text) - 1) == "末句！"
    assert sentence_at(text, pos) == kept


def test_a_paragraph_of_fifty_thousand_figures_exports(tmp_path: Path) -> None:
    page = tmp_path / "endless.txt"
    page.write_text(_endless(FIGURES) + "\n", encoding="utf-8")
    before = page.read_bytes()
    out = subprocess.run(
        [sys.executable, "-m", "reader.cli", "export", "--format", "json", str(page)],
        capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    (article,) = json.loads(out.stdout)["articles"]
    assert len(article["figures"]) == FIGURES
    assert len(article["key_figures"]) == 8
    assert all(len(k["sentence"]) <= SENTENCE_CHARS + 2 for k in article["key_figures"])
    assert page.read_bytes() == before


def test_a_run_of_numerals_is_no_figure_and_a_long_real_one_still_reads() -> None:
    # A run of thousands of 万 (a property test's find) once took seconds: the numeral is
    # bounded now, so the run reads as no amount, while the longest real numerals still read.
    for run in ("万" * 5000 + "元", "一二" * 3000 + "亿元"):
        assert all(len(f.text) <= 40 for f in find_figures(run))
    (fig,) = find_figures("总额一千二百三十四万五千六百七十八亿元。")
    assert fig.value == 1234567800000000.0 and fig.unit == "元"
