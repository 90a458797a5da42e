"""State that breaks (issue 6): a newer version's databases, a read-only data folder, a full
disk during an import, and an import killed half-way.

The library database is a cache of the user's files: when this program cannot use it, it is
rebuilt with a notice. The reading state (read marks, bookmarks, positions) is the user's:
it is never rewritten or set aside because it comes from a newer version. A disk that cannot
be written stops what needs writing with one line, not a traceback, and leaves every file
consistent, so that the next run finishes the job. Each case runs through the store API and
through ``reader.cli.main.main`` (the library commands, with a quick annotator so jieba stays out);
the killed import runs the real command in a subprocess.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.library import Library
from reader.library import schema as store_schema
from reader.library.sqlite import LIBRARY_FILE, STATE_FILE, LibraryError
from reader.library.user_state import STATE_VERSION
from tests.helpers.library import quick_annotator, write_md

ROOT = Path(__file__).resolve().parents[3]
#: chmod cannot stop root: those cases run where tests are not root, and a simulated
#: variant of each runs everywhere.
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def write_pages(folder: Path, count: int, per_file: int = 3, tag: str = "页") -> list[Path]:
    """``count`` Markdown files of ``per_file`` articles, each title unique."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_md(
            folder / f"p{n:03d}.md",
            *(
                {"title": f"第{n}{tag}{i}号", "paragraphs": [f"第{n}{tag}第{i}篇，投资{n}亿元。"]}
                for i in range(per_file)
            ),
        )
        for n in range(count)
    ]


def open_lib(data: Path) -> Library:
    return Library(data, annotator=quick_annotator, workers=1)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and mtime of every file in ``folder``: what "nothing was touched" compares."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def assert_consistent(lib: Library) -> None:
    """SQLite's own checks on the tables and on every full-text index."""
    assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("fts_tri", "fts_bi", "fts_meta"):
        lib.conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")
    ids = lib.conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    assert ids[0] == ids[1]


@pytest.fixture
def data(app_dirs: dict[str, Path]) -> Path:
    """The data folder the CLI uses (set by conftest through HITECH_READER_DATA_DIR)."""
    return app_dirs["data"]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., tuple[int, str, str]]:
    """``reader.main.main`` → (exit code, stdout, stderr); the library annotates quickly."""
    from reader import library as store
    from reader import main as cli_module

    monkeypatch.setattr(
        store, "Library", functools.partial(Library, annotator=quick_annotator, workers=1)
    )

    def run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        code = cli_module.main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


# --- a database from a newer version ---------------------------------------------------------


