"""The parse cache: the app opens known files without parsing them again, and never wrongly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader import paths
from reader.ingest.loader import LoadError, load_file, load_paths
from reader.library import parse_cache
from reader.library.parse_cache import ParseCache

SAMPLE = Path(__file__).resolve().parents[3] / "articles" / "hitech-zones-p1.txt"


@pytest.fixture
def cache() -> ParseCache:
    """The parse cache the app's file source owns."""
    return ParseCache()


@pytest.fixture
def page(tmp_path: Path) -> Path:
    target = tmp_path / "pages" / "2024-03-01 第1版.txt"
    target.parent.mkdir()
    target.write_bytes(SAMPLE.read_bytes())
    return target


def _entries() -> list[Path]:
    folder = paths.cache_dir() / parse_cache.SUBDIR
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_a_cached_load_gives_the_same_articles(page: Path, cache: ParseCache) -> None:
    first = load_file(page, cache=cache)
    assert len(_entries()) == 1
    again = load_file(page, cache=cache)
    assert again == first
    assert again == load_file(page)  # and the same as no cache at all
    assert {a.date for a in again} == {"2024-03-01"}


def test_a_hit_does_not_parse(
    page: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_file(page, cache=cache)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("reader.ingest.loader._read_and_parse", no_parsing)
    assert load_file(page, cache=cache)


def test_a_changed_file_is_parsed_again(page: Path, cache: ParseCache) -> None:
    before = load_file(page, cache=cache)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("高新区", "开发区"), encoding="utf-8")
    info = page.stat()
    # Same size in bytes and the same inode: only the modification time tells, and a
    # coarse file system clock could leave it unchanged, so move it by a nanosecond.
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    after = load_file(page, cache=cache)
    assert after != before
    assert any("开发区" in (b.text) for a in after for b in a.blocks)


def test_the_cache_is_off_unless_asked(page: Path, cache: ParseCache) -> None:
    load_file(page)
    load_paths([page.parent])
    assert _entries() == []
    load_paths([page.parent], cache=cache)
    assert len(_entries()) == 1


@pytest.mark.parametrize("garbage", [b"", b"{", b"[]", b'{"code": 1}', b"\xff\xfe\x00"])
def test_a_damaged_entry_is_a_miss_and_is_replaced(
    page: Path, cache: ParseCache, garbage: bytes
) -> None:
    expected = load_file(page, cache=cache)
    (entry,) = _entries()
    entry.write_bytes(garbage)
    assert load_file(page, cache=cache) == expected
    assert load_file(page, cache=cache) == expected
    assert entry.read_bytes() != garbage


def test_an_unwritable_cache_still_loads(
    page: Path, cache: ParseCache, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(paths.CACHE_ENV, str(blocker / "cache"))
    assert load_file(page, cache=cache) == load_file(page)


def test_errors_are_not_cached(tmp_path: Path, cache: ParseCache) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for _ in range(2):
        with pytest.raises(LoadError, match="empty file"):
            load_file(empty, cache=cache)
    assert _entries() == []
    missing = tmp_path / "missing.txt"
    with pytest.raises(LoadError, match="no such file"):
        load_file(missing, cache=cache)


def test_the_users_folder_is_left_alone(page: Path, cache: ParseCache) -> None:
    before = sorted(p.name for p in page.parent.iterdir())
    load_file(page, cache=cache)
    assert sorted(p.name for p in page.parent.iterdir()) == before


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    cache = ParseCache(max_entries=3)
    for n in range(5):
        page = tmp_path / f"p{n}.txt"
        page.write_text(f"第{n}篇。\n\n正文{n}。\n", encoding="utf-8")
        load_file(page, cache=cache)
    assert len(_entries()) == 3


def test_the_first_paint_figures_come_from_the_cache(page: Path, cache: ParseCache) -> None:
    from reader.annotate.pipeline import quick_figure_annotations
    from reader.library.memory import MemorySource

    load_file(page, cache=cache)
    cache = ParseCache()  # as in a new process
    articles = load_file(page, cache=cache)
    assert any(cache.figures(a.id) for a in articles)
    source = MemorySource(articles, cache=cache)
    for article in articles:
        assert cache.figures(article.id) == quick_figure_annotations(article)
        assert source.quick_figures(article) == quick_figure_annotations(article)


def test_a_cached_load_repeats_the_plain_text_notice(tmp_path: Path, cache: ParseCache) -> None:
    web = tmp_path / "web.txt"
    web.write_text("标题\n" + "从网页复制的正文，一段一行，没有分栏。" * 6 + "\n", encoding="utf-8")
    first: list[str] = []
    articles = load_file(web, cache=cache, notices=first)
    assert len(_entries()) == 1
    again: list[str] = []
    assert load_file(web, cache=cache, notices=again) == articles
    assert again == first == ["read as plain text, not as a page: too few lines for a page"]


def test_the_code_stamp_covers_nested_parser_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to the PDF importer (ingest/pdf/, a package in a package) drops old entries."""
    stamped = parse_cache.code_stamp()
    original = parse_cache.file_stamp

    def moved(path: Path):  # type: ignore[no-untyped-def]
        found = original(path)
        if found is not None and "pdf" in path.parts and path.suffix == ".py":
            return (found[0] + 1, *found[1:])
        return found

    monkeypatch.setattr(parse_cache, "file_stamp", moved)
    assert parse_cache.code_stamp() != stamped


def test_a_reopened_pdf_comes_from_the_cache(
    tmp_path: Path, cache: ParseCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    import reader.ingest.pdf as pdf
    fixtures = Path(__file__).resolve().parents[2] / "helpers" / "data" / "pdf"
    target = tmp_path / "page.pdf"
    shutil.copy(fixtures / "page-c.pdf", target)
    first = load_file(target, cache=cache)

    def boom(*_args: object, **_kwargs: object) -> list:
        raise AssertionError("parsed again")

    monkeypatch.setattr(pdf, "read_pdf", boom)
    assert load_file(target, cache=cache) == first
