"""Hostile and broken input through the CLI: ``export``, ``annotate``, ``import``, ``search``.

Every command is run in-process through :func:`reader.cli.main.main` (conftest points the data,
config and cache folders at a temporary directory). A bad file costs exactly one line on
stderr naming it; the others still go in; nothing a terminal would obey reaches stdout of
the commands meant for people (``annotate --format text``, ``search``).
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.ingest.decode import MAX_BYTES
from reader.text.radicals import unify_radicals
from tests.helpers.data import make_bad
from tests.helpers.data.make_bad import BAD, GOOD, HOSTILE_LINES, PAGE, REFUSED

#: What a terminal would act on: C0 controls but newline, DEL, C1 controls, bidi overrides.
TERMINAL_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def assert_one_line_per_refused_file(err: str, folder: Path) -> None:
    lines = [line for line in error_lines(err) if "imported " not in line]
    assert len(lines) == len(REFUSED), lines
    for name, reason in REFUSED.items():
        (line,) = [line for line in lines if f"{folder / name}:" in line or f"/{name}:" in line]
        assert line.startswith("hitech-reader: ") and reason.lower() in line.lower(), line
    assert "Traceback" not in err


# --- export ------------------------------------------------------------------------------------


def test_export_of_the_corpus_reports_each_bad_file_and_exports_the_rest(capsys) -> None:
    assert main(["export", str(BAD), "--format", "json", "--no-annotate"]) == 0
    out, err = capsys.readouterr()
    assert_one_line_per_refused_file(err, BAD)
    doc = json.loads(out)
    exported = {Path(a["source"]["path"]).name for a in doc["articles"]}
    assert exported == set(GOOD)
    titles = {a["title"] for a in doc["articles"]}
    assert "科技园区发展提速" in titles  # GBK, GB18030, UTF-16 both ways, UTF-8 with BOM


def test_export_json_of_hostile_content_is_valid_and_round_trips(capsys) -> None:
    assert main(["export", str(BAD / "hostile.txt"), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert not TERMINAL_CONTROLS.search(out.replace("\n", ""))  # JSON escapes them
    doc = json.loads(out)
    texts = (
        [a["title"] or "" for a in doc["articles"]]
        + [b["text"] for a in doc["articles"] for b in a["blocks"]]
        + [a["kicker"] or "" for a in doc["articles"]]
    )
    joined = "".join(texts)
    for line in HOSTILE_LINES:  # radicals (⼤) are read as the ideographs they look like (大)
        assert unify_radicals(line).replace(" ", "") in joined.replace(" ", ""), line
    for article in doc["articles"]:
        for figure in article["figures"]:
            text = article["blocks"][figure["block"]]["text"]
            assert text[figure["start"] : figure["end"]] == figure["text"]


def test_export_markdown_of_hostile_content_reads_back(tmp_path: Path, capsys) -> None:
    assert main(["export", str(BAD / "hostile.txt"), "--format", "json", "--no-annotate"]) == 0
    original = json.loads(capsys.readouterr().out)["articles"]
    assert main(["export", str(BAD / "hostile.txt"), "--format", "md"]) == 0
    md = tmp_path / "hostile.md"
    md.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["export", str(md), "--format", "json", "--no-annotate"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    again = json.loads(out)["articles"]
    keys = ("title", "kicker", "blocks", "captions", "byline")
    assert [{k: a[k] for k in keys} for a in again] == [{k: a[k] for k in keys} for a in original]


def test_export_of_a_file_over_the_limit_names_it_and_the_limit(tmp_path: Path, capsys) -> None:
    big = make_bad.oversized_file(tmp_path / "巨大 文件.txt", MAX_BYTES + 4096)
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    assert main(["export", str(big), str(good), "--format", "txt"]) == 0
    out, err = capsys.readouterr()
    (line,) = error_lines(err)
    assert str(big) in line and f"limit is {MAX_BYTES // 2**20} MB" in line
    assert out.startswith("科技园区发展提速")


def test_export_of_only_bad_files_fails_with_one_line_each(capsys) -> None:
    bad = [str(BAD / name) for name in REFUSED]
    assert main(["export", *bad]) == 1
    _, err = capsys.readouterr()
    assert_one_line_per_refused_file(err, BAD)


def test_export_of_a_missing_path_and_a_folder_with_nothing(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty folder").mkdir()
    assert main(["export", str(tmp_path / "missing.txt"), str(tmp_path / "empty folder")]) == 1
    lines = error_lines(capsys.readouterr().err)
    assert len(lines) == 2 and "missing.txt: no such file" in lines[0]
    assert "empty folder" in lines[1] and "Traceback" not in "".join(lines)


# --- annotate ----------------------------------------------------------------------------------


def _annotate(monkeypatch, capsys, data: bytes, *args: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["annotate", *args]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_annotate_names_the_line_that_is_not_utf8_and_fails(monkeypatch, capsys) -> None:
    data = "营收达 5 亿元。\n".encode() + b"\xff\xfe ok\n" + "第三行。\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["annotate"]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1  # the good line before it was annotated
    assert err.count("\n") == 1 and "line 2" in err and "--errors replace" in err


def test_annotate_survives_invalid_utf8_on_stdin_when_asked(monkeypatch, capsys) -> None:
    data = b"\xff\xfe\xc0 \xe4\xb8 ok 1000 \xe4\xba\xbf\xe5\x85\x83\n"
    data += "营收达 5 亿元。\n".encode("gbk")
    out = _annotate(monkeypatch, capsys, data, "--errors", "replace")
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2
    assert "\ufffd" in lines[0]["text"] and lines[0]["text"].endswith("ok 1000 亿元")
    assert [f["value"] for f in lines[0]["figures"]] == [1e11]


def test_annotate_text_prints_no_raw_control_characters(monkeypatch, capsys) -> None:
    data = ("\n".join(HOSTILE_LINES) + "\n").encode("utf-8") + b"\xff\x1b[2J\n"
    out = _annotate(monkeypatch, capsys, data, "--format", "text", "--errors", "replace")
    assert not TERMINAL_CONTROLS.search(out), repr(TERMINAL_CONTROLS.search(out))
    assert "[bold]粗体[/bold]" in out and "[link=file:///etc/passwd]" in out
    assert "转义␛[" in out  # escape sequences are shown, not obeyed
    assert len(out.splitlines()) == len(HOSTILE_LINES) + 1


def test_annotate_jsonl_keeps_hostile_text_exactly(monkeypatch, capsys) -> None:
    data = ("\n".join(HOSTILE_LINES) + "\n").encode("utf-8")
    out = _annotate(monkeypatch, capsys, data)
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["text"] for d in docs] == list(HOSTILE_LINES)


# --- import and search (the library) -----------------------------------------------------------


@pytest.fixture
def imported(capsys) -> str:
    """The corpus imported into the test's library; returns what import wrote on stderr."""
    assert main(["import", str(BAD)]) == 0
    return capsys.readouterr().err


