"""Failure classes of the figure finder on zone news (issue #16), one named row each.

Every sentence is written for this table in the style of zone reports; none is taken from
a benchmark. A row gives the figures expected, as (text, value, value_max, unit), in order.
"""

from __future__ import annotations

import pytest

from reader.annotate.figures import find_figures

Row = tuple[str, float | None, float | None, str]

CASES: dict[str, tuple[str, list[Row]]] = {
    # 零 starts a word (零部件, 零件), it does not count nothing.
    "zero-in-a-word": ("园区汽车零部件产业集聚，零件企业达 120 家。",
                       [("120 家", 120, None, "家")]),
    # Project phases are not quantities, with one digit or two.
    "phase": ("项目二期工程明年投产，三期正在规划。", []),
    "two-phases": ("一二期总投资 50 亿元。", [("50 亿元", 5e9, None, "元")]),
    "phase-then-amount": ("二期扩建项目计划投资 8000 万元。", [("8000 万元", 8e7, None, "元")]),
    "phase-area": ("一期用地 300 亩，二期用地 500 亩。",
                   [("300 亩", 2e5, None, "平方米"), ("500 亩", 500 * 10000 / 15, None, "平方米")]),
    # 百亿项目 is a project of ten billion, not ten billion 项: a size class, no count.
    "size-class-of-projects": ("县里举行百亿项目集中签约，签约千亿项目2个。",
                               [("2个", 2, None, "个")]),
    # Sets of machines are counted in 台套, one unit (not 台, then a 套 of nothing).
    "sets-of-machines": ("项目达产后年产数控机床2万台套。", [("2万台套", 2e4, None, "台套")]),
    # A space between thousands (as some sites print them) is one number, not two.
    "space-thousands": ("全年税收3 450万元，比上年增长。", [("3 450万元", 3.45e7, None, "元")]),
    "year-then-amount": ("2012 450万元", [("450万元", 4.5e6, None, "元")]),
    # An amount written without 元 after a measure that can only be money is money.
    "money-without-yuan": ("项目总投资50亿，用地300亩。",
                           [("50亿", 5e9, None, "元"), ("300亩", 2e5, None, "平方米")]),
    "trillions-without-yuan": ("全年营收突破1.2万亿，同比增长8%。",
                               [("1.2万亿", 1.2e12, None, "元"), ("8%", 8, None, "%")]),
    # Without such a measure, what 万 or 亿 counts is not written: no figure.
    "a-magnitude-alone": ("平台注册用户突破1亿，常住人口3万。", []),
    # A bare 亿元 or 万元 is the unit of a rate, or the word of a threshold: no amount.
    "unit-of-a-rate": ("每亿元研发投入产出发明专利15件，每万元GDP能耗下降。",
                       [("15件", 15, None, "件")]),
    "threshold-word": ("引进亿元以上项目20个。", [("20个", 20, None, "个")]),
    "near-a-hundred-million": ("项目投资近亿元。", [("亿元", 1e8, None, "元")]),
    # A category word is not a count.
    "category": ("对三类人员给予补贴，二类项目 8 个。", [("8 个", 8, None, "个")]),
    # 二 alone before a measure word is an ordinal: the count is written 两.
    "ordinal-er": ("推动企业二次创业，二层为研发中心，建设两个园区。", [("两个", 2, None, "个")]),
    "er-with-a-multiplier": ("新建二十个项目。", [("二十个", 20, None, "个")]),
    # A numeral the amount cannot be read with must not make the amount vanish.
    "glued-formal-numeral": ("壹两千万元，", [("两千万元", 2e7, None, "元")]),
    "glued-multiplier": ("萬两千万元，", [("两千万元", 2e7, None, "元")]),
    # 一两 is "one or two": an approximate range, not an unreadable numeral.
    "one-or-two": ("一两千万元的订单，一两个月就能交付。",
                   [("一两千万元", 1e7, 2e7, "元"), ("一两个月", 1, 2, "月")]),
    "two-or-three-days": ("三两天就能完成审批。", []),
    # The names of talent programmes are not head counts.
    "programme-name": ("千人计划专家 5 名，万人计划人才 3 名。",
                       [("5 名", 5, None, "名"), ("3 名", 3, None, "名")]),
    "programme-campaign": ("开展万人助万企活动。", []),
    # Slogans and plan names keep their numerals to themselves.
    "plan-name": ("“十四五”期间，全区规上工业企业达 300 余家。", [("300 余家", 300, None, "家")]),
    "plenum": ("学习党的二十届三中全会精神。", []),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_failure_class(name: str) -> None:
    text, expected = CASES[name]
    found = [(f.text, f.value, f.value_max, f.unit) for f in find_figures(text)]
    assert [row[0] for row in found] == [row[0] for row in expected]
    for (_, value, high, unit), (_, want, want_high, want_unit) in zip(
            found, expected, strict=True):
        assert unit == want_unit
        assert value == pytest.approx(want)
        assert high == (pytest.approx(want_high) if want_high is not None else None)
