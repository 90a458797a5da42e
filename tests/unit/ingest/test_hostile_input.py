"""Hostile and broken input through the core: decoding, loading, importing, breaking, finding.

The corpus is ``tests/helpers/data/bad/`` (see ``tests/helpers/data/make_bad.py``); large
inputs are generated
once per module into a temporary folder. Each test fails if the behaviour it names breaks:
a bad file must cost one line naming it, never the rest of the folder, never a traceback.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.annotate.figures import find_figures
from reader.export.formats import to_json
from reader.ingest.decode import MAX_BYTES, DecodeError, decode_bytes, read_text
from reader.ingest.loader import LoadError, load_file, load_paths, parse_text
from reader.ingest.markdown import parse_markdown, to_markdown
from reader.ingest.page import parse_page
from reader.model import Article
from reader.search.match import find_in_text, search
from reader.text.fold import sanitize_for_display
from reader.text.linebreak import break_lines
from reader.text.radicals import unify_radicals
from tests.helpers.cover import check_cover
from tests.helpers.data import make_bad
from tests.helpers.data.make_bad import BAD, GOOD, HOSTILE_LINES, HOSTILE_PAGE, PAGE, REFUSED, SMALL

_WS = re.compile(r"[\s▶]")


def squash(text: str) -> str:
    """What "nothing lost" is measured on: the text without whitespace or the ▶ marker."""
    return _WS.sub("", text)


def all_fields(articles: list[Article]) -> list[str]:
    """Every text value of every article, in article order."""
    values: list[str] = []
    for a in articles:
        values += [v for v in (a.kicker, a.title, a.dateline, a.credit) if v]
        values += a.byline + a.captions + [b.text for b in a.blocks]
    return values


def assert_nothing_lost(text: str, articles: list[Article]) -> None:
    assert Counter(squash("".join(all_fields(articles)))) == Counter(squash(text))


# --- the corpus --------------------------------------------------------------------------------


def test_committed_corpus_matches_its_generator() -> None:
    """``tests/helpers/data/bad`` holds exactly the bytes ``make_bad.SMALL`` describes."""
    on_disk = {p.name: p.read_bytes() for p in BAD.iterdir()}
    assert on_disk == SMALL


@pytest.mark.parametrize("name", GOOD)
def test_supported_encodings_read_to_the_same_page(name: str) -> None:
    text = read_text(BAD / name)
    expected = HOSTILE_PAGE if name == "hostile.txt" else PAGE
    if name == "gb18030-astral.txt":
        expected = PAGE.replace("步完善", "步完善𠀀")  # astral hanzi survive GB18030's 4-byte form
    if name == "名字 有空格.txt":
        expected = PAGE.replace("科技园区", "名字园区")
    assert text == expected


def test_a_folder_of_bad_files_costs_one_line_each_and_the_rest_goes_in() -> None:
    result = load_paths([BAD])
    loaded = {Path(a.source.path).name for a in result.articles}
    assert loaded == set(GOOD)
    refused = {Path(e.path).name: e.message for e in result.errors}
    assert set(refused) == set(REFUSED)
    for name, reason in REFUSED.items():
        assert reason.lower() in refused[name].lower(), (name, refused[name])
    for error in result.errors:
        assert str(error).startswith(error.path) and "\n" not in str(error)


def test_a_file_over_the_limit_is_refused_with_the_limit_in_the_message(tmp_path: Path) -> None:
    big = make_bad.oversized_file(tmp_path / "huge.txt", MAX_BYTES + 1)
    with pytest.raises(LoadError) as info:
        load_file(big)
    message = str(info.value)
    assert "huge.txt" in message and f"{MAX_BYTES // 2**20} MB" in message
    assert "limit" in message and "\n" not in message


def test_a_file_at_the_limit_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "at-limit.txt"
    body = PAGE.encode()
    path.write_bytes(body + b" " * (MAX_BYTES - len(body)))
    assert load_file(path)[0].title == "科技园区发展提速"


# --- Latin-1 that GB18030 would take ----------------------------------------------------------

#: Western text whose Latin-1 bytes GB18030 decodes "successfully" into hanzi inside Latin
#: words (naïve → na飗e; the ç and ã of ação make the common hanzi 玢).
LATIN_AS_GB = [
    "naïve",
    "Ångström",
    "Größe und Gewicht",
    "Zürich façade coöperate",
    "ação e coração",
    "Ångström Æsir ÉLÈVE São",
    "Die Größe über Zürich ändert Flüsse",
]
#: GBK/GB18030 Chinese with Latin words in it, the mix that must keep reading.
GB_WITH_LATIN = [
    "iPhone 15发布会在北京举行，苹果CEO表示5G基站建设加速。",
    "高新区引进Intel、AMD和NVIDIA等企业的研发中心",
    "使用Python和Rust开发的AI系统",
    "GDP增长5%，CPI上涨",
    "臺灣科技園區發展迅速，產業聚集效應顯著",  # GBK's extension area: ASCII-range trail bytes
    "A股市场",
]


@pytest.mark.parametrize("text", LATIN_AS_GB)
@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_that_gb18030_would_decode_is_refused_in_one_line(
    text: str, encoding: str, tmp_path: Path
) -> None:
    data = text.encode(encoding)
    assert data.decode("gb18030") != text  # the trap: it decodes, into nonsense hanzi
    path = tmp_path / "western.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError) as info:
        read_text(path)
    message = str(info.value)
    assert message.startswith("unsupported encoding") and "Latin-1" in message
    assert "\n" not in message


@pytest.mark.parametrize("text", ["café crème à la mode", "Le café du quartier, déjà célèbre."])
def test_latin1_that_gb18030_cannot_decode_is_refused_too(text: str) -> None:
    with pytest.raises(DecodeError, match=r"^unsupported encoding"):
        decode_bytes(text.encode("latin-1"))


@pytest.mark.parametrize("text", GB_WITH_LATIN)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gb_chinese_with_latin_words_still_reads(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_the_bundled_page_in_gb18030_still_reads() -> None:
    from reader.ingest.loader import bundled_articles_dir

    for page in bundled_articles_dir().glob("*.txt"):
        text = page.read_text(encoding="utf-8")
        assert decode_bytes(text.encode("gb18030")) == text


# --- large inputs complete (timed in benchmarks/bench_hostile.py, never here) -------------------


@pytest.fixture(scope="module")
def megabyte_line() -> str:
    return make_bad.long_line(1_000_000)


def test_a_one_megabyte_line_goes_through_the_line_breaker(megabyte_line: str) -> None:
    lines = break_lines(megabyte_line, 80)
    assert lines[0][0] == 0 and lines[-1][1] == len(megabyte_line)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(lines))


def test_a_one_megabyte_line_goes_through_the_importers(megabyte_line: str) -> None:
    articles = parse_text(megabyte_line, "line.txt")
    assert_nothing_lost(megabyte_line, articles)
    page = parse_page(megabyte_line, "line.txt")
    assert_nothing_lost(megabyte_line, page)


@pytest.mark.parametrize(
    "make", [make_bad.headline_lines, make_bad.captioned_items], ids=["headlines", "captions"]
)
def test_five_thousand_headline_like_lines_complete_and_lose_nothing(make) -> None:
    text = make(5000)
    articles = parse_page(text, "heads.txt")
    assert_nothing_lost(text, articles)
    assert len(articles) > 1000  # split into many stories, not read as one


# --- hostile content ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile() -> list[Article]:
    return load_file(BAD / "hostile.txt")


def test_hostile_content_is_kept_character_for_character(hostile: list[Article]) -> None:
    # Kept as the reader sees it: radicals (⼤) are read as the ideographs they look like (大).
    assert_nothing_lost(unify_radicals(HOSTILE_PAGE), hostile)
    joined = "".join(all_fields(hostile))
    for line in HOSTILE_LINES:
        assert squash(unify_radicals(line)) in squash(joined), line  # whole, in its order


def test_hostile_content_survives_json_export(hostile: list[Article]) -> None:
    from reader.annotate.pipeline import figure_annotations
    from reader.model import Annotations

    annotations = [Annotations(figures=list(figure_annotations(a))) for a in hostile]
    out = to_json(hostile, annotations)
    assert "\x1b" not in out and "\x00" not in out  # escaped, as JSON requires
    doc = json.loads(out)
    for article, exported in zip(hostile, doc["articles"], strict=True):
        assert exported["title"] == article.title
        assert [b["text"] for b in exported["blocks"]] == [b.text for b in article.blocks]
        for figure in exported["figures"]:
            text = exported["blocks"][figure["block"]]["text"]
            assert text[figure["start"] : figure["end"]] == figure["text"]


def test_hostile_content_survives_markdown_round_trip(hostile: list[Article]) -> None:
    for article in hostile:
        back = parse_markdown(to_markdown(article), article.source.path)
        assert [(b.title, b.kicker, b.blocks, b.captions) for b in back] == [
            (article.title, article.kicker, article.blocks, article.captions)
        ]


def test_lookalikes_are_found_by_what_they_look_like(hostile: list[Article]) -> None:
    hits = search(hostile, "大学")
    assert hits and "大学" in hits[0].snippet  # the file's ⼤学, unified when it was read
    hit = search(hostile, "1000亿元")
    assert any("１０００亿元" in h.snippet for h in hit)
    text = "康熙⼤学项目投资１０００亿元"
    assert [text[s:e] for s, e in find_in_text(text, "大")] == ["⼤"]
    assert [text[s:e] for s, e in find_in_text(text, "1000")] == ["１０００"]
    # Zero-width and bidi characters do not hide a word from search.
    assert search(hostile, "零宽连接方向")


def test_display_sanitising_removes_every_terminal_control(hostile: list[Article]) -> None:
    controls = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    for value in all_fields(hostile):
        shown = sanitize_for_display(value)
        assert len(shown) == len(value)
        assert not controls.search(shown), repr(shown)
        # Markup-like text stays as it is: it is shown, never interpreted.
        assert shown.count("[") == value.count("[")


# --- paths -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ten_thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_bad.many_files(tmp_path_factory.mktemp("many"), 10_000)


def test_a_folder_of_ten_thousand_files_loads_them_all(ten_thousand: Path) -> None:
    result = load_paths([ten_thousand])
    assert not result.errors
    assert len({a.source.path for a in result.articles}) == 10_000


def test_nested_folders_symlink_loops_and_odd_names(tmp_path: Path) -> None:
    deep = tmp_path / "一级 目录" / "二级" / "三 级"
    deep.mkdir(parents=True)
    (deep / "高新区 新闻.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "一级 目录" / "回环").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")  # a link to itself: cannot be opened
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    result = load_paths([tmp_path])
    assert [Path(a.source.path).name for a in result.articles] == ["高新区 新闻.txt"]
    assert all("\n" not in str(e) for e in result.errors)


def test_an_unreadable_file_is_named_and_the_rest_goes_in(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(PAGE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(PAGE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: chmod 0 does not stop reading")
        result = load_paths([tmp_path])
        assert [Path(a.source.path).name for a in result.articles] == ["open.txt"]
        assert [str(e) for e in result.errors] == [f"{locked}: permission denied"]
    finally:
        locked.chmod(0o644)


def test_a_folder_that_cannot_be_listed_is_named_not_skipped_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "锁住的 目录"
    locked.mkdir()
    (locked / "hidden.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(PAGE, encoding="utf-8")
    from reader.ingest import loader

    real_scandir = os.scandir

    def scandir(path: os.PathLike[str] | str):  # what chmod 0 does for a non-root user
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(loader.os, "scandir", scandir)
    result = load_paths([tmp_path])
    assert [Path(a.source.path).name for a in result.articles] == ["open.txt"]
    assert [str(e) for e in result.errors] == [f"{locked}: folder not read: Permission denied"]


def test_a_file_deleted_between_listing_and_reading_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "kept.txt").write_text(PAGE, encoding="utf-8")
    from reader.ingest import loader

    original = loader.load_file

    def delete_first(
        path: Path, *, cache: bool = False, notices: list[str] | None = None
    ) -> list[Article]:
        if path.name == "gone.txt":
            path.unlink()
        return original(path, cache=cache, notices=notices)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "load_file", delete_first)
        result = load_paths([tmp_path])
    assert [Path(a.source.path).name for a in result.articles] == ["kept.txt"]
    assert [e.message for e in result.errors] == ["no such file"]


# --- properties over arbitrary Unicode: what tests/test_page.py and friends do not draw ----------

#: Characters the existing property tests rarely or never draw: C0/C1 controls, bidi and
#: zero-width characters, astral planes (emoji, CJK extensions B–G), Kangxi radicals,
#: full-width digits, surrogate-free but otherwise arbitrary code points.
_NASTY = st.sampled_from(
    [
        *"\x00\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u200b\u200d\u202e\u2066\u2069\ufeff\u3000",
        *"⼤⼀⼈１０５％．",
        *["😀", "👍🏽", "𠀀", "𪚥", "𰻞", "[", "]", "/", "\r", "\n", "\n\n"],
    ]
)
_ANY = st.characters(exclude_categories=("Cs",))
_HOSTILE_TEXT = st.lists(
    st.one_of(_NASTY, _ANY, st.sampled_from([*"高新区产业亿元万平方米，。", "1000", "15.5%"])),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_HOSTILE_TEXT, min_size=1, max_size=30))
def test_page_importer_on_control_and_astral_text_loses_nothing(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    assert_nothing_lost(text, parse_page(text, "fuzz"))
    assert_nothing_lost(text, parse_text(text, "fuzz"))


@settings(max_examples=100, deadline=None)
@given(st.lists(_HOSTILE_TEXT, min_size=1, max_size=20), st.text(" \t\u3000", max_size=4))
def test_page_importer_ignores_trailing_whitespace_on_arbitrary_text(
    lines: list[str], tail: str
) -> None:
    # Whitespace at a line's end is what differs between PDF extractors; on arbitrary text
    # (not just generated pages) it must not change the articles.
    lines = [line.replace("\r", "").replace("\n", "") for line in lines]
    plain = "\n\n".join(line.rstrip() for line in lines)
    padded = "\n\n".join(line.rstrip() + tail for line in lines) + tail
    assert parse_page(plain, "p") == parse_page(padded, "p")


@settings(max_examples=200, deadline=None)
@given(_HOSTILE_TEXT)
def test_figure_finder_on_control_and_astral_text(text: str) -> None:
    previous_end = 0
    for figure in find_figures(text):
        assert previous_end <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
        previous_end = figure.end


@settings(max_examples=150, deadline=None)
@given(_HOSTILE_TEXT, st.one_of(st.integers(-5, 0), st.integers(10_000, 10**9)))
def test_line_breaker_with_degenerate_or_huge_widths(text: str, width: int) -> None:
    # tests/test_linebreak.py draws widths 1..200; these are the ones it does not.
    lines = break_lines(text, width)
    check_cover(text, lines, max(1, width))
    if width >= 10_000:
        assert len(lines) == text.count("\n") + 1  # nothing but hard breaks at a huge width
