"""Search folding with traditional characters read as simplified, against folding without.

Folding runs on the search and import paths (every part of every article is folded into the
library's index; every query is folded). Traditional → simplified is one more lookup in the
per-character rule, whose result is cached, so it should cost nothing once the cache is warm.
This prints, each the median of several runs in this one process:

* ``fold`` of a simplified text and of the same text in traditional characters, with the
  table (now) and with an empty table (the fold before it), and their ratio;
* ``has_traditional`` (the pre-check) and ``simplified`` on both texts, against ``str.count``
  of one character (a C scan of the same text) as a floor;
* what the first use costs: reading the table and compiling the pre-check's pattern.

The text is the bundled page's sentences (as ``synth.py`` uses them) repeated to the size
asked; its traditional copy maps each simplified character back through the table.

    python benchmarks/bench_fold.py [--chars 200000] [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import _source_sentences
from timing import median_time

from reader.text import fold as fold_module
from reader.text import traditional


def _texts(chars: int) -> tuple[str, str]:
    sentences = _source_sentences()
    parts: list[str] = []
    size = 0
    while size < chars:
        for sentence in sentences:
            parts.append(sentence)
            size += len(sentence)
    simplified_text = "".join(parts)[:chars]
    back: dict[int, str] = {}
    for code, target in traditional.traditional_table().items():
        back.setdefault(ord(target), chr(code))
    return simplified_text, simplified_text.translate(back)


def _fold_time(text: str, runs: int, table: dict[int, str] | None) -> float:
    """Median seconds of ``fold(text)`` with the cache warmed under ``table``."""
    fold_module._fold_cache.clear()
    if table is None:
        fold_module.fold(text)
        return median_time(lambda: fold_module.fold(text), runs)
    with mock.patch.object(fold_module, "traditional_table", lambda: table):
        fold_module.fold(text)
        result = median_time(lambda: fold_module.fold(text), runs)
    fold_module._fold_cache.clear()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    start = time.perf_counter()
    traditional.traditional_table()
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    traditional.has_traditional("高新区")
    compiled = time.perf_counter() - start

    simple, trad = _texts(args.chars)
    changed = sum(a != b for a, b in zip(simple, trad, strict=True))
    print(f"{len(simple):,} characters; the traditional copy differs in {changed:,}")
    print(f"first use: table read {loaded * 1e3:.1f} ms,"
          f" pre-check compiled {compiled * 1e3:.1f} ms")
    print(f"{'':34}{'simplified':>12}{'traditional':>13}")
    rows = []
    for name, table in (("fold, no table (before)", {}), ("fold, with the table (now)", None)):
        rows.append([_fold_time(text, args.runs, table) for text in (simple, trad)])
        print(f"{name:34}" + "".join(f"{t * 1e3:>10.1f} ms" for t in rows[-1]))
    ratio = [now / before for before, now in zip(rows[0], rows[1], strict=True)]
    print(f"{'ratio now / before':34}" + "".join(f"{r:>12.2f}x" for r in ratio))
    for name, function in (
        ("has_traditional", traditional.has_traditional),
        ("simplified", traditional.simplified),
        ("str.count (a C scan, the floor)", lambda text: text.count("\x00")),
    ):
        times = [median_time(lambda f=function, t=text: f(t), args.runs) for text in (simple, trad)]
        print(f"{name:34}" + "".join(f"{t * 1e3:>10.2f} ms" for t in times))


if __name__ == "__main__":
    main()
