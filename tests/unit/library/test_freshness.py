"""A library's names come from the annotator installed now (issue #16).

The library keeps what the annotator found at import. After an upgrade (or an edited
entities.txt) those names may be ones the new rules drop; the library says so when it opens,
and the next import reads every file again instead of skipping unchanged ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.library import freshness
from reader.library.sqlite import Library
from tests.helpers.library import write_md

ROOT = Path(__file__).resolve().parents[3]


def _page(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_md(
        folder / "a.md",
        {"title": "高新区签约", "paragraphs": ["苏州高新区今年签约项目二十个，总投资 300 亿元。"]},
    )


def test_an_import_records_the_annotator_and_skips_unchanged_files(tmp_path: Path) -> None:
    page = _page(tmp_path / "pages")
    library = Library(tmp_path / "lib", workers=1)
    assert library.import_paths([page]).files_imported == 1
    assert freshness.stored(library.conn) is not None and not freshness.stale(library.conn)
    assert library.import_paths([page]).files_unchanged == 1
    library.close()


def test_a_new_annotator_is_noticed_and_reads_every_file_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(tmp_path / "pages")
    library = Library(tmp_path / "lib", workers=1)
    library.import_paths([page])
    library.close()
    monkeypatch.setattr(freshness, "annotator_stamp", lambda: "a-newer-release")
    library = Library(tmp_path / "lib", workers=1)
    assert any("older version" in n for n in library.notices)
    again = library.import_paths([page])
    assert (again.files_imported, again.files_unchanged) == (1, 0)
    assert library.count() == 1  # read again, not added twice
    assert library.import_paths([page]).files_unchanged == 1  # fresh now
    library.close()
    assert not Library(tmp_path / "lib", workers=1).notices


def test_a_partial_import_leaves_the_library_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _page(tmp_path / "one"), _page(tmp_path / "two")
    library = Library(tmp_path / "lib", workers=1)
    library.import_paths([first, second])
    monkeypatch.setattr(freshness, "annotator_stamp", lambda: "a-newer-release")
    library.import_paths([first])  # the other file still holds the old names
    assert freshness.stale(library.conn)
    library.import_paths([first.parent, second.parent])
    assert not freshness.stale(library.conn)
    library.close()


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HITECH_READER_DATA_DIR": str(tmp_path / "data"),
           "HITECH_READER_CACHE_DIR": str(tmp_path / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "reader.cli", "import", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, check=False,
    )


def test_import_with_no_path_reads_the_imported_folders_again(tmp_path: Path) -> None:
    nothing = _cli(tmp_path)
    assert nothing.returncode == 2 and "nothing imported yet" in nothing.stderr
    page = _page(tmp_path / "pages")
    assert _cli(tmp_path, str(page.parent)).returncode == 0
    again = _cli(tmp_path)
    assert again.returncode == 0, again.stderr
    assert "(1 unchanged" in again.stderr


def test_a_library_filled_by_another_annotator_is_left_as_it_is(tmp_path: Path) -> None:
    # Tests and benchmarks fill libraries with their own annotators: this program could not
    # annotate them that way, so it never calls them stale.
    from tests.helpers.library import quick_annotator

    page = _page(tmp_path / "pages")
    with Library(tmp_path / "lib", annotator=quick_annotator, workers=1) as library:
        library.import_paths([page])
    library = Library(tmp_path / "lib", workers=1)
    assert not library.notices and not freshness.stale(library.conn)
    assert library.import_paths([page]).files_unchanged == 1
    library.close()
