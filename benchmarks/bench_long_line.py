"""A 1 MB line in the app: time to the first frame showing it, against the sample page.

A text file that is one line of 1,000,000 characters (hanzi, figures, punctuation; no
newline, from ``tests.helpers.data.make_bad.long_line``) used to take some 10 s to appear: the line
was broken whole and every painted line sliced a Rich Text of the whole megabyte. The article
pane now lays out a screenful and the rest in slices after the first frame.

Prints, each a median of several runs:

* seconds from spawning the app (headless, 120×40, fresh data and cache dirs, so the file is
  parsed as on its first opening) to the first frame whose article pane shows the text, for
  the sample page and for the 1 MB line, and their ratio; also when the 1 MB line is laid
  out to its end (the slices after the first frame);
* in process, the article pane's own work for the first screen of the 1 MB line: laying out
  everything and slicing a whole-piece Rich Text per line (the old way) against the lazy
  layout and per-line Text, with the ratio.

    PYTHONPATH=. python benchmarks/bench_long_line.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from timing import child_env, median_time

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = ROOT / "articles" / "hitech-zones-p1.txt"
SIZE = (120, 40)


def child(path: Path, report: Path) -> None:
    """Run the reader on ``path``; stamp the first frame with article text in it."""
    from textual.app import App

    from reader.ui.app import make_app
    from reader.ui.widgets.article_layout import Layout
    from reader.ui.widgets.article_view import ArticleView

    stamps: dict[str, float] = {}
    app = make_app([path], theme="textual-dark")

    def shown() -> bool:
        views = app.query(ArticleView)
        return bool(views and views.first().article is not None and len(views.first().lines))

    display = App._display

    def timed_display(self: App[object], screen: Any, renderable: Any) -> None:
        display(self, screen, renderable)
        if renderable is not None and "frame" not in stamps and shown():
            stamps["frame"] = time.time()

    App._display = timed_display  # type: ignore[method-assign]

    def check() -> None:
        view = app.query_one(ArticleView)
        if "frame" in stamps and "complete" not in stamps:
            lines = view.lines
            if not isinstance(lines, Layout) or lines.complete:
                stamps["complete"] = time.time()
        if "complete" in stamps:
            report.write_text(json.dumps(stamps))
            app.exit()
        else:
            app.set_timer(0.01, check)

    app.call_after_refresh(check)
    app.run(headless=True, size=SIZE)


def one_run(path: Path) -> dict[str, float]:
    """Seconds from spawning a child to its first article frame and to a complete layout."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "painted"
        env = child_env()
        env["HITECH_READER_DATA_DIR"] = str(Path(tmp) / "data")
        env["HITECH_READER_CACHE_DIR"] = str(Path(tmp) / "cache")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        start = time.time()
        subprocess.run(
            [sys.executable, __file__, "--child", str(path), str(report)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stamps = json.loads(report.read_text())
        return {name: at - start for name, at in stamps.items()}


def pane_work(text: str, runs: int) -> tuple[float, float]:
    """(whole, lazy) seconds of the article pane's work to render the first screen."""
    from rich.console import Console
    from rich.text import Text

    from reader.text.linebreak import break_lines
    from reader.ui.widgets.article_layout import Layout, Piece, measure_for
    from reader.ui.widgets.styled_piece import StyledPiece

    console = Console(width=SIZE[0])
    height = SIZE[1]
    measure = measure_for(SIZE[0] - 36)

    def whole() -> None:
        ranges = break_lines(text, measure)
        styled = Text(text, end="")
        for start, end in ranges[:height]:
            list(styled[start:end].render(console, end=""))

    def lazy() -> None:
        layout = Layout([Piece("paragraph", text, 0)], SIZE[0] - 36)
        layout.extend(height + 100)
        styled = StyledPiece(text, "", ())
        for line in layout[:height]:
            list(styled.line(line.start, line.end).render(console, end=""))

    return median_time(whole, runs), median_time(lazy, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", type=Path)
    parser.add_argument("report", nargs="?", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.report)
        return
    from tests.helpers.data.make_bad import long_line

    text = long_line(1_000_000)
    with tempfile.TemporaryDirectory() as folder:
        line_file = Path(folder) / "line.txt"
        line_file.write_text(text, encoding="utf-8")
        one_run(SAMPLE_PAGE)  # warm the OS file cache so neither side pays for it
        runs: dict[str, list[dict[str, float]]] = {"page": [], "line": []}
        for _ in range(args.runs):
            for kind, path in (("page", SAMPLE_PAGE), ("line", line_file)):  # interleaved
                runs[kind].append(one_run(path))
    page = statistics.median(run["frame"] for run in runs["page"])
    line = statistics.median(run["frame"] for run in runs["line"])
    complete = statistics.median(run["complete"] for run in runs["line"])
    print(f"first frame, sample page:  median {page * 1000:.0f} ms over {args.runs} runs")
    print(f"first frame, 1 MB line:    median {line * 1000:.0f} ms over {args.runs} runs")
    print(f"ratio 1 MB line / sample page: {line / page:.2f}x")
    print(f"1 MB line laid out to its end (after the first frame): median {complete:.2f} s")
    whole, lazy = pane_work(text, runs=3)
    print(
        f"article pane, first screen of the 1 MB line in process: whole layout + Text slices"
        f" {whole:.2f} s, lazy layout + per-line Text {lazy * 1000:.0f} ms"
        f" ({whole / lazy:.0f}x less)"
    )


if __name__ == "__main__":
    main()
