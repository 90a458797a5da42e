"""The app through the command line: ``hitech-reader PATH... --screenshot FILE``."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.main import main
from reader.state.user import State
from reader.ui.app import make_app
from reader.ui.widgets.article_view import ArticleView
from tests.helpers.apps import SAMPLE_PAGE


def test_cli_opens_paths_and_saves_a_screenshot(tmp_path: Path) -> None:
    target = tmp_path / "shots" / "screen.svg"
    code = main([str(SAMPLE_PAGE), "--screenshot", str(target), "--size", "100x30"])
    assert code == 0
    svg = target.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "hitech-reader" in svg
    # The first article's headline is on screen (SVG text escapes spaces, not hanzi).
    assert "珠海高新区" in svg


def test_cli_rejects_a_bad_size(tmp_path: Path, capsys) -> None:
    code = main([str(SAMPLE_PAGE), "--screenshot", str(tmp_path / "x.svg"), "--size", "big"])
    assert code == 2
    assert "--size" in capsys.readouterr().err


def test_an_empty_library_opens_and_every_key_is_harmless() -> None:
    app = make_app(articles=[], state=State.load(), theme="textual-dark")

    async def drive() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in ("j", "J", "K", "right_square_bracket", "h", "s", "b", "m", "tab"):
                await pilot.press(key)
            await pilot.press("slash", "a", "enter", "escape")
            assert app.query_one(ArticleView).article is None

    asyncio.run(drive())


def test_a_text_that_is_no_page_opens_with_a_notice_saying_why(tmp_path: Path) -> None:
    from tests.helpers.apps import record_notifications

    web = tmp_path / "web.txt"
    web.write_text(
        "标题\n" + ("这是一段从网页复制下来的正文，一段一行，没有分栏。" * 4 + "\n") * 8,
        encoding="utf-8",
    )
    app = make_app([web], state=State.load(), theme="textual-dark")
    notes = record_notifications(app)

    async def drive() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert [a.title for a in app.source.articles] == ["标题"]  # type: ignore[attr-defined]

    asyncio.run(drive())
    said = [n for n in notes if "web.txt" in n]
    assert len(said) == 1 and "\n" not in said[0]
    assert "read as plain text, not as a page: no column structure found" in said[0]
