"""Property: on any generated page, every character of the text layer (page header and
footer aside) lands in exactly one field of one article: nothing lost, nothing doubled."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.ingest.pdf import parse_page
from reader.ingest.pdf.extract import read_pages
from tests.helpers.pdfgen import make_pdf
from tests.helpers.pdfscore import article_chars, drawn_chars


def _check(seed: int, pages: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.pdf"
        records = make_pdf(path, seed, pages=pages)
        for record, raw in zip(records, read_pages(path), strict=True):
            articles, meta = parse_page(raw, str(path))
            got: Counter[str] = Counter()
            for article in articles:
                got += article_chars(article)
            assert got == drawn_chars(record)
            assert meta.number == record.number and meta.date == record.date


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**31))
def test_nothing_lost_on_a_page(seed: int) -> None:
    _check(seed, 1)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**31))
def test_nothing_lost_on_the_pages_of_an_issue(seed: int) -> None:
    _check(seed, 2)
