"""The summary panel: the article's key numbers, then its people, places and organisations.

Key numbers are an OptionList so they can be chosen with keys or the mouse; choosing one
posts :class:`SummaryPanel.KeyFigureChosen` and the screen scrolls the article to it. The
names are grouped by type with counts. Until the annotation worker reports, the panel says
it is still reading: the first paint never waits for the NLP stack.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Annotations, Entity, KeyFigure, Located
from reader.text.fold import sanitize_for_display
from reader.text.linebreak import break_lines

ENTITY_HEADINGS = {"person": "人物 people", "place": "地点 places", "org": "机构 organisations"}
#: The reporters named in bylines, listed apart from the people a story is about (作者, the
#: word the library's names view uses for them).
AUTHORS_HEADING = "作者 authors"


#: Cells a key number and its label may take on one line of the panel (30 wide, less its
#: border and the list's padding); a longer pair puts the label on lines of its own.
PROMPT_CELLS = 26
#: Cells of a label on a line of its own, after its indent, with the panel's scrollbar shown
#: (the names make it scroll): a longer label folds.
LABEL_CELLS = 20


#: How a qualifier the figure's own text leaves out is said before it (近 2万名 → 约2万名):
#: "nearly 20,000" is not 20,000, and the panel shows the figure away from its sentence.
_QUALIFIER_WORDS = {"approx": "约", "lower_bound": "超", "upper_bound": "不足"}


def _qualified(qualifiers: Sequence[str], figure: str) -> str:
    if any(w in figure for w in ("多", "余", "左右", "以上")):
        return figure  # 3000多家: the figure says it itself
    word = next((_QUALIFIER_WORDS[q] for q in qualifiers if q in _QUALIFIER_WORDS), "")
    return word + figure


def key_figure_prompt(key: KeyFigure, cells: int = PROMPT_CELLS) -> Text:
    """A key number: the figure in bold, then its label in italics (dim text falls below 3:1
    contrast in some themes), on one line when both fit in ``cells``, else the label on the
    lines after, indented and folded at :data:`LABEL_CELLS` (or ``cells`` when narrower), so
    that it is read whole (not cut: 主园区工业总产值目…)."""
    text = Text(end="")
    figure = _qualified(key.figure.qualifiers, sanitize_for_display(key.figure.text))
    text.append(figure, style="bold")
    if key.label:
        label = sanitize_for_display(key.label)
        if cell_len(figure) + 2 + cell_len(label) <= cells:
            text.append("  ")
            text.append(label, style="italic")
            return text
        # (a label longer than its own line folds at a hanzi boundary, read whole: the panel
        # would otherwise cut 众智科技产业园项目预… before what is measured)
        for start, end in break_lines(label, min(LABEL_CELLS, cells - 2)):
            text.append("\n  ")
            text.append(label[start:end], style="italic")
    return text


def entity_summary(entities: Sequence[Located[Entity]]) -> Text:
    """Names grouped by type, most mentioned first, each with its count; the reporters of
    the bylines apart, after them, when there are any (they write the story, it is not
    about them)."""
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in ENTITY_HEADINGS}
    for located in entities:
        kind = "author" if located.span.role == "author" else located.span.type
        counts.setdefault(kind, Counter())[located.span.text] += 1
    headings = dict(ENTITY_HEADINGS)
    if counts.get("author"):
        headings["author"] = AUTHORS_HEADING
    text = Text(end="")
    for kind, heading in headings.items():
        names = counts.get(kind) or Counter()
        if text:
            text.append("\n")
        text.append(f"{heading} ({sum(names.values())})", style="bold")
        for name, count in sorted(names.items(), key=lambda item: (-item[1], item[0])):
            text.append("\n  ")
            text.append(sanitize_for_display(name))
            text.append(f" ×{count}", style="italic")
    return text


class KeyFigureList(OptionList):
    """The key numbers of the article shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next key number", show=False, id="summary.down"),
        Binding("k,up", "cursor_up", "Previous key number", show=False, id="summary.up"),
        Binding("enter", "select", "Show it in the article", show=False, id="summary.choose"),
    ]


class SummaryPanel(VerticalScroll, can_focus=False):
    """Key numbers and names of the article shown."""

    @dataclass
    class KeyFigureChosen(Message):
        """A key number was chosen: ``index`` into the current key figures."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key_figures: list[KeyFigure] = []
        self.key_index: int | None = None
        """The key number last gone to, an index into ``key_figures``."""

    def compose(self) -> ComposeResult:
        yield Label("关键数字 key numbers", classes="summary-heading")
        yield KeyFigureList(id="key-figures", markup=False)
        yield Label("名称 names", classes="summary-heading")
        yield Static("", id="entities", markup=False)

    def focus_key_figures(self) -> None:
        """Focus the list of key numbers (the panel was opened over the article)."""
        self.query_one(KeyFigureList).focus()

    def show_pending(self) -> None:
        """The article changed; its annotations are on their way."""
        self.key_figures, self.key_index = [], None
        waiting = Option(Text("…", style="italic"), disabled=True)
        self.query_one(KeyFigureList).set_options([waiting])
        self.query_one("#entities", Static).update(Text("…", style="italic"))

    def show_annotations(self, annotations: Annotations) -> None:
        """Fill the panel from the full annotations of the article shown."""
        self.key_figures, self.key_index = list(annotations.key_figures), None
        options = [Option(key_figure_prompt(key)) for key in self.key_figures]
        if not options:
            options = [Option(Text("(none)", style="italic"), disabled=True)]
        self.query_one(KeyFigureList).set_options(options)
        self.query_one("#entities", Static).update(entity_summary(annotations.entities))

    def choose(self, index: int) -> KeyFigure | None:
        """Make key number ``index`` the current one; returns it (None if no such)."""
        if not 0 <= index < len(self.key_figures):
            return None
        self.key_index = index
        return self.key_figures[index]

    def step_key_figure(self, step: int) -> KeyFigure | None:
        """The next (1) or previous (-1) key number in reading order, made current; None
        if the article has none (yet)."""
        keys = sorted(
            enumerate(self.key_figures), key=lambda item: (item[1].block, item[1].figure.start)
        )
        if not keys:
            return None
        order = [index for index, _key in keys]
        if self.key_index is None or self.key_index not in order:
            position = 0 if step > 0 else len(order) - 1
        else:
            position = (order.index(self.key_index) + step) % len(order)
        return self.choose(order[position])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.key_figures):
            self.post_message(self.KeyFigureChosen(event.option_index))
