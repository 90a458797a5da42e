"""Startup benchmark: launch to the first painted frame, the reader against a bare Textual app.

Each run is a fresh subprocess (imports included), headless, 120×40. The child reports the
wall-clock time once the first frame showing content has been painted: for the reader, the
headlines and the first article of the sample page; for the baseline, a bare app with an
OptionList and a Static holding the page's text. The parent prints the median of several runs
of each and their ratio (target: reader ≤ 1.3× the bare app).

    PYTHONPATH=. python benchmarks/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = ROOT / "articles" / "hitech-zones-p1.txt"


def child_reader(report: Path) -> None:
    """Run the reader on the sample page; report once its first article is on screen."""
    from reader.ui.app import make_app
    from reader.ui.article_view import ArticleView

    app = make_app([SAMPLE_PAGE], theme="textual-dark")

    def check() -> None:
        view = app.query_one(ArticleView)
        if view.article is not None and view.lines:
            # The article is laid out: the refresh after this one paints it.
            app.call_after_refresh(done)
        else:
            app.call_after_refresh(check)

    def done() -> None:
        report.write_text(repr(time.time()))
        app.exit()

    app.call_after_refresh(check)
    app.run(headless=True, size=(120, 40))


def child_bare(report: Path) -> None:
    """A bare Textual app: an OptionList of lines and a Static of the page's text."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.widgets import OptionList, Static

    text = SAMPLE_PAGE.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]

    class Bare(App[None]):
        CSS = "OptionList { width: 34; } Static { width: 1fr; }"

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield OptionList(*lines[:40])
                yield Static(text, markup=False)

        def on_mount(self) -> None:
            self.call_after_refresh(self.done)

        def done(self) -> None:
            report.write_text(repr(time.time()))
            self.exit()

    Bare().run(headless=True, size=(120, 40))


def one_run(kind: str) -> float:
    """Seconds from spawning a child to its first painted frame."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "painted"
        env = dict(os.environ, HITECH_READER_DATA_DIR=str(Path(tmp) / "data"))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        start = time.time()
        subprocess.run(
            [sys.executable, __file__, "--child", kind, str(report)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return float(report.read_text()) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=["reader", "bare"])
    parser.add_argument("report", nargs="?", type=Path)
    args = parser.parse_args()
    if args.child:
        (child_reader if args.child == "reader" else child_bare)(args.report)
        return
    one_run("bare")  # warm the OS file cache so neither side pays for it
    times: dict[str, list[float]] = {"bare": [], "reader": []}
    for _ in range(args.runs):
        for kind in times:  # interleaved, so load on the machine hits both alike
            times[kind].append(one_run(kind))
    bare, reader = (statistics.median(times[kind]) for kind in ("bare", "reader"))
    print(
        f"bare Textual app (OptionList + Static): median {bare * 1000:.0f} ms over {args.runs} runs"
    )
    print(
        f"hitech-reader on the sample page:      median {reader * 1000:.0f} ms "
        f"over {args.runs} runs"
    )
    print(f"ratio reader / bare: {reader / bare:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
