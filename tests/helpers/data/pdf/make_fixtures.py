"""Write the PDF fixtures of this folder: generated pages, their expected content, bad files.

    python -m tests.helpers.data.pdf.make_fixtures

Pages come from :mod:`tests.helpers.pdfgen` (stories written for the tests); each
``NAME.pdf`` gets a ``NAME.json`` with what a perfect reader finds on it. The bad files are
one of each failure the importer names: encrypted, scanned (an image, no text), damaged.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from tests.helpers.pdfgen import expected_paragraphs, make_pdf

HERE = Path(__file__).resolve().parent
#: (file name, seed, pages): 3 columns parted by white space only, 6 columns, 4 columns, and a
#: two-page issue.
PAGES = [("page-a", 4, 1), ("page-b", 26, 1), ("page-c", 33, 1), ("issue", 7, 2)]


def expected(name: str, seed: int, pages: int) -> None:
    records = make_pdf(HERE / f"{name}.pdf", seed, pages=pages)
    data = []
    for record in records:
        stories = []
        for story in record.stories:
            item = asdict(story)
            item["paragraphs"] = expected_paragraphs(story)
            item["subheads"] = [story.subheads[i] for i in sorted(story.subheads)
                                if i < len(story.paragraphs)]
            stories.append(item)
        data.append({"number": record.number, "date": record.date, "stories": stories})
    (HERE / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")


def bad_files() -> None:
    from PIL import Image
    from reportlab.lib import pdfencrypt
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    locked = canvas.Canvas(str(HERE / "encrypted.pdf"), invariant=1,
                           encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    locked.setFont("Helvetica", 12)
    locked.drawString(72, 720, "locked")
    locked.save()
    scan = canvas.Canvas(str(HERE / "scanned.pdf"), invariant=1)
    image = Image.new("L", (64, 80), 200)
    scan.drawImage(ImageReader(image), 40, 40, 500, 700)
    scan.save()
    good = (HERE / "page-a.pdf").read_bytes()
    (HERE / "damaged.pdf").write_bytes(good[:1200])


if __name__ == "__main__":
    for args in PAGES:
        expected(*args)
    bad_files()
