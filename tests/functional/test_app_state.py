"""The remembered state: read marks, bookmarks, positions, last article and theme, in SQLite."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.state.user import LEGACY_FILE, MIGRATED_SUFFIX, STATE_FILE, State


def test_missing_file_gives_empty_state(app_dirs: dict[str, Path]) -> None:
    state = State.load()
    assert state.read == set() and state.last_article is None and state.theme is None
    assert state.position("a#1") is None
    state.save()  # nothing to write: still nothing on disk
    assert not app_dirs["data"].exists()  # loading creates nothing


def test_round_trip_in_the_data_dir(app_dirs: dict[str, Path]) -> None:
    state = State.load()
    state.set_read("a#1")
    state.set_read("b#2")
    state.set_read("b#2", False)
    state.set_bookmark("c#3")
    state.set_position("a#1", 4, 17)
    state.last_article = "a#1"
    state.theme = "textual-light"
    state.save()
    # The WAL is folded back when the file is closed: one file, no temp left; beside it the
    # folder of daily backups, with the one taken when the file was first opened.
    assert [p.name for p in app_dirs["data"].iterdir() if p.is_file()] == [STATE_FILE]
    assert [p.suffix for p in (app_dirs["data"] / "state-backups").iterdir()] == [".sqlite3"]
    again = State.load()
    assert again.is_read("a#1") and not again.is_read("b#2")
    assert again.is_bookmarked("c#3") and not again.is_bookmarked("a#1")
    assert again.position("a#1") == (4, 17) and again.position("b#2") is None
    assert again.last_article == "a#1" and again.theme == "textual-light"


def test_marks_are_written_as_they_are_made() -> None:
    state = State.load()
    state.set_read("a#1")
    state.set_bookmark("a#1")
    # Another copy of the app sees them before this one saves (or if it crashes).
    other = State.load()
    assert other.is_read("a#1") and other.is_bookmarked("a#1")
    state.close()
    other.close()


def test_two_copies_at_once_keep_each_others_marks() -> None:
    first, second = State.load(), State.load()
    for n in range(20):
        first.set_read(f"first#{n}")
        second.set_read(f"second#{n}")
    first.last_article = "first#0"
    second.theme = "textual-light"
    first.save()
    second.save()
    merged = State.load()
    assert {f"first#{n}" for n in range(20)} | {f"second#{n}" for n in range(20)} <= merged.read
    assert merged.last_article == "first#0" and merged.theme == "textual-light"


WRITER = """
import sys
from reader.state.user import State
state = State.load()
for n in range(int(sys.argv[2])):
    state.set_read(f"{sys.argv[1]}#{n}")
    state.set_bookmark(f"{sys.argv[1]}#{n}", n % 2 == 0)
