"""Tests for the library index: import, both full-text paths, rebuilds, user state, writers."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.loader import bundled_articles_dir, load_paths
from reader.library import Library
from reader.library import schema as store_schema
from reader.search import sql as search_sql
from reader.search.fts import BIGRAM_TOKENIZER, bigram_tokens, expression
from reader.search.match import search
from tests.helpers.library import quick_annotator, write_md

ROOT = Path(__file__).resolve().parents[3]


def open_lib(tmp_path: Path, **kwargs: object) -> Library:
    return Library(tmp_path / "data", annotator=quick_annotator, workers=1, **kwargs)


def key(hits: list) -> list[tuple]:
    return [
        (
            h.article_id,
            h.where,
            h.block,
            h.start,
            h.end,
            h.hits,
            h.snippet,
            h.snippet_spans,
            h.in_title,
        )
        for h in hits
    ]


QUERIES = [
    "高新区",
    "高",
    "区",
    "珠海",
    "产业发展",
    '"1000 亿元"',
    "高新区 -珠海",
    "title:高新区",
    "企业 人才",
    "kind:photo",
    "-高新区",
    "source:hitech 园区",
    "-title:大连 创新",
    "亿元 项目",
    "国家级孵化器",
    "不存在的词语",
    "大 新",
    "１０００",
    "⼤连",
]


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = Library(tmp_path_factory.mktemp("lib"), annotator=quick_annotator, workers=1)
    result = lib.import_paths([bundled_articles_dir()])
    assert result.errors == [] and result.articles_added == lib.count() > 3
    return lib


@pytest.mark.parametrize("query", QUERIES)
def test_library_search_equals_in_memory_search(bundled: Library, query: str) -> None:
    articles = load_paths([bundled_articles_dir()]).articles
    assert key(bundled.search(query)) == key(search(articles, query))


def test_field_only_queries_equal_in_memory_search(bundled: Library) -> None:
    articles = load_paths([bundled_articles_dir()]).articles
    name = next(a.byline[0] for a in articles if a.byline)
    for query in (f"byline:{name}", f"-byline:{name}", "-kind:photo", "kind:article -kind:x",
                  f"byline:{name[:1]} kind:article"):
        assert key(bundled.search(query)) == key(search(articles, query)), query


def test_short_terms_need_their_own_index_sqlite_finds_nothing(bundled: Library) -> None:
    def trigram_count(pattern: str) -> int:
        sql = "SELECT count(*) FROM fts_tri WHERE fts_tri MATCH ?"
        return bundled.conn.execute(sql, (f'"{pattern}"',)).fetchone()[0]

    # The trap: the trigram index silently returns no rows for a two-character pattern...
    assert trigram_count("珠海") == 0
    assert trigram_count("珠海高") > 0
    # ...and so does LIKE on a trigram table that keeps its content (SQLite 3.40).
    mem = sqlite3.connect(":memory:")
    mem.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='trigram')")
    mem.execute("INSERT INTO t VALUES ('珠海高新区')")
    like = "SELECT count(*) FROM t WHERE text LIKE ?"
    assert mem.execute(like, ("%珠海高%",)).fetchone()[0] == 1
    if sqlite3.sqlite_version_info[:2] == (3, 40):  # the version measured in notes/perf.md
        assert mem.execute(like, ("%珠海%",)).fetchone()[0] == 0
    # ...while the library answers one- and two-character queries from the bigram index.
    assert bundled.search("珠海") and bundled.search("珠")
    assert {h.article_id for h in bundled.search("珠海")} == {
        h.article_id for h in bundled.search("珠海高新")
    }


def test_headline_hits_rank_first(bundled: Library) -> None:
    hits = bundled.search("高新区")
    flags = [h.in_title for h in hits]
    assert flags == sorted(flags, reverse=True)
    for group in (True, False):
        counts = [h.hits for h in hits if h.in_title is group]
        assert counts == sorted(counts, reverse=True)


def test_rank_budget_still_puts_headline_hits_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = open_lib(tmp_path)
    body = [{"title": f"报道{i}", "paragraphs": ["园区" * (i + 1) + "。"]} for i in range(30)]
    write_md(tmp_path / "a.md", {"title": "园区新闻", "paragraphs": ["园区。"]}, *body)
    lib.import_paths([tmp_path / "a.md"])
    monkeypatch.setattr(search_sql, "RANK_BUDGET", 5)
    hits = lib.search("园区", limit=3)
    assert hits[0].title == "园区新闻"
    # Only the budget's worth of body matches was ranked: the newest ones.
    assert [h.hits for h in hits[1:]] == [30, 29]


def test_reimport_costs_nothing_and_changed_file_replaces_articles(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    page = write_md(src / "p.md", {"title": "甲乙丙", "paragraphs": ["旧的内容在此。"]})
    lib = open_lib(tmp_path)
    assert lib.import_paths([src]).articles_added == 1
    again = lib.import_paths([src])
    assert (again.files_unchanged, again.files_imported, again.articles_added) == (1, 0, 0)
    os.utime(page, ns=(1, 1))  # touched, same bytes: the hash says unchanged
    touched = lib.import_paths([src])
    assert (touched.files_unchanged, touched.files_imported) == (1, 0)
    write_md(
        page,
        {"title": "甲乙丙", "paragraphs": ["新的文字。"]},
        {"title": "第二篇", "paragraphs": ["更多。"]},
    )
    changed = lib.import_paths([src])
    assert (changed.files_imported, changed.articles_removed, changed.articles_added) == (1, 1, 2)
    assert lib.count() == 2
    # The contentless indexes forgot the old text exactly (all three paths).
    assert lib.search("旧的内容") == [] and lib.search("旧的") == [] and lib.search("旧") == []
    assert [h.title for h in lib.search("新的")] == ["甲乙丙"]


def test_bad_files_are_one_line_errors_and_others_go_in(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    write_md(src / "good.md", {"title": "好文章", "paragraphs": ["内容。"]})
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\xff\xfe\x00" * 50)
    result = open_lib(tmp_path).import_paths([src, tmp_path / "nowhere.txt"])
    assert result.articles_added == 1
    assert len(result.errors) >= 2
    assert all("\n" not in e for e in result.errors)
    assert any("nowhere.txt" in e for e in result.errors)


def test_users_files_are_never_written(tmp_path: Path) -> None:
    page = write_md(tmp_path / "p.md", {"title": "只读", "paragraphs": ["内容。"]})
    page.chmod(0o444)
    before = (page.read_bytes(), page.stat().st_mtime_ns)
    lib = open_lib(tmp_path)
    lib.import_paths([page])
    lib.import_paths([page])
    assert (page.read_bytes(), page.stat().st_mtime_ns) == before


def _state_roundtrip(tmp_path: Path, damage: object) -> Library:
    page = write_md(
        tmp_path / "p.md",
        {"title": "标题一", "paragraphs": ["正文一。"]},
        {"title": "标题二", "paragraphs": ["正文二。"]},
    )
    lib = open_lib(tmp_path)
    lib.import_paths([page])
    first = lib.headlines(0, 1)[0].article_id
    lib.mark_read(first)
    lib.set_bookmark(first, note="稍后再读")
    lib.set_position(first, 0, 3)
    lib.close()
    damage(tmp_path / "data" / "library.sqlite3")  # type: ignore[operator]
    reopened = open_lib(tmp_path)
    assert reopened.count() == 2
    assert reopened.read_ids() == {first}
    assert reopened.bookmarks() == [(first, "稍后再读")]
    assert reopened.position(first) == (0, 3)
    assert reopened.search("正文二")
    return reopened


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 3])


def _old_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={store_schema.SCHEMA_VERSION + 7}")
    conn.close()


def _missing(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.mark.parametrize("damage", [_garbage, _truncate, _old_schema, _missing])
def test_unusable_library_is_rebuilt_keeping_user_state(tmp_path: Path, damage: object) -> None:
    lib = _state_roundtrip(tmp_path, damage)
    assert len(lib.notices) == 1 and "rebuilt from 1 file, 2 articles" in lib.notices[0]


def test_damaged_state_file_is_set_aside_not_fatal(tmp_path: Path) -> None:
    lib = open_lib(tmp_path)
    lib.mark_read("x")
    lib.close()
    (tmp_path / "data" / "state.sqlite3").write_bytes(b"not a database at all" * 100)
    reopened = open_lib(tmp_path)
    assert reopened.read_ids() == set()
    assert any("damaged" in n for n in reopened.notices)
    assert list((tmp_path / "data").glob("state.sqlite3.damaged-*"))


def test_figures_and_entities(bundled: Library) -> None:
    money = bundled.figures(kind="money", unit="元", min_value=1e10)
    assert money and all(f.value is not None and f.value >= 1e10 for f in money)
    values = [f.value for f in money]
    assert values == sorted(values, reverse=True)
    top = money[0]
    article = bundled.get(top.article_id)
    assert article is not None
    assert article.blocks[top.block].text[top.start : top.end] == top.text
    assert top.label and top.title == article.headline
    capped = bundled.figures(kind="money", max_value=1e9)
    assert all(f.value is not None and f.value <= 1e9 for f in capped)
    places = bundled.entities(type="place")
    assert places and all(e.type == "place" and e.articles >= 1 for e in places)
    named = bundled.articles_naming(places[0].text, "place")
    assert len(named) == places[0].articles
    ann = bundled.annotations(named[0].article_id)
    assert ann is not None and any(e.span.text == places[0].text for e in ann.entities)


def test_headlines_page_through_everything_in_date_order(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for day in (3, 1, 2):
        write_md(
            src / f"2023-05-0{day}-p1.md",
            *({"title": f"第{day}日{i}", "paragraphs": ["文。"]} for i in range(3)),
        )
    lib = open_lib(tmp_path)
    lib.import_paths([src])
    assert lib.count() == 9
    pages = [lib.headlines(offset, 4) for offset in (0, 4, 8)]
    rows = [r for page in pages for r in page]
    assert [len(p) for p in pages] == [4, 4, 1]
    assert [r.date for r in rows] == ["2023-05-03"] * 3 + ["2023-05-02"] * 3 + ["2023-05-01"] * 3
    assert [r.headline for r in rows[:3]] == ["第3日0", "第3日1", "第3日2"]


def test_import_uses_a_process_pool(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for n in range(4):
        write_md(src / f"p{n}.md", {"title": f"篇{n}", "paragraphs": [f"第{n}篇的内容。"]})
    lib = Library(tmp_path / "data", annotator=quick_annotator, workers=2)
    seen = []
    result = lib.import_paths([src], progress=seen.append)
    assert result.articles_added == 4 and result.errors == []
    assert [p.files_done for p in seen] == [1, 2, 3, 4]
    assert seen[-1].articles == 4


_WRITER = """
import sys
sys.path[:0] = [{root!r}]
from pathlib import Path
from reader.library import Library
from tests.helpers.library import quick_annotator
lib = Library(Path({data!r}), annotator=quick_annotator, workers=1)
result = lib.import_paths([{src!r}])
print(result.articles_added, len(result.errors))
"""


def test_two_processes_importing_at_once_do_not_corrupt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    sources = []
    for name in ("a", "b"):
        src = tmp_path / name
        src.mkdir()
        for n in range(40):
            write_md(
                src / f"{name}{n}.md",
                *(
                    {"title": f"{name}{n}号{i}", "paragraphs": [f"内容{name}{n}{i}。"]}
                    for i in range(5)
                ),
            )
        sources.append(src)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                _WRITER.format(
                    root=str(ROOT), data=str(data), src=str(src)
                ),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for src in (sources[0], sources[1], sources[0])  # the third overlaps the first
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    lib = open_lib(tmp_path)
    assert lib.notices == []
    assert lib.count() == 400
    assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lib.conn.execute("INSERT INTO fts_bi(fts_bi, rank) VALUES ('integrity-check', 0)")
    assert len(lib.search("号")) == 50
    assert [h.title for h in lib.search("b39号4")] == ["b39号4"]


# --- the command line ------------------------------------------------------------------


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """``reader.cli.main.main`` with a temporary data dir."""
    from reader.cli import main as cli_module

    monkeypatch.setenv("HITECH_READER_DATA_DIR", str(tmp_path / "data"))
    return cli_module.main


def test_cli_import_reports_bad_files_and_still_imports(
    cli,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    page = write_md(tmp_path / "p.md", {"title": "命令行导入", "paragraphs": ["投资 5 亿元。"]})
    assert cli(["import", str(page), str(tmp_path / "missing.txt")]) == 0
    err = capsys.readouterr().err
    assert "missing.txt" in err and "imported 1 article from 1 file" in err
    assert cli(["import", str(tmp_path / "missing.txt")]) == 1
    assert cli(["import", str(page)]) == 0  # unchanged: nothing to do is not a failure
    assert "1 unchanged" in capsys.readouterr().err
    assert cli(["search", "命令行", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["title"] for h in hits] == ["命令行导入"]


def test_cli_search_figures_entities_on_an_empty_library(
    cli,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    assert cli(["search", "高新区", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert "importing the bundled articles first" in captured.err
    assert captured.out.count("hits)") == 2
    assert cli(["search", "高新区 -珠海", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert "bundled" not in captured.err  # imported once, not again
    hits = json.loads(captured.out)
    assert hits and all("珠海" not in h["title"] for h in hits)
    assert cli(["figures", "--kind", "money", "--min", "1e10", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("value,unit,kind,label,text,article_id")
    assert len(lines) > 1 and all(float(line.split(",")[0]) >= 1e10 for line in lines[1:])
    assert cli(["figures", "--kind", "money", "--format", "json", "--limit", "3"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3
    assert cli(["entities", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {"text", "type", "articles"} <= set(rows[0])
    assert cli(["entities", "--type", "org", "--format", "text"]) == 0
    assert capsys.readouterr().out.strip()


# --- the bigram index on its own ---------------------------------------------------------

_ALPHABET = st.sampled_from(list("高新区园产业1０ ，。ａb\n"))


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=30).map("".join), st.data())
def test_bigram_index_finds_every_substring(text: str, data: st.DataObject) -> None:
    from reader.search.match import fold_text

    folded = fold_text(text)
    start = data.draw(st.integers(0, max(0, len(folded) - 1)))
    term = folded[start : start + data.draw(st.integers(1, 5))]
    conn = sqlite3.connect(":memory:")
    conn.execute(
        f'CREATE VIRTUAL TABLE b USING fts5(t, tokenize="{BIGRAM_TOKENIZER}",'
        " content='', prefix='1')"
    )
    conn.execute("INSERT INTO b(rowid, t) VALUES (1, ?)", (bigram_tokens(folded),))
    expr = expression([term], [], bigram=True)
    if expr is None:  # only spaces: nothing for an index to look up
        assert not term.strip()
        return
    found = conn.execute("SELECT rowid FROM b WHERE b MATCH ?", (expr,)).fetchall()
    assert found == [(1,)], (folded, term, expr)  # a substring is always a candidate
    if not any(ch.isspace() for ch in term):
        # Without spaces the index is exact, which NOT (exclusions) relies on.
        other = term + "区园"
        expr = expression([other], [], bigram=True)
        hit = conn.execute("SELECT rowid FROM b WHERE b MATCH ?", (expr,)).fetchall()
        assert bool(hit) == (other in folded)


_QUERY_WORDS = st.sampled_from(
    ["高新区", "珠海", "产业", "亿元", "1000", "-大连", "title:高新", "kind:photo", '"产业园"',
     "大", "⼤", "１０００", "-", ":", '"', "byline:", "source:articles"]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=12),
                 st.lists(_QUERY_WORDS, min_size=1, max_size=3).map(" ".join)))
def test_any_query_is_answered_as_the_in_memory_search_answers_it(
    bundled: Library, text: str
) -> None:
    """Any string is a query; the index finds exactly the articles the plain scan finds.

    The two paths (FTS candidates confirmed in SQL, and a Python scan of the loaded
    articles) must agree on what matches, for odd input as much as for real words.
    """
    articles = load_paths([bundled_articles_dir()]).articles
    hits = bundled.search(text, limit=50)
    expected = search(articles, text, limit=50)
    assert {h.article_id for h in hits} == {h.article_id for h in expected}, text
    # The same hit for each article, whichever path found it.
    expected_hits = {h.article_id: (h.hits, h.where, h.block, h.start, h.end) for h in expected}
    for hit in hits:
        assert (hit.hits, hit.where, hit.block, hit.start, hit.end) == expected_hits[
            hit.article_id
        ], text
        assert all(0 <= s < e <= len(hit.snippet) for s, e in hit.snippet_spans)


_OPENER = """
import sys
sys.path[:0] = [{root!r}]
from pathlib import Path
from reader.library import Library
from tests.helpers.library import quick_annotator
lib = Library(Path({data!r}), annotator=quick_annotator, workers=1)
print(lib.count(), len(lib.notices))
"""


def test_two_processes_opening_a_damaged_library_rebuild_it_once(tmp_path: Path) -> None:
    page = write_md(tmp_path / "p.md", *({"title": f"第{i}篇", "paragraphs": ["文。"]}
                                         for i in range(30)))
    lib = open_lib(tmp_path)
    lib.import_paths([page])
    lib.close()
    _garbage(tmp_path / "data" / "library.sqlite3")
    script = _OPENER.format(root=str(ROOT), data=str(tmp_path / "data"))
    procs = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    # One process found the damage and rebuilt; the other found a good library.
    notices = sorted(int(out.split()[1]) for out, _ in outputs)
    assert notices == [0, 1]
    final = open_lib(tmp_path)
    assert final.count() == 30 and final.notices == []
    assert final.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
