"""The money chart of the figures view: horizontal bars, Chinese labels aligned in cells.

The sums come from :mod:`reader.library.charts` (repeats once, targets apart, undated
counted), computed in an exclusive thread worker from the view's catalogue. The widget only
draws :func:`~reader.library.charts.chart_lines` as :class:`~textual.content.Content` (cell
widths measured, no markup: names are article text) and moves a cursor over the bars.
``enter`` posts :class:`MoneyChart.BarChosen` with the filter word of the bar; the screen
puts it in its filter line. plotext was measured and not used: it counts a hanzi as one cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from reader.library.charts import Chart, chart_lines, chart_of
from reader.search.figure_filter import parse_filter
from reader.text.fold import sanitize_for_display

if TYPE_CHECKING:
    from reader.library.source import ArticleSource

TITLES = {"month": "每月金额 money per month", "year": "每年金额 money per year",
          "place": "地点 money by place", "org": "机构 money by organisation"}
NEXT_KIND = {"month": "place", "place": "org", "org": "month"}


class MoneyChart(Widget, can_focus=True):
    """Bars of the money the figures filter selects; ``enter`` filters to the bar."""

    DEFAULT_CSS = """
    MoneyChart { height: 1fr; padding: 0 1; overflow-y: auto; }
    MoneyChart:focus { background: $boost; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next bar", id="chart.next"),
        Binding("up,k", "move(-1)", "Previous bar", id="chart.previous", show=False),
        Binding("enter", "choose", "Filter to the bar", id="chart.choose"),
        Binding("c", "cycle", "Month / place / org", id="chart.cycle"),
    ]

    @dataclass
    class BarChosen(Message):
        """The user chose a bar: ``word`` selects it in the figures filter."""

        word: str

    by: reactive[str] = reactive("month")
    cursor: reactive[int] = reactive(0)

    def __init__(self, catalogue: ArticleSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalogue = catalogue
        self.chart: Chart | None = None
        """The chart shown (None while the first one is computed)."""
        self.query = ""

    def show_for(self, query: str) -> None:
        """Compute the chart of the filter line ``query`` (off the UI thread)."""
        self.query = query
        self.compute(query, self.by)

    @work(thread=True, exclusive=True, group="chart", exit_on_error=False)
    def compute(self, query: str, by: str) -> tuple[str, str, Chart]:
        """The chart of ``query`` by ``by``."""
        return query, by, chart_of(self.catalogue, parse_filter(query), by)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "chart":
            return
        event.stop()
        if event.state == WorkerState.ERROR:
            self.notify(f"Could not sum the figures: {event.worker.error}", severity="error")
        elif event.state == WorkerState.SUCCESS and event.worker.result is not None:
            query, by, chart = event.worker.result
            if (query, by) != (self.query, self.by):
                return  # the filter or the kind has changed since
            self.chart = chart
            self.cursor = min(self.cursor, max(len(chart.bars) - 1, 0))
            self.refresh(layout=True)

    def watch_by(self) -> None:
        self.cursor = 0
        if self.is_mounted:
            self.compute(self.query, self.by)

    def action_move(self, step: int) -> None:
        """Move the cursor to the next or previous bar."""
        if self.chart and self.chart.bars:
            self.cursor = (self.cursor + step) % len(self.chart.bars)
            self.scroll_to(y=self.cursor, animate=False)

    def action_cycle(self) -> None:
        """Chart by month, then by place, then by organisation."""
        self.by = NEXT_KIND["month" if self.by == "year" else self.by]

    def action_choose(self) -> None:
        """Filter the table to the bar under the cursor."""
        if self.chart and self.chart.bars:
            self.post_message(self.BarChosen(self.chart.bars[self.cursor].filter_word(
                self.chart.by)))

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.chart.bars) + 5 if self.chart else 1

    def render(self) -> Content:
        chart = self.chart
        if chart is None:
            return Content("summing…")
        lines = [Content.styled(TITLES[chart.by] + " (元)", "bold")]
        if not chart.bars:
            lines.append(Content.styled("no amounts in 元 for this filter", "italic"))
        focused = self.has_focus
        for index, line in enumerate(chart_lines(chart, max(self.size.width - 2, 20))):
            here = index == self.cursor
            label = Content(sanitize_for_display(line.label))
            if here:
                label = label.stylize("reverse" if focused else "bold underline")
            lines.append(Content.assemble(
                "▶ " if here else "  ", label, " ",
                ("█" * line.actual_cells, "$success"),
                ("░" * line.target_cells, "$warning"),
                " ", (line.value, "bold" if here else ""),
            ))
        lines += [Content(""), Content.styled(chart.note(), "italic"),
                  Content.styled(chart.legend() + "   enter: filter to a bar   c: month/place/org",
                                 "italic")]
        return Content("\n").join(lines)
