"""Library mode: two copies of the app on one library share its state file; the last
article restored is that of the copy that quit last."""

from __future__ import annotations

from pathlib import Path

from reader.library.sqlite import Library
from reader.library.sqlite_source import SqliteSource
from reader.state.user import State


def _open(tmp_path: Path) -> SqliteSource:
    return SqliteSource(Library(tmp_path / "library", workers=1), State(tmp_path / "app.sqlite3"))


def test_the_copy_that_quits_last_is_restored(tmp_path: Path) -> None:
    seed = _open(tmp_path)
    seed.state.last_article = "p.txt#1"
    seed.state.save()
    seed.close()
    one, two = _open(tmp_path), _open(tmp_path)
    assert one.state.last_article == two.state.last_article == "p.txt#1"
    one.state.last_article = "p.txt#3"
    two.state.last_article = "p.txt#1"
    one.state.save()
    two.state.save()
    one.close()
    two.close()
    again = _open(tmp_path)
    assert again.state.last_article == "p.txt#1"
    idle = _open(tmp_path)
    again.state.last_article = "q.txt#2"
    again.state.save()
    idle.state.save()  # showed nothing: leaves the other copy's article
    again.close()
    idle.close()
    final = _open(tmp_path)
    assert final.state.last_article == "q.txt#2"
    final.close()
