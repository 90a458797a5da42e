"""Exact-match precision, recall and F1 of reader.annotate.entities on public Chinese NER test sets.

Scores ``find_entities`` and, in the same run, the jieba ``posseg`` baseline the issue quotes
(nr/nrt/nrfg → PER, ns → LOC, nt → ORG) on the MSRA and People's Daily test sets in
``shared/benchmarks/ner``. That data is other people's: it is only read here, never copied into
the package or used to build its word lists.

``zone-news`` (``shared/benchmarks/zone-news``: real high-tech-zone news, hand-labelled) is scored
with that set's own ``score.py`` on what ``hitech-reader annotate --format jsonl`` prints for each
gold paragraph; the lines printed are its entity F1, person precision and organisation recall
(exact and overlap match). It is for measuring only: nothing of it goes into rules, lists or tests.

    python benchmarks/bench_ner.py [--sets msra,peoples_daily,zone_news] [--limit N]
        [--no-baseline] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.annotate.entities import find_entities


def _shared() -> Path:
    """``$HITECH_SHARED``, else the ``shared`` folder beside the checkout (or a worktree's)."""
    if "HITECH_SHARED" in os.environ:
        return Path(os.environ["HITECH_SHARED"])
    here = Path(__file__).resolve()
    for up in here.parents[2:4]:
        if (up / "shared").is_dir():
            return up / "shared"
    return here.parents[2] / "shared"


SHARED = _shared()
SETS = {"msra": "msra_test.jsonl", "peoples_daily": "peoples_daily_test.jsonl"}
ZONE_NEWS = SHARED / "benchmarks" / "zone-news"
TYPE_MAP = {"person": "PER", "place": "LOC", "org": "ORG"}
TYPES = ("PER", "LOC", "ORG")

Span = tuple[int, int, str]


def read_set(name: str, limit: int | None) -> list[dict]:
    path = SHARED / "benchmarks" / "ner" / SETS[name]
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return rows[:limit] if limit else rows


def ours(text: str) -> list[Span]:
    return [(e.start, e.end, TYPE_MAP[e.type]) for e in find_entities(text)]


def jieba_baseline() -> Callable[[str], list[Span]]:
    import logging

    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    tags = {"nr": "PER", "nrt": "PER", "nrfg": "PER", "ns": "LOC", "nt": "ORG"}

    def run(text: str) -> list[Span]:
        spans, pos = [], 0
        for pair in pseg.cut(text):
            typ = tags.get(pair.flag)
            if typ:
                spans.append((pos, pos + len(pair.word), typ))
            pos += len(pair.word)
        return spans

    return run


def score(rows: Iterable[dict], system: Callable[[str], list[Span]]) -> tuple[dict, float]:
    """Counts of true positives, predictions and gold spans per type, and chars per second."""
    tp, pred, gold = Counter(), Counter(), Counter()
    chars = 0
    t0 = time.perf_counter()
    for row in rows:
        text = row["text"]
        chars += len(text)
        got = set(system(text))
        want = {(e["start"], e["end"], e["type"]) for e in row["entities"]}
        for s in got:
            pred[s[2]] += 1
        for s in want:
            gold[s[2]] += 1
        for s in got & want:
            tp[s[2]] += 1
    elapsed = time.perf_counter() - t0
    return {"tp": tp, "pred": pred, "gold": gold}, chars / elapsed


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(label: str, counts: dict, speed: float) -> float:
    print(f"  {label}  ({speed:,.0f} chars/s)")
    print(f"    {'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for typ in (*TYPES, "all"):
        if typ == "all":
            tp, pr, go = (sum(counts[k].values()) for k in ("tp", "pred", "gold"))
        else:
            tp, pr, go = (counts[k][typ] for k in ("tp", "pred", "gold"))
        p, r, f = prf(tp, pr, go)
        print(f"    {typ:<8}{p:7.3f}{r:7.3f}{f:7.3f}{go:7d}")
    return prf(*(sum(counts[k].values()) for k in ("tp", "pred", "gold")))[2]


def zone_news(errors: bool) -> None:
    """Score the CLI's ``annotate --format jsonl`` output with zone-news' own scorer."""
    import importlib.util

    from reader.cli.annotate import _line_json

    spec = importlib.util.spec_from_file_location("zone_news_score", ZONE_NEWS / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot read {ZONE_NEWS / 'score.py'}")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load_jsonl(ZONE_NEWS / "gold.jsonl")
    t0 = time.perf_counter()
    # through JSON, exactly as the CLI prints it
    preds = [json.loads(json.dumps(_line_json(g["text"]), ensure_ascii=False)) for g in gold]
    speed = sum(len(g["text"]) for g in gold) / (time.perf_counter() - t0)
    errs: list | None = [] if errors else None
    res = scorer.score(gold, preds, errs)
    print(f"zone_news: {len(gold)} paragraphs  ({speed:,.0f} chars/s, figures included)")
    print(f"    {'':<24}{'exact':>8}{'overlap':>9}")
    rows = [
        ("entity F1", "entities", "F1"),
        ("entity P", "entities", "P"),
        ("entity R", "entities", "R"),
        ("person precision", "entities.person", "P"),
        ("person recall", "entities.person", "R"),
        ("place precision", "entities.place", "P"),
        ("org precision", "entities.org", "P"),
        ("org recall", "entities.org", "R"),
        ("zone recall", "entities.zone", "R"),
    ]
    for label, key, metric in rows:
        ex, ov = res["exact"][key][metric], res["overlap"][key][metric]
        print(f"    {label:<24}{ex:8.3f}{ov:9.3f}")
    for e in errs or []:
        print("    " + " | ".join(str(x) for x in e))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="msra,peoples_daily,zone_news")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", action="store_true", help="zone_news: list misses and spurious")
    args = ap.parse_args()
    from reader.annotate.nlp import load

    load().warm()  # load the whole stack before timing, so chars/s is the steady state
    baseline = None if args.no_baseline else jieba_baseline()
    for name in args.sets.split(","):
        if name == "zone_news":
            zone_news(args.errors)
            continue
        rows = read_set(name, args.limit)
        print(f"{name}: {len(rows)} sentences")
        f_ours = report("reader.annotate.entities", *score(rows, ours))
        if baseline is not None:
            f_base = report("jieba posseg baseline", *score(rows, baseline))
            print(f"  F1 ratio ours/jieba: {f_ours / f_base:.3f}")


if __name__ == "__main__":
    main()
