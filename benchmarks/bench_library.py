"""Library index benchmark: import throughput, search latency, size and memory.

Builds synthetic libraries (:mod:`synth`) in a temporary directory, imports them with all
cores, then times searches of 1-, 2-, 3- and 5-character terms and two-term queries taken
from the library's own text, each against a plain Python scan of the same folded texts
in the same run (the ratio is scan time / library time). Targets at 100,000 articles:
search p50 ≤ 30 ms, p95 ≤ 100 ms.

    python benchmarks/bench_library.py                  # 10,000 articles
    python benchmarks/bench_library.py --sizes 10000 100000
    python benchmarks/bench_library.py --no-annotate    # index only, no jieba

Nothing is written outside the temporary directory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

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


def bench_size(size: int, args: argparse.Namespace) -> None:
    from reader.library import Library
    from reader.search.sql import RANK_BUDGET

    with tempfile.TemporaryDirectory(prefix="hr-bench-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        info = make_library(root / "src", size, seed=args.seed)
        print(
            f"\n== {info.articles:,} articles in {info.files:,} files, "
            f"{info.nbytes / 1e6:.1f} MB (generated in {time.perf_counter() - t0:.1f} s)"
        )
        lib = Library(
            root / "data",
            annotator=no_annotations if args.no_annotate else None,
            workers=args.workers,
        )
        result = lib.import_paths([root / "src"])
        t1 = time.perf_counter()
        lib.optimize()
        optimize_s = time.perf_counter() - t1
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = "no annotation" if args.no_annotate else "annotated"
        print(
            f"import ({os.cpu_count()} cores, {mode}): "
            f"{result.seconds:.1f} s = {result.articles_added / result.seconds:,.0f} articles/s, "
            f"{result.nbytes / 1e6 / result.seconds:.2f} MB/s; optimize {optimize_s:.1f} s; "
            f"errors {len(result.errors)}"
        )
        worker_mb = result.worker_peak_mb
        import_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        again = lib.import_paths([root / "src"])
        print(
            f"re-import unchanged: {again.seconds * 1000:.0f} ms "
            f"({again.files_unchanged:,} files unchanged)"
        )
        size_bytes = sum(p.stat().st_size for p in (root / "data").glob("library.sqlite3*"))
        print(
            f"database: {size_bytes / 1e6:.1f} MB = {size_bytes / lib.count() / 1024:.1f} KiB "
            f"per article ({size_bytes / info.nbytes:.1f}x the source files)"
        )

        texts = [(t, f) for t, f in lib.conn.execute("SELECT ftitle, fall FROM texts")]
        rng = random.Random(args.seed)
        bodies = [f for _, f in texts]
        cases: dict[str, list[list[str]]] = {
            f"{n} char": [[t] for t in _pick_terms(bodies, n, args.queries, rng)] for n in LENGTHS
        }
        cases["2 terms (2+3)"] = [
            [a, b]
            for a, b in zip(
                _pick_terms(bodies, 2, args.queries, rng),
                _pick_terms(bodies, 3, args.queries, rng),
                strict=True,
            )
        ]
        print(
            f"search, limit 20, {args.queries} queries x {args.runs} runs each "
            f"(rank budget {RANK_BUDGET}); scan = Python count over all folded texts"
        )
        print(
            f"{'query':>14} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'scan p50':>9} "
            f"{'ratio':>7} {'median hits':>11}"
        )
        for name, queries in cases.items():
            lib_times: list[float] = []
            scan_times: list[float] = []
            found: list[int] = []
            for terms in queries:
                text = " ".join(terms)
                per_query = []
                for _ in range(args.runs):
                    t = time.perf_counter()
                    hits = lib.search(text, limit=20)
                    per_query.append(time.perf_counter() - t)
                lib_times.append(statistics.median(per_query))
                found.append(len(hits))
                t = time.perf_counter()
                _scan(texts, terms, 20)
                scan_times.append(time.perf_counter() - t)
            p50 = statistics.median(lib_times) * 1000
            scan50 = statistics.median(scan_times) * 1000
            print(
                f"{name:>14} {p50:8.2f} {_percentile(lib_times, 0.95) * 1000:8.2f} "
                f"{max(lib_times) * 1000:8.2f} {scan50:9.1f} {scan50 / p50:6.1f}x "
                f"{statistics.median(found):11.0f}"
            )
        t = time.perf_counter()
        for offset in range(0, min(lib.count(), 5000), 100):
            lib.headlines(offset, 100)
        pages = min(lib.count(), 5000) // 100
        print(f"headlines page of 100: {(time.perf_counter() - t) / max(1, pages) * 1000:.2f} ms")
        t = time.perf_counter()
        figures = lib.figures(kind="money", min_value=1e8, limit=100)
        print(
            f"figures(kind=money, min 1e8, top 100): {(time.perf_counter() - t) * 1000:.1f} ms "
            f"({len(figures)} rows)"
        )
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
    parser.add_argument(
        "--no-annotate",
        action="store_true",
        help="skip figures/entities (measures parsing and indexing alone)",
    )
    args = parser.parse_args()
    print(f"SQLite {__import__('sqlite3').sqlite_version}, Python {sys.version.split()[0]}")
    for size in args.sizes:
        bench_size(size, args)


if __name__ == "__main__":
    main()
