"""Annotation speed: figures + entities + key figures over whole pages, one core.

Prints characters per second for ``reader.annotate.pipeline.annotate`` over the bundled page, the
figure finder and the entity finder alone, and our segmenter
(``reader.annotate.nlp`` / ``reader.annotate.segment``) alone, next to stock ``jieba.lcut``
and jieba's own ``Tokenizer.cut`` over the same text in the same process (and ``jieba_fast``
when it is installed). The hand-made pages in tests/helpers/data, which
are denser in figures, are reported the same way.

Times are CPU seconds of this process (``time.process_time``): "one core" is what the target
means, and CPU time is less disturbed than wall time by other work on a shared machine. Every
round runs each function once over the text, rounds are interleaved so that a busy spell hits
all of them alike, and the median round counts. Target: >= 200,000 chars/s for whole pages.

    python benchmarks/bench_annotate.py [REPEAT] [ROUNDS]
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.annotate.nlp import load  # noqa: E402
from reader.annotate.pipeline import annotate, entity_annotations, figure_annotations  # noqa: E402
from reader.ingest.loader import bundled_articles_dir, load_paths  # noqa: E402
from reader.model import Article  # noqa: E402

HAND_PAGES = [ROOT / "tests" / "data" / "page-a.txt", ROOT / "tests" / "data" / "page-b.txt"]


def _rates(
    funcs: dict[str, tuple[Callable[[Any], object], Sequence[Any]]], chars: int, rounds: int
) -> dict[str, float]:
    """chars/s of each function over its items: the median of interleaved rounds."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(rounds):
        for name, (func, items) in funcs.items():
            start = time.process_time()
            for item in items:
                func(item)
            times[name].append(time.process_time() - start)
    return {name: chars / max(statistics.median(t), 1e-9) for name, t in times.items()}


def _segmenters(texts: list[str]) -> dict[str, tuple[Callable[[Any], object], Sequence[Any]]]:
    """The baselines: stock jieba (its own dictionary) and jieba's cut on our dictionary."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    nlp = load()
    # jieba's algorithm with the dictionary our segmenter uses, as the plain dict jieba reads
    # (nlp.freq is a view computed from the log table: fine for the rules, slow for jieba).
    nlp.warm()
    table = dict(nlp.freq.items())
    ours = jieba.Tokenizer()
    ours.FREQ, ours.total, ours.initialized = table, nlp.tokenizer.total, True
    funcs: dict[str, tuple[Callable[[Any], object], Sequence[Any]]] = {
        "lcut": (jieba.lcut, texts),
        "jieba_cut": (lambda t: list(ours.cut(t, HMM=True)), texts),
        "segment": (nlp.cut, texts),
    }
    if importlib.util.find_spec("jieba_fast") is not None:
        import jieba_fast  # type: ignore[import-not-found]

        fast = jieba_fast.Tokenizer()
        fast.FREQ, fast.total, fast.initialized = table, nlp.tokenizer.total, True
        funcs["jieba_fast"] = (lambda t: list(fast.cut(t, HMM=True)), texts)
    return funcs


def _report(title: str, articles: list[Article], rounds: int, detail: bool) -> None:
    texts = [b.text for a in articles for b in a.blocks]
    chars = sum(map(len, texts))
    annotate(articles[0])  # first call: lazy tables
    funcs = _segmenters(texts)
    funcs["annotate"] = (annotate, articles)
    if detail:
        funcs["figures"] = (figure_annotations, articles)
        funcs["entities"] = (entity_annotations, articles)
    rate = _rates(funcs, chars, rounds)
    base = rate["lcut"]
    print(f"{title}: {chars:,} chars ({len(articles)} articles), median of {rounds} rounds")
    print(
        f"  annotate (figures + entities + key figures): {rate['annotate']:,.0f} chars/s"
        f"  (target >= 200,000); annotate / lcut = {rate['annotate'] / base:.2f}x"
    )
    if detail:
        print(f"    figures alone:  {rate['figures']:,.0f} chars/s")
        print(f"    entities alone: {rate['entities']:,.0f} chars/s")
    print(f"  stock jieba.lcut: {base:,.0f} chars/s")
    print(
        f"  segmenting alone (reader.annotate.segment): {rate['segment']:,.0f} chars/s;"
        f" jieba Tokenizer.cut, same dictionary: {rate['jieba_cut']:,.0f}"
        f" ({rate['segment'] / rate['jieba_cut']:.2f}x)"
    )
    if "jieba_fast" in rate:
        print(
            f"  jieba_fast Tokenizer.cut, same dictionary: {rate['jieba_fast']:,.0f} chars/s"
            f" ({rate['jieba_fast'] / rate['jieba_cut']:.2f}x jieba)"
        )


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    start = time.perf_counter()
    load().warm()
    print(f"NLP stack ready in {time.perf_counter() - start:.2f} s (cache may be cold)")
    sample = load_paths([bundled_articles_dir()]).articles * repeat
    _report("sample page", sample, rounds, detail=True)
    hand = load_paths([str(p) for p in HAND_PAGES if p.is_file()]).articles
    if hand:
        _report("hand pages (dense in figures)", hand * repeat, rounds, detail=False)


if __name__ == "__main__":
    main()
