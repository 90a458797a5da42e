"""Library mode at scale: time to the first painted frame and peak memory of the app.

Builds a synthetic library (benchmarks/synth.py) once per size and keeps it in a cache
folder reused across runs (``--cache``, default a folder in the system temp dir; delete it
to rebuild). Articles are imported with figures only (the fast regex pass, no NLP): the
100,000-article import would otherwise take hours on a small machine, and what is measured
here, the app opening the library, reads the same tables either way.

Each run is a fresh subprocess, headless at 120×40, that opens ``hitech-reader --library``
on the library and reports the wall-clock time of the first frame that shows the headlines
and the laid-out article (the same measure as bench_startup.py), and its peak resident
memory. The same is measured for the app on the bundled sample page (plain-file mode) in the
same run, as the baseline. Prints medians.

    PYTHONPATH=. python benchmarks/bench_library_app.py [--sizes 10000 100000] [--runs 5]

Targets (issue 5): first frame ≤ 1 s and peak memory ≤ 300 MB at 100,000 articles.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import child_env, reader_shows_content, record_first_frame

from reader.model import Annotations, Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = ROOT / "articles" / "hitech-zones-p1.txt"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "hitech-bench-library-app"


def figures_only(article: Article) -> Annotations:
    """Figures from the fast regex pass, no names (module level: sent to worker processes)."""
    from reader.annotate.pipeline import figure_annotations

    return Annotations(figures=list(figure_annotations(article)))


def build(cache: Path, size: int) -> Path:
    """The library of ``size`` articles in ``cache``, built if not there yet."""
    from synth import make_library

    from reader.library import Library

    data = cache / f"library-{size}"
    done = data / "built"
    if done.exists():
        return data
    source = cache / f"pages-{size}"
    t0 = time.perf_counter()
    info = make_library(source, size)
    print(
        f"generated {info.articles:,} articles in {info.files:,} files "
        f"({time.perf_counter() - t0:.0f} s)",
        flush=True,
    )
    with Library(data, annotator=figures_only) as library:
        result = library.import_paths([source])
        library.optimize()
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(
            f"imported {result.articles_added:,} articles in {result.seconds:.0f} s "
            f"({result.articles_added / max(result.seconds, 1e-9):,.0f} articles/s), "
            f"{len(result.errors)} errors",
            flush=True,
        )
    done.write_text(str(info.articles))
    return data


def child(kind: str, report: Path, library_dir: str) -> None:
    """Open the app (on the library, or on the sample page) and report the first frame."""
    from reader.ui.app import make_app

    stamps: dict[str, float] = {}
    record_first_frame(stamps, lambda: reader_shows_content(app))
    if kind == "library":
        from reader.library import Library

        app = make_app(library=Library(Path(library_dir)), theme="textual-dark")
    else:
        app = make_app([SAMPLE_PAGE], theme="textual-dark")

    def check() -> None:
        if "frame" in stamps:
            done()
        else:
            app.call_after_refresh(check)

    def done() -> None:
        options = app.reader.headlines.option_count
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report.write_text(f"{stamps['frame']!r} {peak!r} {options}")
        app.exit()

    app.call_after_refresh(check)
    app.run(headless=True, size=(120, 40))


def one_run(kind: str, library_dir: Path) -> tuple[float, float, int]:
    """(seconds to the first painted frame, peak MB, sidebar options) of a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "painted"
        env = child_env(HITECH_READER_DATA_DIR=str(Path(tmp) / "data"))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        start = time.time()
        subprocess.run(
            [sys.executable, __file__, "--child", kind, str(report), str(library_dir)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        painted, peak, options = report.read_text().split()
        return float(painted) - start, float(peak), int(options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--child", choices=["library", "files"])
    parser.add_argument("report", nargs="?", type=Path)
    parser.add_argument("library_dir", nargs="?", default="")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.report, args.library_dir)
        return
    args.cache.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        data = build(args.cache, size)
        one_run("library", data)  # warm the OS file cache
        times: dict[str, list[tuple[float, float, int]]] = {"files": [], "library": []}
        for _ in range(args.runs):
            for kind in times:  # interleaved, so load on the machine hits both alike
                times[kind].append(one_run(kind, data))
        base = statistics.median(t for t, _m, _o in times["files"])
        lib = statistics.median(t for t, _m, _o in times["library"])
        base_mb = statistics.median(m for _t, m, _o in times["files"])
        lib_mb = max(m for _t, m, _o in times["library"])
        options = times["library"][0][2]
        print(f"\n== {size:,}-article library, {args.runs} runs each, 120x40 headless")
        print(
            f"app on the sample page (baseline): first frame median {base * 1000:.0f} ms, "
            f"peak {base_mb:.0f} MB"
        )
        print(
            f"app --library:                     first frame median {lib * 1000:.0f} ms, "
            f"peak {lib_mb:.0f} MB (max of runs); sidebar holds {options} options"
        )
        print(
            f"ratio library / sample page: {lib / base:.2f}x; "
            f"targets: first frame <= 1000 ms, peak <= 300 MB"
        )


if __name__ == "__main__":
    main()
