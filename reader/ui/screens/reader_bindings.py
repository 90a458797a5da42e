"""The keys of the reader screen, in one list: the footer, the help screen, the command
palette and the user's keymap (by each binding's stable id) all read it."""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding("J", "next_article(1)", "Next article", id="reader.next-article"),
    Binding("K", "next_article(-1)", "Previous article", id="reader.previous-article"),
    Binding("tab", "app.focus_next", "Next pane", show=False, id="reader.next-pane"),
    Binding(
        "shift+tab", "app.focus_previous", "Previous pane", show=False, id="reader.prev-pane"
    ),
    Binding("space", "page(1)", "Page down", show=False, id="reader.page-down"),
    Binding("shift+space", "page(-1)", "Page up", show=False, id="reader.page-up"),
    Binding("slash", "find", "Find", id="reader.find"),
    Binding("n", "find_step(1)", "Next match", show=False, id="reader.next-match"),
    Binding("N", "find_step(-1)", "Previous match", show=False, id="reader.previous-match"),
    Binding("escape", "close_find", "Close find", show=False, id="reader.close-find"),
    Binding("ctrl+f", "search_library", "Search all", id="reader.search"),
    Binding(
        "right_square_bracket",
        "key_figure(1)",
        "Next key number",
        show=False,
        id="reader.next-key-figure",
    ),
    Binding(
        "left_square_bracket",
        "key_figure(-1)",
        "Previous key number",
        show=False,
        id="reader.previous-key-figure",
    ),
    Binding("h", "toggle_highlights", "Highlights", id="reader.toggle-highlights"),
    Binding("s", "toggle_summary", "Summary", id="reader.toggle-summary"),
    Binding("b", "toggle_sidebar", "Sidebar", show=False, id="reader.toggle-sidebar"),
    Binding("m", "toggle_read", "Mark read/unread", show=False, id="reader.toggle-read"),
    Binding("B", "toggle_bookmark", "Bookmark", show=False, id="reader.toggle-bookmark"),
    Binding("F", "figures", "Figures", show=False, id="reader.figures"),
    Binding("E", "entities", "Names", show=False, id="reader.entities"),
    Binding("L", "marked('bookmarked')", "Bookmarks", show=False, id="reader.bookmarks"),
    Binding("U", "marked('unread')", "Unread", show=False, id="reader.unread"),
]
