"""``hitech-reader figures|entities``: figures and names across the library, for scripts.

Amounts are written as in the app's figures filter (``100亿``, ``5万``, ``1e10``); a kind, a
type or a unit the library does not know is an error listing the valid ones. The text table
never cuts a number: on a terminal the labels and titles fold to fit, elsewhere (a pipe, a
file) nothing is wrapped at all.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.common import Subparsers, open_library, plural, say
from reader.model.labels import ENTITY_TYPE_LABELS, FIGURE_KIND_LABELS, kind_from_word

FIGURE_COLUMNS = ["value", "unit", "kind", "label", "text", "article_id", "title", "date",
                  "block", "start", "end"]
#: Columns that hold numbers or dates: never wrapped or cut in the text table.
_WHOLE = {"value", "unit", "kind", "date", "text", "articles", "type", "role", "block", "start",
          "end"}


def amount(text: str) -> float:
    """``100亿`` → 1e10, ``5万`` → 5e4, ``1e10`` → 1e10 (the figures filter's syntax)."""
    from reader.search.figure_filter import parse_filter

    found = parse_filter(f">={text}")
    if found.min_value is None or found.unit or found.unknown:
        raise argparse.ArgumentTypeError(
            f"not an amount: {text!r} (write it as 100亿, 5万, 2.5 or 1e10)")
    return found.min_value


def _kind(word: str) -> str:
    kind = kind_from_word(word)
    if kind not in FIGURE_KIND_LABELS:
        valid = ", ".join(f"{k} ({label})" for k, label in FIGURE_KIND_LABELS.items())
        raise argparse.ArgumentTypeError(f"unknown kind {word!r}; the kinds are {valid}")
    return kind


def _type(word: str) -> str:
    kind = kind_from_word(word)
    if kind not in ENTITY_TYPE_LABELS:
        valid = ", ".join(f"{k} ({label})" for k, label in ENTITY_TYPE_LABELS.items())
        raise argparse.ArgumentTypeError(f"unknown type {word!r}; the types are {valid}")
    return kind



def add_parser(sub: Subparsers) -> dict[str, argparse.ArgumentParser]:
    """Register ``figures`` and ``entities``."""
    fig = sub.add_parser(
        "figures",
        help="list figures across the library",
        description="List the figures found across the library, largest value first. "
        "Values are in canonical units: money in 元, area in 平方米.",
    )
    kinds = ", ".join(FIGURE_KIND_LABELS)
    fig.add_argument("--kind", type=_kind, help=f"one of {kinds} (or 金额, 面积…)")
    fig.add_argument("--unit", help="canonical unit, e.g. 元 or 平方米")
    fig.add_argument("--min", type=amount, dest="min_value", metavar="AMOUNT",
                     help="at least this value: 100亿, 5万, 1e10")
    fig.add_argument("--max", type=amount, dest="max_value", metavar="AMOUNT",
                     help="at most this value")
    fig.add_argument("--order", choices=("value", "date"), default="value")
    fig.add_argument("--limit", type=int)
    fig.add_argument("--format", choices=("text", "csv", "json"), default="text")
    fig.add_argument("--date", metavar="YYYY[-MM]",
                     help="only yuan amounts in articles of this year or month (a chart bar)")
    fig.add_argument("--place", metavar="NAME",
                     help="only yuan amounts attributed to this place (see --chart)")
    fig.add_argument("--org", metavar="NAME",
                     help="only yuan amounts attributed to this organisation (see --chart)")
    fig.add_argument(
        "--chart", choices=("month", "place", "org"),
        help="instead of the list, a bar chart of the money the filters select: per month "
        "(per year when the dates span years), or the top places or organisations",
    )
    fig.set_defaults(func=run_figures)

    ent = sub.add_parser(
        "entities",
        help="list people, places and organisations across the library",
        description="List named entities with the number of articles naming each: a full "
        "name once, with the short forms articles use for it (aliases); the reporters named "
        "in bylines apart, with the role author.",
    )
    ent.add_argument("--type", type=_type, help="person, place or org (or 人物, 地点, 机构)")
    ent.add_argument("--role", choices=("author",),
                     help="only the names with this role (author: the reporters of bylines)")
    ent.add_argument("--format", choices=("text", "csv", "json"), default="text")
    ent.set_defaults(func=run_entities)
    return {"figures": fig, "entities": ent}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.6g}"
    return str(value)


