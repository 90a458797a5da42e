"""The one command-line parser: the app as the default, forgiving and strict where it counts.

Each case is something a new user typed: a misspelt command, an exclusion in a search, a
theme that does not exist, an amount written the Chinese way.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from reader.cli.main import main, parse
from reader.main import main as full_main


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_an_unknown_command_is_an_error_naming_it(capsys) -> None:
    """It used to open a blank full-screen app (and hang without a terminal)."""
    assert full_main(["frobnicate"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "unknown command 'frobnicate'" in line and "export" in line


def test_a_path_still_opens_the_reader(tmp_path: Path) -> None:
    page = tmp_path / "frobnicate"
    page.write_text("标题\n\n正文。\n", encoding="utf-8")
    args = parse([str(page)])
    assert args.command == "read" and args.paths == [page]
    assert parse(["./missing.txt"]).paths == [Path("missing.txt")]  # reported in the app


def test_every_command_has_help(capsys) -> None:
    for command in ("read", "export", "annotate", "import", "search", "figures", "entities"):
        assert main([command, "--help"]) == 0
        assert f"hitech-reader {command}" in capsys.readouterr().out
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(c in out for c in ("export", "annotate", "search", "figures"))


def test_search_takes_exclusions_as_readme_shows(capsys) -> None:
    args = parse(["search", "高新区", "-珠海", "大连", "--limit", "3"])
    assert sorted(args.query) == sorted(["高新区", "-珠海", "大连"]) and args.limit == 3
    assert parse(["search", "-珠海", "title:产业"]).query == ["title:产业", "-珠海"]
    assert main(["search", "高新区", "--limt", "3"]) == 2
    assert "--limt" in _one_line(capsys.readouterr().err)


def test_a_search_with_an_exclusion_runs(capsys) -> None:
    assert main(["search", "高新区", "-大连"]) == 0
    out = capsys.readouterr().out
    assert "珠海" in out and "大连高新区全新" not in out


def test_the_theme_is_checked(capsys) -> None:
    assert full_main(["--theme", "no-such-theme"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "no-such-theme" in line and "textual-light" in line


def test_a_bad_option_value_is_one_line(capsys) -> None:
    assert full_main(["--screenshot", "x.svg", "--size", "big"]) == 2
    assert "--size" in _one_line(capsys.readouterr().err)
    assert main(["figures", "--kind", "cash"]) == 2
    line = _one_line(capsys.readouterr().err)
    assert "cash" in line and "money" in line and "percent" in line


def test_figures_amounts_read_like_the_app_filter(capsys) -> None:
    assert parse(["figures", "--min", "100亿"]).min_value == 1e10
    assert parse(["figures", "--max", "5万", "--kind", "金额"]).max_value == 5e4
    assert parse(["figures", "--kind", "金额"]).kind == "money"
    assert main(["figures", "--min", "lots"]) == 2
    assert "lots" in _one_line(capsys.readouterr().err)


def test_figures_min_100yi_lists_only_large_amounts(capsys) -> None:
    assert main(["figures", "--min", "100亿", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert rows and all(float(row.split(",")[0]) >= 1e10 for row in rows)


def test_an_unknown_unit_lists_the_units(capsys) -> None:
    assert main(["figures", "--unit", "斤"]) == 2
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "斤" in line and "元" in line and "平方米" in line


def test_figures_text_never_cuts_a_number(capsys, monkeypatch) -> None:
    assert main(["figures", "--kind", "money", "--limit", "8", "--format", "json"]) == 0
    values = [f"{row['value']:,.0f}" for row in json.loads(capsys.readouterr().out)]
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["figures", "--kind", "money", "--limit", "8"]) == 0
    out = capsys.readouterr().out
    assert "116,800,000,000" in out  # 1168 亿元 on the bundled page, whole
    assert all(value in out for value in values)


def test_messages_say_one_figure_not_one_figures(capsys) -> None:
    assert main(["figures", "--limit", "1"]) == 0
    assert "1 figure\n" in capsys.readouterr().err


def test_export_txt_shows_escape_codes_on_a_terminal(tmp_path: Path, monkeypatch, capsys) -> None:
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: 标题\n---\n\n正文\x1b[2J清屏。\n", encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", str(page), "--format", "txt"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "正文␛[2J清屏" in out
    assert main(["export", str(page), "--format", "txt", "--raw"]) == 0
    assert "\x1b[2J" in capsys.readouterr().out


def test_export_txt_to_a_file_keeps_the_text(tmp_path: Path, capsys) -> None:
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: 标题\n---\n\n正文\x1b[2J清屏。\n", encoding="utf-8")
    assert main(["export", str(page), "--format", "txt"]) == 0
    assert "\x1b[2J" in capsys.readouterr().out  # not a terminal: the text as it is


@pytest.mark.parametrize(
    "args", [["annotate", "--color", "sometimes"], ["export", "--format", "pdf"]]
)
def test_choices_are_checked(args: list[str], capsys) -> None:
    monkey_stdin = io.StringIO("")
    sys.stdin, saved = monkey_stdin, sys.stdin
    try:
        assert main(args) == 2
    finally:
        sys.stdin = saved
    _one_line(capsys.readouterr().err)
