"""How long the article pane holds the UI when the names arrive and a line break falls in one.

On a cold first visit the article is shown with its quick figures; the full figures and the
names come from a worker. A name (or figure) a line break falls inside lays the article out
again from the first such line, the line at the top of the view staying at the top
(``ArticleView.set_annotations``). This measures that call on the UI thread, headless at
120×40, for the first article of the sample page and for a 1 MB single-line article (the
sample page's text repeated, no newline), with the reader at its top, its middle and its end.

The baseline, in the same process and at the same place, is what a new width already costs:
the pane laid out again whole (``_relayout(keep_position=True)``). Prints medians.

    PYTHONPATH=. python benchmarks/bench_rewrap.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (120, 40)


def articles() -> list:
    """The sample page's first article, and one 1 MB line made of the page's text."""
    from reader.ingest.loader import load_paths
    from reader.model import Article, Block, Source

    page = list(load_paths([ROOT / "articles" / "hitech-zones-p1.txt"]).articles)
    text = "".join(block.text for article in page for block in article.blocks)
    big = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    line = Article(id="line", source=Source("line.txt", 1, 1), title="一行",
                   blocks=[Block("paragraph", big)])
    return [page[0], line]


async def measure(article, annotations, runs: int) -> list[tuple[str, float, float, int]]:
    """(place, median set_annotations seconds, median relayout seconds, lines relaid)."""
    from reader.annotate.pipeline import quick_figure_annotations
    from reader.model import Annotations
    from reader.ui.widgets.article_view import ArticleView
    from tests.helpers.apps import build_app

    app = build_app([article], annotator=lambda a: Annotations())
    rows = []
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        quick = quick_figure_annotations(article)
        for place in ("top", "middle", "end"):
            names, whole, relaid = [], [], 0
            for _ in range(runs):
                for timed in (names, whole):
                    view.show(article, quick)
                    await pilot.pause()
                    if place == "middle":
                        view.scroll_to(y=view.lines.line_of(1 if len(view.pieces) < 3 else
                                                            len(view.pieces) // 2, 0) or 0,
                                       animate=False, immediate=True)
                        if len(view.pieces) == 2:  # one long piece: its middle
                            y = view.lines.line_of(1, len(view.pieces[1].text) // 2)
                            view.scroll_to(y=y, animate=False, immediate=True)
                    elif place == "end":
                        view.action_scroll_end()
                        await pilot.wait_for_scheduled_animations()
                    await pilot.pause()
                    before = view.lines
                    start = time.perf_counter()
                    if timed is names:
                        view.set_annotations(annotations.figures, annotations.entities)
                    else:
                        view.figures, view.entities = annotations.figures, annotations.entities
                        view._relayout(keep_position=True)
                    timed.append(time.perf_counter() - start)
                    if timed is names and view.lines is not before:
                        relaid += 1
            rows.append((place, statistics.median(names), statistics.median(whole), relaid))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from reader.annotate.pipeline import annotate

    for article in articles():
        size = sum(len(block.text) for block in article.blocks)
        annotations = annotate(article)
        print(f"{article.title} ({size:,} characters, {len(annotations.entities)} names, "
              f"{len(annotations.figures)} figures)")
        for place, names, whole, relaid in asyncio.run(measure(article, annotations, args.runs)):
            print(f"  at its {place:<6}: names arriving {names * 1e3:7.1f} ms "
                  f"(laid out again {relaid}/{args.runs}), whole relayout {whole * 1e3:7.1f} ms, "
                  f"ratio {names / whole:.2f}")


if __name__ == "__main__":
    main()
