"""The parse cache: the app opens known files without parsing them again, and never wrongly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import paths
from reader.ingest import parse_cache
from reader.ingest.loader import LoadError, load_file, load_paths

SAMPLE = Path(__file__).resolve().parents[3] / "articles" / "hitech-zones-p1.txt"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    target = tmp_path / "pages" / "2024-03-01 第1版.txt"
    target.parent.mkdir()
    target.write_bytes(SAMPLE.read_bytes())
    return target


def _entries() -> list[Path]:
    folder = paths.cache_dir() / parse_cache.SUBDIR
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_a_cached_load_gives_the_same_articles(page: Path) -> None:
    first = load_file(page, cache=True)
    assert len(_entries()) == 1
    again = load_file(page, cache=True)
    assert again == first
    assert again == load_file(page)  # and the same as no cache at all
    assert {a.date for a in again} == {"2024-03-01"}


def test_a_hit_does_not_parse(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_file(page, cache=True)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("reader.ingest.loader._read_and_parse", no_parsing)
    assert load_file(page, cache=True)


def test_a_changed_file_is_parsed_again(page: Path) -> None:
    before = load_file(page, cache=True)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("高新区", "开发区"), encoding="utf-8")
    info = page.stat()
    # Same size in bytes and the same inode: only the modification time tells, and a
    # coarse file system clock could leave it unchanged, so move it by a nanosecond.
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    after = load_file(page, cache=True)
    assert after != before
    assert any("开发区" in (b.text) for a in after for b in a.blocks)


def test_the_cache_is_off_unless_asked(page: Path) -> None:
    load_file(page)
    load_paths([page.parent])
    assert _entries() == []
    load_paths([page.parent], cache=True)
    assert len(_entries()) == 1


@pytest.mark.parametrize("garbage", [b"", b"{", b"[]", b'{"code": 1}', b"\xff\xfe\x00"])
def test_a_damaged_entry_is_a_miss_and_is_replaced(page: Path, garbage: bytes) -> None:
    expected = load_file(page, cache=True)
    (entry,) = _entries()
    entry.write_bytes(garbage)
    assert load_file(page, cache=True) == expected
    assert load_file(page, cache=True) == expected
    assert entry.read_bytes() != garbage


def test_an_unwritable_cache_still_loads(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(paths.CACHE_ENV, str(blocker / "cache"))
    assert load_file(page, cache=True) == load_file(page)


def test_errors_are_not_cached(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for _ in range(2):
        with pytest.raises(LoadError, match="empty file"):
            load_file(empty, cache=True)
    assert _entries() == []
    missing = tmp_path / "missing.txt"
    with pytest.raises(LoadError, match="no such file"):
        load_file(missing, cache=True)


def test_the_users_folder_is_left_alone(page: Path) -> None:
    before = sorted(p.name for p in page.parent.iterdir())
    load_file(page, cache=True)
    assert sorted(p.name for p in page.parent.iterdir()) == before


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse_cache, "MAX_ENTRIES", 3)
    for n in range(5):
        page = tmp_path / f"p{n}.txt"
        page.write_text(f"第{n}篇。\n\n正文{n}。\n", encoding="utf-8")
        load_file(page, cache=True)
    assert len(_entries()) == 3


def test_the_first_paint_figures_come_from_the_cache(page: Path) -> None:
    from reader.annotate.pipeline import quick_figure_annotations
    from reader.ui.core import quick_figures

    load_file(page, cache=True)
    parse_cache._figures.clear()  # as in a new process
    articles = load_file(page, cache=True)
    assert any(parse_cache.cached_figures(a.id) for a in articles)
    for article in articles:
        assert parse_cache.cached_figures(article.id) == quick_figure_annotations(article)
        assert quick_figures(article) == quick_figure_annotations(article)


def test_a_cached_load_repeats_the_plain_text_notice(tmp_path: Path) -> None:
    web = tmp_path / "web.txt"
    web.write_text("标题\n" + "从网页复制的正文，一段一行，没有分栏。" * 6 + "\n", encoding="utf-8")
    first: list[str] = []
    articles = load_file(web, cache=True, notices=first)
    assert len(_entries()) == 1
    again: list[str] = []
    assert load_file(web, cache=True, notices=again) == articles
    assert again == first == ["read as plain text, not as a page: too few lines for a page"]
