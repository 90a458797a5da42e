"""Library index benchmark: import throughput, search latency, size and memory.

Builds synthetic libraries (:mod:`synth`) in a temporary directory, imports them with all
cores, then times searches of 1-, 2-, 3- and 5-character terms and two-term queries taken
from the library's own text, each against a plain Python scan of the same folded texts
in the same run (the ratio is scan time / library time). Targets at 100,000 articles:
search p50 ≤ 30 ms, p95 ≤ 100 ms.

    python benchmarks/bench_library.py                  # 10,000 articles
    python benchmarks/bench_library.py --sizes 10000 100000
    python benchmarks/bench_library.py --no-annotate    # index only, no jieba
    python benchmarks/bench_library.py --sizes 100000 --annotate figures --keep /tmp/hr-lib

With ``--keep`` the generated pages and the library stay in that folder and later runs only
measure (a library from another schema version is rebuilt when it is opened). Every query
form is timed (terms, phrases, ``-term``, each field filter alone and with a term), then the
last sidebar page and a whole scroll, then the figures view sorted each way.

Without ``--keep`` nothing is written outside a temporary directory.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import inspect
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import make_library

from reader.model import Annotations, Article

LENGTHS = (1, 2, 3, 5)


def no_annotations(article: Article) -> Annotations:
    """For ``--no-annotate``: measure parsing and indexing alone."""
    return Annotations()


def _pick_terms(texts: list[str], length: int, count: int, rng: random.Random) -> list[str]:
    """Substrings of hanzi only, taken from random places in the library's own text."""
    terms: list[str] = []
    while len(terms) < count:
        text = rng.choice(texts)
        at = rng.randrange(max(1, len(text) - length))
        term = text[at : at + length]
        if len(term) == length and all("\u4e00" <= ch <= "\u9fff" for ch in term):
            terms.append(term)
    return terms


def _scan(texts: list[tuple[str, str]], terms: list[str], limit: int) -> list[int]:
    """The baseline: count every term in every folded text, rank as the library does."""
    scored = []
    for i, (title, text) in enumerate(texts):
        hits = 0
        for term in terms:
            n = text.count(term)
            if not n:
                break
            hits += n
        else:
            scored.append((not any(t in title for t in terms), -hits, i))
    scored.sort()
    return [i for *_, i in scored[:limit]]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def figures_only(article: Article) -> Annotations:
    """For ``--annotate figures``: the figures (regular expressions), no jieba."""
    from reader.annotate.pipeline import figure_annotations

    return Annotations(figures=figure_annotations(article))


