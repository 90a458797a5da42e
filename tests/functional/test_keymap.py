"""The user's keymap file: rebinding by binding id, and bad files reported, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Article
from reader.state.keymap import read_keymap
from reader.ui.app import binding_owners
from reader.ui.keymap_check import binding_ids, check_keymap
from reader.ui.screens.reader import ReaderScreen
from tests.helpers.apps import build_app


def _write(app_dirs: dict[str, Path], text: str | bytes) -> Path:
    app_dirs["config"].mkdir(parents=True, exist_ok=True)
    path = app_dirs["config"] / "keymap.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_no_file_is_no_keymap_and_no_problem() -> None:
    assert read_keymap() == ({}, [])


def test_top_level_pairs_and_a_keymap_table(app_dirs) -> None:
    _write(app_dirs, '"reader.find" = "ctrl+g"\n')
    assert read_keymap() == ({"reader.find": "ctrl+g"}, [])
    _write(app_dirs, '[keymap]\n"reader.next-article" = "J, ctrl+n"\n')
    assert read_keymap() == ({"reader.next-article": "J,ctrl+n"}, [])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('"reader.find" = ', "not valid TOML"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        ('"reader.find" = 3\n', "needs keys as a string"),
    ],
    ids=["bad-toml", "binary", "not-a-string"],
)
def test_bad_files_are_one_line_problems(app_dirs, content, problem) -> None:
    path = _write(app_dirs, content)
    _, problems = read_keymap()
    assert len(problems) == 1 and problem in problems[0] and str(path) in problems[0]
    assert "\n" not in problems[0]


def test_unknown_ids_and_keys_are_left_out_with_a_message() -> None:
    known = binding_ids(binding_owners())
    assert {"reader.find", "reader.next-article", "app.quit"} <= known
    good, problems = check_keymap(
        {
            "reader.find": "ctrl+g",
            "reader.nope": "x",
            "app.quit": "ctrl+q,hyperdrive+q",
            "reader.search": "ctrl+slash",
        },
        known,
    )
    assert good == {"reader.find": "ctrl+g", "reader.search": "ctrl+slash"}
    assert any("'reader.nope'" in p for p in problems)
    assert any("hyperdrive+q" in p for p in problems)


@pytest.mark.asyncio
async def test_a_remapped_key_works_and_problems_are_notified(
    app_dirs, articles: list[Article]
) -> None:
    _write(app_dirs, '"reader.find" = "ctrl+g"\n"reader.nope" = "x"\n')
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("reader.nope" in m for m in messages)
        await pilot.press("ctrl+g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.find_bar is not None and screen.find_bar.display


@pytest.mark.asyncio
async def test_a_broken_keymap_file_leaves_the_default_keys(
    app_dirs, articles: list[Article]
) -> None:
    _write(app_dirs, "this is [not toml")
    app = build_app(articles)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any("not valid TOML" in n.message for n in app._notifications)
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.find_bar is not None and app.screen.find_bar.display
