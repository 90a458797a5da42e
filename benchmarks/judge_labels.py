"""Print a seeded random sample of key figures with their labels, for judging by hand.

The summary panel lists each article's key numbers with a label naming what the figure
measures (issue #16: labels a reader would accept >= 0.9). Whether a label is acceptable is a
reader's judgement, so this script does not score: it runs the app's own annotation
(``reader.annotate.pipeline.annotate``, which finds the names first and so loads the NLP stack
the labels use) and prints, one per line and numbered, the article's title, the label, the
figure and its sentence with the figure marked 【like this】. Count the lines you would accept.

Articles come from ``../shared/benchmarks/zone-news/articles.jsonl`` (other people's text, read
here only to measure: nothing of it goes into rules, word lists or tests), or from the
``.txt``/``.md`` files or folders given on the command line, read as the app reads them.

    python benchmarks/judge_labels.py [PATH...] [--sample N] [--seed S] [--all]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.annotate.labels import Sentences  # noqa: E402
from reader.annotate.pipeline import annotate  # noqa: E402
from reader.model import Article, Block, KeyFigure, Source  # noqa: E402


def _shared() -> Path:
    """``$HITECH_SHARED``, else the ``shared`` folder beside the checkout (or a worktree's)."""
    if "HITECH_SHARED" in os.environ:
        return Path(os.environ["HITECH_SHARED"])
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "shared").is_dir():
            return up / "shared"
    return ROOT.parent / "shared"


ZONE_NEWS = _shared() / "benchmarks" / "zone-news" / "articles.jsonl"


def zone_news(path: Path) -> list[Article]:
    """The zone-news articles, one block per paragraph."""
    articles = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            raw = json.loads(line)
            paragraphs = raw["paragraphs"]
            articles.append(Article(
                id=raw["id"], source=Source(path.name, 1, len(paragraphs)), title=raw["title"],
                blocks=[Block("paragraph", p) for p in paragraphs]))
    return articles


def files(paths: list[str]) -> list[Article]:
    """Articles read from files and folders as the app reads them."""
    from reader.ingest.loader import load_paths

    result = load_paths([Path(p) for p in paths])
    for error in result.errors:
        print(f"# {error}", file=sys.stderr)
    return list(result.articles)


def marked(article: Article, key: KeyFigure) -> str:
    """The key figure's sentence, whole, with the figure between 【 and 】."""
    text = article.blocks[key.block].text
    fig = key.figure
    start, end = Sentences(text).bounds(fig.start)
    return (text[start:fig.start] + "【" + text[fig.start:fig.end] + "】"
            + text[fig.end:end]).strip().replace("\n", " ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help=".txt/.md files or folders (default: zone-news)")
    ap.add_argument("--sample", type=int, default=100, help="how many key figures to print")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--all", action="store_true", help="print every key figure, in order")
    args = ap.parse_args()
    if args.paths:
        articles = files(args.paths)
    elif ZONE_NEWS.is_file():
        articles = zone_news(ZONE_NEWS)
    else:
        raise SystemExit(f"no articles: give files, or put zone-news at {ZONE_NEWS}")
    pool = [(article, key) for article in articles for key in annotate(article).key_figures]
    picked = pool if args.all else random.Random(args.seed).sample(
        pool, min(args.sample, len(pool)))
    print(f"# {len(picked)} of {len(pool)} key figures from {len(articles)} articles"
          f" (seed {args.seed})")
    for number, (article, key) in enumerate(picked, 1):
        print(f"{number:3d}. 《{article.title}》 [{key.label}] {key.figure.text}"
              f" | {marked(article, key)}")


if __name__ == "__main__":
    main()
