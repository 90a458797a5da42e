"""Pages built from characters directly, for unit tests of single layout rules.

Each helper places text as pdfminer would report it (one box per character, top-down
coordinates), so a rule can be tested on exactly the geometry it is about, without a PDF.
"""

from __future__ import annotations

from reader.ingest.pdf.extract import Box, Char, RawPage, Rule


def chars(text: str, x: float, top: float, size: float = 10.0,
          font: str = "STSong") -> list[Char]:
    """``text`` set from ``x`` at ``top``: hanzi one em wide, ASCII and spaces half."""
    out: list[Char] = []
    for ch in text:
        width = size if ord(ch) > 0x2000 else size / 2
        out.append(Char(ch, x, x + width, top, top + size, size, font))
        x += width
    return out


def page(*runs: list[Char], rules: tuple[Rule, ...] = (), boxes: tuple[Box, ...] = (),
         width: float = 600.0, height: float = 800.0) -> RawPage:
    raw = RawPage(1, width, height, rules=list(rules), boxes=list(boxes))
    for run in runs:
        raw.chars.extend(run)
    return raw


def column_text(lines: list[tuple[str, bool]], x: float, top: float, size: float = 10.0,
                leading: float = 15.0) -> list[list[Char]]:
    """A column: each (text, first line of a paragraph) indented 2 em when first."""
    return [chars(text, x + (2 * size if first else 0.0), top + i * leading, size)
            for i, (text, first) in enumerate(lines)]
