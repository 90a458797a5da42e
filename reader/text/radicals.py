"""Kangxi radicals and CJK Radicals Supplement characters read as the ideographs they look like.

E-paper PDFs made by Chromium/Skia from CFF CJK fonts carry ToUnicode maps that point shared
glyphs at radical code points, so extracted text says ``⼤连⾼新区`` where the page shows
``大连高新区``. NFKC folds the 214 Kangxi radicals but only 2 of the 115 supplement characters
(``⺠ ⻛ ⻔`` stay), so the table comes from Unicode's own ``EquivalentUnifiedIdeograph.txt``
(derived into ``reader/data/radicals.txt``, source and licence in its header). Importers apply
:func:`unify_radicals` to every text they read, and search folding uses the same table.

Run ``python -m reader.text.radicals EquivalentUnifiedIdeograph.txt`` to regenerate the table.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

__all__ = ["has_radicals", "radical_table", "unify_radicals"]

_TABLE_FILE = Path(__file__).resolve().parents[1] / "data" / "radicals.txt"
_FIRST, _LAST = 0x2E80, 0x2FDF
_RADICAL_RE = re.compile("[\u2e80-\u2fdf]")


@lru_cache(maxsize=1)
def radical_table() -> dict[int, str]:
    """Radical code point → the equivalent unified ideograph (for :meth:`str.translate`)."""
    table: dict[int, str] = {}
    for line in _TABLE_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        radical, ideograph = line.split("\t")
        table[int(radical, 16)] = chr(int(ideograph, 16))
    return table


def has_radicals(text: str) -> bool:
    """True when ``text`` holds a character of the two radical blocks (cheap pre-check)."""
    return not text.isascii() and _RADICAL_RE.search(text) is not None


def unify_radicals(text: str) -> str:
    """``text`` with every mapped radical replaced by its ideograph (same length)."""
    if not has_radicals(text):
        return text
    return text.translate(radical_table())


def _derive(source: Path) -> list[str]:
    """The table lines for the two radical blocks from ``EquivalentUnifiedIdeograph.txt``."""
    lines: list[str] = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        points, target = (part.strip() for part in body.split(";"))
        first, _, last = points.partition("..")
        for code in range(int(first, 16), int(last or first, 16) + 1):
            if _FIRST <= code <= _LAST:
                lines.append(f"{code:04X}\t{int(target, 16):04X}")
    return lines


if __name__ == "__main__":  # pragma: no cover - a maintenance tool
    print("\n".join(_derive(Path(sys.argv[1]))))
