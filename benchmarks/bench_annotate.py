"""Annotation speed: figures + entities + key figures over whole pages, one core.

Prints characters per second for ``reader.annotate.annotate`` over the bundled page
(median of 5 runs, NLP stack already loaded), the figure finder and the entity finder
alone, and the same text through stock ``jieba.lcut`` in the same process as a baseline
ratio. Target: ≥ 200,000 chars/s for whole-page annotation.

    python benchmarks/bench_annotate.py [REPEAT]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.annotate import annotate, entity_annotations, figure_annotations
from reader.loader import bundled_articles_dir, load_paths
from reader.nlp import load


def _rate(func, items, chars: int, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for item in items:
            func(item)
        times.append(time.perf_counter() - start)
    return chars / statistics.median(times)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    articles = load_paths([bundled_articles_dir()]).articles * repeat
    chars = sum(len(b.text) for a in articles for b in a.blocks)
    start = time.perf_counter()
    load().warm() if hasattr(load(), "warm") else load()
    print(f"NLP stack ready in {time.perf_counter() - start:.2f} s (cache may be cold)")
    annotate(articles[0])  # first call: lazy tables
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [b.text for a in articles for b in a.blocks]
    base = _rate(jieba.lcut, texts, chars)
    full = _rate(annotate, articles, chars)
    figs = _rate(figure_annotations, articles, chars)
    ents = _rate(entity_annotations, articles, chars)
    print(f"text: {chars:,} chars ({len(articles)} articles)")
    print(f"annotate (figures + entities + key figures): {full:,.0f} chars/s  (target >= 200,000)")
    print(f"  figures alone:  {figs:,.0f} chars/s")
    print(f"  entities alone: {ents:,.0f} chars/s")
    print(f"stock jieba.lcut, same text: {base:,.0f} chars/s; annotate / lcut = {full / base:.2f}x")


if __name__ == "__main__":
    main()
