"""``hitech-reader import|search``: the library from the command line.

``import`` fills the library database (all cores, a progress bar on stderr); ``search`` and
the listings (:mod:`reader.cli.listing`) query it, importing the bundled articles first when
the library is empty so that a fresh install answers something. Everything heavy is
imported inside the functions, so that building the parser (done for every command) stays
cheap.
"""

from __future__ import annotations

import argparse

from reader.cli.common import Subparsers, open_library, plural, say


def add_parser(sub: Subparsers) -> dict[str, argparse.ArgumentParser]:
    """Register ``import`` and ``search``."""
    parsers: dict[str, argparse.ArgumentParser] = {}
    p = sub.add_parser(
        "import",
        help="add files or folders to the library",
        description="Import PATH... (files, or folders searched recursively) into the library "
        "database. Unchanged files are skipped; changed files replace their articles. With no "
        "PATH, every file and folder imported before is read again (after an upgrade, this "
        "finds their names and figures with the new version).",
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.set_defaults(func=run_import)
    parsers["import"] = p

    p = sub.add_parser(
        "search",
        help="search the library",
        description='Search the library. Terms are ANDed substrings; "exact phrase", '
        "-exclude, title:, byline:, source: and kind: restrict: "
        "hitech-reader search 高新区 -珠海 title:产业",
    )
    p.add_argument("query", nargs="*", metavar="TERM")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(func=run_search, accept_extra=_exclusions)
    parsers["search"] = p
    return parsers


def _exclusions(args: argparse.Namespace, extra: list[str]) -> str | None:
    """Take ``-term`` words (and the words argparse read after them) into the query.

    argparse reads ``-珠海`` as an unknown option; every term is ANDed, so their order does
    not matter. A misspelt long option (``--limt``) is still an error.
    """
    wrong = [word for word in extra if word.startswith("--")]
    if wrong:
        return f"unrecognized arguments: {' '.join(wrong)}"
    args.query = [*args.query, *extra]
    return None

def run_import(args: argparse.Namespace) -> int:
    """Import with a progress bar; 0 if anything went in (or was already there)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from reader.library import ImportProgress

    library = open_library(import_if_empty=False)
    if library is None:
        return 1
    if not args.paths and not library.sources():
        library.close()
        say("nothing imported yet: name the files or folders (hitech-reader import PATH...)")
        return 2
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

        paths = args.paths or library.sources()
        result = library.import_paths(paths, progress=update)
    for error in [*result.errors, *result.notices]:
        say(error)
    rate = result.articles_added / result.seconds if result.seconds > 0 else 0.0
    copies = (f", {plural(result.copies_added, 'copy', 'copies')} of articles already in"
              if result.copies_added else "")
    say(
        f"imported {plural(result.articles_added, 'article')} from "
        f"{plural(result.files_imported, 'file')}"
        f" ({result.files_unchanged:,} unchanged, {len(result.errors):,} failed{copies})"
        f" in {result.seconds:.1f} s, {rate:,.0f} articles/s; "
        f"library: {plural(library.count(), 'article')}"
    )
    library.close()
    if result.stopped:
        say(result.stopped)
        return 1
    nothing_in = result.files_imported == 0 and result.files_unchanged == 0
    return 1 if nothing_in and result.errors else 0


def run_search(args: argparse.Namespace) -> int:
    """Print the best hits: snippets with matches highlighted, or JSON."""
    import json
    from dataclasses import asdict

    library = open_library(import_if_empty=True)
    if library is None:
        return 1
    if not args.query:
        say("search needs at least one term (see 'hitech-reader search --help')")
        return 2
    hits = library.search(" ".join(args.query), limit=args.limit)
    # Copies of a page are one article: the files it was read from, shown as one hit.
    copies = {hit.article_id: library.copies(hit.article_id) for hit in hits}
    library.close()
    if args.format == "json":
        print(json.dumps([asdict(h) | {"copies": copies[h.article_id]} for h in hits],
                         ensure_ascii=False, indent=1))
        return 0
    from rich.console import Console
    from rich.text import Text

    from reader.search.match import lookalike_notes
    from reader.text.fold import sanitize_for_display

    console = Console(highlight=False, soft_wrap=True)
    for hit, note in zip(hits, lookalike_notes(hits), strict=True):
        # Article text may carry control characters: shown, never obeyed (offsets kept).
        line = Text(sanitize_for_display(hit.title), style="bold")
        line.append(f"  {hit.article_id}  ({plural(hit.hits, 'hit')})", style="dim")
        if note:
            line.append(f"  {sanitize_for_display(note)}", style="dim")
        console.print(line)
        snippet = Text("  " + sanitize_for_display(hit.snippet))
        for start, end in hit.snippet_spans:
            snippet.stylize("reverse", start + 2, end + 2)
        console.print(snippet)
        if len(copies[hit.article_id]) > 1:
            also = ", ".join(sanitize_for_display(p) for p in copies[hit.article_id])
            console.print(Text(f"  {plural(len(copies[hit.article_id]), 'copy', 'copies')}:"
                               f" {also}", style="dim"))
    if not hits:
        say("no matches")
    return 0
