"""The ``hitech-reader`` command line: the app by default, subcommands for scripts.

Each subcommand lives in its own module under :mod:`reader.commands` with two functions,
``add_parser(subparsers)`` and ``run(args) -> int``. This module only dispatches, and it
turns every expected failure into a one-line message on stderr and a non-zero exit,
never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

#: Subcommand name → the module under :mod:`reader.commands` that implements it. Kept as
#: data so that launching the app does not import any command module.
COMMANDS: dict[str, str] = {
    "export": "export",
    "annotate": "annotate",
    "import": "library",
    "search": "library",
    "figures": "library",
    "entities": "library",
}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, subcommands included."""
    parser = argparse.ArgumentParser(
        prog="hitech-reader",
        description="Read Chinese high-tech zone news in the terminal. "
        "With no subcommand, open the reader on PATH... (default: the bundled articles).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in dict.fromkeys(COMMANDS.values()):
        module = importlib.import_module(f"reader.cli.{module_name}")
        module.add_parser(sub)
    return parser


def full_help() -> str:
    """The app's own usage followed by the list of subcommands."""
    from reader.ui.launch import build_parser as app_parser

    lines = [app_parser().format_help().rstrip(), "", "commands (hitech-reader COMMAND --help):"]
    action = next(
        a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)
    )
    for choice in action._choices_actions:
        lines.append(f"  {choice.dest:<10} {choice.help}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] in (["-h"], ["--help"]):
        print(full_help())
        return 0
    if not args_list or args_list[0] not in COMMANDS:
        from reader.ui import launch as app_command

        return app_command.run_app(args_list)
    args = build_parser().parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # `hitech-reader export | head` closes our stdout early: not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
