"""``hitech-reader figures --chart``: the bars printed with Chinese labels aligned in cells."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from reader.cli.main import main
from reader.library import Library
from tests.helpers.charts import chart_annotator, chart_markdown


@pytest.fixture
def library(app_dirs: dict[str, Path], tmp_path: Path) -> None:
    """The chart stories imported into the test's library (the data dir of app_dirs)."""
    page = tmp_path / "stories.md"
    page.write_text(chart_markdown(), encoding="utf-8")
    with Library(app_dirs["data"], annotator=chart_annotator, workers=1) as lib:
        assert lib.import_paths([page]).articles_added == 5




def test_chart_by_month(library: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--chart", "month"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "money per month (元)"
    assert [line.split()[0] for line in lines[1:5]] == [
        "2024-01", "2024-02", "2024-03", "2024-04"]
    assert lines[1].endswith("█ 710亿元")
    assert "░" in lines[2] and lines[2].endswith("300亿元 + 目标 2000亿元")
    assert "1 with no date" in lines[5] and "1 repeat counted once" in lines[5]
    assert all(cell_len(line) <= 80 for line in lines)


def test_chart_by_organisation_aligns_chinese_labels(
    library: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "--chart", "org", "--min", "1亿"]) == 0
    lines = capsys.readouterr().out.splitlines()
    bars = lines[1:4]
    assert [line.split()[0] for line in bars] == ["华星光电", "合肥晶合", "西安交通大学"]
    # Every bar starts in the same terminal cell: labels are padded by cells, not chars.
    starts = {cell_len(line[: line.index("█")]) for line in bars}
    assert len(starts) == 1
    assert bars[0].count("█") > bars[1].count("█") > bars[2].count("█") > 0


def test_a_chart_of_another_kind_is_a_one_line_error(
    library: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["figures", "--kind", "area", "--chart", "month"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--chart sums money" in err


def test_a_bar_listed_on_the_command_line(
    library: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--date``/``--place``/``--org`` list what one bar sums: February's two amounts."""
    assert main(["figures", "--date", "2024-02", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[0].startswith("value,")
    assert sorted(float(line.split(",")[0]) for line in out[1:]) == [3e10, 2e11]
    assert main(["figures", "--place", "武汉", "--chart", "month"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("2024-01") and lines[1].endswith("710亿元")
