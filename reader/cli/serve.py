"""``hitech-reader serve``: the reader in a web browser, its arguments and its safety rule.

textual-serve (see :mod:`reader.ui.serve`, plugged in by :mod:`reader.main`) runs one copy of
the reader per browser tab with :func:`app_command`. It has no authentication, and the app
opens local files: the server binds 127.0.0.1 unless ``--host`` says otherwise, and then
:func:`host_warning` says so in one line.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from reader.cli.common import Subparsers

DEFAULT_HOST = "127.0.0.1"
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"--port wants a number from 1 to 65535, got {text!r}")
    return port


def add_parser(sub: Subparsers) -> dict[str, argparse.ArgumentParser]:
    """Register ``serve``."""
    parser = sub.add_parser(
        "serve",
        help="serve the reader to a web browser (http://127.0.0.1:8000)",
        description="Serve the reader on PATH... (or --library) to web browsers with "
        "textual-serve: each tab runs its own reader. No authentication: the server listens "
        "on 127.0.0.1 only, unless --host names another address.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH",
        help="page files or folders each browser tab opens (default: the bundled articles)",
    )
    parser.add_argument("--library", action="store_true",
                        help="open the library (what `hitech-reader import` added)")
    parser.add_argument(
        "--host", default=DEFAULT_HOST,
        help="address to listen on (default 127.0.0.1: this machine only; anything else "
        "lets the network open your files, with no password)",
    )
    parser.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    return {"serve": parser}


def problem(args: argparse.Namespace) -> str | None:
    """Why the arguments cannot be served (one line), or None."""
    if args.library and args.paths:
        return "serve opens either PATH... or --library, not both"
    missing = [str(path) for path in args.paths if not path.exists()]
    if missing:
        return f"no such file or folder: {', '.join(missing)}"
    return None


def host_warning(host: str) -> str | None:
    """The one-line warning for a server reachable from other machines, or None."""
    if host in _LOOPBACK:
        return None
    return (f"hitech-reader: serving on {host}: anyone who can reach it opens the reader "
            "with no password, and the reader opens files on this machine")


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs per browser tab: the reader, same arguments."""
    words = [sys.executable, "-m", "reader", "read"]
    words += [str(path.resolve()) for path in args.paths]
    if args.library:
        words.append("--library")
    return shlex.join(words)
