"""The figures view (``F``): every figure of everything open, in one table.

A filter line on top (``money >=100亿``, see :mod:`reader.search.figure_filter`), a
:class:`~textual.widgets.DataTable` under it, largest value first or newest article first
(``ctrl+o``). Rows come from a :class:`~reader.library.source.ArticleSource` in an exclusive
thread worker, so typing never waits for SQL or the NLP stack, and a result for a filter the
user has since changed is dropped. At most :data:`ROW_LIMIT` rows are shown: a big library
holds millions of figures, and the filter is the way to the rest. Choosing a row dismisses
the screen with its :class:`~reader.library.sqlite.FigureRow`; the reader opens the article
there and marks the figure. ``ctrl+g`` shows the money chart of the filter in place of the
table (:mod:`reader.ui.widgets.money_chart`); ``enter`` on a bar adds its word
(``date:2024-03``, ``place:…``, ``org:…``) to the filter, and the table lists the amounts
that bar sums.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label
from textual.worker import Worker, WorkerState

from reader.library.charts import selected_rows
from reader.model.labels import kind_label
from reader.search.figure_filter import FigureFilter, format_value, parse_filter
from reader.text.fold import sanitize_for_display
from reader.ui.widgets.money_chart import MoneyChart

if TYPE_CHECKING:
    from reader.library.source import ArticleSource
    from reader.model.rows import FigureRow

ROW_LIMIT = 1000
ORDER_NAMES = {"value": "largest value first", "date": "newest article first"}
#: Column widths in cells for the free-text columns, so one long label cannot push the
#: article off screen.
LABEL_CELLS = 30
TITLE_CELLS = 24


def clipped(text: str, cells: int, style: str = "") -> Text:
    """``text`` as plain Text, cut with an ellipsis to ``cells`` terminal cells."""
    text = sanitize_for_display(text)
    if cell_len(text) > cells:
        out = ""
        for char in text:
            if cell_len(out + char) > cells - 1:
                break
            out += char
        text = out + "…"
    return Text(text, style=style, no_wrap=True, end="")


def figure_cells(row: FigureRow) -> tuple[Text, ...]:
    """The table cells of one figure (Text, never markup: article text is not Rich markup)."""
    return (
        Text(format_value(row.value, row.unit), style="bold", justify="right"),
        clipped(row.text, 16),
        Text(f"{kind_label(row.kind)} {row.kind}", style="dim"),
        clipped(row.label, LABEL_CELLS),
        clipped(row.title, TITLE_CELLS),
        Text(row.date or "", style="dim"),
    )


class FiguresScreen(ModalScreen["FigureRow | None"]):
    """Every figure in a table; dismisses with the chosen one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close figures", id="figures.close"),
        Binding("ctrl+o", "toggle_order", "Sort by value / date", id="figures.order"),
        Binding("ctrl+l", "focus_filter", "Filter", id="figures.filter"),
        Binding("down", "focus_table", "Table", show=False, id="figures.table"),
        Binding("ctrl+g", "toggle_chart", "Chart", id="figures.chart"),
    ]

    def __init__(self, catalogue: ArticleSource, *, query: str = "") -> None:
        super().__init__()
        self.catalogue = catalogue
        self.initial_query = query
        self.order = "value"
        self.rows: list[FigureRow] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="figures-box", classes="library-box"):
            yield Label("数字一览 every figure", classes="library-title")
            yield Input(
                self.initial_query,
                placeholder="filter: money >=100亿   area >1万   percent   元",
                id="figures-filter",
            )
            yield Label("reading…", id="figures-status", classes="library-status")
            table: DataTable[Text] = DataTable(
                id="figures-table", cursor_type="row", zebra_stripes=True
            )
            yield table

    def on_mount(self) -> None:
        table = self.table
        for label, width in (("value", None), ("as written", 16), ("kind", None),
                             ("label", LABEL_CELLS), ("article", TITLE_CELLS), ("date", 10)):
            table.add_column(label, width=width)
        self.query_one(Input).focus()
        self.reload()

    @property
    def table(self) -> DataTable[Text]:
        """The table of figures."""
        return self.query_one("#figures-table", DataTable)

    @property
    def current_filter(self) -> FigureFilter:
        """The filter as typed now."""
        return parse_filter(self.query_one(Input).value)

    def reload(self) -> None:
        """Ask for the rows of the current filter and order."""
        self.load_rows(self.query_one(Input).value, self.order)
        if self.query_one("#figures-box").has_class("-chart"):
            self.query_one(MoneyChart).show_for(self.query_one(Input).value)

    @on(Input.Changed, "#figures-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#figures-filter")
    def _filter_submitted(self) -> None:
        self.action_focus_table()

    @work(thread=True, exclusive=True, group="figures", exit_on_error=False)
    def load_rows(self, query: str, order: str) -> tuple[str, str, list[FigureRow]]:
        """Figures of ``query`` off the UI thread (one more than shown, to say "more")."""
        wanted = parse_filter(query)
        if wanted.bar:  # a bar of the chart: the amounts it sums (see reader.library.charts)
            return query, order, selected_rows(self.catalogue, wanted, order, ROW_LIMIT + 1)
        rows = self.catalogue.figures(
            wanted.kind, wanted.unit, wanted.min_value, wanted.max_value, order, ROW_LIMIT + 1
        )
        return query, order, rows

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "figures":
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Could not list the figures: {event.worker.error}", severity="error")
        elif event.state == WorkerState.SUCCESS and event.worker.result is not None:
            query, order, rows = event.worker.result
            if query != self.query_one(Input).value or order != self.order:
                return  # a filter the user has since changed
            self.show_rows(rows)

    def show_rows(self, rows: list[FigureRow]) -> None:
        """Fill the table and say how many figures there are."""
        more = len(rows) > ROW_LIMIT
        self.rows = rows[:ROW_LIMIT]
        table = self.table
        table.clear()
        for index, row in enumerate(self.rows):
            table.add_row(*figure_cells(row), key=str(index))
        wanted = self.current_filter
        count = f"more than {ROW_LIMIT} figures, the first {ROW_LIMIT}" if more else (
            f"{len(self.rows)} figures"
        )
        status = f"{count}, {ORDER_NAMES[self.order]} (ctrl+o)"
        if wanted.bar:
            status += "; the chart bar's money amounts, a repeat in a story once"
        if wanted.unknown:
            status += f"; not understood: {' '.join(wanted.unknown)}"
        self.query_one("#figures-status", Label).update(Content(status))  # typed text: not markup

    def action_toggle_order(self) -> None:
        """Sort by value (largest first) or by date (newest first)."""
        self.order = "date" if self.order == "value" else "value"
        self.reload()

    def action_focus_table(self) -> None:
        """Move to the table."""
        if self.table.row_count:
            self.table.focus()

    def action_focus_filter(self) -> None:
        """Back to the filter line."""
        self.query_one(Input).focus()

    def action_toggle_chart(self) -> None:
        """Show the money chart of the filter instead of the table, or the table again."""
        box = self.query_one("#figures-box")
        if not box.query(MoneyChart):
            box.mount(MoneyChart(self.catalogue), before=self.table)
        box.toggle_class("-chart")
        if box.has_class("-chart"):
            chart = self.query_one(MoneyChart)
            chart.show_for(self.query_one(Input).value)
            chart.focus()
        else:
            self.action_focus_table()

    @on(MoneyChart.BarChosen)
    def _bar_chosen(self, event: MoneyChart.BarChosen) -> None:
        """Filter the table to the chosen bar: its word replaces any earlier bar's."""
        words = [w for w in self.query_one(Input).value.split() if not parse_filter(w).bar]
        self.query_one("#figures-box").remove_class("-chart")
        self.query_one(Input).value = " ".join([*words, event.word])
        self.table.focus()

    @on(DataTable.RowSelected, "#figures-table")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        index = int(event.row_key.value or -1)
        if 0 <= index < len(self.rows):
            self.dismiss(self.rows[index])
