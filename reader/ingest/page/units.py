"""Group the rows of a page into units: paragraphs, headings, bylines, credits, wide text.

Line widths relative to the page's own column width, punctuation and markers decide.
"""

from __future__ import annotations

from reader.ingest.page.bylines import (
    CONTINUATION_RE,
    byline_row,
    opens_story,
    split_dateline,
)
from reader.ingest.page.bylines import DATELINE_RE as _DATELINE_RE
from reader.ingest.page.lines import (
    _BYLINE_MARK,
    _PHOTO_CREDIT_RE,
    _RUN_ON,
    _SOURCE_CREDIT_RE,
    _SPLIT_NUMBER_RE,
    Row,
    Unit,
    _split_names,
    is_terminal,
    join_lines,
    split_trailing_byline,
)
from reader.text.hanzi import has_hanzi


def _local_width(rows: list[Row], i: int, column: float) -> float:
    """Column width near row ``i``: a high quantile of the nearby full-looking rows.

    Full lines set the column's measure; the first lines of paragraphs (indented), the
    last ones and headings are shorter, so the upper quartile is the measure.
    """
    near = sorted(
        r.ems
        for r in rows[max(0, i - 8) : i + 9]
        if not r.wide and r.ems >= column * 0.8 and r.ems <= column * 1.3
    )
    return near[len(near) * 3 // 4] if len(near) >= 3 else column


def _units(rows: list[Row], column: float) -> list[Unit]:
    """Group ``rows`` into units; ``column`` is the page's column width in ems."""
    for row in rows:
        row.wide = row.ems > column * 1.45
    # In wide columns of short paragraphs most lines are first (indented) or last lines,
    # and the few full ones are far apart: the page's widest usual lines set a floor.
    usual = sorted(r.ems for r in rows if not r.wide and column - 3 <= r.ems <= column + 4)
    floor = usual[len(usual) * 9 // 10] - 1 if usual else 0.0
    units: list[Unit] = []
    para: list[Row] = []

    def flush() -> None:
        if para:
            units.append(_paragraph(para))
            para.clear()

    n = len(rows)
    for i, row in enumerate(rows):
        text = row.text
        local = max(_local_width(rows, i, column), floor)
        at_start = not para
        if (
            _PHOTO_CREDIT_RE.match(text)
            and (i + 1 == n or not para or row.ems < local * 0.6)
            and (not para or is_terminal(para[-1].text) or para[-1].wide)
        ):
            flush()
            units.append(Unit("credit", text, row.line, row.line))
            continue
        if CONTINUATION_RE.fullmatch(text):
            flush()
            units.append(Unit("marker", text, row.line, row.line))
            continue
        byline = byline_row(text) if at_start else None
        if (
            byline is not None
            and units
            and units[-1].kind == "head"
            and units[-1].last == rows[i - 1].line
            and not any(byline[1])
            and not text.startswith(_BYLINE_MARK)
        ):
            byline = None  # bare names right under a heading line: the heading goes on
        if byline is not None:
            units.append(
                Unit(
                    "byline",
                    text,
                    row.line,
                    row.line,
                    names=byline[0],
                    roles=byline[1],
                    opens=opens_story(text),
                )
            )
            continue
        if para and para[-1].wide and not row.wide and not is_terminal(para[-1].text):
            # The short last line of a paragraph set in long lines.
            para.append(row)
            if is_terminal(text) or i + 1 == n or not rows[i + 1].wide:
                flush()
            continue
        if row.wide:
            if para and not para[-1].wide:
                flush()
            if is_terminal(text) or _SOURCE_CREDIT_RE.search(text) or i + 1 == n:
                para.append(row)
                flush()
            elif not para and not (
                i + 1 < n and (rows[i + 1].wide or is_terminal(rows[i + 1].text))
            ):
                # A lone wide row that ends open and runs into no more text is a long
                # headline (set across columns), not photo text.
                units.append(Unit("head", text, row.line, row.line))
            else:
                para.append(row)
            continue
        if (
            at_start
            and units
            and units[-1].kind == "head"
            and units[-1].last == rows[i - 1].line
            and row.tight
            and not is_terminal(text)
            and "，" not in text
        ):
            # The second line of a headline set on two lines (no blank between them).
            units.append(Unit("head", text, row.line, row.line, tight_group=True))
            continue
        if at_start and _is_heading_row(rows, i, local):
            tight = bool(units) and units[-1].kind == "head" and row.tight
            units.append(Unit("head", text, row.line, row.line, tight_group=tight))
            continue
        trailing = split_trailing_byline(text) if row.ems < local + 4 else None
        if trailing:
            # Body text never puts a space after a full stop: names there are a byline.
            para.append(Row(row.line, trailing[0], row.ems, row.tight))
            flush()
            units.append(
                Unit(
                    "byline",
                    trailing[1],
                    row.line,
                    row.line,
                    names=_split_names(trailing[1]),
                    roles=[""] * len(_split_names(trailing[1])),
                )
            )
            continue
        para.append(row)
        # A short line that ends a sentence ends its paragraph (lines inside a paragraph
        # are full); a full one does unless the next line carries on unindented.
        # A paragraph's first line is short anyway (indented), so only the next line can
        # tell whether it goes on.
        short = row.ems < local - 1.5 and len(para) > 1
        if is_terminal(text) and (
            short
            or i + 1 == n
            or not _continues(rows[i + 1], local)
            # A line after a full stop that no sentence end follows before the next
            # break is a headline (set after its story), not this paragraph going on.
            or not _reaches_sentence_end(rows, i + 1)
        ):
            flush()
    flush()
    return _fold_photo_tails(units)


def _fold_photo_tails(units: list[Unit]) -> list[Unit]:
    """A one-line paragraph between photo text and its credit is the photo text's end.

    Long-line text can end a sentence exactly at a line end and carry a short last line.
    """
    out: list[Unit] = []
    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        if (
            unit.kind == "para"
            and unit.first == unit.last
            and unit.dateline is None
            and out
            and out[-1].kind == "wide"
            and nxt is not None
            and nxt.kind == "credit"
        ):
            out[-1].text = join_lines([out[-1].text, unit.text])
            out[-1].last = unit.last
            continue
        out.append(unit)
    return out


def _heads_a_byline(row: Row) -> bool:
    """True when ``row`` is directly followed by a ▶ byline: it is that story's headline."""
    return row.next_text.startswith(_BYLINE_MARK) and row.next_tight


def _continues(next_row: Row, local: float) -> bool:
    """True when ``next_row`` reads as the same paragraph going on (full width, no indent)."""
    if next_row.wide or next_row.text.startswith(_BYLINE_MARK):
        return False
    if _DATELINE_RE.match(next_row.text) or next_row.ems > local + 2.5:
        return False
    if opens_story(next_row.text) or CONTINUATION_RE.fullmatch(next_row.text):
        return False
    if next_row.ems < local + 2.5 and not next_row.tight and _heads_a_byline(next_row):
        return False
    # A new paragraph's first line is indented by two ems; a continuing one is full, or
    # is the short line that ends the paragraph (one-line paragraphs are rare in news).
    return next_row.ems >= local - 0.75 or is_terminal(next_row.text)


def _reaches_sentence_end(rows: list[Row], i: int, limit: int = 40) -> bool:
    """True when a sentence ends in the rows from ``i`` on, before any structural break
    (a byline, a dateline, a wide row, a credit) or the end of the page."""
    for row in rows[i : i + limit]:
        if (
            row.wide
            or row.text.startswith(_BYLINE_MARK)
            or (row is not rows[i] and (_DATELINE_RE.match(row.text) or opens_story(row.text)))
        ):
            return False
        if is_terminal(row.text) or split_trailing_byline(row.text):
            return True
    # Past the look-ahead window we cannot tell; at the end of the page we can.
    return i + limit < len(rows)


def _opens_two_line_heading(rows: list[Row], i: int, local: float) -> bool:
    """``长沙高新区：`` over ``软件产业跑出加速度``: a short line ending in a colon whose
    next line is a short phrase with no punctuation, then a fresh start."""
    row = rows[i]
    if row.ems >= local * 0.6 or i + 2 >= len(rows) or not has_hanzi(row.text):
        return False
    nxt, after = rows[i + 1], rows[i + 2]
    plain = not any(ch in nxt.text for ch in "，。；：、") and not is_terminal(nxt.text)
    return plain and nxt.ems < local * 0.8 and after.ems < local - 1.0


def _is_heading_row(rows: list[Row], i: int, local: float) -> bool:
    """A row standing alone between paragraphs, with no sentence punctuation."""
    row = rows[i]
    text = row.text
    if text[-1] in "：:" and _opens_two_line_heading(rows, i, local):
        return True
    if is_terminal(text) or text[-1] in _RUN_ON or _DATELINE_RE.match(text):
        return False
    if "。" in text or "；" in text or not has_hanzi(text) or text[-1].isdigit():
        return False
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    if nxt is None or nxt.wide or nxt.text.startswith(_BYLINE_MARK) or _DATELINE_RE.match(nxt.text):
        return True
    if not _reaches_sentence_end(rows, i):
        # Nothing from here to the next break ends a sentence: no paragraph starts here.
        return True
    if row.ems < local - 3.5 and not any(ch in text for ch in "，、：,"):
        # Much shorter than a paragraph's indented first line, and not one ended: a
        # phrase standing alone (a one-line paragraph would end its sentence).
        return True
    if (
        nxt.tight
        and not _SPLIT_NUMBER_RE.search(text)
        and not is_terminal(nxt.text)
        and "，" not in nxt.text
        and nxt.ems < local - 1.0
    ):
        # Two lines with no blank between them, not a number split from its unit: a
        # headline set on two lines.
        return True
    if "，" in text and row.ems > local * 0.6:
        return False
    # A heading is followed by a fresh start: a paragraph's indented first line. A
    # paragraph's own first line is followed by a full line carrying its sentence on,
    # or by the line that ends it (one-line paragraphs after a subhead are rare).
    ends = is_terminal(nxt.text) or bool(split_trailing_byline(nxt.text))
    return nxt.ems < local - 1.0 and not ends


def _paragraph(rows: list[Row]) -> Unit:
    text = join_lines(r.text for r in rows)
    unit = Unit("wide" if rows[0].wide else "para", text, rows[0].line, rows[-1].line)
    found = split_dateline(text) if unit.kind == "para" else None
    if found:
        unit.dateline, byline, unit.text = found
        if byline:
            unit.names, unit.roles = byline
    return unit