state.save()
"""


def test_two_processes_writing_at_once_lose_nothing(app_dirs: dict[str, Path]) -> None:
    root = Path(__file__).resolve().parents[2]
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, name, "150"], cwd=root)
        for name in ("left", "right")
    ]
    assert [proc.wait(timeout=120) for proc in procs] == [0, 0]
    state = State.load()
    for name in ("left", "right"):
        assert {f"{name}#{n}" for n in range(150)} <= state.read
        assert {f"{name}#{n}" for n in range(0, 150, 2)} == {
            b for b in state.bookmarks if b.startswith(name)
        }
    state.close()


def test_damaged_file_is_set_aside_and_a_new_one_started(app_dirs: dict[str, Path]) -> None:
    app_dirs["data"].mkdir(parents=True)
    (app_dirs["data"] / STATE_FILE).write_bytes(b"not a database at all" * 200)
    state = State.load()
    assert state.read == set() and state.theme is None
    assert any("damaged" in notice for notice in state.notices)
    assert list(app_dirs["data"].glob(f"{STATE_FILE}.damaged-*"))  # kept for the user
    state.set_read("x")
    state.save()
    assert State.load().is_read("x")


def _legacy(data: Path, payload: object) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    path = data / LEGACY_FILE
    path.write_text(json.dumps(payload) if not isinstance(payload, str) else payload, "utf-8")
    return path


def test_an_old_json_state_is_imported_once_and_kept(app_dirs: dict[str, Path]) -> None:
    legacy = _legacy(app_dirs["data"], {
        "read": ["a#1", "b#2"], "bookmarks": ["b#2"], "last_article": "b#2",
        "theme": "textual-light",
    })
    state = State.load()
    assert state.is_read("a#1") and state.is_read("b#2") and state.is_bookmarked("b#2")
    assert state.last_article == "b#2" and state.theme == "textual-light"
    assert not legacy.exists()
    assert legacy.with_name(LEGACY_FILE + MIGRATED_SUFFIX).is_file()  # renamed, not deleted
    state.set_read("a#1", False)  # the user moves on...
    state.save()
    again = State.load()  # ...and loading again does not bring the old mark back
    assert not again.is_read("a#1") and again.is_read("b#2")


def test_an_old_json_state_never_replaces_newer_marks(app_dirs: dict[str, Path]) -> None:
    state = State.load()
    state.theme = "textual-dark"
    state.save()
    _legacy(app_dirs["data"], {"read": ["a#1"], "theme": "textual-light"})
    again = State.load()
    assert again.is_read("a#1") and again.theme == "textual-dark"


@pytest.mark.parametrize("junk", ["{not json", "[1, 2]", '{"read": 5, "theme": 3}'])
def test_an_unusable_json_state_is_left_alone(app_dirs: dict[str, Path], junk: str) -> None:
    legacy = _legacy(app_dirs["data"], junk)
    state = State.load()
    assert state.read == set() and state.theme is None
    if junk.startswith("{\"read\""):
        # A dict with wrong fields: what can be read (nothing) is imported, then renamed.
        assert not legacy.exists()
    else:
        assert legacy.read_text("utf-8") == junk


def test_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "s.sqlite3"
    state = State.load(path)
    state.set_read("z")
    state.save()
    assert path.is_file() and State.load(path).is_read("z")


def test_a_failed_write_is_reported_at_save_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    state = State.load(blocker / STATE_FILE)
    state.set_read("a#1")  # cannot be written: kept for this run, no exception
    assert state.is_read("a#1")
    with pytest.raises(OSError):
        state.save()


def test_plain_file_mode_and_the_library_share_one_set_of_marks(
    app_dirs: dict[str, Path],
) -> None:
    from reader.library import Library

    state = State.load()
    state.set_read("page.txt#1")
    state.set_bookmark("page.txt#2")
    state.save()
    with Library(app_dirs["data"], workers=1) as library:
        assert "page.txt#1" in library.read_ids()
        assert [article_id for article_id, _ in library.bookmarks()] == ["page.txt#2"]
        library.mark_read("page.txt#3")
    assert State.load().is_read("page.txt#3")


def test_a_newer_state_file_is_read_and_never_rewritten(app_dirs: dict[str, Path]) -> None:
    import sqlite3

    from reader.state.user import STATE_VERSION

    state = State.load()
    state.set_read("a#1")
    state.set_position("a#1", 2, 5)
    state.theme = "textual-light"
    state.save()
    path = app_dirs["data"] / STATE_FILE
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ALTER TABLE bookmarks RENAME TO bookmarks_v2")  # reshaped by that version
    conn.execute(f"PRAGMA user_version={STATE_VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    newer = State.load()
    assert newer.is_read("a#1") and newer.position("a#1") == (2, 5)
    assert newer.theme == "textual-light"
    assert any("newer" in notice for notice in newer.notices)
    newer.set_read("b#2")  # works for this run, in memory
    newer.last_article = "b#2"
    assert newer.is_read("b#2")
    newer.save()  # not an error: the notice said so
    assert path.read_bytes() == before
    assert not list(app_dirs["data"].glob(f"{STATE_FILE}.damaged-*"))


@pytest.mark.skipif(
    hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0,
    reason="chmod cannot stop root",
)
def test_a_read_only_state_file_is_not_taken_for_damage(app_dirs: dict[str, Path]) -> None:
    state = State.load()
    state.set_read("a#1")
    state.save()
    path = app_dirs["data"] / STATE_FILE
    path.chmod(0o444)
    try:
        again = State.load()
        assert not list(app_dirs["data"].glob(f"{STATE_FILE}.damaged-*"))
        assert path.exists()
        again.set_read("b#2")  # kept for this run
        with pytest.raises(OSError):
            again.save()
    finally:
        path.chmod(0o644)
    assert State.load().is_read("a#1")


def test_a_locked_state_file_is_not_taken_for_damage(
    app_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import reader.state.db

    state = State.load()
    state.set_read("a#1")
    state.save()
    path = app_dirs["data"] / STATE_FILE
    monkeypatch.setattr(reader.state.db, "BUSY_TIMEOUT_MS", 50)  # give up at once
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        again = State.load()
        assert again.is_read("a#1")
        again.set_read("b#2")  # cannot be written now: kept for this run, no exception
        assert again.is_read("b#2")
        with pytest.raises(OSError, match="locked"):
            again.save()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(app_dirs["data"].glob(f"{STATE_FILE}.damaged-*"))
    assert State.load().is_read("a#1")
