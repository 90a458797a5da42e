"""Library search (ctrl+f): a query box over a list of hits, each with a snippet.

The article source answers (its own index, or a scan of the files open); searching runs
in an exclusive thread worker so a big library never blocks typing, and a newer query
cancels the older one. Choosing a hit dismisses the screen with the
:class:`~reader.search.match.SearchHit`, and the main screen opens the article at the hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from reader.search.match import SearchHit, lookalike_notes
from reader.text.fold import sanitize_for_display

if TYPE_CHECKING:
    from reader.library.source import ArticleSource


def hit_prompt(hit: SearchHit, note: str = "") -> Text:
    """A hit: the headline in bold with the hit count (and ``note``: date and file, for a
    hit that would look like another), then the snippet with hits marked."""
    text = Text(end="")
    text.append(sanitize_for_display(hit.title), style="bold")
    text.append(f"  {hit.hits}×", style="italic")
    if note:
        text.append(f"  {sanitize_for_display(note)}", style="italic")
    snippet = Text(sanitize_for_display(hit.snippet), style="italic")
    for start, end in hit.snippet_spans:
        snippet.stylize("reverse not italic", start, end)
    text.append("\n  ")
    text.append_text(snippet)
    return text


class SearchScreen(ModalScreen[SearchHit | None]):
    """Search every open article; dismisses with the chosen hit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close search", id="search.close"),
        Binding("down", "focus_results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, source: ArticleSource) -> None:
        super().__init__()
        self.source = source
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("搜索全部文章 search all articles", id="search-title")
            yield Input(placeholder='e.g. 珠海 "产业 第一" -大连', id="search-input")
            yield Label("", id="search-status")
            yield OptionList(id="search-results", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted)
    def _query_submitted(self) -> None:
        self.action_focus_results()

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> tuple[str, list[SearchHit]]:
        """Search off the UI thread."""
        return query, self.source.search(query)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "search":
            return
        if event.state == WorkerState.ERROR:
            self.notify(f"Search failed: {event.worker.error}", severity="error")
        elif event.state == WorkerState.SUCCESS and event.worker.result is not None:
            query, hits = event.worker.result
            if query != self.query_one(Input).value:
                return  # an older query finished late
            self.show_hits(query, hits)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        """List ``hits`` and say how many there are."""
        self.hits = hits
        results = self.query_one(OptionList)
        notes = lookalike_notes(hits)
        results.set_options(
            Option(hit_prompt(hit, note)) for hit, note in zip(hits, notes, strict=True))
        status = f"{len(hits)} article{'' if len(hits) == 1 else 's'}" if query else ""
        self.query_one("#search-status", Label).update(status)

    def action_focus_results(self) -> None:
        """Move to the list of hits."""
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    @on(OptionList.OptionSelected)
    def _hit_chosen(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index])
