"""``hitech-reader export``: print articles as JSON, Markdown or plain text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from reader.cli.common import Subparsers, say


def add_parser(sub: Subparsers) -> dict[str, argparse.ArgumentParser]:
    """Register the ``export`` subcommand."""
    parser = sub.add_parser(
        "export",
        help="print articles as json, md or txt",
        description="Print the articles of PATH... (files or folders; default: the bundled "
        "articles) as JSON (with figures, entities and key figures), Markdown or text. "
        "Control characters of a page (escape codes) are shown as ␛ and the like when the "
        "output is a terminal; --raw writes them as they are.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", type=Path)
    parser.add_argument("--format", choices=("json", "md", "txt"), default="json")
    parser.add_argument(
        "--no-annotate",
        action="store_true",
        help="json: leave figures, entities and key_figures empty (faster)",
    )
    parser.add_argument(
        "--raw",
        action="store_true",
        help="md, txt: write control characters as they are, even to a terminal",
    )
    parser.set_defaults(func=run)
    return {"export": parser}


def run(args: argparse.Namespace) -> int:
    """Load, then print in the chosen format; unreadable files are reported on stderr."""
    from reader.export import formats as export
    from reader.ingest.loader import bundled_articles_dir, load_paths

    result = load_paths(args.paths or [bundled_articles_dir()])
    for error in [*result.errors, *result.notices]:
        say(str(error))
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
    else:
        if sys.stdout.isatty() and not args.raw:
            # README promises a page's escape codes are shown, never sent to the terminal
            # (JSON escapes them itself, see export.write_json).
            out = _Shown(out)
        write = export.write_markdown if args.format == "md" else export.write_text
        last = write(out, articles)
    if last != "\n":
        out.write("\n")
    out.flush()
    return 0 if articles or not result.errors else 1


class _Shown:
    """A text stream that shows control characters (␛) instead of passing them on."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        from reader.text.fold import sanitize_for_display

        return self.stream.write(sanitize_for_display(text))

    def flush(self) -> None:
        self.stream.flush()
