"""The Textual app: holds the library and the remembered state, and little else.

Everything visible lives in :class:`~reader.ui.reader_screen.ReaderScreen` and its widgets.
:func:`make_app` is the one factory the CLI, the tests, the benchmarks and the screenshot
script all use, so they all run the same app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from reader.model import Annotations, Article
from reader.state import State
from reader.ui.commands import ArticleProvider
from reader.ui.reader_screen import ReaderScreen

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

    def __init__(
        self,
        articles: Sequence[Article],
        state: State,
        *,
        errors: Sequence[str] = (),
        theme: str | None = None,
        annotator: Callable[[Article], Annotations] | None = None,
    ) -> None:
        super().__init__()
        from reader.ui import core

        self.annotator: Callable[[Article], Annotations] = annotator or core.full_annotations
        """Full annotations of one article; called in a worker thread."""
        self.library: list[Article] = list(articles)
        self._by_id = {article.id: article for article in self.library}
        self.state = state
        self.load_errors = list(errors)
        self.save_error: str | None = None
        wanted = theme or state.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME

    def article(self, article_id: str) -> Article | None:
        """The open article with this id."""
        return self._by_id.get(article_id)

    def get_default_screen(self) -> Screen:
        return ReaderScreen()

    @property
    def reader(self) -> ReaderScreen:
        """The main screen (wherever the screen stack is)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for message in self.load_errors:
            self.notify(message, title="Could not open a file", severity="error", timeout=10)
        if not self.library:
            self.notify("No articles to show.", severity="warning")

    def _remember_theme(self, theme: Theme) -> None:
        self.state.theme = theme.name

    def on_unmount(self) -> None:
        try:
            self.state.save()
        except OSError as error:
            # The screen is gone; the CLI prints this after the app exits.
            self.save_error = f"could not save the reader state: {error}"

    def action_help(self) -> None:
        """Show every key (generated from the bindings)."""
        from reader.ui.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def open_article(self, article_id: str) -> None:
        """Show an article by id (from the command palette)."""
        reader = self.reader
        index = reader.headlines.index_of(article_id)
        if index is not None:
            reader.headlines.highlighted = index
            reader.headlines.scroll_to_highlight()

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
        yield SystemCommand("Help", "Every key", self.action_help)
        for name, label in (("textual-light", "light"), ("textual-dark", "dark")):
            yield SystemCommand(
                f"Theme: {label}", f"Switch to the {name} theme", partial(self.set_theme, name)
            )

    def set_theme(self, name: str) -> None:
        """Switch theme (remembered through the theme-changed signal)."""
        self.theme = name


def default_paths() -> list[Path]:
    """What the app opens when given no paths: the bundled sample pages."""
    from reader.ui.core import bundled_articles_dir

    return [bundled_articles_dir()]


def make_app(
    paths: Sequence[str | Path] | None = None,
    *,
    articles: Sequence[Article] | None = None,
    state: State | None = None,
    theme: str | None = None,
    annotator: Callable[[Article], Annotations] | None = None,
) -> ReaderApp:
    """Build the app on ``paths`` (default: the bundled articles) or on ready ``articles``.

    Files that cannot be read are reported by a notification once the app runs; the rest of
    the library opens. ``annotator`` replaces :func:`reader.annotate.annotate` (it runs in a
    worker thread), e.g. to read stored annotations.
    """
    from reader.ui import core

    errors: list[str] = []
    if articles is None:
        articles, errors = core.load_library(list(paths) if paths else default_paths())
    return ReaderApp(
        articles,
        state if state is not None else State.load(),
        errors=errors,
        theme=theme,
        annotator=annotator,
    )
