"""``hitech-reader figures --chart month|place|org``: the figures chart printed with Rich.

The same bars as the figures view draws (:mod:`reader.library.charts`), as plain lines of
text for a terminal or a report: labels padded by terminal cells (a hanzi is two), actual
money in solid blocks, targets in light shade after them, the sum at the end of each bar.
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from reader.cli.common import open_library, say
from reader.library.charts import Chart, chart_lines, chart_of
from reader.library.sqlite_source import SqliteSource
from reader.search.figure_filter import FigureFilter
from reader.text.fold import sanitize_for_display

TITLES = {"month": "money per month", "year": "money per year",
          "place": "money by place", "org": "money by organisation"}
#: Width of the chart when printed to a pipe or a file.
REPORT_WIDTH = 80


def chart_text(chart: Chart, width: int) -> Text:
    """The chart as Rich Text of ``width`` cells (no markup: names are article text)."""
    out = Text(f"{TITLES[chart.by]} (元)\n", style="bold", end="")
    if not chart.bars:
        out.append("no amounts in 元 for this filter\n", style="dim")
    for line in chart_lines(chart, width):
        out.append(sanitize_for_display(line.label) + " ")
        out.append("█" * line.actual_cells, style="green")
        out.append("░" * line.target_cells, style="yellow")
        out.append(" " + line.value + "\n")
    out.append(chart.note() + "\n" + chart.legend(), style="dim")
    return out


def run_chart(args: argparse.Namespace) -> int:
    """Print the chart of the figures that ``args``' filters select."""
    library = open_library(import_if_empty=True)
    if library is None:
        return 1
    wanted = FigureFilter(args.kind, args.unit, args.min_value, args.max_value,
                          date=args.date, place=args.place, org=args.org)
    if wanted.kind not in (None, "money"):
        say(f"--chart sums money; --kind {wanted.kind} has no sum to chart")
        return 2
    try:
        chart = chart_of(SqliteSource(library), wanted, args.chart)
    finally:
        library.close()
    console = Console(highlight=False)
    width = console.width if console.is_terminal else REPORT_WIDTH
    Console(highlight=False, width=width).print(chart_text(chart, width))
    return 0
