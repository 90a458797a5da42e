"""The composition root: the ``hitech-reader`` command with the reader app plugged in.

The command line (:mod:`reader.cli`) sits below the UI layer and never imports textual; this
module is the one place above both that hands it the app's runner, imported only when the
app is asked for, so ``hitech-reader export`` never loads textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader.cli.main import main as cli_main


def run_app(args: argparse.Namespace) -> int:
    """Run the reader app (``hitech-reader [read] [PATH...]``)."""
    from reader.ui.launch import run_app as launch

    return launch(args)


def run_serve(args: argparse.Namespace) -> int:
    """Serve the reader to web browsers (``hitech-reader serve``)."""
    from reader.ui.serve import run_serve as serve

    return serve(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    return cli_main(argv, run_app=run_app, runners={"serve": run_serve})


if __name__ == "__main__":
    sys.exit(main())
