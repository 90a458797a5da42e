"""``import`` of a folder holding two copies of a page, then ``search``: one article that
lists both paths, found once (issue #12)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.cli.main import main
from tests.helpers.library import write_md


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    root.mkdir()
    write_md(root / "zone.md", {"title": "西安高新区硬科技企业集聚", "paragraphs": [
        "西安高新区今年新增硬科技企业 420 家，研发投入 85 亿元。"]})
    shutil.copy(root / "zone.md", root / "zone-copy.md")
    return root


def test_import_two_copies_then_search_once(
    app_dirs: dict[str, Path], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "imported 1 article from 2 files" in err and "1 copy of articles already in" in err
    assert main(["search", "硬科技"]) == 0
    out = capsys.readouterr().out
    assert out.count("西安高新区硬科技企业集聚") == 1
    assert "2 copies:" in out and "zone.md" in out and "zone-copy.md" in out
    assert main(["search", "硬科技", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 1
    assert sorted(Path(p).name for p in hits[0]["copies"]) == ["zone-copy.md", "zone.md"]
    assert Path(hits[0]["source"]).name in {"zone.md", "zone-copy.md"}
    # Importing again changes nothing.
    assert main(["import", str(folder)]) == 0
    assert "imported 0 articles from 0 files (2 unchanged" in capsys.readouterr().err
