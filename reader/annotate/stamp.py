"""Which annotator found an article's names and figures: a digest of its code and word lists.

A library keeps the names and figures found when a file was imported. When the rules or the
word lists change (a new release, or the user's own entities.txt), those are stale: the
library compares this stamp with the one it stored and imports its files again (see
:mod:`reader.library.library_import`). Content, not modification times, is digested, so a
fresh clone or reinstall of the same release keeps its library.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.annotate.gazetteer import data_files

_HERE = Path(__file__).resolve().parent
#: Bump when the annotation changes in a way the files below do not show (rare).
FORMAT = 1


def annotator_stamp() -> str:
    """A short digest of the annotation code and the word lists it reads (user's included)."""
    h = hashlib.sha256(f"format={FORMAT}".encode())
    for path in [*sorted(_HERE.glob("*.py")), *data_files()]:
        try:
            h.update(path.name.encode() + b"\0" + path.read_bytes())
        except OSError:
            h.update(path.name.encode() + b"\0?")
    return h.hexdigest()[:16]
