"""The ``hitech-reader`` command line: one parser, the reader app as the default command.

``hitech-reader PATH...`` opens the reader (``read`` is implied); ``hitech-reader COMMAND``
runs a script-friendly subcommand. Every command module under :mod:`reader.cli` has
``add_parser(subparsers)`` and a ``run(args) -> int`` that the parser's ``func`` default
points at. The reader app itself lives in the UI layer, above this one: :mod:`reader.main`
passes its runner in, so this layer never imports textual.

Every expected failure is one line on stderr and a non-zero exit (2 for a usage error),
never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import NoReturn

from reader.cli import annotate, export, library, listing, read, serve

#: The commands, in the order ``--help`` lists them. ``read`` is the default.
COMMAND_MODULES = (read, serve, export, annotate, library, listing)
#: Commands whose runner the composition root passes in (they need the UI layer).
UI_COMMANDS = ("serve",)
AppRunner = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``hitech-reader search: ... (see '... --help')``."""

    #: The subcommand parsers by name (set on the top-level parser).
    commands: dict[str, argparse.ArgumentParser]

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser(
    run_app: AppRunner | None = None, runners: Mapping[str, AppRunner] | None = None
) -> Parser:
    """The whole command line. ``run_app`` runs the reader for ``read`` (None: unavailable);
    ``runners`` the other commands that live above this layer (``serve``)."""
    parser = Parser(
        prog="hitech-reader",
        description="Read Chinese high-tech zone news in the terminal. With no command, "
        "open the reader on PATH... (default: the bundled articles).",
        epilog="hitech-reader COMMAND --help shows each command's options.",
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser, title="commands"
    )
    parser.commands = {}
    for module in COMMAND_MODULES:
        parser.commands.update(module.add_parser(sub))
    parser.commands["read"].set_defaults(func=run_app or _no_app)
    for name in UI_COMMANDS:
        parser.commands[name].set_defaults(func=(runners or {}).get(name, _no_app))
    return parser


def _no_app(_args: argparse.Namespace) -> int:
    print("hitech-reader: the reader app is started by `hitech-reader` or `python -m reader`",
          file=sys.stderr)
    return 2


def _unknown_command(word: str, names: list[str]) -> str | None:
    """Why ``word``, given where a command or a PATH may stand, is neither, or None.

    A word that is no file or folder and has no path separator or suffix was meant as a
    command: ``hitech-reader frobnicate`` is an error naming it, not an empty reader.
    """
    if word in names or word.startswith("-") or os.path.exists(word):
        return None
    if os.sep in word or "/" in word or "." in word:
        return None  # a path: the reader reports a missing file in a notification
    return (f"unknown command {word!r} (commands: {', '.join(names)}; "
            f"to open a file of that name, write ./{word})")


def parse(
    argv: Sequence[str], run_app: AppRunner | None = None,
    runners: Mapping[str, AppRunner] | None = None,
) -> argparse.Namespace:
    """Parse ``argv``; ``read`` is implied when the first word is not a command."""
    parser = build_parser(run_app, runners)
    names = list(parser.commands)
    args = list(argv)
    first = args[0] if args else ""
    if first not in (*names, "-h", "--help"):
        if first and (why := _unknown_command(first, names)):
            parser.exit(2, f"hitech-reader: {why}\n")
        args = ["read", *args]
    known, extra = parser.parse_known_args(args)
    command_parser = parser.commands.get(known.command, parser)
    accept = getattr(known, "accept_extra", None)
    if extra and accept is not None:
        problem = accept(known, extra)
        if problem:
            command_parser.error(problem)
    elif extra:
        command_parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return known


def main(
    argv: Sequence[str] | None = None, run_app: AppRunner | None = None,
    runners: Mapping[str, AppRunner] | None = None,
) -> int:
    """Run one command line; returns the exit code (2 for a usage error, after one line)."""
    try:
        args = parse(list(sys.argv[1:] if argv is None else argv), run_app, runners)
    except SystemExit as exc:  # argparse's --help (0) or its one-line error (2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # `hitech-reader export | head` closes our stdout early: not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except ModuleNotFoundError as exc:
        # A dependency missing from this Python (not the project's venv, a broken install):
        # one line naming it, not a traceback. Our own modules missing is a bug: raised.
        if not exc.name or exc.name.split(".")[0] == "reader":
            raise
        name = exc.name
        print(f"hitech-reader: {name} is not installed in this Python ({sys.executable});"
              f" install hitech-reader with its dependencies: pip install .", file=sys.stderr)
        return 1
