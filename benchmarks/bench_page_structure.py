"""How often the page importer recovers generated pages exactly, shape by shape.

First a table per dump shape (``tests/helpers/pageshapes.py``: pdftotext, raw, layout,
paste, mixed, headers, multipage; hand-written stories, random column widths 12–40), read
through the loader's page/plain decision as a user's file would be: the share of stories with
the exact title (and kicker), byline (names and roles), dateline and paragraphs, page
metadata and date, characters in the wrong article and characters lost.

Then the older measure on pages of random words (the bundled page's shape):
Generates pages with the test suite's story generator (random words, figures, bylines,
leads with kickers at the page foot, two-line headlines, photo items) and counts the
pages whose every story comes back with the right title, kicker, byline, dateline,
subheads and body text, and separately with every paragraph break right.

    python benchmarks/bench_page_structure.py [N] [SEEDS_PER_SHAPE]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from reader.ingest.loader import parse_text
from reader.ingest.page import parse_page
from tests.helpers.pagegen import layout_page
from tests.helpers.pagescore import Score, score
from tests.helpers.pageshapes import SHAPES, make_page
from tests.unit.ingest.test_page import _check_story, assert_nothing_lost, stories


def shapes_table(seeds: int) -> None:
    """Print one row per shape: exact shares, wrong-article characters, lost characters."""
    print(
        f"{'shape':<10} {'stories':>7} {'titles':>7} {'bylines':>7} {'dateln':>7} "
        f"{'paras':>7} {'page':>7} {'date':>7} {'wrong ch':>9} {'lost':>5}"
    )
    for shape in SHAPES:
        total = Score()
        for seed in range(seeds):
            made = make_page(shape, seed)
            total.add(score(made, parse_text(made.text, f"{shape}-{seed}.txt")))
        n = total.stories or 1
        print(
            f"{shape:<10} {total.stories:>7} {total.titles / n:>7.2f} {total.bylines / n:>7.2f} "
            f"{total.datelines / n:>7.2f} {total.paragraphs / n:>7.2f} "
            f"{total.pages_meta / n:>7.2f} {total.dates / n:>7.2f} "
            f"{total.wrong_chars / max(total.chars, 1):>9.2%} {total.lost:>5}"
        )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    shapes_table(int(sys.argv[2]) if len(sys.argv) > 2 else 40)
    outcome: Counter[str] = Counter()
    chars = 0
    elapsed = 0.0

    @settings(
        max_examples=n,
        deadline=None,
        phases=[Phase.generate],
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(stories(), st.integers(0, 2**16), st.sampled_from([14.0, 15.0, 16.0, 17.0]))
    def run(page_stories, seed, width):  # type: ignore[no-untyped-def]
        nonlocal chars, elapsed
        text = layout_page(page_stories, seed=seed, width=width)
        start = time.perf_counter()
        articles = parse_page(text, "generated")
        elapsed += time.perf_counter() - start
        chars += len(text)
        outcome["pages"] += 1
        assert_nothing_lost(text, articles)
        if len(articles) != len(page_stories):
            outcome["wrong story count"] += 1
            return
        for exact in (False, True):
            try:
                for article, story in zip(articles, page_stories, strict=True):
                    _check_story(article, story, exact_paragraphs=exact)
            except AssertionError:
                outcome["paragraph breaks differ" if exact else "structure differs"] += 1
                return
        outcome["exact"] += 1

    run()
    pages = outcome["pages"]
    print(f"generated pages: {pages}")
    print(f"  every story right, every paragraph break right: {outcome['exact'] / pages:.1%}")
    ok = pages - outcome["wrong story count"] - outcome["structure differs"]
    print(f"  every headline, kicker, byline, dateline, subhead and body right: {ok / pages:.1%}")
    print(f"  wrong number of stories: {outcome['wrong story count'] / pages:.1%}")
    print("  nothing lost: 100% (asserted on every page)")
    print(f"parse speed: {chars / elapsed:,.0f} chars/s over {chars:,} chars")


if __name__ == "__main__":
    main()
