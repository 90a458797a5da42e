"""Losing the state file, the library index or both costs at most a day of marks, never the
list of imported files (issue 14): rotating backups of the state, restored from the newest
good one with a notice, and a second list of sources inside the library itself."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from reader.library import Library
from reader.library.library_import import library_sources
from reader.library.sqlite import LIBRARY_FILE, STATE_FILE
from reader.state import backup
from reader.state.user import UserStore
from tests.helpers.library import quick_annotator, write_md


def _open(data: Path) -> Library:
    return Library(data, annotator=quick_annotator, workers=1)


def _garbage(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(os.urandom(4096))


def _library_with_marks(tmp_path: Path) -> tuple[Path, list[Path], str]:
    """A library of two imported pages with one article read; returns (data, pages, id)."""
    (tmp_path / "src").mkdir()
    pages = [
        write_md(tmp_path / "src" / f"p{n}.md",
                 {"title": f"第{n}版头条", "paragraphs": [f"第{n}版正文，投资{n + 1}亿元。"]},
                 {"title": f"第{n}版二条", "paragraphs": [f"第{n}版另一篇。"]})
        for n in range(2)
    ]
    data = tmp_path / "data"
    lib = _open(data)
    lib.import_paths([tmp_path / "src"])  # new sources: a backup is taken at once
    first = lib.headlines(0, 1)[0].article_id
    lib.mark_read(first)
    lib.state.back_up()  # the daily backup, taken after the mark
    lib.close()
    return data, pages, first


def test_backups_are_taken_once_a_day_and_rotate(tmp_path: Path) -> None:
    store = UserStore(tmp_path / STATE_FILE, [])
    folder = backup.folder_for(store.path)
    assert len(backup.backups(folder)) == 1  # taken when the store was first opened
    now = time.time()
    assert backup.take(store.conn, folder, now=now + 3600) is None  # newest is < a day old
    assert backup.take(store.conn, folder, now=now + 2 * 86400) is not None
    for hour in range(8):
        store.set_read(f"a{hour}")
        backup.take(store.conn, folder, now=now + 3 * 86400 + hour * 3600, force=True)
    kept = backup.backups(folder)
    assert len(kept) == backup.KEEP
    # The newest are kept, and each is a whole database with the marks of its time.
    newest = sqlite3.connect(kept[0])
    assert {r[0] for r in newest.execute("SELECT article_id FROM read")} == {
        f"a{h}" for h in range(8)}
    newest.close()
    assert not list(folder.glob("*.partial"))
    store.close()


def test_a_damaged_state_is_restored_from_the_newest_good_backup(tmp_path: Path) -> None:
    path = tmp_path / STATE_FILE
    store = UserStore(path, [])
    folder = backup.folder_for(path)
    store.set_read("older")
    backup.take(store.conn, folder, force=True)
    store.set_read("newer")
    newest = backup.take(store.conn, folder, force=True)
    store.set_read("after the last backup")
    store.close()
    assert newest is not None
    _garbage(newest)  # the newest backup is damaged too: skipped
    _garbage(path)
    notices: list[str] = []
    reopened = UserStore(path, notices)
    assert reopened.read_ids() == {"older"}
    assert reopened.restored
    assert any("restored from a backup" in n for n in notices)
    assert any(newest.name in n and "skipped" in n for n in notices)
    assert any("restored the reading state from its backup" in n for n in notices)
    assert list(tmp_path.glob(f"{STATE_FILE}.damaged-*"))  # the damaged file is kept
    reopened.close()


def test_state_damaged_library_intact(tmp_path: Path) -> None:
    data, pages, first = _library_with_marks(tmp_path)
    _garbage(data / STATE_FILE)
    lib = _open(data)
    assert lib.read_ids() == {first}
    assert sorted(lib.state.sources()) == sorted(str(p.resolve()) for p in pages)
    assert lib.count() == 4
    assert any("restored" in n for n in lib.notices)
    lib.close()


def test_state_and_its_backups_lost_library_gives_back_the_sources(tmp_path: Path) -> None:
    data, pages, _first = _library_with_marks(tmp_path)
    _garbage(data / STATE_FILE)
    for old in backup.backups(backup.folder_for(data / STATE_FILE)):
        old.unlink()
    lib = _open(data)
    assert sorted(lib.state.sources()) == sorted(str(p.resolve()) for p in pages)
    assert any("list of imported files was restored from the library" in n for n in lib.notices)
    lib.close()
    # The list is in the state file again: the library can now be lost as well.
    _garbage(data / LIBRARY_FILE)
    again = _open(data)
    assert again.count() == 4
    again.close()


def test_library_damaged_state_intact(tmp_path: Path) -> None:
    data, pages, first = _library_with_marks(tmp_path)
    _garbage(data / LIBRARY_FILE)
    lib = _open(data)
    assert lib.count() == 4 and lib.read_ids() == {first}
    assert any("rebuilt from 2 files" in n for n in lib.notices)
    assert sorted(library_sources(lib.conn)) == sorted(str(p.resolve()) for p in pages)
    lib.close()


def test_both_damaged_lose_nothing_but_marks_after_the_backup(tmp_path: Path) -> None:
    data, pages, first = _library_with_marks(tmp_path)
    lib = _open(data)
    lib.mark_read(lib.headlines(1, 1)[0].article_id)  # after the last backup: lost
    lib.close()
    _garbage(data / STATE_FILE)
    _garbage(data / LIBRARY_FILE)
    lib = _open(data)
    assert lib.count() == 4
    assert lib.read_ids() == {first}
    assert sorted(lib.state.sources()) == sorted(str(p.resolve()) for p in pages)
    notes = " | ".join(lib.notices)
    assert "restored from a backup" in notes and "rebuilt from 2 files" in notes, notes
    lib.close()


def test_importing_new_files_backs_the_list_up_at_once(tmp_path: Path) -> None:
    data, _pages, _first = _library_with_marks(tmp_path)
    extra = write_md(tmp_path / "later.md", {"title": "后来的", "paragraphs": ["后来导入。"]})
    lib = _open(data)
    lib.import_paths([extra])
    lib.close()
    _garbage(data / STATE_FILE)
    _garbage(data / LIBRARY_FILE)
    lib = _open(data)
    assert str(extra.resolve()) in lib.state.sources()
    assert lib.search("后来导入")
    lib.close()
