"""How long the money chart takes on a library, next to the figures table's own query.

Builds a synthetic library (:mod:`synth`: dated files, zones named in every story) annotated
with figures and places only (jieba stays out: the chart's cost is reading and summing, not
NLP), then times :func:`reader.library.charts.chart_of` by month, place and org, and, as the
baseline in the same process, the query behind the figures table for the same money rows
(``Library.figures(kind="money", unit="元")``). The chart decodes each article with money
(its text and annotations) to find the sentence and names of every amount, so it costs more
than the table; it runs in a worker, never on the UI thread.

    python benchmarks/bench_chart.py                  # 2,000 articles
    python benchmarks/bench_chart.py --sizes 2000 10000

Nothing is written outside the temporary directory.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_library
from timing import median_time

from reader.library import Library
from reader.library.charts import chart_of
from reader.library.memory import StoreCatalogue
from reader.model import Annotations, Article, Entity, Located
from reader.search.figure_filter import FigureFilter


def figures_and_zones(article: Article) -> Annotations:
    """Real figures; a place for each ``XX高新区`` (module level: sent to import workers)."""
    from reader.annotate.pipeline import figure_annotations

    places = [
        Located(i, Entity(m.start(), m.end(), m.group(), "place"))
        for i, block in enumerate(article.blocks)
        for m in re.finditer(r"[\u4e00-\u9fff]{2}高新区", block.text)
    ]
    return Annotations(figures=figure_annotations(article), entities=places)


def bench(size: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-chart-") as tmp:
        root = Path(tmp)
        make_library(root / "pages", size)
        with Library(root / "data", annotator=figures_and_zones) as library:
            library.import_paths([root / "pages"])
            catalogue = StoreCatalogue(library)
            rows = library.figures(kind="money", unit="元")
            table = median_time(lambda: library.figures(kind="money", unit="元"), runs=3)
            print(f"{size:,} articles, {len(rows):,} yuan amounts; table query "
                  f"{table * 1000:.0f} ms (baseline)")
            for by in ("month", "place", "org"):
                chart = chart_of(catalogue, FigureFilter(), by)
                took = median_time(lambda by=by: chart_of(catalogue, FigureFilter(), by),
                                   runs=3)
                print(f"  chart by {by:5}: {took * 1000:6.0f} ms median of 3, "
                      f"{took / table:5.1f}× the table query; {len(chart.bars)} bars, "
                      f"{chart.counted:,} amounts, {chart.repeats:,} repeats")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000])
    for size in parser.parse_args().sizes:
        bench(size)


if __name__ == "__main__":
    main()
