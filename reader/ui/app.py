"""The Textual app: holds the article source and the remembered state, and little else.

Whatever the articles come from (files opened directly, the library database), the app
holds one :class:`~reader.library.source.ArticleSource` and hands it to
:class:`~reader.ui.screens.reader.ReaderScreen`, where everything visible lives.
:func:`make_app` is the one factory the CLI, the tests, the benchmarks and the screenshot
script all use, so they all run the same app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from reader.library.source import grouped_notices
from reader.ui.commands import ArticleProvider
from reader.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from reader.library import Library
    from reader.library.source import ArticleSource
    from reader.model import Annotations, Article
    from reader.model.rows import HeadlineRow
    from reader.state.user import State

DEFAULT_THEME = "textual-dark"


class ReaderApp(App[None]):
    """hitech-reader: headlines, the article with its figures and names, key numbers."""

    TITLE = "hitech-reader"
    CSS_PATH = "reader.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {ArticleProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?", id="app.help"),
    ]

    def __init__(self, source: ArticleSource, *, theme: str | None = None) -> None:
        super().__init__()
        self.source = source
        """Where every article, annotation, search and mark comes from."""
        self.save_error: str | None = None
        wanted = theme or source.state.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME

    @property
    def state(self) -> State:
        """The reader's remembered state (the source's)."""
        return self.source.state

    def get_default_screen(self) -> Screen:
        return ReaderScreen(self.source)

    @property
    def reader(self) -> ReaderScreen:
        """The main screen (wherever the screen stack is)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, always as plain text.

        Our messages carry file names, error texts and headlines, which may hold ``[b]`` or
        ``[@click=…]``; Textual would read them as markup (and a stray ``[/x]`` fails to
        render). Screens call this through ``Widget.notify``, which passes ``markup=True``
        explicitly, so the flag is ignored here rather than defaulted.
        """
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _apply_keymap(self) -> None:
        """Rebind keys from the user's keymap file; each problem is one notification."""
        from reader.state.keymap import read_keymap

        keymap, problems = read_keymap()
        if keymap:
            from reader.ui.keymap_check import binding_ids, check_keymap

            keymap, more = check_keymap(keymap, binding_ids(binding_owners()))
            problems += more
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Keymap", severity="warning", timeout=10)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        notices = grouped_notices(self.source.notices())
        for notice in notices:
            if notice.severity == "error":
                self.notify(notice.message, title=notice.title, severity="error",
                            timeout=notice.timeout)
        self._apply_keymap()
        for notice in notices:
            if notice.severity != "error":
                self.notify(notice.message, title=notice.title, severity=notice.severity,
                            timeout=notice.timeout)

    def _remember_theme(self, theme: Theme) -> None:
        self.state.theme = theme.name

    def on_unmount(self) -> None:
        try:
            self.state.save()
        except OSError as error:
            # The screen is gone; the CLI prints this after the app exits.
            self.save_error = f"could not save the reader state: {error}"
        self.source.close()

    def action_help(self) -> None:
        """Show every key (generated from the bindings)."""
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def open_article(self, article_id: str) -> None:
        """Show an article by id (from the command palette)."""
        self.reader.navigator.go_to(article_id)

    def listed_headlines(self) -> list[HeadlineRow]:
        """The headlines in the sidebar (for the command palette)."""
        return self.reader.headlines.rows

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = self.reader
        yield SystemCommand(
            "Toggle highlights",
            "Figures and names highlighted or plain",
            reader.action_toggle_highlights,
        )
        yield SystemCommand(
            "Toggle summary", "Show or hide the key numbers panel", reader.action_toggle_summary
        )
        yield SystemCommand(
            "Toggle sidebar", "Show or hide the headlines", reader.action_toggle_sidebar
        )
        yield SystemCommand(
            "Search all articles", "Library search (ctrl+f)", reader.action_search_library
        )
        yield SystemCommand(
            "Figures across the library",
            "Every figure in a table, sortable and filterable (F)",
            reader.action_figures,
        )
        yield SystemCommand(
            "Names across the library",
            "Every person, place and organisation, and the articles naming them (E)",
            reader.action_entities,
        )
        yield SystemCommand(
            "Bookmarked articles", "A list of the articles bookmarked with B (L)",
            partial(reader.action_marked, "bookmarked"),
        )
        yield SystemCommand(
            "Unread articles", "A list of the articles not read yet (U)",
            partial(reader.action_marked, "unread"),
        )
        yield SystemCommand("Help", "Every key", self.action_help)
        for name, label in (("textual-light", "light"), ("textual-dark", "dark")):
            yield SystemCommand(
                f"Theme: {label}", f"Switch to the {name} theme", partial(self.set_theme, name)
            )

    def set_theme(self, name: str) -> None:
        """Switch theme (remembered through the theme-changed signal)."""
        self.theme = name


def binding_owners() -> tuple[type, ...]:
    """Every screen and widget class of the app that declares bindings."""
    from reader.ui.screens.entities import EntitiesScreen
    from reader.ui.screens.figures import FiguresScreen
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.marked import MarkedScreen
    from reader.ui.screens.search import SearchScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.find_bar import FindBar, FindInput
    from reader.ui.widgets.headline_list import HeadlineList
    from reader.ui.widgets.money_chart import MoneyChart
    from reader.ui.widgets.summary_panel import KeyFigureList

    return (
        ReaderApp,
        ReaderScreen,
        ArticleView,
        HeadlineList,
        FindBar,
        FindInput,
        KeyFigureList,
        HelpScreen,
        SearchScreen,
        FiguresScreen,
        MoneyChart,
        EntitiesScreen,
        MarkedScreen,
    )


def make_app(
    paths: Sequence[str | Path] | None = None,
    *,
    articles: Sequence[Article] | None = None,
    state: State | None = None,
    theme: str | None = None,
    annotator: Callable[[Article], Annotations] | None = None,
    library: Library | None = None,
    watch: bool = True,
    source: ArticleSource | None = None,
) -> ReaderApp:
    """Build the app on ``paths`` (default: the bundled articles) or on ready ``articles``,
    on the library database ``library`` (nothing is loaded then: it is read as shown), or
    on any ready ``source``. Folders among ``paths`` are watched (unless ``watch`` is
    false): pages dropped in appear.

    Files that cannot be read are reported by a notification once the app runs; the rest
    opens. ``annotator`` replaces :func:`reader.annotate.pipeline.annotate` for files (it
    runs in a worker thread).
    """
    from reader.library.factory import open_files, open_library

    if source is None and library is not None:
        source = open_library(library, state=state)
    elif source is None:
        source = open_files(
            paths, articles=articles, state=state, annotator=annotator, watch=watch
        )
    return ReaderApp(source, theme=theme)
