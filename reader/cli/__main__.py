"""``python -m reader.cli COMMAND``: the script commands without the app (see reader.main)."""

import sys

from reader.cli.main import main

sys.exit(main())
