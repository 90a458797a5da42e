"""Measure the figure finder on public test cases and on the sample page.

Why: the unit tests pin cases we wrote; this checks the finder against other people's
cases (Recognizers-Text, JioNLP, cn2an, WeTextProcessing; see shared/benchmarks/README.md)
and keeps an eye on speed. The data is read in place, never copied into the repository.

Printed per suite: span recall (exact and overlapping, and overlapping over the gold spans
that contain a numeral: "ovl#") for extraction suites, value
accuracy where a case gives a value, and parse accuracy for the numeral-parsing suites.
Then the zone-news set (real high-tech-zone news, hand-labelled; ``zone-news/README.md``):
figure precision, recall and value accuracy by that set's own ``score.py`` rule, exact
and overlapping (``BENCH_MISSES=1`` lists the errors). Then chars/s of ``find_figures``
over the sample page repeated (median of 5 runs), with the
ratio to a bare ``\\d+`` regex scan measured in the same process.

Run: ``PYTHONPATH=. python benchmarks/bench_figures.py``
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from pathlib import Path

from timing import median_time

from reader.annotate.figures import find_figures
from reader.model import Figure
from reader.text.numerals import parse_number

SHARED = Path(os.environ.get("HITECH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CASES = SHARED / "benchmarks" / "figures" / "cases.jsonl"
ZONE_NEWS = SHARED / "benchmarks" / "zone-news"
PAGE = Path(__file__).resolve().parents[1] / "articles" / "hitech-zones-p1.txt"

_NUMERAL = re.compile("[0-9０-９零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億兩]")
# The finder converts areas to 平方米; the cases give area values in the unit written.
_AREA_FACTORS = {"Mu": 10000 / 15, "Hectare": 1e4, "Square kilometer": 1e6}


def _expected_value(fig: dict) -> float | None:
    raw = fig.get("value")
    if raw is None or "," in str(raw) or "(" in str(raw) or "[" in str(raw):
        return None
    try:
        value = float(str(raw).rstrip("%"))
    except ValueError:
        return None
    return value * _AREA_FACTORS.get(fig.get("unit", ""), 1)


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


class Tally:
    """Counts for one suite."""

    def __init__(self) -> None:
        self.cases = self.skipped = self.gold = self.exact = self.overlap = 0
        self.numbered = self.numbered_overlap = 0
        self.valued = self.value_ok = self.parsed = self.parse_ok = 0

    def row(self, name: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a / b:6.3f}" if b else "     -"

        return (
            f"{name:38} {self.cases:5} {self.skipped:4} {self.gold:5} "
            f"{pct(self.exact, self.gold)} {pct(self.overlap, self.gold)} "
            f"{pct(self.numbered_overlap, self.numbered)} "
            f"{pct(self.value_ok, self.valued)} {pct(self.parse_ok, self.parsed)}"
        )


def _score_extract(case: dict, tally: Tally, misses: list[str]) -> None:
    found = find_figures(case["text"])
    for gold in case["figures"]:
        if gold.get("start") is None:
            continue
        tally.gold += 1
        gs, ge = gold["start"], gold["end"]
        exact = any(f.start == gs and f.end == ge for f in found)
        hits = [f for f in found if f.start < ge and gs < f.end]
        tally.exact += exact
        tally.overlap += bool(hits)
        if _NUMERAL.search(gold["text"]):  # 人民币 alone is a currency name, not a figure
            tally.numbered += 1
            tally.numbered_overlap += bool(hits)
        if not hits:
            misses.append(f"{case['id']}: {gold['text']!r} in {case['text'][:40]!r}")
        expected = _expected_value(gold)
        if expected is not None:
            tally.valued += 1
            tally.value_ok += any(_close(f.value, expected) for f in hits)


def _money(text: str) -> Figure | None:
    money: list[Figure] = [f for f in find_figures(text) if f.kind == "money"]
    return money[0] if money else None


def _score_parse(case: dict, tally: Tally, misses: list[str]) -> None:
    expected = case.get("expected", {})
    tally.parsed += 1
    if case["suite"].startswith("jionlp"):
        fig = _money(case["text"])
        want = expected["num"]
        if isinstance(want, list):  # a range: both ends must match
            got = (fig.value, fig.value_max) if fig else None
            ok = (
                fig is not None
                and _close(fig.value, float(want[0]))
                and (fig.value_max is not None and _close(fig.value_max, float(want[1])))
            )
        else:
            got = fig.value if fig else None
            ok = fig is not None and _close(fig.value, float(want))
    elif "digits" in expected:
        got = parse_number(case["text"], direct=True)
        ok = got is not None and f"{got:.0f}".zfill(len(expected["digits"])) == expected["digits"]
    else:  # cn2an's normal and smart modes read digit-by-digit numerals too
        got = parse_number(case["text"], direct="strict" not in case["suite"])
        ok = _close(got, float(expected["value"]))
    tally.parse_ok += ok
    if not ok:
        misses.append(f"{case['id']}: {case['text']!r} -> {got} (want {expected})")


def score() -> None:
    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: dict[str, list[str]] = defaultdict(list)
    with CASES.open(encoding="utf-8") as fh:
        for line in fh:
            case = json.loads(line)
            suite, tally = case["suite"], tallies[case["suite"]]
            tally.cases += 1
            if "python" in case.get("not_supported_platforms", ""):
                tally.skipped += 1
            elif case["task"] == "extract":
                _score_extract(case, tally, misses[suite])
            elif case["task"] == "parse":
                _score_parse(case, tally, misses[suite])
            else:
                tally.skipped += 1  # reject/normalize tasks: not what a figure finder does
    print(
        f"{'suite':38} {'cases':>5} {'skip':>4} {'gold':>5} {'exact':>6} {'ovlap':>6} "
        f"{'ovl#':>6} {'value':>6} {'parse':>6}"
    )
    for name in sorted(tallies):
        print(tallies[name].row(name))
    if os.environ.get("BENCH_MISSES"):
        for name, rows in sorted(misses.items()):
            if "NumberModel" in name:
                continue
            print(f"\n# misses in {name}")
            print("\n".join(rows))


def zone_news() -> None:
    """Figures on zone news, scored by the set's own score.py (loaded from where it lies)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("zone_news_score", ZONE_NEWS / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = scorer.load_jsonl(str(ZONE_NEWS / "gold.jsonl"))
    preds = [
        {"figures": [{"start": f.start, "end": f.end, "value": f.value, "unit": f.unit,
                      "kind": f.kind} for f in find_figures(g["text"])], "entities": []}
        for g in gold
    ]
    errors: list[tuple] | None = [] if os.environ.get("BENCH_MISSES") else None
    res = scorer.score(gold, preds, errors)
    for mode in ("exact", "overlap"):
        m = res[mode]["figures"]
        print(f"zone-news figures ({len(gold)} paragraphs, {mode:7}): P {m['P']:.3f} "
              f"R {m['R']:.3f} F1 {m['F1']:.3f}  gold {m['gold']} found {m['found']} "
              f"pred {m['pred']} correct {m['correct']}  value accuracy {m['value_acc']:.3f}")
    for error in errors or []:
        if error[2].startswith("figure"):
            print("  " + " | ".join(str(x) for x in error))


def _page_text() -> str:
    lines = [ln.strip() for ln in PAGE.read_text(encoding="utf-8").splitlines()]
    return "".join(ln for ln in lines if ln)


def speed(repeat: int = 20, runs: int = 5) -> None:
    text = _page_text() * repeat
    baseline_re = re.compile(r"[0-9]+")

    t_find = median_time(lambda: find_figures(text), runs)
    t_base = median_time(lambda: list(baseline_re.finditer(text)), runs)
    n = len(find_figures(text))
    print(
        f"\nspeed: {len(text):,} chars, {n} figures; find_figures {len(text) / t_find:,.0f} "
        f"chars/s (median of {runs}); bare [0-9]+ scan {len(text) / t_base:,.0f} chars/s; "
        f"ratio {t_find / t_base:.1f}x slower than the bare scan"
    )


if __name__ == "__main__":
    if CASES.exists():
        score()
    else:
        print(f"no cases at {CASES}: set HITECH_SHARED")
    if (ZONE_NEWS / "score.py").exists():
        print()
        zone_news()
    speed()
