"""``hitech-reader [read] [PATH...]``: the reader app's own arguments.

The app is the default command, so these are also the options of a bare ``hitech-reader``.
Running it belongs to the UI layer (:mod:`reader.ui.launch`), which :mod:`reader.main`
plugs in; this module only describes and checks the arguments.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import Subparsers


def terminal_size(text: str) -> tuple[int, int]:
    """``120x40`` → (120, 40); argparse turns the ValueError into a one-line error."""
    width, sep, height = text.lower().partition("x")
    size = (int(width), int(height)) if sep else None
    if size is None or min(size) < 10 or max(size) > 1000:
        raise argparse.ArgumentTypeError(f"--size wants WxH such as 120x40, got {text!r}")
    return size


def add_parser(sub: Subparsers) -> dict[str, argparse.ArgumentParser]:
    """Register ``read``, the default command."""
    parser = sub.add_parser(
        "read",
        help="open the reader (the default: `hitech-reader PATH...`)",
        description="Open the reader on PATH... (files or folders, read recursively; "
        "default: the bundled articles), or on the library with --library.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="page files or folders to open (default: the bundled articles)",
    )
    parser.add_argument(
        "--library", action="store_true",
        help="open the whole library (what `hitech-reader import` added) instead of files",
    )
    parser.add_argument(
        "--theme", metavar="THEME",
        help="Textual theme for this run (e.g. textual-dark, textual-light, nord)",
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE",
        help="save an SVG screenshot of the first screen to FILE and exit",
    )
    parser.add_argument(
        "--size", type=terminal_size, default=(120, 40), metavar="WxH",
        help="terminal size for --screenshot (default 120x40)",
    )
    return {"read": parser}
