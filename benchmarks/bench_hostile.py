"""Hostile input at scale: memory for huge files, time for huge lines and many headings, fuzzing.

Prints (medians of several runs where timed):

* peak resident memory (a fresh process each) to refuse a 50 MB file (over the 16 MB limit)
  and to load page-shaped files of 4 MB and just under the limit, as a multiple of the
  file's size;
* a 1 MB single line through the line breaker (width 80) and the page importer;
* 1,000 / 5,000 / 10,000 headline-like short lines through the page importer, with the
  ratio of each time to the 1,000-line time (linear: about 5 and 10; quadratic: 25 and 100);
* a hypothesis fuzz run of the page importer and the loader's text dispatch on arbitrary
  Unicode (controls, astral planes, lookalikes), checking nothing is lost, with the number
  of inputs tried.

Run: ``PYTHONPATH=. python benchmarks/bench_hostile.py [--examples N]``
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from timing import median_time

from reader.ingest.decode import MAX_BYTES
from reader.ingest.loader import parse_text
from reader.ingest.page import parse_page
from reader.text.linebreak import break_lines
from tests.helpers.data import make_bad

ROOT = Path(__file__).resolve().parents[1]


#: Run in a fresh interpreter so that its peak resident memory is the load's alone.
_CHILD = """
import resource, sys, time
from pathlib import Path
from reader.ingest.loader import LoadError, load_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    outcome = f"{len(load_file(Path(sys.argv[1])))} articles"
except LoadError as error:
    outcome = f"refused: {error.message}"
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(f"{outcome}\t{peak}\t{elapsed}")
"""


def load_in_child(path: Path) -> tuple[str, float, float]:
    """(outcome, peak resident memory added in MB, seconds) of loading ``path``."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    outcome, peak_kb, seconds = out.rstrip("\n").split("\t")
    return outcome, int(peak_kb) / 1024, float(seconds)


def memory(folder: Path) -> None:
    huge = make_bad.oversized_file(folder / "fifty.txt", 50 * 2**20)
    outcome, peak, seconds = load_in_child(huge)
    print(f"50 MB file: {outcome} (peak memory +{peak:.1f} MB, {seconds * 1000:.1f} ms)")
    for megabytes in (4, MAX_BYTES // 2**20):
        path = folder / f"page-{megabytes}.txt"
        data = make_bad.text_of_size(megabytes * 2**19).encode("utf-8")
        path.write_bytes(data[: megabytes * 2**20 - 4096].decode("utf-8", "ignore").encode())
        size = path.stat().st_size / 2**20
        outcome, peak, seconds = load_in_child(path)
        print(
            f"{size:.1f} MB page-shaped file: {outcome} in {seconds:.1f} s,"
            f" peak memory +{peak:.0f} MB = {peak / size:.0f}x the file"
        )


def long_line() -> None:
    line = make_bad.long_line(1_000_000)
    t_break = median_time(lambda: break_lines(line, 80), runs=3)
    t_page = median_time(lambda: parse_page(line, "line"), runs=3)
    t_text = median_time(lambda: parse_text(line, "line"), runs=3)
    print(
        f"1 MB single line: line breaker {t_break:.2f} s, page importer {t_page:.2f} s,"
        f" loader dispatch (web copy) {t_text:.2f} s"
    )


def many_headings() -> None:
    shapes = {
        "headline-like short lines": make_bad.headline_lines,
        "news items with a credited photo caption": make_bad.captioned_items,
    }
    for label, make in shapes.items():
        times = {}
        for count in (1_000, 5_000, 10_000):
            text = make(count)
            times[count] = median_time(lambda text=text: parse_page(text, "heads"), runs=3)
        base = times[1_000]
        cells = ", ".join(f"{n:,}: {t:.3f} s ({t / base:.1f}x)" for n, t in times.items())
        print(f"{label} through the page importer: {cells}")
    print("  (linear would be 5x and 10x, quadratic 25x and 100x)")


def fuzz(examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    squash = re.compile(r"[\s▶]")
    tried = 0
    pieces = st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(
            [*"\x00\x07\x1b\x7f\x9b\u200b\u202e\u3000⼤１０，。", "😀", "𠀀", "[bold]", "\n\n"]
        ),
        st.sampled_from([*"高新区产业园科技创新发展亿元万平方米", "1000", "15.5%", "本报讯"]),
    )

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(st.lists(pieces, max_size=40).map("".join), max_size=40).map("\n\n".join))
    def run(text: str) -> None:
        nonlocal tried
        tried += 1
        for articles in (parse_page(text, "fuzz"), parse_text(text, "fuzz")):
            got = []
            for a in articles:
                got += [v for v in (a.kicker, a.title, a.dateline, a.credit) if v]
                got += a.byline + a.captions + [b.text for b in a.blocks]
            assert Counter(squash.sub("", "".join(got))) == Counter(squash.sub("", text))

    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(
        f"fuzz: {tried:,} inputs tried (budget {examples:,}) in {elapsed:.0f} s,"
        " no exception, nothing lost"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="fuzz budget")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        memory(Path(folder))
    long_line()
    many_headings()
    fuzz(args.examples)


if __name__ == "__main__":
    main()
