"""The read-after rule: an article counts as read after a while on screen or on scrolling,
passing through marks nothing, and ``m`` makes the mark the reader's own."""

from __future__ import annotations

from reader.state.reading import ReadingRule
from reader.state.user import State


def rule(read_after: float = 1.5) -> ReadingRule:
    state = State.load()
    state.read_after = read_after
    return ReadingRule(state)


def test_an_unread_article_shown_waits_the_delay() -> None:
    reading = rule(1.5)
    assert reading.shown("a") == 1.5
    assert not reading.state.is_read("a")
    assert reading.reached("a") is True
    assert reading.state.is_read("a")
    assert reading.reached("a") is False  # once


def test_a_read_article_asks_for_no_timer() -> None:
    reading = rule()
    reading.state.set_read("a", True)
    assert reading.shown("a") is None


def test_no_delay_means_at_once() -> None:
    assert rule(0).shown("a") == 0
    assert rule(-3).shown("a") == 0


def test_passing_through_marks_nothing() -> None:
    reading = rule()
    reading.shown("a")
    reading.shown("b")  # J before the delay ran out
    assert reading.reached("a") is False  # a late timer of the article left behind
    assert not reading.state.is_read("a")
    assert reading.reached("b") is True


def test_m_makes_the_mark_the_readers_until_another_article() -> None:
    reading = rule()
    reading.shown("a")
    assert reading.toggled("a") is True and reading.state.is_read("a")
    assert reading.toggled("a") is False and not reading.state.is_read("a")
    assert reading.reached("a") is False  # scrolling no longer marks it
    assert not reading.state.is_read("a")
    reading.shown("b")
    reading.shown("a")  # shown again: the rule applies again
    assert reading.reached("a") is True
