"""Notices shown when the app starts: many of one kind become one (they covered the page)."""

from __future__ import annotations

from reader.library.source import NOTICES_SHOWN, Notice, grouped_notices


def test_many_notices_of_one_kind_become_one_naming_the_first_few() -> None:
    plain = [
        Notice(f"page{i}.txt: read as plain text", "Read as plain text", timeout=8, foldable=True)
        for i in range(12)
    ]
    other = Notice("bad.pdf: encrypted", "Not read", "error")
    shown = grouped_notices([*plain, other])
    assert len(shown) == 2
    folded = shown[0]
    assert folded.title == "Read as plain text" and folded.severity == "warning"
    assert folded.message.splitlines()[:NOTICES_SHOWN] == [n.message for n in plain[:NOTICES_SHOWN]]
    assert folded.message.splitlines()[-1] == f"…and {12 - NOTICES_SHOWN} more like these"
    assert folded.timeout == 8
    assert shown[1] == other


def test_a_few_notices_are_shown_as_they_are() -> None:
    few = [Notice(f"n{i}", "Read as plain text", foldable=True) for i in range(NOTICES_SHOWN)]
    assert grouped_notices(few) == few


def test_files_that_could_not_be_read_are_each_named_on_their_own() -> None:
    errors = [Notice(f"bad{i}.txt: not a text file", "Could not open a file", "error") for i in
              range(8)]
    assert grouped_notices(errors) == errors
