"""What the command modules share: the subparsers type, messages, plurals, the library."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from reader.library import Library


class Subparsers(Protocol):
    """What a command module needs of ``ArgumentParser.add_subparsers()``'s result."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def say(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"hitech-reader: {message}", file=sys.stderr)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 figure``, ``2 figures``, ``1 hit``, ``3 articles``."""
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"


def open_library(import_if_empty: bool) -> Library | None:
    """The library, with its notices said; None (after saying why) when it cannot be used."""
    from reader.library import Library
    from reader.library.sqlite import LibraryError

    try:
        library = Library()
    except LibraryError as exc:
        say(str(exc))
        return None
    for notice in library.notices:
        say(notice)
    if import_if_empty and library.count() == 0:
        from reader.ingest.loader import bundled_articles_dir

        say("the library is empty: importing the bundled articles first")
        result = library.import_paths([bundled_articles_dir()])
        for error in result.errors:
            say(error)
        if result.stopped:
            say(result.stopped)
    return library
