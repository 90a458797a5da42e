"""``python -m reader``: the same as the ``hitech-reader`` command."""

import sys

from reader.main import main

sys.exit(main())
