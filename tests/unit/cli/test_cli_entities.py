"""``hitech-reader entities``: a full name once with its short forms, reporters apart with
the role author (``--role author``), in every format (#16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.library import Library
from tests.helpers.library import write_md
from tests.helpers.names import FULL, STORIES, names_annotator


@pytest.fixture
def library(app_dirs: dict[str, Path], tmp_path: Path) -> None:
    write_md(tmp_path / "stories.md", *STORIES)
    with Library(app_dirs["data"], annotator=names_annotator, workers=1) as lib:
        assert lib.import_paths([tmp_path / "stories.md"]).articles_added == 3


def test_entities_json_lists_aliases_and_roles(library: None, capsys) -> None:
    assert main(["entities", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"text": FULL, "type": "org", "articles": 1, "aliases": ["大疆"], "role": None} in rows
    assert sum(1 for r in rows if r["text"] == FULL) == 1
    assert main(["entities", "--type", "person", "--format", "json"]) == 0
    people = {(r["text"], r["role"]) for r in json.loads(capsys.readouterr().out)}
    assert people == {("李峥", None), ("周斌", "author"), ("王鹏", "author")}


def test_entities_role_author_lists_the_reporters(library: None, capsys) -> None:
    assert main(["entities", "--role", "author", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "text,type,role,articles,aliases"
    assert sorted(lines[1:]) == ["周斌,person,author,2,", "王鹏,person,author,1,"]


def test_entities_text_shows_role_and_short_forms(library: None, capsys) -> None:
    assert main(["entities"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith(FULL))
    assert "大疆" in line and "org" in line
    assert any("周斌" in x and "author" in x for x in out.splitlines())