def _time(function: Callable[[], object], runs: int) -> float:
    """Median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        function()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _query_forms(lib: Any, bodies: list[str], n: int, rng: random.Random) -> dict[str, list[str]]:
    """Every query form the syntax has, with terms and field values from the library."""
    rows = lib.conn.execute("SELECT ftitle, fbyline, fsource FROM texts").fetchall()
    titles = [r[0] for r in rows if r[0]]
    names = [name for r in rows for name in r[1].split("、") if name]
    days = sorted({Path(r[2]).name[:7] for r in rows})
    t2 = _pick_terms(bodies, 2, n, rng)
    t3 = _pick_terms(bodies, 3, n, rng)
    t5 = _pick_terms(bodies, 5, n, rng)
    forms: dict[str, list[str]] = {
        f"{k} char": _pick_terms(bodies, k, n, rng) for k in LENGTHS
    }
    forms["2 terms (2+3)"] = [f"{a} {b}" for a, b in zip(t2, t3, strict=True)]
    forms['"phrase"'] = [f'"{t}"' for t in t5]
    forms["term -term"] = [f"{a} -{b}" for a, b in zip(t3, t2, strict=True)]
    forms["-term alone"] = [f"-{t}" for t in t3]
    forms["kind:article"] = ["kind:article"] * n
    forms["term kind:photo"] = [f"{t} kind:photo" for t in t2]
    forms["term kind:article"] = [f"{t} kind:article" for t in t2]
    forms["byline: alone"] = [f"byline:{rng.choice(names)}" for _ in range(n)]
    forms["term byline:"] = [f"{t} byline:{rng.choice(names)}" for t in t2]
    forms["term -byline:"] = [f"{t} -byline:{rng.choice(names)}" for t in t3]
    forms["title: alone"] = [f"title:{t}" for t in _pick_terms(titles, 3, n, rng)]
    forms["term title:"] = [
        f"{a} title:{b}" for a, b in zip(t2, _pick_terms(titles, 2, n, rng), strict=True)
    ]
    forms["source: alone"] = [f"source:{rng.choice(days)}" for _ in range(n)]
    forms["term source:"] = [f"{t} source:{rng.choice(days)}" for t in t2]
    forms["all fields"] = [
        f"{t} kind:article byline:{rng.choice(names)[:1]} source:{rng.choice(days)[:4]}"
        for t in t2
    ]
    return forms


def bench_size(size: int, args: argparse.Namespace) -> None:
    from reader.library import Library
    from reader.search.sql import RANK_BUDGET

    annotator = {"none": no_annotations, "figures": figures_only, "full": None}[args.annotate]
    with contextlib.ExitStack() as stack:
        if args.keep:
            root = Path(args.keep) / f"{size}-{args.annotate}-{args.seed}"
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hr-bench-")))
        t0 = time.perf_counter()
        if not (root / "src").is_dir():
            info = make_library(root / "src", size, seed=args.seed)
            print(f"\n== {info.articles:,} articles in {info.files:,} files, "
                  f"{info.nbytes / 1e6:.1f} MB (generated in {time.perf_counter() - t0:.1f} s)")
        t0 = time.perf_counter()
        lib = Library(root / "data", annotator=annotator, workers=args.workers)
        opened = time.perf_counter() - t0
        result = lib.import_paths([root / "src"])
        if result.articles_added:
            t1 = time.perf_counter()
            lib.optimize()
            optimize_s = time.perf_counter() - t1
            lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            print(f"import ({os.cpu_count()} cores, {args.annotate}): "
                  f"{result.seconds:.1f} s = {result.articles_added / result.seconds:,.0f} "
                  f"articles/s, {result.nbytes / 1e6 / result.seconds:.2f} MB/s; optimize "
                  f"{optimize_s:.1f} s; errors {len(result.errors)}")
        else:
            print(f"\n== reusing {root} ({lib.count():,} articles; opened in {opened:.1f} s, "
                  f"{' / '.join(lib.notices) or 'as it was'})")
        if args.build_only:
            lib.close()
            return
        worker_mb = result.worker_peak_mb
        import_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        again = lib.import_paths([root / "src"])
        print(
            f"re-import unchanged: {again.seconds * 1000:.0f} ms "
            f"({again.files_unchanged:,} files unchanged)"
        )
        size_bytes = sum(p.stat().st_size for p in (root / "data").glob("library.sqlite3*"))
        total = lib.count()
        print(f"database: {size_bytes / 1e6:.1f} MB = {size_bytes / total / 1024:.1f} KiB "
              f"per article")

        texts = [(t, f) for t, f in lib.conn.execute("SELECT ftitle, fall FROM texts")]
        rng = random.Random(args.seed)
        bodies = [f for _, f in texts]
        forms = _query_forms(lib, bodies, args.queries, rng)
        print(f"search, limit 20, {args.queries} queries x {args.runs} runs each "
              f"(rank budget {RANK_BUDGET}); scan = Python count over all folded texts "
              "(plain terms only)")
        print(f"{'query':>18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'scan p50':>9} "
              f"{'ratio':>7} {'median hits':>11}")
        worst = 0.0
        for name, queries in forms.items():
            lib_times: list[float] = []
            scan_times: list[float] = []
            found: list[int] = []
            plain = " char" in name or name.startswith("2 terms")
            for text in queries:
                lib_times.append(_time(lambda text=text: lib.search(text, limit=20), args.runs))
                found.append(len(lib.search(text, limit=20)))
                if plain:
                    t = time.perf_counter()
                    _scan(texts, text.split(), 20)
                    scan_times.append(time.perf_counter() - t)
            p50 = statistics.median(lib_times) * 1000
            p95 = _percentile(lib_times, 0.95) * 1000
            worst = max(worst, p95)
            scan = f"{statistics.median(scan_times) * 1000:9.1f} " \
                f"{statistics.median(scan_times) * 1000 / p50:6.1f}x" if plain else f"{'':>17}"
            print(f"{name:>18} {p50:8.2f} {p95:8.2f} {max(lib_times) * 1000:8.2f} {scan} "
                  f"{statistics.median(found):11.0f}")
        print(f"worst p95 over every query form: {worst:.1f} ms (target <= 100 ms)")

        last = max(0, total - 100)
        t_last = _time(lambda: lib.headlines(last, 100), args.runs)
        t_first = _time(lambda: lib.headlines(0, 100), args.runs)
        t = time.perf_counter()
        pages = 0
        for offset in range(0, total, 100):
            lib.headlines(offset, 100)
            pages += 1
        scroll = time.perf_counter() - t
        print(f"sidebar page of 100: first {t_first * 1000:.2f} ms, last (offset {last:,}) "
              f"{t_last * 1000:.2f} ms; full scroll {pages:,} pages {scroll:.2f} s "
              f"= {scroll / max(1, pages) * 1000:.2f} ms a page")

        nfig = lib.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
        print(f"figures view ({nfig:,} figure rows), a page of 201 rows, median of {args.runs}:")
        params = inspect.signature(lib.figures).parameters
        views = {
            "by value": {"order": "value"},
            "by date (ctrl+o)": {"order": "date"},
            "money >=1亿 by value": {"kind": "money", "min_value": 1e8, "order": "value"},
            "money >=1亿 by date": {"kind": "money", "min_value": 1e8, "order": "date"},
            "unit 个 by date": {"unit": "个", "order": "date"},
            "percent <=5 by date": {"kind": "percent", "max_value": 5, "order": "date"},
            "no match by date": {"kind": "money", "min_value": 1e30, "order": "date"},
        }
        for name, kwargs in views.items():
            call = functools.partial(lib.figures, limit=201, **kwargs)
            t_page = _time(call, args.runs)
            rows = len(call())
            deep = ""
            if "offset" in params:
                t_deep = _time(functools.partial(call, offset=2010), args.runs)
                deep = f"; 11th page {t_deep * 1000:.1f} ms"
            print(f"  {name:>22}: {t_page * 1000:8.1f} ms ({rows} rows){deep}")
        lib.close()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory: importing process {import_mb:.0f} MB, largest import worker "
        f"{worker_mb:.0f} MB; with the scan baseline's texts loaded {own:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--queries", type=int, default=30, help="queries per kind")
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median taken)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-annotate", action="store_true",
                        help="skip figures/entities (same as --annotate none)")
    parser.add_argument("--annotate", choices=("full", "figures", "none"), default="full",
                        help="figures: the regular-expression figures only (no jieba)")
    parser.add_argument("--build-only", action="store_true",
                        help="with --keep: build the library and stop (measure on a later run)")
    parser.add_argument("--keep", metavar="DIR",
                        help="build the library under DIR and reuse it on later runs")
    args = parser.parse_args()
    if args.no_annotate:
        args.annotate = "none"
    print(f"SQLite {__import__('sqlite3').sqlite_version}, Python {sys.version.split()[0]}")
    for size in args.sizes:
        bench_size(size, args)


if __name__ == "__main__":
    main()
