"""``hitech-reader export``: print articles as JSON, Markdown or plain text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``export`` subcommand."""
    parser = sub.add_parser(
        "export",
        help="print articles as json, md or txt",
        description="Print the articles of PATH... (files or folders; default: the bundled "
        "articles) as JSON (with figures, entities and key figures), Markdown or text.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path)
    parser.add_argument("--format", choices=("json", "md", "txt"), default="json")
    parser.add_argument(
        "--no-annotate",
        action="store_true",
        help="json: leave figures, entities and key_figures empty (faster)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load, then print in the chosen format; unreadable files are reported on stderr."""
    from reader.export import formats as export
    from reader.ingest.loader import bundled_articles_dir, load_paths

    result = load_paths(args.paths or [bundled_articles_dir()])
    for error in result.errors:
        print(f"hitech-reader: {error}", file=sys.stderr)
    for notice in result.notices:
        print(f"hitech-reader: {notice}", file=sys.stderr)
    articles = result.articles
    if args.format == "json":
        annotations = None
        if not args.no_annotate:
            from reader.annotate.pipeline import annotate

            annotations = [annotate(a) for a in articles]
        out = export.to_json(articles, annotations)
    elif args.format == "md":
        out = export.to_markdown_all(articles)
    else:
        out = export.to_text_all(articles)
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
    sys.stdout.flush()
    return 0 if articles or not result.errors else 1