def _from_newer_library(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE what_the_next_version_added(x)")
    conn.execute(f"PRAGMA user_version={store_schema.SCHEMA_VERSION + 1}")
    conn.close()


def _from_newer_state(path: Path, drop: str | None = None) -> None:
    """Make ``path`` look written by a newer version: a new version, table and column."""
    conn = sqlite3.connect(path, isolation_level=None)  # autocommit: every change stays
    conn.execute("CREATE TABLE highlights(article_id TEXT, start INTEGER)")
    conn.execute("INSERT INTO highlights VALUES ('x', 1)")
    conn.execute("ALTER TABLE read ADD COLUMN device TEXT")
    if drop:
        conn.execute(f"ALTER TABLE {drop} RENAME TO {drop}_v2")
    conn.execute(f"PRAGMA user_version={STATE_VERSION + 1}")
    conn.close()


def _library_with_marks(tmp_path: Path, data: Path) -> tuple[Path, str]:
    page = write_md(
        tmp_path / "p.md",
        {"title": "标题一", "paragraphs": ["正文一。"]},
        {"title": "标题二", "paragraphs": ["正文二。"]},
    )
    with open_lib(data) as lib:
        lib.import_paths([page])
        first = lib.headlines(0, 1)[0].article_id
        lib.mark_read(first)
        lib.set_bookmark(first, note="稍后")
        lib.set_position(first, 0, 3)
    return page, first


def test_a_newer_library_is_rebuilt_with_one_notice_keeping_marks(tmp_path: Path, data: Path):
    _page, first = _library_with_marks(tmp_path, data)
    _from_newer_library(data / LIBRARY_FILE)
    with open_lib(data) as lib:
        assert len(lib.notices) == 1
        assert "newer hitech-reader" in lib.notices[0] and "rebuilt from 1 file" in lib.notices[0]
        assert lib.count() == 2 and lib.search("正文二")
        assert lib.read_ids() == {first} and lib.bookmarks() == [(first, "稍后")]
        assert_consistent(lib)


def test_cli_search_and_import_rebuild_a_newer_library_in_one_line(
    tmp_path: Path, data: Path, cli, capsys
) -> None:
    page = write_md(tmp_path / "p.md", {"title": "命令行", "paragraphs": ["新版本的库。"]})
    assert cli("import", str(page), capsys=capsys)[0] == 0
    _from_newer_library(data / LIBRARY_FILE)
    code, out, err = cli("search", "新版本", "--format", "json", capsys=capsys)
    assert code == 0 and [h["title"] for h in json.loads(out)] == ["命令行"]
    assert len(error_lines(err)) == 1 and "newer hitech-reader" in err and "rebuilt" in err
    _from_newer_library(data / LIBRARY_FILE)
    code, _out, err = cli("import", str(page), capsys=capsys)
    lines = error_lines(err)
    assert code == 0 and "rebuilt" in lines[0] and "1 unchanged" in lines[-1]
    assert len(lines) == 2 and "Traceback" not in err


@pytest.mark.parametrize("drop", [None, "bookmarks"])
def test_a_newer_state_file_is_read_and_left_exactly_as_it_was(
    tmp_path: Path, data: Path, drop: str | None
) -> None:
    _page, first = _library_with_marks(tmp_path, data)
    _from_newer_state(data / STATE_FILE, drop)
    before = snapshot(data)
    with open_lib(data) as lib:
        notes = [n for n in lib.notices if STATE_FILE in n]
        assert len(notes) == 1 and "newer" in notes[0] and "not be saved" in notes[0], lib.notices
        assert ("bookmarks" in notes[0]) == (drop == "bookmarks")
        assert lib.read_ids() == {first} and lib.position(first) == (0, 3)
        assert lib.bookmarks() == ([] if drop else [(first, "稍后")])
        # This run's marks work, in memory.
        lib.mark_read("another")
        assert lib.read_ids() == {first, "another"}
    after = snapshot(data)
    assert after[STATE_FILE] == before[STATE_FILE]
    assert not list(data.glob(f"{STATE_FILE}.damaged-*"))
    with open_lib(data) as lib:
        assert lib.read_ids() == {first}  # nothing was written into the newer file


def test_a_newer_state_file_still_drives_a_rebuild(tmp_path: Path, data: Path) -> None:
    _page, first = _library_with_marks(tmp_path, data)
    _from_newer_state(data / STATE_FILE)
    (data / LIBRARY_FILE).write_bytes(b"garbage" * 2000)
    with open_lib(data) as lib:
        assert lib.count() == 2 and lib.read_ids() == {first}
        assert any("rebuilt from 1 file, 2 articles" in n for n in lib.notices)


def test_cli_with_a_newer_state_file_says_so_once_and_leaves_it(
    tmp_path: Path, data: Path, cli, capsys
) -> None:
    page, _first = _library_with_marks(tmp_path, data)
    _from_newer_state(data / STATE_FILE)
    state_before = (data / STATE_FILE).read_bytes()
    other = write_md(tmp_path / "q.md", {"title": "另一篇", "paragraphs": ["新的内容。"]})
    code, _out, err = cli("import", str(page), str(other), capsys=capsys)
    lines = error_lines(err)
    assert code == 0 and len(lines) == 2, lines
    assert "newer hitech-reader" in lines[0] and "imported 1 article " in lines[1]
    code, out, err = cli("search", "新的", "--format", "json", capsys=capsys)
    assert code == 0 and [h["title"] for h in json.loads(out)] == ["另一篇"]
    assert len(error_lines(err)) == 1
    assert (data / STATE_FILE).read_bytes() == state_before


# --- a data folder that cannot be written ----------------------------------------------------


def test_import_into_a_data_folder_under_a_file_is_one_line(
    tmp_path: Path, cli, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HITECH_READER_DATA_DIR", str(blocker / "data"))
    page = write_md(tmp_path / "p.md", {"title": "页", "paragraphs": ["文。"]})
    for args in (("import", str(page)), ("search", "文"), ("--library",)):
        code, out, err = cli(*args, capsys=capsys)
        lines = error_lines(err)
        assert code == 1 and out == "" and len(lines) == 1, (args, lines)
        assert str(blocker / "data") in lines[0] and "HITECH_READER_DATA_DIR" in lines[0]
    assert blocker.read_text() == "not a folder"


def test_sqlite_refusing_to_write_is_one_line_and_touches_nothing(
    tmp_path: Path, data: Path, cli, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    page, first = _library_with_marks(tmp_path, data)
    before = snapshot(data)

    def readonly(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    with monkeypatch.context() as patch:
        patch.setattr(sqlite3, "connect", readonly)
        for args in (("import", str(page)), ("search", "正文")):
            code, out, err = cli(*args, capsys=capsys)
            lines = error_lines(err)
            assert code == 1 and out == "" and len(lines) == 1, lines
            assert "readonly" in lines[0] and "Traceback" not in err
        with pytest.raises(LibraryError):
            open_lib(data)
    # Refused writes are not damage: nothing was set aside, deleted or rebuilt.
    assert {k: v for k, v in snapshot(data).items() if k != "library.lock"} == {
        k: v for k, v in before.items() if k != "library.lock"
    }
    with open_lib(data) as lib:
        assert lib.notices == [] and lib.read_ids() == {first} and lib.count() == 2


@pytest.mark.skipif(AS_ROOT, reason="chmod does not stop root (the simulated cases above run)")
@pytest.mark.parametrize("existing", [False, True], ids=["empty", "with-library"])
def test_a_read_only_data_folder_is_one_line(
    tmp_path: Path, data: Path, cli, capsys, existing: bool
) -> None:
    page = write_md(tmp_path / "p.md", {"title": "只读", "paragraphs": ["只读目录。"]})
    if existing:
        _library_with_marks(tmp_path, data)
    data.mkdir(parents=True, exist_ok=True)
    before = snapshot(data)
    data.chmod(0o555)
    try:
        for args in (("import", str(page)), ("search", "只读")):
            code, _out, err = cli(*args, capsys=capsys)
            lines = error_lines(err)
            assert code == 1 and len(lines) == 1 and "Traceback" not in err, lines
            assert str(data) in lines[0]
    finally:
        data.chmod(0o755)
    assert snapshot(data) == before


@pytest.mark.asyncio
async def test_the_app_opens_files_given_when_the_data_folder_is_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.model import Annotations
    from reader.state.user import State
    from reader.ui.app import make_app
    from reader.ui.widgets.article_view import ArticleView
    from tests.helpers.data.make_bad import PAGE

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HITECH_READER_DATA_DIR", str(blocker / "data"))
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    app = make_app([page], state=State.load(), theme="textual-dark",
                   annotator=lambda article: Annotations())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.article is not None and view.article.title == "科技园区发展提速"
        await pilot.press("m")  # a mark that cannot be saved is kept for this run
        await pilot.pause()
        assert app.is_running
    assert app.save_error is not None and "\n" not in app.save_error
    assert blocker.read_text() == "not a folder"


# --- a full disk during an import ------------------------------------------------------------


def _fill_up(conn: sqlite3.Connection, headroom: int) -> None:
    """Let the database grow by ``headroom`` pages at most: SQLite's own SQLITE_FULL."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages + headroom}")


def test_a_full_disk_stops_the_import_cleanly_and_the_next_one_finishes(
    tmp_path: Path, data: Path
) -> None:
    files = write_pages(tmp_path / "src", 100)
    lib = open_lib(data)
    assert lib.import_paths(files[:2]).articles_added == 6
    first = lib.headlines(0, 1)[0].article_id
    lib.mark_read(first)
    _fill_up(lib.conn, 120)
    result = lib.import_paths(files)
    assert result.stopped is not None and "database or disk is full" in result.stopped
    assert "\n" not in result.stopped
    # The batches committed before the failure are whole and counted; nothing else is in.
    assert 0 < result.files_imported < 98
    assert lib.count() == 3 * (2 + result.files_imported)
    assert_consistent(lib)
    assert lib.search("第1页2号") and lib.read_ids() == {first}
    lib.conn.execute("PRAGMA max_page_count=1073741823")  # space freed
    again = lib.import_paths(files)
    assert again.stopped is None and again.errors == []
    assert again.files_unchanged == 2 + result.files_imported
    assert lib.count() == 300 and len(lib.search("第99页0号")) == 1
    assert_consistent(lib)
    lib.close()


def test_cli_import_on_a_full_disk_is_one_line_and_fails(
    tmp_path: Path, data: Path, cli, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = write_pages(tmp_path / "src", 80)
    assert cli("import", str(files[0]), capsys=capsys)[0] == 0
    with Library(data) as lib:
        lib.mark_read(lib.headlines(0, 1)[0].article_id)
    connect = store_schema.connect

    def full_soon(path: Path) -> sqlite3.Connection:
        conn = connect(path)
        _fill_up(conn, 40)
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(store_schema, "connect", full_soon)
        code, _out, err = cli("import", str(tmp_path / "src"), capsys=capsys)
    stopped = [line for line in error_lines(err) if "full" in line]
    assert code == 1 and len(stopped) == 1 and "import again" in stopped[0]
    assert "Traceback" not in err
    code, _out, err = cli("import", str(tmp_path / "src"), capsys=capsys)
    assert code == 0 and "full" not in err
    with Library(data) as lib:
        assert lib.count() == 240 and len(lib.read_ids()) == 1
        assert_consistent(lib)


# --- an import killed half-way ---------------------------------------------------------------


def _committed_files(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM files").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet, or busy being created


def test_an_import_killed_half_way_recovers_on_the_next_run(tmp_path: Path, data: Path) -> None:
    total = 160
    write_pages(tmp_path / "src", total)
    first_page = write_md(tmp_path / "first.md", {"title": "先读的", "paragraphs": ["已读。"]})
    with open_lib(data) as lib:
        lib.import_paths([first_page])
        marked = lib.headlines(0, 1)[0].article_id
        lib.mark_read(marked)
        lib.set_bookmark(marked)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "reader.cli", "import", str(tmp_path / "src")]
    # A session of its own, so the kill reaches the worker processes too (as closing the
    # terminal would), and none is left running.
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _committed_files(data / LIBRARY_FILE) < 2 and proc.poll() is None:
            assert time.monotonic() < deadline, "the import never committed anything"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.stderr is not None
        proc.stderr.close()
    committed = _committed_files(data / LIBRARY_FILE) - 1
    assert 0 < committed < total, "killed too late to test anything"
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"({committed} unchanged, 0 failed)" in rerun.stderr
    with open_lib(data) as lib:
        assert lib.notices == []
        assert lib.count() == 3 * total + 1
        assert_consistent(lib)
        assert lib.read_ids() == {marked} and lib.bookmarks() == [(marked, None)]
        assert [h.title for h in lib.search("第159页2号")] == ["第159页2号"]
