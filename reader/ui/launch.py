"""``hitech-reader [PATH...]``: open the reader app.

:mod:`reader.main` hands :func:`run_app` to the command line, which calls it with the
arguments of ``read`` (see :mod:`reader.cli.read`), the default command.
``--screenshot FILE`` runs the app headless, waits until the first article is fully
annotated, saves an SVG of the screen and exits (it makes ``docs/screenshot.svg``).
``--library`` opens the library database instead of files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from reader.ui.app import ReaderApp


def check_theme(theme: str | None) -> str | None:
    """Why ``theme`` cannot be used, listing the themes there are, or None."""
    if theme is None:
        return None
    from textual.theme import BUILTIN_THEMES

    if theme in BUILTIN_THEMES:
        return None
    return f"unknown theme {theme!r}; the themes are {', '.join(sorted(BUILTIN_THEMES))}"


def run_app(args: argparse.Namespace) -> int:
    """Run the reader on parsed arguments (see :mod:`reader.cli.read`); the exit code."""
    problem = check_theme(args.theme)
    if problem:
        print(f"hitech-reader: {problem}", file=sys.stderr)
        return 2
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
        return _screenshot(app, args.screenshot, args.size)
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
