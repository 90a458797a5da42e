"""How a key number reads in the summary panel: its qualifier, and a label kept whole; and
how the names read: the reporters of the bylines apart from the people of the story."""

from __future__ import annotations

from rich.cells import cell_len

from reader.model import Entity, Figure, KeyFigure, Located
from reader.ui.widgets.summary_panel import (
    LABEL_CELLS,
    PROMPT_CELLS,
    entity_summary,
    key_figure_prompt,
)


def _key(text: str, label: str, qualifiers: tuple[str, ...] = ()) -> KeyFigure:
    figure = Figure(0, len(text), text, 1.0, "元", "money", qualifiers)  # type: ignore[arg-type]
    return KeyFigure(label, figure, 0, text, 1.0)


def test_a_qualifier_the_figure_leaves_out_is_said_before_it() -> None:
    # 近 2 万名, 超 3000 家, 不足 5 亿元: the panel shows the figure away from its sentence.
    assert key_figure_prompt(_key("2万名", "从业人员", ("approx",))).plain == "约2万名  从业人员"
    assert key_figure_prompt(_key("3000家", "企业", ("lower_bound",))).plain == "超3000家  企业"
    assert key_figure_prompt(_key("5亿元", "投资", ("upper_bound",))).plain == "不足5亿元  投资"
    assert key_figure_prompt(_key("3000多家", "企业", ("approx",))).plain == "3000多家  企业"


def test_a_label_that_does_not_fit_goes_on_its_own_line_whole() -> None:
    label = "战略性新兴产业产值"
    prompt = key_figure_prompt(_key("1000亿元", label)).plain
    first, second = prompt.split("\n")
    assert first == "1000亿元" and second.strip() == label
    assert cell_len(key_figure_prompt(_key("50亿元", "总投资")).plain) <= PROMPT_CELLS


def test_a_label_longer_than_a_line_folds_whole_at_a_hanzi_boundary() -> None:
    long_label = "宏达新能源动力电池产业园项目预计销售收入"
    prompt = key_figure_prompt(_key("80亿元", long_label)).plain
    first, *rest = prompt.split("\n")
    assert first == "80亿元" and len(rest) == 2
    assert "".join(line.strip() for line in rest) == long_label  # (nothing cut, nothing lost)
    assert all(cell_len(line) <= LABEL_CELLS + 2 for line in rest)  # (indent included)


def test_reporters_are_listed_apart_from_the_people_of_the_story() -> None:
    names = [Located(0, Entity(0, 2, "王强", "person", "author")),
             Located(0, Entity(5, 8, "李建国", "person")),
             Located(0, Entity(9, 14, "苏州高新区", "place"))]
    lines = entity_summary(names).plain.split("\n")
    assert lines[:2] == ["人物 people (1)", "  李建国 ×1"]
    assert lines[-2:] == ["作者 authors (1)", "  王强 ×1"]
    # (no reporters, no heading for them)
    assert "作者" not in entity_summary(names[1:]).plain
