"""How well and how fast the PDF importer reads generated newspaper pages.

Pages come from the test suite's reportlab generator (``tests/helpers/pdfgen.py``) with
seeds from 10,000 up, which the importer was never tuned on (tuning used seeds below
2,000). Per page it scores titles (with kicker), bylines (with dateline) and paragraphs
(every paragraph and subhead of a story exact; a photo's caption and credit) and counts
characters of the text layer that landed in no field. Every fourth document is a
two-page issue whose lead story is jumped to page 2: it must come back as one article.

Speed: median seconds per page of :func:`reader.ingest.pdf.read_pdf`, on one core, next to
the baseline measured in the same process: pdfminer.six extracting the same page's
characters with no layout analysis (``read_pages``), so the ratio is what the layout adds.

    python benchmarks/bench_pdf.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.ingest.pdf import read_pdf
from reader.ingest.pdf.extract import read_pages
from tests.helpers.pdfgen import make_pdf
from tests.helpers.pdfscore import Score, score_page

FIRST_SEED = 10_000


def _timed(function, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    total = Score()
    per_page: list[float] = []
    baseline: list[float] = []
    page_rates: dict[str, list[float]] = {"titles": [], "bylines": [], "paragraphs": []}
    issues = joined = 0
    chars_per_page: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        for k in range(n):
            seed = FIRST_SEED + k
            pages = 2 if k % 4 == 3 else 1
            path = Path(folder) / f"{seed}.pdf"
            records = make_pdf(path, seed, pages=pages)
            read_pdf(path)  # warm: fonts and CMaps load once per process
            per_page.append(_timed(lambda p=path: read_pdf(p)) / pages)
            baseline.append(_timed(lambda p=path: list(read_pages(p))) / pages)
            articles = read_pdf(path)
            if pages == 2:
                issues += 1
                lead = next(s for s in records[0].stories if s.jump_to)
                parts = [a for a in articles if a.title == lead.title]
                joined += len(parts) == 1 and "下转" not in parts[0].body_text
                continue  # the joined story is scored here, not page by page
            score = score_page(records[0], articles)
            total.add(score)
            chars_per_page.append(score.chars)
            for name in page_rates:
                page_rates[name].append(score.rate(name))
    pages_scored = len(chars_per_page)
    print(f"generated pages scored: {pages_scored} (seeds {FIRST_SEED}..{FIRST_SEED + n - 1}), "
          f"median {statistics.median(chars_per_page):,.0f} characters a page")
    for name in page_rates:
        exact = sum(r == 1.0 for r in page_rates[name]) / pages_scored
        print(f"  {name:<10} {total.rate(name):.3f} of items right "
              f"({getattr(total, name)}/{getattr(total, name + '_total')}); "
              f"pages with all right: {exact:.1%}")
    print(f"  characters lost: {total.chars_lost} of {total.chars:,}; "
          f"doubled: {total.chars_extra}")
    print(f"  two-page issues with the jumped story joined: {joined}/{issues}")
    median, base = statistics.median(per_page), statistics.median(baseline)
    print(f"seconds per page (median, one core): {median:.3f} s; pdfminer extraction alone "
          f"{base:.3f} s; ratio {median / base:.2f}x")
    rate = statistics.median(chars_per_page) / median
    print(f"  {rate:,.0f} characters/s: a broadsheet page of 4,000 characters in about "
          f"{4000 / rate:.2f} s")


if __name__ == "__main__":
    main()
