"""Speed and fill of `reader.text.linebreak` against Rich's own wrapping.

Prints medians of 5 runs:
* the sample page (its non-blank lines joined) broken at width 80, ours vs ``Text.wrap``;
* a 1 MB (UTF-8) single line and 5,000 short lines, ours (must stay linear);
* how full the lines are (share of non-final lines more than one cell short of the width) and
  how many start with closing punctuation, ours vs Rich, on the sample page and, when the shared
  benchmark data is there, on People's Daily sentences nobody tuned the rules on.

Run: ``PYTHONPATH=. python benchmarks/bench_linebreak.py``
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from timing import median_time

from reader.text.linebreak import CLOSING, break_lines

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("HITECH_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def sample_text() -> str:
    raw = (ROOT / "articles" / "hitech-zones-p1.txt").read_text(encoding="utf-8")
    return "".join(line.strip() for line in raw.splitlines() if line.strip())


def rich_lines(console: Console, text: str, width: int) -> list[str]:
    return [line.plain.rstrip(" ") for line in Text(text).wrap(console, width)]


def fill_stats(paragraphs: list[str], widths: range, breaker) -> tuple[int, int, int]:
    """(non-final lines, lines more than one cell short, lines starting with closing punct)."""
    total = short = bad_start = 0
    for width in widths:
        for paragraph in paragraphs:
            lines = breaker(paragraph, width)
            total += len(lines) - 1
            short += sum(cell_len(line) < width - 1 for line in lines[:-1])
            bad_start += sum(line[:1] in CLOSING for line in lines[1:])
    return total, short, bad_start


def report_fill(label: str, paragraphs: list[str], console: Console) -> None:
    def ours(text: str, width: int) -> list[str]:
        return [text[s:e] for s, e in break_lines(text, width)]

    def theirs(text: str, width: int) -> list[str]:
        return rich_lines(console, text, width)

    widths = range(20, 121, 10)
    for name, breaker in (("ours", ours), ("rich", theirs)):
        total, short, bad = fill_stats(paragraphs, widths, breaker)
        print(
            f"  {label:<22} {name}: {total:6d} non-final lines at widths 20..120 step 10, "
            f"short {short / max(total, 1):6.1%}, starting with closing punctuation {bad}"
        )


def main() -> None:
    console = Console(width=200, file=open(os.devnull, "w"))  # noqa: SIM115
    text = sample_text()

    ours = median_time(lambda: break_lines(text, 80))
    rich = median_time(lambda: Text(text).wrap(console, 80))
    print(
        f"sample page, {len(text)} chars, width 80: ours {ours * 1e3:.2f} ms, "
        f"rich Text.wrap {rich * 1e3:.2f} ms, ratio ours/rich {ours / rich:.2f}"
    )

    repeats = 1_000_000 // len(text.encode("utf-8")) + 1
    big = (text * repeats).encode("utf-8")[:1_000_000].decode("utf-8", errors="ignore")
    big_time = median_time(lambda: break_lines(big, 80))
    print(
        f"1 MB single line ({len(big)} chars), width 80: ours {big_time:.3f} s "
        f"({len(big) / big_time / 1e6:.2f} M chars/s)"
    )

    short_lines = "\n".join(text[i % 3000 : i % 3000 + 20] for i in range(5000))
    short_time = median_time(lambda: break_lines(short_lines, 80))
    rich_short = median_time(lambda: Text(short_lines).wrap(console, 80))
    print(
        f"5,000 short lines: ours {short_time * 1e3:.1f} ms, rich {rich_short * 1e3:.1f} ms, "
        f"ratio {short_time / rich_short:.2f}"
    )

    print("line fill (no keep spans):")
    sentences = [s + "。" for s in text.split("。") if s]
    paragraphs = ["".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    report_fill("sample page", paragraphs, console)
    daily = SHARED / "benchmarks" / "ner" / "peoples_daily_test.jsonl"
    if daily.exists():
        with daily.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for line in handle]
        # Sentences joined into paragraph-sized chunks, as they would appear in an article.
        chunks = ["".join(texts[i : i + 6]) for i in range(0, min(len(texts), 1200), 6)]
        report_fill("People's Daily (1,200)", chunks, console)
    else:
        print(f"  (no shared data at {daily}: skipped the unseen-text fill check)")


if __name__ == "__main__":
    main()
