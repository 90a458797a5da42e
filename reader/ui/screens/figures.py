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
from reader.model.labels import kind_label, plural
from reader.search.figure_filter import FigureFilter, format_value, parse_filter
from reader.text.fold import sanitize_for_display
from reader.ui.widgets.money_chart import MoneyChart

if TYPE_CHECKING:
    from reader.library.source import ArticleSource
    from reader.model.rows import FigureRow

ROW_LIMIT = 1000
ORDER_NAMES = {"value": "largest value first", "date": "newest article first"}
#: Column widths in cells for the free-text columns, so one long label cannot push the
#: article off screen; a narrow screen shrinks the label to LABEL_MIN and drops the article.
LABEL_CELLS = 30
LABEL_MIN = 6
TITLE_CELLS = 24
TITLE_MIN = 8
WRITTEN_CELLS = 16
#: DataTable pads each cell by one on either side; the vertical scrollbar takes two.
CELL_PADDING = 2
SCROLLBAR = 2


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


def kind_name(kind: str, short: bool = False) -> str:
    """A figure kind as shown: ``金额 money``, or ``金额`` alone on a narrow screen."""
    return kind_label(kind) if short else f"{kind_label(kind)} {kind}"


def figure_cells(
    row: FigureRow, label: int = LABEL_CELLS, title: int = TITLE_CELLS, short: bool = False
) -> tuple[Text, ...]:
    """The table cells of one figure (Text, never markup: article text is not Rich markup);
    ``title`` 0 leaves the article out. Numbers and dates are never cut."""
    cells = (
        Text(format_value(row.value, row.unit), style="bold", justify="right"),
        Text(sanitize_for_display(row.text), no_wrap=True, end=""),
        Text(kind_name(row.kind, short), style="italic"),
        clipped(row.label, label),
        clipped(row.title, title),
        Text(row.date or "", style="italic"),
    )
    return cells if title else cells[:4] + cells[5:]


def column_widths(rows: list[FigureRow], width: int) -> list[tuple[str, int]]:
    """The columns and their widths for a table ``width`` cells wide, by priority: the
    value, the figure as written, its kind and the date whole (the kind in hanzi alone if
    need be); then the label (down to LABEL_MIN), then the article (left out below
    TITLE_MIN)."""

    def natural(header: str, texts: list[str], cap: int | None = None) -> int:
        most = max([cell_len(header), *(cell_len(sanitize_for_display(t)) for t in texts)])
        return most if cap is None else min(cap, most)

    value = natural("value", [format_value(r.value, r.unit) for r in rows])
    written = natural("as written", [r.text for r in rows])
    date = natural("date", [r.date or "" for r in rows])
    room = width - SCROLLBAR - value - written - date - 5 * CELL_PADDING
    kind = natural("kind", [kind_name(r.kind) for r in rows])
    kind_column = "kind"
    if room - kind < LABEL_MIN:
        kind, kind_column = natural("kind", [kind_name(r.kind, short=True) for r in rows]), "kind "
    room -= kind
    label = max(LABEL_MIN, min(room, natural("label", [r.label for r in rows], LABEL_CELLS)))
    title = min(
        room - label - CELL_PADDING, natural("article", [r.title for r in rows], TITLE_CELLS)
    )
    columns = [("value", value), ("as written", written), (kind_column, kind), ("label", label)]
    if title >= TITLE_MIN:
        columns.append(("article", title))
    return [*columns, ("date", date)]


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
        self._columns: list[tuple[str, int]] = []

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
        self.query_one(Input).focus()
        self.reload()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill_table)

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
        self._fill_table(new_rows=True)
        wanted = self.current_filter
        count = (
            f"more than {ROW_LIMIT} figures, the first {ROW_LIMIT}"
            if more
            else plural(len(self.rows), "figure")
        )
        status = f"{count}, {ORDER_NAMES[self.order]} (ctrl+o)"
        if wanted.bar:
            status += "; the chart bar's money amounts, a repeat in a story once"
        if wanted.unknown:
            status += f"; not understood: {' '.join(wanted.unknown)}"
        self.query_one("#figures-status", Label).update(Content(status))  # typed text: not markup

    def _fill_table(self, new_rows: bool = False) -> None:
        """The rows in columns sized to the table's width (again after a resize)."""
        table = self.table
        width = table.size.width or self.size.width
        columns = column_widths(self.rows, width)
        if self._columns == columns and not new_rows:
            return
        self._columns = columns
        table.clear(columns=True)
        for name, cells in columns:
            table.add_column(name, width=cells)
        names = dict(columns)
        for index, row in enumerate(self.rows):
            short = "kind " in names  # the narrow kind column: hanzi alone
            cells = figure_cells(row, names["label"], names.get("article", 0), short)
            table.add_row(*cells, key=str(index))

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
