"""The entities view (``E``): every person, place and organisation, and where they appear.

A filter line (a type — ``person``, ``place``, ``org`` or 人物/地点/机构 — and any text the
name must contain), a table of names with the number of articles naming each, most named
first, and beside it the articles naming the chosen name. Enter on a name lists its articles
beside the table (the list is not there before: no empty panel) and moves there; enter on
an article dismisses the screen with its id and the name, and the reader opens it at the
first mention, marked. The name column gets the width the longest name needs before the
type and count columns are cut. Rows come from a
:class:`~reader.library.source.ArticleSource` in thread workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from reader.model.labels import plural
from reader.text.fold import fold, sanitize_for_display
from reader.ui.screens.figures import clipped

if TYPE_CHECKING:
    from reader.library.source import ArticleSource
    from reader.model.rows import EntityRow, HeadlineRow

ROW_LIMIT = 2000
TYPES = {"person": "person", "place": "place", "org": "org", "人物": "person", "人名": "person",
         "地点": "place", "地名": "place", "机构": "org", "组织": "org"}
TYPE_NAMES = {"person": "人物", "place": "地点", "org": "机构"}


def entity_kind(row: EntityRow) -> str:
    """The type column: 人物, 地点, 机构; a reporter of bylines is 作者 (listed apart)."""
    return "作者" if row.role == "author" else TYPE_NAMES.get(row.type, row.type)


def entity_label(row: EntityRow) -> str:
    """The name column: the full name, then the short forms articles use for it."""
    return f"{row.text}（{'、'.join(row.aliases)}）" if row.aliases else row.text


def parse_entity_filter(text: str) -> tuple[str | None, str]:
    """(type or None, text the name must contain) from a filter line like ``org 高新``."""
    kind = None
    words = []
    for word in text.split():
        if word.lower() in TYPES:
            kind = TYPES[word.lower()]
        else:
            words.append(word)
    return kind, " ".join(words)


#: Cells of the type and count columns, DataTable's padding of each cell and its scrollbar.
TYPE_CELLS, COUNT_CELLS, CELL_PADDING, SCROLLBAR = 4, 8, 2, 2
NAME_MIN = 8


def name_width(rows: list[EntityRow], table_width: int) -> int:
    """The name column: as wide as the longest name, within what the table leaves it."""
    room = table_width - SCROLLBAR - TYPE_CELLS - COUNT_CELLS - 3 * CELL_PADDING
    longest = max((cell_len(sanitize_for_display(entity_label(row))) for row in rows), default=4)
    return max(NAME_MIN, min(room, longest))


class EntitiesScreen(ModalScreen["tuple[str, str] | None"]):
    """Names across everything open; dismisses with (article id, name) of the choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close names", id="entities.close"),
        Binding("ctrl+l", "focus_filter", "Filter", id="entities.filter"),
        Binding("down", "focus_table", "Names", show=False, id="entities.table"),
    ]

    def __init__(self, catalogue: ArticleSource, *, query: str = "") -> None:
        super().__init__()
        self.catalogue = catalogue
        self.initial_query = query
        self.all_rows: list[EntityRow] = []
        self.loaded_type: str | None = "-"  # nothing loaded yet
        self.rows: list[EntityRow] = []
        self.chosen: EntityRow | None = None
        self.articles: list[HeadlineRow] = []
        self._name_cells = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="entities-box", classes="library-box"):
            yield Label("人名地名机构 every name", classes="library-title")
            yield Input(
                self.initial_query,
                placeholder="filter: person   place 高新   org   (or any part of a name)",
                id="entities-filter",
            )
            yield Label("reading…", id="entities-status", classes="library-status")
            with Horizontal(id="entities-panes"):
                table: DataTable[Text] = DataTable(
                    id="entities-table", cursor_type="row", zebra_stripes=True
                )
                yield table
                yield OptionList(id="entities-articles", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.reload()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill_table)

    @property
    def table(self) -> DataTable[Text]:
        """The table of names."""
        return self.query_one("#entities-table", DataTable)

    @property
    def article_list(self) -> OptionList:
        """The articles naming the chosen name."""
        return self.query_one("#entities-articles", OptionList)

    def reload(self) -> None:
        """Fetch the names of the type typed (or filter the ones we have by text)."""
        kind, _text = parse_entity_filter(self.query_one(Input).value)
        if kind == self.loaded_type:
            self.show_rows()
        else:
            self.load_entities(kind)

    @on(Input.Changed, "#entities-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(Input.Submitted, "#entities-filter")
    def _filter_submitted(self) -> None:
        self.action_focus_table()

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def load_entities(self, kind: str | None) -> tuple[str | None, list[EntityRow]]:
        """Every name of ``kind`` off the UI thread."""
        return kind, self.catalogue.entities(kind)

    @work(thread=True, exclusive=True, group="naming", exit_on_error=False)
    def load_articles(self, row: EntityRow) -> tuple[EntityRow, list[HeadlineRow]]:
        """The articles naming ``row`` off the UI thread."""
        return row, self.catalogue.articles_naming(row.text, row.type, row.role)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in ("entities", "naming"):
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Could not list the names: {event.worker.error}", severity="error")
            return
        if event.state != WorkerState.SUCCESS or event.worker.result is None:
            return
        if group == "entities":
            kind, rows = event.worker.result
            if kind == parse_entity_filter(self.query_one(Input).value)[0]:
                self.loaded_type, self.all_rows = kind, rows
                self.show_rows()
        else:
            row, articles = event.worker.result
            if row is self.chosen:
                self.show_articles(articles)

    def show_rows(self) -> None:
        """Fill the table with the loaded names that contain the text typed."""
        _kind, text = parse_entity_filter(self.query_one(Input).value)
        needle = fold(text).text
        matching = [r for r in self.all_rows
                    if not needle or any(needle in fold(t).text for t in (r.text, *r.aliases))]
        self.rows = matching[:ROW_LIMIT]
        self._fill_table(new_rows=True)
        shown = f", the first {ROW_LIMIT}" if len(matching) > ROW_LIMIT else ""
        self.query_one("#entities-status", Label).update(
            f"{plural(len(matching), 'name')}{shown}; enter lists the articles naming one"
        )

    def _fill_table(self, new_rows: bool = False) -> None:
        """The names in columns sized to the table (again after a resize)."""
        table = self.table
        # From the box, not the table: the table narrows to 3/5 as the list appears, and
        # its own new size is not known until the next layout.
        box = self.query_one("#entities-box")
        room = box.content_size.width or self.size.width
        if box.has_class("-articles"):
            room = room * 3 // 5
        width = name_width(self.rows, room)
        if not new_rows and width == self._name_cells:
            return
        self._name_cells = width
        table.clear(columns=True)
        table.add_column("name", width=width)
        table.add_column("type", width=TYPE_CELLS)
        table.add_column("articles", width=COUNT_CELLS)
        for index, row in enumerate(self.rows):
            table.add_row(
                clipped(entity_label(row), width),
                Text(entity_kind(row), style="italic"),
                Text(str(row.articles), justify="right"),
                key=str(index),
            )

    def show_articles(self, articles: list[HeadlineRow]) -> None:
        """List the articles naming the chosen name and move there."""
        self.articles = articles
        options = []
        for row in articles:
            prompt = Text(no_wrap=True, overflow="ellipsis", end="")
            prompt.append(sanitize_for_display(row.headline), style="bold")
            if row.date:
                prompt.append(f"  {row.date}", style="italic")
            options.append(Option(prompt, id=row.article_id))
        listing = self.article_list
        listing.set_options(options)
        self.query_one("#entities-box").add_class("-articles")
        self._fill_table()  # the table is narrower beside the list
        if options:
            listing.highlighted = 0
            listing.focus()
        chosen = self.chosen
        if chosen is not None:
            self.query_one("#entities-status", Label).update(
                Content(f"{chosen.text}: {plural(len(articles), 'article')}; enter opens one")
            )

    def action_focus_table(self) -> None:
        """Move to the table of names."""
        if self.table.row_count:
            self.table.focus()

    def action_focus_filter(self) -> None:
        """Back to the filter line."""
        self.query_one(Input).focus()

    @on(DataTable.RowSelected, "#entities-table")
    def _name_chosen(self, event: DataTable.RowSelected) -> None:
        index = int(event.row_key.value or -1)
        if 0 <= index < len(self.rows):
            self.chosen = self.rows[index]
            self.load_articles(self.chosen)

    @on(OptionList.OptionSelected, "#entities-articles")
    def _article_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and self.chosen is not None:
            self.dismiss((event.option.id, self.chosen.text))
