"""The raw material of a PDF page: characters with their boxes and sizes, rules and pictures.

pdfminer.six does the PDF work (fonts, CMaps, ToUnicode, encryption); its own layout
analysis is switched off (``laparams=None``) because a newspaper page needs the layout
rules of :mod:`reader.ingest.pdf.layout`, not generic text boxes. Everything here is
translated to top-down page coordinates (``top`` < ``bottom``), the way a reader scans.

Every failure becomes a :class:`PdfError` with one line a reader understands: encrypted,
damaged, too large, or a scanned page without a text layer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reader.text.radicals import unify_radicals

#: Larger files are refused: an e-paper page is 0.3–5 MB, a whole issue rarely 40 MB, and
#: pdfminer keeps a page's objects in memory (a 200 MB file would take minutes and GBs).
MAX_BYTES = 50 * 1024 * 1024

SCANNED = "a scanned page: it has no text to read; run OCR first"


class PdfError(Exception):
    """A PDF that cannot be read, with the reason on one line."""


@dataclass(slots=True)
class Char:
    """One glyph of the text layer, in top-down page coordinates."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line drawn on the page (story and band separators)."""

    x0: float
    x1: float
    y: float


@dataclass(frozen=True, slots=True)
class Box:
    """A picture: an image, a form XObject or a large filled rectangle."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class RawPage:
    """Everything the layout analysis needs from one page."""

    index: int  # 1-based position in the file
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)


def read_pages(path: Path) -> Iterator[RawPage]:
    """The pages of the PDF at ``path``, one at a time.

    Raises:
        PdfError: the file is too large, encrypted, damaged or cannot be opened.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PdfError(exc.strerror or exc.__class__.__name__) from None
    if size > MAX_BYTES:
        raise PdfError(f"too large to read ({size / 2**20:.0f} MB; the limit is "
                       f"{MAX_BYTES // 2**20} MB)")
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
            if b"%PDF-" not in head:
                raise PdfError("damaged PDF: it does not start like a PDF file")
            handle.seek(0)
            try:
                document = PDFDocument(PDFParser(handle), password="")
            except PDFPasswordIncorrect:
                raise PdfError("encrypted PDF: it needs a password to open") from None
            manager = PDFResourceManager(caching=True)
            device = PDFPageAggregator(manager, laparams=None)
            interpreter = PDFPageInterpreter(manager, device)
            for index, page in enumerate(PDFPage.create_pages(document), start=1):
                interpreter.process_page(page)
                yield _raw_page(index, device.get_result())
    except PdfError:
        raise
    except OSError as exc:
        raise PdfError(exc.strerror or exc.__class__.__name__) from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        name = exc.__class__.__name__
        if "Encrypt" in name or "Password" in name:
            raise PdfError("encrypted PDF: it needs a password to open") from None
        raise PdfError(f"damaged PDF: cannot be read ({name})") from None


def _raw_page(index: int, layout: object) -> RawPage:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTRect

    x0, y0, x1, y1 = layout.bbox  # type: ignore[attr-defined]
    height = y1 - y0
    page = RawPage(index, x1 - x0, height)

    def walk(items: object) -> None:
        for item in items:  # type: ignore[attr-defined]
            if isinstance(item, LTChar):
                text = item.get_text()
                if text.startswith("(cid:"):
                    continue  # a glyph without a character map: nothing to read
                page.chars.append(Char(unify_radicals(text), item.x0 - x0, item.x1 - x0,
                                       y1 - item.y1, y1 - item.y0, round(item.size, 1),
                                       item.fontname))
            elif isinstance(item, LTFigure):
                before = len(page.chars)
                walk(item)
                if len(page.chars) == before:
                    page.boxes.append(_box(item.bbox, x0, y1))
            elif isinstance(item, LTImage):
                page.boxes.append(_box(item.bbox, x0, y1))
            elif isinstance(item, LTLine | LTRect | LTCurve):
                _shape(page, item.bbox, x0, y1, filled=bool(getattr(item, "fill", False)))

    walk(layout)
    return page


def _box(bbox: tuple[float, float, float, float], x0: float, y1: float) -> Box:
    return Box(bbox[0] - x0, y1 - bbox[3], bbox[2] - x0, y1 - bbox[1])


def _shape(page: RawPage, bbox: tuple[float, float, float, float], x0: float, y1: float,
           *, filled: bool) -> None:
    left, bottom, right, top = bbox
    width, height = right - left, top - bottom
    if height <= 2.5 and width >= 12:
        page.rules.append(Rule(left - x0, right - x0, y1 - (top + bottom) / 2))
    elif filled and width >= 36 and height >= 36:
        page.boxes.append(_box(bbox, x0, y1))
