"""``hitech-reader annotate``: figures and names in any text, one document per line.

Reads UTF-8 from standard input and prints, for each line, a JSON object
``{"text", "figures": [...], "entities": [...]}`` with code-point offsets into that line
(``--format jsonl``), or the line with figures and names marked (``--format text``): in
colour on a terminal, and as ``【1000 亿元|金额】`` when colour is off, so a pipe or a file
still shows every span.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from reader.cli.common import Subparsers, say

#: Styles for ``--format text`` in colour, by figure kind or entity type.
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


def add_parser(sub: Subparsers) -> dict[str, argparse.ArgumentParser]:
    """Register the ``annotate`` subcommand."""
    parser = sub.add_parser(
        "annotate",
        help="mark figures and names in text read from stdin",
        description="Read UTF-8 text from standard input, one document per line, and print "
        "its figures and named entities.",
    )
    parser.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto",
        help="text: colour the spans (auto: when stdout is a terminal); without colour "
        "spans are written as 【1000 亿元|金额】",
    )
    parser.add_argument(
        "--errors", choices=("strict", "replace"), default="strict",
        help="what to do with bytes that are not UTF-8: stop naming the line (strict, "
        "exit 1) or replace them with U+FFFD",
    )
    parser.set_defaults(func=run)
    return {"annotate": parser}


def _line_json(text: str) -> dict[str, Any]:
    from reader.annotate.pipeline import annotate_text
    from reader.export.formats import figure_fields

    figures, entities = annotate_text(text)
    return {
        "text": text,
        "figures": [figure_fields(f) for f in figures],
        "entities": [
            {"start": e.start, "end": e.end, "text": e.text, "type": e.type, "role": e.role,
             "canonical": e.canonical}
            for e in entities
        ],
    }


class BadInput(Exception):
    """A line of standard input is not UTF-8."""


def _lines(errors: str) -> Iterator[str]:
    """Lines of stdin without their line ends; a line that is not UTF-8 stops (strict)."""
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8", errors=errors)
        except UnicodeDecodeError as exc:
            raise BadInput(
                f"line {number} of standard input is not UTF-8 (byte {exc.start + 1}); "
                "use --errors replace to read it anyway"
            ) from None
        yield line.removeprefix("\ufeff") if number == 1 else line


def marked(text: str, spans: list[dict[str, Any]]) -> str:
    """``text`` with each span written as 【span|kind】 (spans never overlap)."""
    from reader.model.labels import kind_label

    out: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: s["start"]):
        if span["start"] < position:
            continue
        out.append(text[position : span["start"]])
        out.append(f"【{text[span['start'] : span['end']]}|"
                   f"{kind_label(span.get('kind') or span['type'])}】")
        position = span["end"]
    out.append(text[position:])
    return "".join(out)


def run(args: argparse.Namespace) -> int:
    """Annotate every line of stdin."""
    try:
        if args.format == "jsonl":
            for raw in _lines(args.errors):
                line = raw.rstrip("\r\n")
                sys.stdout.write(json.dumps(_line_json(line), ensure_ascii=False) + "\n")
        else:
            _print_text(args.color, args.errors)
    except BadInput as exc:
        sys.stdout.flush()
        say(str(exc))
        return 1
    sys.stdout.flush()
    return 0


def _print_text(color: str, errors: str) -> None:
    from rich.console import Console
    from rich.text import Text

    from reader.text.fold import sanitize_for_display

    console = Console(highlight=False, soft_wrap=True,
                      force_terminal=True if color == "always" else None,
                      no_color=color == "never")
    colour = color == "always" or (color == "auto" and console.is_terminal)
    for raw in _lines(errors):
        line = raw.rstrip("\r\n")
        doc = _line_json(line)
        spans = [*doc["figures"], *doc["entities"]]
        # Article text may carry control characters: shown, never obeyed (offsets kept).
        shown = sanitize_for_display(line)
        if not colour:
            sys.stdout.write(marked(shown, spans) + "\n")
            continue
        text = Text(shown)
        for span in spans:
            text.stylize(STYLES.get(span.get("kind") or span["type"], "bold"),
                         span["start"], span["end"])
        console.print(text)