def test_import_of_the_corpus_reports_each_bad_file_and_imports_the_rest(imported: str) -> None:
    assert_one_line_per_refused_file(imported, BAD)
    summary = [line for line in error_lines(imported) if "imported " in line]
    assert summary and f"from {len(GOOD)} files" in summary[0]
    assert f"{len(REFUSED)} failed" in summary[0]


def test_search_finds_lookalikes_by_what_they_look_like(imported: str, capsys) -> None:
    assert main(["search", "大学", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any("大学" in h["snippet"] for h in hits)  # the file's ⼤学, unified when read
    assert main(["search", "1000亿元", "--format", "json", "--limit", "50"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert any("１０００亿元" in h["snippet"] for h in hits)


def test_search_finds_encoded_files_and_names_with_spaces(imported: str, capsys) -> None:
    assert main(["search", "名字园区", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [Path(h["article_id"].split("#")[0]).name for h in hits] == ["名字 有空格.txt"]
    assert main(["search", "科技园区", "--format", "json", "--limit", "100"]) == 0
    # The same text in four encodings is one article (#12): each file is one of its copies.
    files = {Path(p).name for h in json.loads(capsys.readouterr().out) for p in h["copies"]}
    assert {"gbk.txt", "gb18030-astral.txt", "utf16-le-bom.txt", "utf16-be-bom.txt"} <= files


def test_search_text_shows_markup_literally(imported: str, capsys) -> None:
    assert main(["search", "粗体"]) == 0
    out = capsys.readouterr().out
    assert "[bold]粗体[/bold]" in out and "[/x]" in out


def test_search_text_prints_no_raw_control_characters(imported: str, capsys) -> None:
    assert main(["search", "转义"]) == 0
    out = capsys.readouterr().out
    assert "转义" in out
    assert not TERMINAL_CONTROLS.search(out.replace("\n", "")), repr(out)


def test_import_of_a_file_over_the_limit_names_it(tmp_path: Path, capsys) -> None:
    make_bad.oversized_file(tmp_path / "big.txt", MAX_BYTES + 1)
    (tmp_path / "ok.txt").write_text(PAGE, encoding="utf-8")
    assert main(["import", str(tmp_path)]) == 0
    lines = error_lines(capsys.readouterr().err)
    refused = [line for line in lines if "big.txt" in line]
    assert len(refused) == 1 and f"{MAX_BYTES // 2**20} MB" in refused[0]
    assert any("from 1 file " in line for line in lines)


def test_import_survives_symlink_loops_and_odd_names(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "页面 文件夹" / "子目录"
    folder.mkdir(parents=True)
    (folder / "第 1 页.txt").write_text(PAGE, encoding="utf-8")
    (folder / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert main(["import", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and any("from 1 file " in line for line in error_lines(err))
    assert main(["search", "科技园区", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [Path(h["article_id"].split("#")[0]).name for h in hits] == ["第 1 页.txt"]


def test_a_dependency_missing_from_this_python_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Run with a Python that lacks jieba (not the project's venv): one line, exit 1.
    import reader.annotate.nlp as nlp

    def missing() -> None:
        raise ModuleNotFoundError("No module named 'jieba'", name="jieba")

    monkeypatch.setattr(nlp, "_import_segmenter", missing)
    monkeypatch.setattr(nlp, "_nlp", None, raising=False)
    data = "苏州高新区签约项目二十个。\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["annotate", "--format", "jsonl"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "jieba is not installed" in err
