"""How long the article pane holds the UI when the names arrive and a line break falls in one.

On a cold first visit the article is shown with its quick figures; the full figures and the
names come from a worker. A name (or figure) a line break falls inside lays the article out
again from the first such line, the line at the top of the view staying at the top
(``ArticleView.set_annotations``). This measures that call on the UI thread, headless at
120×40, for the first article of the sample page and for a 1 MB single-line article (the
sample page's text repeated, no newline), with the reader at its top, its middle and its end.

The baseline, in the same process and at the same place, is what a new width already costs:
the pane laid out again whole (``_relayout(keep_position=True)``). Far into a long text the
lines above the top are broken again between frames (``PieceView._put_head``): the longest
of those calls and the time until the last is done are printed too. Prints medians.

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


async def measure(article, annotations, runs: int) -> list[tuple]:
    """Per place: median seconds of set_annotations and of a whole relayout, how many runs
    laid out again, and the medians of the longest head slice and of the head's total."""
    from reader.annotate.pipeline import quick_figure_annotations
    from reader.model import Annotations
    from reader.ui.widgets.article_layout import Layout
    from reader.ui.widgets.article_view import ArticleView
    from tests.helpers.apps import build_app

    app = build_app([article], annotator=lambda a: Annotations())
    rows = []
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        quick = quick_figure_annotations(article)
        slices: list[float] = []
        done: list[float] = []
        put_head, take_head = view._put_head, Layout.take_head

        def timed_put_head(lines: Layout, head: Layout) -> None:
            start = time.perf_counter()
            put_head(lines, head)
            slices.append(time.perf_counter() - start)
            if done and done[-1] < 0:
                done[-1] = time.perf_counter()  # the lines above are in: the last call

        def stamped_take_head(self: Layout, head: Layout) -> None:
            take_head(self, head)
            done.append(-1.0)

        view._put_head = timed_put_head
        Layout.take_head = stamped_take_head
        for place in ("top", "middle", "end"):
            names, whole, relaid, longest, total = [], [], 0, [], []
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
                    slices.clear()
                    done.clear()
                    start = time.perf_counter()
                    if timed is names:
                        view.set_annotations(annotations.figures, annotations.entities)
                    else:
                        view.figures, view.entities = annotations.figures, annotations.entities
                        view._relayout(keep_position=True)
                    timed.append(time.perf_counter() - start)
                    if timed is names and view.lines is not before:
                        relaid += 1
                    if timed is names:
                        for _ in range(200):  # until the lines above the top are put in
                            await pilot.pause()
                            if done or not slices:
                                break
                        longest.append(max(slices, default=0.0))
                        total.append(done[0] - start if done else 0.0)
            rows.append((place, statistics.median(names), statistics.median(whole), relaid,
                         statistics.median(longest), statistics.median(total)))
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
        for place, names, whole, relaid, longest, total in asyncio.run(
            measure(article, annotations, args.runs)
        ):
            print(f"  at its {place:<6}: names arriving {names * 1e3:6.1f} ms "
                  f"(laid out again {relaid}/{args.runs}), whole relayout {whole * 1e3:6.1f} ms, "
                  f"ratio {names / whole:.2f}")
            if total:
                print(f"{'':17}lines above the top broken again between frames: longest "
                      f"call {longest * 1e3:.1f} ms, all put in {total * 1e3:.0f} ms after")


if __name__ == "__main__":
    main()
