"""``hitech-reader [PATH...]``: open the reader app.

The CLI calls :func:`run_app` when no subcommand is given. Textual is imported only here
and under :mod:`reader.ui`. ``--screenshot FILE`` runs the app headless, waits until the
first article is fully annotated, saves an SVG of the screen and exits (it makes
``docs/screenshot.svg``). ``--library`` opens the library database instead of files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from reader.ui.app import ReaderApp


def build_parser() -> argparse.ArgumentParser:
    """The arguments of the app itself (subcommands are dispatched by reader.cli.main)."""
    parser = argparse.ArgumentParser(
        prog="hitech-reader",
        description="Read Chinese high-tech zone news in the terminal.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="page files or folders to open (default: the bundled articles)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE",
        help="save an SVG screenshot of the first screen to FILE and exit",
    )
    parser.add_argument(
        "--size",
        default="120x40",
        metavar="WxH",
        help="terminal size for --screenshot (default 120x40)",
    )
    parser.add_argument("--theme", help="Textual theme to use for this run")
    parser.add_argument(
        "--library",
        action="store_true",
        help="open the whole library (what `hitech-reader import` added) instead of files",
    )
    return parser


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def run_app(argv: list[str] | argparse.Namespace) -> int:
    """Run the reader; returns the exit code.

    ``argv`` is the command line of the app (paths and options), or the namespace a
    parser already made of it, with ``paths``, ``library``, ``theme``, ``screenshot`` and
    ``size``.
    """
    args = argv if isinstance(argv, argparse.Namespace) else build_parser().parse_args(argv)
    from reader.ui.app import make_app

    if args.library:
        if args.paths:
            print("hitech-reader: --library opens the library; add pages with "
                  "`hitech-reader import PATH` first", file=sys.stderr)
            return 2
        from reader.library.factory import OpenError, open_library

        # Opening may rebuild a damaged library: its notices are shown inside the app. A
        # data folder that cannot be used at all is one line here, not a traceback.
        try:
            source = open_library()
        except OpenError as exc:
            print(f"hitech-reader: {exc}", file=sys.stderr)
            return 1
        app = make_app(source=source, theme=args.theme)
    else:
        # A missing or unreadable path is reported inside the app (a notification naming
        # it) and the rest of the library opens, as for any file that cannot be read.
        app = make_app(args.paths or None, theme=args.theme)
    if args.screenshot is not None:
        try:
            size = _size(args.size)
        except ValueError:
            print(f"hitech-reader: --size wants WxH, got {args.size!r}", file=sys.stderr)
            return 2
        return _screenshot(app, args.screenshot, size)
    app.run()
    if app.save_error:
        print(f"hitech-reader: {app.save_error}", file=sys.stderr)
    return int(app.return_code or 0)


def _screenshot(app: ReaderApp, target: Path, size: tuple[int, int]) -> int:
    """Run ``app`` headless, save the screen once annotations are done, and exit."""

    async def shoot(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        target.parent.mkdir(parents=True, exist_ok=True)
        pilot.app.save_screenshot(filename=target.name, path=str(target.parent))
        pilot.app.exit()

    app.run(headless=True, size=size, auto_pilot=shoot)
    print(f"saved {target}")
    return 0
