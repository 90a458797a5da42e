"""The Textual app: holds the library and the remembered state, and little else.

Two ways to open it: on articles loaded from plain files (``library`` is that list), or in
library mode on the library database (``store``), where nothing is loaded up front: the
sidebar fetches headlines a page at a time and articles are fetched when shown. Everything
visible lives in :class:`~reader.ui.screens.reader.ReaderScreen` and its widgets.
:func:`make_app` is the one factory the CLI, the tests, the benchmarks and the screenshot
script all use, so they all run the same app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from reader.model import Annotations, Article
from reader.search.match import SearchHit
from reader.state.user import State
from reader.ui.commands import ArticleProvider
from reader.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from reader.ingest.watch import FolderWatch
    from reader.library import Library
    from reader.library.memory import Catalogue
    from reader.model.rows import HeadlineRow

DEFAULT_THEME = "textual-dark"
#: Library mode: how many fetched articles are kept in memory.
FETCHED_KEPT = 64


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
        notices: Sequence[str] = (),
        theme: str | None = None,
        annotator: Callable[[Article], Annotations] | None = None,
        store: Library | None = None,
        folders: FolderWatch | None = None,
    ) -> None:
        super().__init__()
        from reader.ui import core

        self.store = store
        """The library database in library mode, else None."""
        self.folders = folders
        """The folders opened, watched for pages dropped in while the app runs."""
        self.store_lock = threading.Lock()
        """Held around every use of ``store``'s connection (the UI thread and workers)."""
        if store is not None and annotator is None:
            annotator = self._stored_annotations
        self.annotator: Callable[[Article], Annotations] = annotator or core.full_annotations
        """Full annotations of one article; called in a worker thread."""
        self.library: list[Article] = list(articles)
        self._by_id = {article.id: article for article in self.library}
        self.state = state
        self.load_errors = list(errors)
        self.load_notices = list(notices)
        self.save_error: str | None = None
        self._catalogue: Catalogue | None = None
        wanted = theme or state.theme or DEFAULT_THEME
        self.theme = wanted if wanted in self.available_themes else DEFAULT_THEME

    @property
    def catalogue(self) -> Catalogue:
        """Figures and names across everything open, for the figures and entities views."""
        if self._catalogue is None and self.store is not None:
            from reader.library.memory import StoreCatalogue

            self._catalogue = StoreCatalogue(self.store, self.store_lock)
        elif self._catalogue is None:
            from reader.library.memory import MemoryCatalogue

            reader = self.reader
            # The reader's cache and lock: an article annotated for one is done for both.
            self._catalogue = MemoryCatalogue(
                self.library, self.annotator, reader.annotations, reader._annotate_lock
            )
        return self._catalogue

    def article(self, article_id: str) -> Article | None:
        """The open article with this id (in library mode, fetched from the library)."""
        found = self._by_id.get(article_id)
        if found is None and self.store is not None:
            with self.store_lock:
                found = self.store.get(article_id)
            if found is not None:
                # The last few kept: going back and forth costs no query; holding j through
                # a big library does not keep every article passed.
                if len(self._by_id) >= FETCHED_KEPT:
                    del self._by_id[next(iter(self._by_id))]
                self._by_id[article_id] = found
        return found

    def merge_files(
        self, loaded: Sequence[tuple[str, list[Article]]], removed: Iterable[str]
    ) -> int:
        """Put the articles of new or changed files in, take out those of removed files.

        ``loaded`` is (file path, its articles): a file already open has its articles
        replaced where they were; a new one goes at the end. Returns the articles added.
        """
        fresh = {path: articles for path, articles in loaded if articles}
        by_source = {articles[0].source.path: articles for articles in fresh.values()}
        gone = set(removed) - set(by_source)
        merged: list[Article] = []
        placed: set[str] = set()
        for article in self.library:
            source = article.source.path
            if source in gone:
                continue
            if source in by_source:
                if source not in placed:
                    merged.extend(by_source[source])
                    placed.add(source)
                continue
            merged.append(article)
        added = [
            a for source, articles in by_source.items() if source not in placed for a in articles
        ]
        merged.extend(added)
        self.library = merged
        self._by_id = {article.id: article for article in merged}
        return len(added)

    def _stored_annotations(self, article: Article) -> Annotations:
        """Library mode: the annotations made at import, not the NLP stack again."""
        found = self.stored_annotations(article.id)
        return found if found is not None else Annotations()

    def stored_annotations(self, article_id: str) -> Annotations | None:
        """Library mode: the annotations stored for an article (one indexed read), if any."""
        assert self.store is not None
        with self.store_lock:
            return self.store.annotations(article_id)

    def search(self, query: str) -> list[SearchHit]:
        """Library mode: search the library's index (called from a worker)."""
        assert self.store is not None
        with self.store_lock:
            return self.store.search(query)

    def headline_page(self, offset: int, limit: int) -> list[HeadlineRow]:
        """Library mode: one page of the sidebar."""
        assert self.store is not None
        with self.store_lock:
            return self.store.headlines(offset, limit)

    def article_count(self) -> int:
        """How many articles are open (in library mode, in the library)."""
        if self.store is None:
            return len(self.library)
        with self.store_lock:
            return self.store.count()

    def get_default_screen(self) -> Screen:
        return ReaderScreen()

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

            keymap, more = check_keymap(keymap, binding_ids())
            problems += more
            self.set_keymap(keymap)
        for problem in problems:
            self.notify(problem, title="Keymap", severity="warning", timeout=10)

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        for message in self.load_errors:
            self.notify(message, title="Could not open a file", severity="error", timeout=10)
        for message in self.load_notices:
            self.notify(message, title="Read as plain text", severity="warning", timeout=10)
        self._apply_keymap()
        if self.store is not None:
            for notice in self.store.notices:
                self.notify(notice, title="Library", severity="warning", timeout=10)
        elif not self.library:
            self.notify("No articles to show.", severity="warning")

    def _remember_theme(self, theme: Theme) -> None:
        self.state.theme = theme.name

    def on_unmount(self) -> None:
        try:
            self.state.save()
        except OSError as error:
            # The screen is gone; the CLI prints this after the app exits.
            self.save_error = f"could not save the reader state: {error}"
        if self.store is not None:
            self.store.close()

    def action_help(self) -> None:
        """Show every key (generated from the bindings)."""
        from reader.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def open_article(self, article_id: str) -> None:
        """Show an article by id (from the command palette)."""
        reader = self.reader
        index = reader.headlines.index_of(article_id)
        if index is not None:
            reader.headlines.highlighted = index
            reader.headlines.scroll_to_highlight()
        else:
            reader.open_at(article_id)

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
    store: Library | None = None,
    watch: bool = True,
) -> ReaderApp:
    """Build the app on ``paths`` (default: the bundled articles) or on ready ``articles``,
    or in library mode on ``store`` (then nothing is loaded: the library is read as shown).
    Folders among ``paths`` are watched (unless ``watch`` is false): pages dropped in appear.

    Files that cannot be read are reported by a notification once the app runs; the rest of
    the library opens. ``annotator`` replaces :func:`reader.annotate.pipeline.annotate` (it
    runs in a worker thread), e.g. to read stored annotations.
    """
    from reader.ui import core

    errors: list[str] = []
    notices: list[str] = []
    folders = None
    if store is None and paths and watch:
        from reader.ingest.watch import FolderWatch

        # The first look before loading: a page dropped in meanwhile is read (again) on
        # the first poll, never missed.
        dirs = [p for p in map(Path, paths) if p.is_dir()]
        folders = FolderWatch(dirs) if dirs else None
    if store is not None:
        articles = []
    elif articles is None:
        articles, errors, notices = core.load_library(list(paths) if paths else default_paths())
    if state is None:
        state = State.load()
    if store is not None:
        from reader.library.memory import LibraryState

        # Read marks and bookmarks of library mode live in the library's own state.
        state = LibraryState(state, store)
    return ReaderApp(
        articles,
        state,
        errors=errors,
        notices=notices,
        theme=theme,
        annotator=annotator,
        store=store,
        folders=folders,
    )