def emit(
    rows: list[dict[str, Any]], fmt: str, columns: list[str], shown: list[str] | None = None
) -> None:
    """Print rows as CSV, JSON or an aligned table (cell widths) of ``shown`` columns."""
    if fmt == "json":
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if fmt == "csv":
        import csv

        writer = csv.DictWriter(
            sys.stdout, fieldnames=columns, lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
        return
    from rich.console import Console
    from rich.table import Table

    from reader.text.fold import sanitize_for_display

    shown = shown or columns
    table = Table(box=None, pad_edge=False)
    for column in shown:
        whole = column in _WHOLE
        table.add_column(column, no_wrap=whole, overflow="fold",
                         justify="right" if column == "value" else "left")
    for row in rows:
        table.add_row(*(sanitize_for_display(_cell(row[c])) for c in shown))
    console = Console(highlight=False)
    needed = console.measure(table)
    # A terminal: fold labels and titles to fit, but never narrower than the numbers need
    # (a pager such as `less -S` scrolls sideways). A pipe or a file: never wrap at all.
    width = max(console.width, needed.minimum) if console.is_terminal else needed.maximum
    Console(highlight=False, width=max(width, 20)).print(table)


def run_figures(args: argparse.Namespace) -> int:
    """List figures with their article, filtered by kind, unit and value (or chart them)."""
    from dataclasses import asdict

    if args.chart:
        from reader.cli.chart import run_chart

        return run_chart(args)

    library = open_library(import_if_empty=True)
    if library is None:
        return 1
    try:
        if args.date or args.place or args.org:  # what a chart bar sums: yuan, repeats once
            from reader.library.charts import selected_rows
            from reader.library.sqlite_source import SqliteSource
            from reader.search.figure_filter import FigureFilter

            wanted = FigureFilter(args.kind, args.unit, args.min_value, args.max_value,
                                  date=args.date, place=args.place, org=args.org)
            rows = selected_rows(SqliteSource(library), wanted, args.order, args.limit)
        else:
            rows = library.figures(
                kind=args.kind, unit=args.unit, min_value=args.min_value,
                max_value=args.max_value, order=args.order, limit=args.limit,
            )
        if args.unit and not rows:
            units = sorted({r.unit for r in library.figures(kind=args.kind) if r.unit})
            if args.unit not in units:
                say(f"no figures in unit {args.unit!r}; the units in the library are "
                    f"{', '.join(units) or 'none'}")
                return 2
    finally:
        library.close()
    emit([asdict(r) for r in rows], args.format,
         FIGURE_COLUMNS if args.format != "json" else [*FIGURE_COLUMNS, "value_max"],
         shown=["text", "value", "unit", "kind", "label", "title", "date"])
    if args.format == "text":
        say(plural(len(rows), "figure"))
    return 0


def run_entities(args: argparse.Namespace) -> int:
    """List entities with the number of articles naming each."""
    from dataclasses import asdict

    library = open_library(import_if_empty=True)
    if library is None:
        return 1
    rows = library.entities(type=args.type, role=args.role)
    library.close()
    found = [asdict(r) for r in rows]
    if args.format != "json":  # one cell: the short forms joined, no role: empty
        for row in found:
            row["aliases"] = "、".join(row["aliases"])
            row["role"] = row["role"] or ""
    emit(found, args.format, ["text", "type", "role", "articles", "aliases"])
    if args.format == "text":
        say(plural(len(rows), "name"))
    return 0
