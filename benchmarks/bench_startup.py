"""Startup benchmark: launch to the first painted frame, the reader against a bare Textual app.

Each run is a fresh subprocess (imports included), headless, 120×40. The child records two
wall-clock times:

* **first frame**: when the compositor hands the first frame showing the content to the
  driver (``App._display``; headless, it is computed but not written). For the reader that is
  the first frame with the headlines *and* the laid-out first article of the sample page;
  for the baseline, a bare app with an OptionList and a Static holding the page's text, it is
  its first frame. This is the issue's measure (target: reader ≤ 1.3× the bare app).
* **CPU time** of the child up to that first frame (``time.process_time``): steadier than
  wall time on a shared machine, where other programs stretch both apps' wall times alike.
* **settled**: after the refresh that follows the content (for the reader, the footer of key
  hints is mounted just after the first frame, so this includes it).

The parent prints the median of several runs of each and their ratios.

    PYTHONPATH=. python benchmarks/bench_startup.py [--runs 7]
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

from timing import child_env, reader_shows_content, record_first_frame

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = ROOT / "articles" / "hitech-zones-p1.txt"


def _report(report: Path, stamps: dict[str, float]) -> None:
    report.write_text(json.dumps(stamps))


def child_reader(report: Path) -> None:
    """Run the reader on the sample page; report its first frame with the first article."""
    from reader.ui.app import make_app

    stamps: dict[str, float] = {}
    record_first_frame(stamps, lambda: reader_shows_content(app))
    app = make_app([SAMPLE_PAGE], theme="textual-dark")

    def check() -> None:
        if "frame" in stamps:
            app.call_after_refresh(done)
        else:
            app.call_after_refresh(check)

    def done() -> None:
        stamps["settled"] = time.time()
        _report(report, stamps)
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
    stamps: dict[str, float] = {}
    record_first_frame(stamps, lambda: True)

    class Bare(App[None]):
        CSS = "OptionList { width: 34; } Static { width: 1fr; }"

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield OptionList(*lines[:40])
                yield Static(text, markup=False)

        def on_mount(self) -> None:
            self.call_after_refresh(self.done)

        def done(self) -> None:
            stamps["settled"] = time.time()
            _report(report, stamps)
            self.exit()

    Bare().run(headless=True, size=(120, 40))


def one_run(kind: str, cold: bool = False) -> dict[str, float]:
    """Seconds from spawning a child to its first content frame and to settling."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "painted"
        env = child_env(HITECH_READER_DATA_DIR=str(Path(tmp) / "data"))
        if cold:  # as on the very first run: nothing parsed or prepared yet
            env["HITECH_READER_CACHE_DIR"] = str(Path(tmp) / "cache")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        start = time.time()
        subprocess.run(
            [sys.executable, __file__, "--child", kind, str(report)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stamps = json.loads(report.read_text())
        cpu = stamps.pop("cpu")
        return {**{name: at - start for name, at in stamps.items()}, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--cold", action="store_true", help="an empty cache for every run (the first run ever)"
    )
    parser.add_argument("--child", choices=["reader", "bare"])
    parser.add_argument("report", nargs="?", type=Path)
    args = parser.parse_args()
    if args.child:
        (child_reader if args.child == "reader" else child_bare)(args.report)
        return
    one_run("bare")  # warm the OS file cache (and .pyc files) so neither side pays for it
    one_run("reader")
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "reader": []}
    for _ in range(args.runs):
        for kind in runs:  # interleaved, so load on the machine hits both alike
            runs[kind].append(one_run(kind, args.cold))
    cache = "an empty cache each run" if args.cold else "the cache as a previous run left it"
    print(f"medians over {args.runs} runs, {cache}; launch to ...")
    stages = (
        ("frame", "first frame, wall clock", " (target <= 1.30x)"),
        ("cpu", "first frame, CPU time", ""),
        ("settled", "settled, wall clock", ""),
    )
    for stage, label, target in stages:
        bare, reader = (
            statistics.median(run[stage] for run in runs[kind]) for kind in ("bare", "reader")
        )
        paired = statistics.median(
            r[stage] / b[stage] for b, r in zip(runs["bare"], runs["reader"], strict=True)
        )
        print(
            f"  {label:24} bare Textual app {bare * 1000:4.0f} ms"
            f"   hitech-reader {reader * 1000:4.0f} ms   ratio {reader / bare:.2f}x"
            f" (median of paired runs {paired:.2f}x){target}"
        )


if __name__ == "__main__":
    main()
