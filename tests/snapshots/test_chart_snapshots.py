"""Snapshot of the money chart in the figures view (pytest-textual-snapshot).

The docstring says what the SVG must show; look at the SVG before ``--snapshot-update``.
The stories are made up (tests/helpers/charts.py) and annotated without jieba.
"""

from __future__ import annotations

from textual.pilot import Pilot

from reader.state.user import State
from tests.helpers.apps import build_app
from tests.helpers.charts import chart_annotator, chart_articles


async def chart_by_org(pilot: Pilot[None]) -> None:
    for keys in (("F",), ("ctrl+g",), ("c", "c"), ("down",)):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_money_chart_by_organisation(snap_compare) -> None:
    """The figures view with the chart by organisation in place of the table: 华星光电,
    合肥晶合 and 西安交通大学 right-aligned so that their bars all start in the same column
    (a hanzi is two cells), bars shrinking from 150亿元 to 5亿元 with the sum after each,
    the cursor ▶ on 合肥晶合, and under them the count line (9 amounts, 1 repeat counted
    once, 6 with no org named) and the legend (█ actual, ░ target)."""
    state = State.load()
    state.read_after = 0  # the article shown is read at once: the shot is not timing-bound
    app = build_app(chart_articles(), annotator=chart_annotator, state=state)
    assert snap_compare(app, terminal_size=(110, 30), run_before=chart_by_org)
