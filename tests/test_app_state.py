"""The remembered state: read marks, last article, theme, in the data dir."""

from __future__ import annotations

from pathlib import Path

from reader.state import STATE_FILE, State


def test_missing_file_gives_empty_state(app_dirs: dict[str, Path]) -> None:
    state = State.load()
    assert state.read == set() and state.last_article is None and state.theme is None
    assert not app_dirs["data"].exists()  # loading creates nothing


def test_round_trip_in_the_data_dir(app_dirs: dict[str, Path]) -> None:
    state = State.load()
    state.set_read("a#1")
    state.set_read("b#2")
    state.set_read("b#2", False)
    state.last_article = "a#1"
    state.theme = "textual-light"
    state.save()
    assert (app_dirs["data"] / STATE_FILE).is_file()
    assert [p.name for p in app_dirs["data"].iterdir()] == [STATE_FILE]  # no temp left
    again = State.load()
    assert again.is_read("a#1") and not again.is_read("b#2")
    assert again.last_article == "a#1" and again.theme == "textual-light"


def test_damaged_file_is_ignored_then_replaced(app_dirs: dict[str, Path]) -> None:
    app_dirs["data"].mkdir(parents=True)
    target = app_dirs["data"] / STATE_FILE
    for junk in ("{not json", "[1, 2]", '{"read": 5, "theme": 3}'):
        target.write_text(junk, encoding="utf-8")
        state = State.load()
        assert state.read == set() and state.theme is None
    state.set_read("x")
    state.save()
    assert State.load().is_read("x")


def test_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "s.json"
    state = State.load(path)
    state.set_read("z")
    state.save()
    assert path.is_file() and State.load(path).is_read("z")
