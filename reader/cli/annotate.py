"""``hitech-reader annotate``: figures and names in any text, one document per line.

Reads UTF-8 from standard input and prints, for each line, a JSON object
``{"text", "figures": [...], "entities": [...]}`` with code-point offsets into that line
(``--format jsonl``), or the line with figures and names marked for a terminal
(``--format text``).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any

#: Styles for ``--format text``, by figure kind or entity type.
STYLES = {
    "money": "bold yellow",
    "area": "bold green",
    "percent": "bold magenta",
    "count": "bold cyan",
    "quantity": "cyan",
    "date": "blue",
    "duration": "blue",
    "person": "underline bright_red",
    "place": "underline bright_green",
    "org": "underline bright_blue",
}


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``annotate`` subcommand."""
    parser = sub.add_parser(
        "annotate",
        help="mark figures and names in text read from stdin",
        description="Read UTF-8 text from standard input, one document per line, and print "
        "its figures and named entities.",
    )
    parser.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    parser.set_defaults(func=run)


def _line_json(text: str) -> dict[str, Any]:
    from reader.annotate.pipeline import annotate_text
    from reader.export.formats import figure_fields

    figures, entities = annotate_text(text)
    return {
        "text": text,
        "figures": [figure_fields(f) for f in figures],
        "entities": [
            {"start": e.start, "end": e.end, "text": e.text, "type": e.type} for e in entities
        ],
    }


def run(args: argparse.Namespace) -> int:
    """Annotate every line of stdin."""
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if args.format == "jsonl":
        for raw in stdin:
            line = raw.rstrip("\r\n")
            sys.stdout.write(json.dumps(_line_json(line), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return 0
    from rich.console import Console
    from rich.text import Text

    from reader.text.fold import sanitize_for_display

    console = Console(highlight=False, soft_wrap=True)
    for raw in stdin:
        line = raw.rstrip("\r\n")
        doc = _line_json(line)
        text = Text(sanitize_for_display(line))
        for span in [*doc["figures"], *doc["entities"]]:
            text.stylize(
                STYLES.get(span.get("kind") or span.get("type"), "bold"), span["start"], span["end"]
            )
        console.print(text)
    return 0
