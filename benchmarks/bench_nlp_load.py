"""How long the NLP stack takes to load, and how fast entities are found once it is loaded.

Load times are measured in fresh subprocesses (median of --runs), from before the first import
to the end of the load, for:

* stock jieba: ``import jieba; jieba.initialize(); import jieba.posseg`` (what the app would
  pay without reader.annotate.nlp);
* reader.annotate.nlp with a cold cache (an empty cache dir: builds and writes the cache);
* reader.annotate.nlp with a warm cache; also "+ first page", which adds finding the entities of the
  sample page once, since the dictionary's shards are unpacked on first use.

Then, in this process, entity-finding speed on the sample page (median of --runs passes) next to
stock ``jieba.lcut`` and ``jieba.posseg.lcut`` measured the same way.

    python benchmarks/bench_nlp_load.py [--runs 5]
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

from timing import child_env

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "articles" / "hitech-zones-p1.txt"

STOCK = """
import time, logging
t0 = time.perf_counter()
import jieba
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
import jieba.posseg
print(time.perf_counter() - t0)
"""

OURS = """
import time
t0 = time.perf_counter()
from reader.annotate import nlp
nlp.load()
t1 = time.perf_counter()
from reader.annotate.entities import find_entities
text = open({sample!r}, encoding="utf-8").read().replace("\\n", "")
find_entities(text)
print(t1 - t0, time.perf_counter() - t0)
"""


def run(code: str, cache: Path) -> list[float]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = child_env(PYTHONPATH=path, HITECH_READER_CACHE_DIR=str(cache))
    env["HITECH_READER_CONFIG_DIR"] = str(cache.parent / "config")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return [float(x) for x in out.stdout.split()]


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def load_times(runs: int) -> None:
    ours = OURS.format(sample=str(SAMPLE))
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        stock = [run(STOCK, base / "unused")[0] for _ in range(runs)]
        cold, cold_page = [], []
        for i in range(runs):
            load, page = run(ours, base / f"cold{i}")
            cold.append(load)
            cold_page.append(page)
        warm_dir = base / "warm"
        run(ours, warm_dir)  # build it once
        warm, warm_page = [], []
        for _ in range(runs):
            load, page = run(ours, warm_dir)
            warm.append(load)
            warm_page.append(page)
    s = median(stock)
    print(f"one-off load, fresh subprocesses, median of {runs}:")
    print(f"  stock jieba initialize + import posseg   {s * 1000:7.0f} ms")
    for label, xs in (
        ("reader.annotate.nlp.load, cold cache (builds it)", cold),
        ("  + entities of the sample page", cold_page),
        ("reader.annotate.nlp.load, warm cache", warm),
        ("  + entities of the sample page", warm_page),
    ):
        m = median(xs)
        print(f"  {label:<41}{m * 1000:7.0f} ms   ({m / s:.2f}× stock)")


def throughput(runs: int) -> None:
    import logging

    import jieba
    import jieba.posseg

    from reader.annotate.entities import find_entities
    from reader.annotate.nlp import load

    jieba.setLogLevel(logging.WARNING)
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "")
    load().warm()
    jieba.initialize()

    def speed(fn) -> float:  # type: ignore[no-untyped-def]
        fn(text)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - t0)
        return len(text) / median(times)

    ours = speed(find_entities)
    cut = speed(load().cut)
    lcut = speed(jieba.lcut)
    pos = speed(jieba.posseg.lcut)
    print(f"speed on the sample page ({len(text):,} chars), median of {runs}, one core:")
    print(f"  find_entities                {ours:10,.0f} chars/s")
    print(f"  reader.annotate.nlp cut (segmenting)  {cut:10,.0f} chars/s")
    for label, x in (("stock jieba.lcut", lcut), ("stock jieba.posseg.lcut", pos)):
        print(f"  {label:<29}{x:10,.0f} chars/s   (find_entities: {ours / x:.2f}×)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    load_times(args.runs)
    throughput(args.runs)


if __name__ == "__main__":
    main()
