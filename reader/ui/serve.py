"""Run ``hitech-reader serve``: textual-serve with our own page, which asks nothing of the web.

textual-serve's page links a Google Fonts stylesheet, which fails offline and can stall
the page on a network that drops packets. Our template (``reader/data/serve/``) uses only
what textual-serve itself serves from this machine: its JavaScript, its CSS and the Roboto
Mono font bundled in its wheel. It finds the websocket from the page's own address, so the
page works under whatever name the browser used to reach it.
"""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "data" / "serve"


def _cannot_bind(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (taken, not this machine's), or None.

    Asked before textual-serve starts, which prints its banner before it binds.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _name, address = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


def run_serve(args: argparse.Namespace) -> int:
    """Serve the reader until ctrl+c; the exit code (one line on stderr for a problem)."""
    from reader.cli.serve import app_command, host_warning, problem

    why = problem(args)
    if why:
        print(f"hitech-reader: {why}", file=sys.stderr)
        return 2
    taken = _cannot_bind(args.host, args.port)
    if taken:
        print(f"hitech-reader: cannot serve on {args.host}:{args.port}: {taken}",
              file=sys.stderr)
        return 1
    warning = host_warning(args.host)
    if warning:
        print(warning, file=sys.stderr)
    from textual_serve.server import Server

    server = Server(app_command(args), host=args.host, port=args.port,
                    title="hitech-reader", templates_path=TEMPLATES)
    try:
        server.serve()
    except OSError as exc:  # the port is taken, or the address is not this machine's
        print(f"hitech-reader: cannot serve on {args.host}:{args.port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
