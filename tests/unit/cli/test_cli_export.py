"""The ``export`` and ``annotate`` commands as a script would use them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main

ARTICLE_KEYS = {
    "id",
    "source",
    "kind",
    "title",
    "kicker",
    "byline",
    "byline_roles",
    "dateline",
    "credit",
    "captions",
    "page_lines",
    "blocks",
    "figures",
    "entities",
    "key_figures",
}
FIGURE_KEYS = {"block", "start", "end", "text", "value", "unit", "kind", "qualifiers", "value_max",
               "label"}


@pytest.fixture(scope="module")
def exported() -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "reader.cli", "export", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
        env={**__import__("os").environ, "PYTHONPATH": str(Path(__file__).parents[3])},
    )
    assert out.stderr == ""
    return json.loads(out.stdout)


def test_json_export_has_exactly_the_documented_shape(exported):
    articles = exported["articles"]
    assert list(exported) == ["articles"]
    assert len(articles) == 7
    for article in articles:
        assert set(article) == ARTICLE_KEYS
        assert set(article["source"]) == {"path", "first_line", "last_line"}
        assert article["kind"] in ("article", "photo", "caption")
        assert all(set(b) == {"kind", "text"} for b in article["blocks"])
        for figure in article["figures"]:
            assert set(figure) == FIGURE_KEYS
            text = article["blocks"][figure["block"]]["text"]
            assert text[figure["start"] : figure["end"]] == figure["text"]
        for entity in article["entities"]:
            assert set(entity) == {"block", "start", "end", "text", "type", "role", "canonical"}
            assert entity["type"] in ("person", "place", "org")
            assert entity["role"] in (None, "author")
            assert entity["canonical"] is None or isinstance(entity["canonical"], str)
            text = article["blocks"][entity["block"]]["text"]
            assert text[entity["start"] : entity["end"]] == entity["text"]
        for key in article["key_figures"]:
            assert set(key) == FIGURE_KEYS | {"label", "sentence"}
            assert key["text"] in key["sentence"]


def test_json_export_of_the_lead_story(exported):
    lead = exported["articles"][0]
    assert lead["source"] == {
        "path": "articles/hitech-zones-p1.txt",
        "first_line": 1,
        "last_line": 647,
    }
    assert lead["title"] == "珠海高新区冲刺千亿级高科技园区"
    key = {(k["label"], k["text"]) for k in lead["key_figures"]}
    assert ("营收目标", "1500 亿元") in key  # 力争…营收达 1500 亿元: a goal
    persons = {e["text"] for e in lead["entities"] if e["type"] == "person"}
    assert {"赵适剑", "李峥", "段超毅", "王小彬"} <= persons


def test_markdown_and_text_exports(capsys):
    assert main(["export", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert md.count("\n---\n") >= 7 and 'title: "珠海高新区冲刺千亿级高科技园区"' in md
    assert main(["export", "--format", "txt"]) == 0
    txt = capsys.readouterr().out
    assert txt.startswith("锚定“产业第一制造业优先”发展目标\n珠海高新区冲刺千亿级高科技园区\n")
    assert "【3年内工业总产值突破千亿元】" in txt


def test_export_of_a_folder_with_a_bad_file_reports_it_on_one_line(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("标题\n正文第一段。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    assert main(["export", str(tmp_path), "--format", "json", "--no-annotate"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["articles"][0]["title"] == "标题"
    bad, notice = captured.err.strip().split("\n")  # one line each: an error, a notice
    assert "bad.txt" in bad and "PDF" in bad
    assert "good.txt" in notice and "read as plain text" in notice


def test_export_says_on_stderr_why_a_text_was_not_read_as_a_page(tmp_path, capsys):
    (tmp_path / "web.txt").write_text(
        "标题\n"
        + "这是一段从网页复制下来的很长的正文，没有分栏，也没有空行。" * 5
        + "\n" * 2
        + "第二段。\n",
        encoding="utf-8",
    )
    assert main(["export", str(tmp_path), "--format", "json", "--no-annotate"]) == 0
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "web.txt: read as plain text, not as a page: too few lines for a page" in err


def test_export_of_nothing_readable_fails(tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"")
    assert main(["export", str(tmp_path / "bad.txt")]) == 1
    assert "empty file" in capsys.readouterr().err


def _annotate(monkeypatch, capsys, text: str, *args: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    assert main(["annotate", *args]) == 0
    return capsys.readouterr().out


def test_annotate_prints_one_json_object_per_line(monkeypatch, capsys):
    out = _annotate(monkeypatch, capsys, "营收达 1500 亿元。\n总经理李峥说。\n\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["text"] for d in lines] == ["营收达 1500 亿元。", "总经理李峥说。", ""]
    assert lines[0]["figures"][0]["text"] == "1500 亿元"
    assert lines[0]["figures"][0]["value"] == 1.5e11
    assert lines[1]["entities"] == [{"start": 3, "end": 5, "text": "李峥", "type": "person",
                                     "role": None, "canonical": None}]


def test_annotate_jsonl_gives_role_and_canonical(monkeypatch, capsys):
    """A reporter of a byline has the role author; a declared short name its full name."""
    out = _annotate(monkeypatch, capsys,
                    "（记者 周斌）\n"
                    "深圳市大疆创新科技有限公司（以下简称“大疆”）落户园区，大疆将建研发中心。\n",
                    "--format", "jsonl")
    byline, story = (json.loads(line)["entities"] for line in out.splitlines())
    assert {"text": "周斌", "role": "author", "canonical": None}.items() <= byline[0].items()
    short = [e for e in story if e["text"] == "大疆"]
    assert short and all(e["canonical"] == "深圳市大疆创新科技有限公司" for e in short)


def test_annotate_text_format_shows_markup_literally(monkeypatch, capsys):
    out = _annotate(monkeypatch, capsys, "[bold]增长 75%[/x]\x1b[31m\n", "--format", "text")
    assert "[bold]增长 【75%|比例】[/x]␛[" in out
    assert "\x1b[31m" not in out


def test_annotate_text_marks_spans_without_colour(monkeypatch, capsys):
    """Piped (no colour), every figure and name is still marked, with its kind."""
    out = _annotate(monkeypatch, capsys, "总经理李峥说，营收达1000 亿元。\n", "--format", "text")
    assert out == "总经理【李峥|人物】说，营收达【1000 亿元|金额】。\n"
    out = _annotate(monkeypatch, capsys, "营收达1000 亿元。\n", "--format", "text",
                    "--color", "always")
    assert "\x1b[" in out and "【" not in out and "1000 亿元" in out


def test_currency_without_amount_is_written_with_null_value(monkeypatch, capsys):
    out = _annotate(monkeypatch, capsys, "推进人民币国际化。\n")
    (line,) = [json.loads(text) for text in out.splitlines()]
    assert line["figures"] == [
        {
            "start": 2,
            "end": 5,
            "text": "人民币",
            "value": None,
            "unit": "元",
            "kind": "money",
            "qualifiers": [],
            "value_max": None,
        }
    ]
    assert '"value": null' in out or '"value":null' in out


def test_null_value_survives_the_json_export_and_the_store_codec():
    from reader.annotate.pipeline import annotate
    from reader.export.formats import to_json
    from reader.library.rows import article_row
    from reader.model import Article, Block, Source
    from reader.model.codec import annotations_from_json, annotations_to_json

    article = Article(
        id="fx",
        source=Source("fx.txt", 1, 2),
        title="汇率",
        blocks=[Block("paragraph", "日元兑美元走弱，出口额达 300 亿元。")],
    )
    ann = annotate(article)
    bare = [f.span for f in ann.figures if f.span.value is None]
    assert [f.text for f in bare] == ["日元", "美元"]
    doc = json.loads(to_json([article], [ann]))
    assert [f["value"] for f in doc["articles"][0]["figures"]] == [None, None, 3e10]
    assert [k["text"] for k in doc["articles"][0]["key_figures"]] == ["300 亿元"]
    assert annotations_from_json(annotations_to_json(ann)) == ann
    row = article_row(article, ann, 0)
    assert [r[3] for r in row.figures] == [None, None, 3e10]
