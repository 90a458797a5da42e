"""What the command modules share: the subparsers type, messages, the library (and
:func:`reader.model.labels.plural`, re-exported for them)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Protocol

from reader.model.labels import plural

if TYPE_CHECKING:
    from reader.library import Library


class Subparsers(Protocol):
    """What a command module needs of ``ArgumentParser.add_subparsers()``'s result."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...


def say(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    print(f"hitech-reader: {message}", file=sys.stderr)


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


__all__ = ["Subparsers", "open_library", "plural", "say"]
