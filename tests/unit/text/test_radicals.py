"""Radicals read as the ideographs they look like: in loaded text and in search."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from reader.ingest.loader import load_file
from reader.text.fold import find_all, fold
from reader.text.radicals import radical_table, unify_radicals


def test_every_kangxi_radical_maps_and_agrees_with_nfkc() -> None:
    table = radical_table()
    kangxi = list(range(0x2F00, 0x2FD6))
    assert all(code in table for code in kangxi)
    assert all(table[code] == unicodedata.normalize("NFKC", chr(code)) for code in kangxi)


def test_the_supplement_maps_where_nfkc_does_not() -> None:
    assert unify_radicals("人⺠") == "人民"
    assert unify_radicals("⻛⻔") == "风门"
    assert unicodedata.normalize("NFKC", "⺠") == "⺠"  # why the Unicode table is needed
    assert len([c for c in radical_table() if c < 0x2F00]) >= 100


def test_text_without_radicals_is_returned_as_is() -> None:
    text = "大连高新区 1000 亿元"
    assert unify_radicals(text) is text


def test_search_finds_the_ideograph_in_radical_text() -> None:
    assert find_all("⼈⺠日报", "民") == [(1, 2)]
    assert find_all("⼤连⾼新区", "大连高新区") == [(0, 5)]
    assert fold("⻔").text == "门"


def test_loaded_text_dumps_have_ideographs(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("⼤连⾼新区⼈⺠政府发布新政\n\n新政支持科技型企业发展。\n", encoding="utf-8")
    articles = load_file(page)
    text = " ".join([a.title or "" for a in articles] + [a.body_text for a in articles])
    assert "大连高新区人民政府" in text
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)
