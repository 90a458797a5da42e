"""Two copies of the app open on one state file: the next start restores the last article
of the copy that quit last, whichever article the other one showed or wrote before."""

from __future__ import annotations

from pathlib import Path

from reader.state.user import State


def test_the_copy_that_quits_last_is_restored(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    first = State.load(path)
    first.last_article = "a.txt#1"
    first.save()
    one, two = State.load(path), State.load(path)
    assert one.last_article == two.last_article == "a.txt#1"
    one.last_article = "b.txt#2"
    two.last_article = "a.txt#1"  # still on the article it opened at
    one.save()
    two.save()  # quits last: its article, although the same as what it read at start
    assert State.load(path).last_article == "a.txt#1"


def test_either_order_of_quitting(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    one, two = State.load(path), State.load(path)
    one.last_article, two.last_article = "x#1", "y#1"
    two.save()
    one.save()
    assert State.load(path).last_article == "x#1"


def test_a_copy_that_showed_nothing_writes_no_last_article(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    seed = State.load(path)
    seed.last_article = "old#1"
    seed.save()
    one, idle = State.load(path), State.load(path)
    one.last_article = "new#1"
    one.save()
    idle.save()  # quits last, but showed no article: must not put back the one it read
    assert State.load(path).last_article == "new#1"
    assert not (tmp_path / "other.sqlite3").exists()
    State.load(tmp_path / "other.sqlite3").save()
    assert not (tmp_path / "other.sqlite3").exists()  # nothing shown, no file made


def test_a_theme_is_written_only_by_the_copy_that_changed_it(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    one, two = State.load(path), State.load(path)
    one.theme = "nord"
    one.save()
    two.save()
    assert State.load(path).theme == "nord"
