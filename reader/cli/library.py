"""``hitech-reader import|search|figures|entities``: the library from the command line.

``import`` fills the library database (all cores, a progress bar on stderr); the others
query it, importing the bundled articles first when the library is empty so that a fresh
install answers something. Everything heavy is imported inside the functions, so that
building the parser (done for every subcommand) stays cheap.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.library import Library


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register ``import``, ``search``, ``figures`` and ``entities``."""
    p = sub.add_parser(
        "import",
        help="add files or folders to the library",
        description="Import PATH... (files, or folders searched recursively) into the library "
        "database. Unchanged files are skipped; changed files replace their articles.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=run_import)

    p = sub.add_parser(
        "search",
        help="search the library",
        description='Search the library. Terms are ANDed substrings; "exact phrase", '
        "-exclude, title:, byline:, source: and kind: restrict. Quote a query that has "
        "exclusions as one argument: '珠海 -大连'.",
    )
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=run_search)

    p = sub.add_parser(
        "figures",
        help="list figures across the library",
        description="List the figures found across the library, largest value first.",
    )
    p.add_argument("--kind", help="money, area, count, percent, duration, date or quantity")
    p.add_argument("--unit", help="canonical unit, e.g. 元 or 平方米")
    p.add_argument("--min", type=float, dest="min_value", metavar="VALUE")
    p.add_argument("--max", type=float, dest="max_value", metavar="VALUE")
    p.add_argument("--order", choices=("value", "date"), default="value")
    p.add_argument("--limit", type=int)
    p.add_argument("--format", choices=("text", "csv", "json"), default="text")
    p.set_defaults(func=run_figures)

    p = sub.add_parser(
        "entities",
        help="list people, places and organisations across the library",
        description="List named entities with the number of articles naming each.",
    )
    p.add_argument("--type", choices=("person", "place", "org"))
    p.add_argument("--format", choices=("text", "csv", "json"), default="text")
    p.set_defaults(func=run_entities)


def _say(message: str) -> None:
    print(f"hitech-reader: {message}", file=sys.stderr)


def _open(import_if_empty: bool) -> Library | None:
    """The library, with its notices said; None (after saying why) when it cannot be used."""
    from reader.library import Library
    from reader.library.sqlite import LibraryError

    try:
        library = Library()
    except LibraryError as exc:
        _say(str(exc))
        return None
    for notice in library.notices:
        _say(notice)
    if import_if_empty and library.count() == 0:
        from reader.ingest.loader import bundled_articles_dir

        _say("the library is empty: importing the bundled articles first")
        result = library.import_paths([bundled_articles_dir()])
        for error in result.errors:
            _say(error)
        if result.stopped:
            _say(result.stopped)
    return library


def run_import(args: argparse.Namespace) -> int:
    """Import with a progress bar; 0 if anything went in (or was already there)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from reader.library import ImportProgress

    library = _open(import_if_empty=False)
    if library is None:
        return 1
    console = Console(stderr=True)
    columns = (
        TextColumn("importing"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("import", total=None, rate="")

        def update(p: ImportProgress) -> None:
            rate = f"{p.articles / p.elapsed:,.0f} articles/s" if p.elapsed > 0 else ""
            bar.update(task, completed=p.files_done, total=p.files_total, rate=rate)

        result = library.import_paths(args.paths, progress=update)
    for error in [*result.errors, *result.notices]:
        _say(error)
    rate = result.articles_added / result.seconds if result.seconds > 0 else 0.0
    _say(
        f"imported {result.articles_added} articles from {result.files_imported} files"
        f" ({result.files_unchanged} unchanged, {len(result.errors)} failed)"
        f" in {result.seconds:.1f} s, {rate:,.0f} articles/s; library: {library.count()}"
    )
    library.close()
    if result.stopped:
        _say(result.stopped)
        return 1
    nothing_in = result.files_imported == 0 and result.files_unchanged == 0
    return 1 if nothing_in and result.errors else 0


def run_search(args: argparse.Namespace) -> int:
    """Print the best hits: snippets with matches highlighted, or JSON."""
    import json
    from dataclasses import asdict

    library = _open(import_if_empty=True)
    if library is None:
        return 1
    hits = library.search(" ".join(args.query), limit=args.limit)
    library.close()
    if args.format == "json":
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=1))
        return 0
    from rich.console import Console
    from rich.text import Text

    from reader.text.fold import sanitize_for_display

    console = Console(highlight=False, soft_wrap=True)
    for hit in hits:
        # Article text may carry control characters: shown, never obeyed (offsets kept).
        line = Text(sanitize_for_display(hit.title), style="bold")
        line.append(f"  {hit.article_id}  ({hit.hits} hits)", style="dim")
        console.print(line)
        snippet = Text("  " + sanitize_for_display(hit.snippet))
        for start, end in hit.snippet_spans:
            snippet.stylize("reverse", start + 2, end + 2)
        console.print(snippet)
    if not hits:
        _say("no matches")
    return 0


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    return str(value)


def _emit(
    rows: list[dict[str, Any]], fmt: str, columns: list[str], shown: list[str] | None = None
) -> None:
    """Print rows as CSV, JSON or an aligned table (CJK-aware widths) of ``shown`` columns."""
    if fmt == "json":
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        import csv

        writer = csv.DictWriter(
            sys.stdout, fieldnames=columns, lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        shown = shown or columns
        table = Table(*shown, box=None, pad_edge=False)
        for row in rows:
            table.add_row(*(_cell(row[c]) for c in shown))
        Console(highlight=False).print(table)


def run_figures(args: argparse.Namespace) -> int:
    """List figures with their article, filtered by kind, unit and value."""
    from dataclasses import asdict

    library = _open(import_if_empty=True)
    if library is None:
        return 1
    rows = library.figures(
        kind=args.kind, unit=args.unit, min_value=args.min_value, max_value=args.max_value,
        order=args.order, limit=args.limit,
    )
    library.close()
    columns = ["value", "unit", "kind", "label", "text", "article_id", "title", "date",
               "block", "start", "end"]
    _emit([asdict(r) for r in rows], args.format,
          columns if args.format != "json" else [*columns, "value_max"],
          shown=["text", "value", "unit", "kind", "label", "title", "date"])
    return 0


def run_entities(args: argparse.Namespace) -> int:
    """List entities with the number of articles naming each."""
    from dataclasses import asdict

    library = _open(import_if_empty=True)
    if library is None:
        return 1
    rows = library.entities(type=args.type)
    library.close()
    _emit([asdict(r) for r in rows], args.format, ["text", "type", "articles"])
    return 0
