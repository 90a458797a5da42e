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
    articles = result.articles
    out = sys.stdout
    # Written article by article: the document is never one string, and each article's
    # annotations are made as it is written and dropped after.
    if args.format == "json":
        annotate = None
        if not args.no_annotate:
            from reader.annotate.pipeline import annotate
        export.write_json(out, ((a, annotate(a) if annotate else None) for a in articles))
        last = "}"
    elif args.format == "md":
        last = export.write_markdown(out, articles)
    else:
        last = export.write_text(out, articles)
    if last != "\n":
        out.write("\n")
    out.flush()
    return 0 if articles or not result.errors else 1
