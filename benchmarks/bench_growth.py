"""Growth of annotation time and memory on the hostile shapes of issue #14.

Why: a page file may be 4 MB and the importer annotates every file it meets, so every
path must stay linear however the text is shaped. This grows each shape from 1k to 16k
units (a unit is one repeat of the shape's piece) and prints, per shape, the best-of-3 time
and the tracemalloc peak at each size and the growth exponent of both: the slope of
log(cost) over log(units), fitted by least squares. Linear is 1.0; every shape should be
≤ 1.2 (quadratic is 2.0).

What runs per shape is the annotate layer's work on one paragraph as the export and the
importer do it: the figures, the key figures (labels and sentences) and a clause label
for every figure (:func:`reader.annotate.labels.clause_label`, what the library stores).
The ``names-chain`` shape (a ``·``-joined chain of transliterated names) runs the name
finder instead; it is the names code's shape, run only when asked for
(``--shapes names-chain``) until that code is linear: today it does not finish 1k units.

Run: ``PYTHONPATH=. python benchmarks/bench_growth.py [--shapes a,b] [--max 16000]``
"""

from __future__ import annotations

import argparse
import math
import time
import tracemalloc
from collections.abc import Callable

from reader.annotate import nlp
from reader.annotate.figures import find_figures
from reader.annotate.keyfigures import key_figures
from reader.annotate.labels import clause_label
from reader.model import Article, Block, Located, Source


def _figures_path(text: str) -> int:
    figures = find_figures(text)
    article = Article(id="g", source=Source("g.txt", 1, 1), title="g",
                      blocks=[Block("paragraph", text)])
    located = [Located(0, f) for f in figures]
    keys = key_figures(article, located, cut=nlp.load().cut)
    labels = [clause_label(text, f.start, f.end) for f in figures]
    return len(figures) + len(keys) + len(labels)


def _names_path(text: str) -> int:
    from reader.annotate.entities import find_entities

    return len(find_entities(text))


#: name -> (piece for unit i, the path it runs)
SHAPES: dict[str, tuple[Callable[[int], str], Callable[[str], int]]] = {
    # The same figure, comma after comma, in a sentence that never ends.
    "endless-sentence": (lambda i: "高新区投资 1000 亿元，", _figures_path),
    # Every figure different, so each one is labelled and keeps its sentence.
    "distinct-figures": (lambda i: f"新引进项目投资 {i} 亿元，", _figures_path),
    # No punctuation at all: one clause as long as the text.
    "no-punctuation": (lambda i: f"园区企业营收{i}亿元产值", _figures_path),
    # Set phrases between the figures: every match is checked against the idioms.
    "idioms-figures": (lambda i: f"千方百计引进项目{i % 97 + 2}个，", _figures_path),
    # The names code's shape (reader.annotate.ner_persons): a chain of transliterations.
    "names-chain": (lambda i: "马尔西奥·桑托斯·", _names_path),
    # a run of one multiplier (万万万…): the numeral's lazy repeat once backtracked over the
    # whole run, 19 s for 7,700 characters (found by the property test with one seed)
    "multiplier-run": (lambda i: "万", _figures_path),
    "numeral-run": (lambda i: "一二", _figures_path),
}


def _text(shape: str, units: int) -> str:
    piece = SHAPES[shape][0]
    return "".join(piece(i) for i in range(units))


def _slope(xs: list[float], ys: list[float]) -> float:
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-9)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    num = sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True))
    den = sum((a - mx) ** 2 for a in lx)
    return num / den


def measure(shape: str, sizes: list[int], runs: int = 3) -> tuple[list[float], list[float]]:
    """Best-of-``runs`` seconds and tracemalloc peak bytes of ``shape`` at each size."""
    path = SHAPES[shape][1]
    times, peaks = [], []
    for units in sizes:
        text = _text(shape, units)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            path(text)
            samples.append(time.perf_counter() - start)
        times.append(min(samples))  # the least disturbed run: the machine is shared
        tracemalloc.start()
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        path(text)
        peaks.append(tracemalloc.get_traced_memory()[1] - base)
        tracemalloc.stop()
    return times, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shapes", default=",".join(s for s in SHAPES if s != "names-chain"))
    parser.add_argument("--max", type=int, default=16_000, help="largest size in units")
    args = parser.parse_args()
    sizes = [1000]
    while sizes[-1] * 2 <= args.max:
        sizes.append(sizes[-1] * 2)
    nlp.load().warm()
    _figures_path(_text("distinct-figures", 50))  # first calls load and compile
    print(f"sizes (units): {sizes}")
    print(f"{'shape':18} {'chars@max':>9} {'s@min':>8} {'s@max':>8} {'MB@max':>7} "
          f"{'time exp':>8} {'mem exp':>8}")
    worst = 0.0
    for shape in args.shapes.split(","):
        times, peaks = measure(shape, sizes)
        t_exp, m_exp = _slope(sizes, times), _slope(sizes, peaks)
        worst = max(worst, t_exp, m_exp)
        print(f"{shape:18} {len(_text(shape, sizes[-1])):9} {times[0]:8.4f} {times[-1]:8.4f} "
              f"{peaks[-1] / 1e6:7.1f} {t_exp:8.2f} {m_exp:8.2f}", flush=True)
    print(f"worst exponent: {worst:.2f} ({'ok' if worst <= 1.2 else 'OVER 1.2'})")


if __name__ == "__main__":
    main()
