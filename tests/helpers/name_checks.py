"""Checking the names found in a sentence against what must and must not be found."""

from __future__ import annotations

from reader.annotate.entities import find_entities


def found_names(text: str) -> set[tuple[str, str]]:
    """The (text, type) pairs of the names found in ``text``."""
    return {(e.text, e.type) for e in find_entities(text)}


def check_names(
    text: str, want: list[tuple[str, str]], unwanted: list[tuple[str, str]]
) -> None:
    """Assert that every pair of ``want`` and no pair of ``unwanted`` is found in ``text``."""
    found = found_names(text)
    for pair in want:
        assert pair in found, f"{pair} not in {sorted(found)}"
    for pair in unwanted:
        assert pair not in found, f"{pair} in {sorted(found)}"
