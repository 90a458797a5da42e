"""``python -m reader.cli``: the same as the ``hitech-reader`` command."""

import sys

from reader.cli.main import main

sys.exit(main())
