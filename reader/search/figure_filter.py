"""What the figures view lists (one :class:`FigureQuery` for memory and SQLite), the little
filter language that fills it, and how a figure's value is shown.

:class:`FigureQuery` is the filter written once: :meth:`FigureQuery.matches` tests a figure
in memory (the app on plain files), :meth:`FigureQuery.sql` gives the library the same test
as SQL over its indexed columns.

One line typed from the keyboard, words in any order: a kind (``money``, ``area``… or its
Chinese name ``金额``, ``面积``…), bounds on the value (``>=100亿``, ``>1e10``, ``<=5万``) and
a unit (``元``, ``平方米``, ``个``). ``money >=100亿`` is every amount of at least 100 亿元.
The words ``date:2024-03`` (a date prefix), ``place:NAME`` and ``org:NAME`` select what one bar
of the figures chart stands for (see :mod:`reader.library.charts`).
Values are in the canonical units the library stores (money in 元, area in 平方米), and a
bound may carry the Chinese multipliers 万, 亿 and 万亿. Pure functions, no textual import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from reader.model.labels import FIGURE_KIND_LABELS, SYNONYMS

KINDS = tuple(FIGURE_KIND_LABELS)
#: Chinese names of the kinds, as the legend under the article shows them.
KIND_NAMES = {label: kind for kind, label in FIGURE_KIND_LABELS.items()} | {
    word: kind for word, kind in SYNONYMS.items() if kind in FIGURE_KIND_LABELS
}
_BAR_WORDS = ("date", "place", "org")
MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}
_BOUND = re.compile(
    r"^(?P<op>>=|<=|>|<|≥|≤|=)?\s*(?P<num>[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)"
    r"(?P<mult>万亿|亿|万|千)?(?P<unit>\S*)$"
)


#: The orders of the figures view: largest value first, or newest article first.
ORDERS = ("value", "date")


class HasValue(Protocol):
    """What a figure needs for :meth:`FigureQuery.matches` (a ``Figure`` or a ``FigureRow``)."""

    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def value(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class FigureQuery:
    """Which figures to list: ``None`` means any. A figure without a value fails any bound."""

    kind: str | None = None
    unit: str | None = None
    min_value: float | None = None
    max_value: float | None = None

    def matches(self, figure: HasValue) -> bool:
        """Whether ``figure`` passes the filter (the in-memory form of :meth:`sql`)."""
        if self.kind is not None and figure.kind != self.kind:
            return False
        if self.unit is not None and figure.unit != self.unit:
            return False
        value = figure.value
        if self.min_value is not None and (value is None or value < self.min_value):
            return False
        return not (self.max_value is not None and (value is None or value > self.max_value))

    def sql(self, alias: str = "f") -> tuple[str, list[object]]:
        """The same test as an SQL condition on the figures table named ``alias``, and its
        arguments. Each part is a column of an index (``kind``, ``unit``, ``value``); a NULL
        value fails a bound there as it does in :meth:`matches`."""
        conds: list[str] = []
        args: list[object] = []
        for clause, value in (
            ("kind = ?", self.kind), ("unit = ?", self.unit),
            ("value >= ?", self.min_value), ("value <= ?", self.max_value),
        ):
            if value is not None:
                conds.append(f"{alias}.{clause}")
                args.append(value)
        return " AND ".join(conds) or "1", args


def money_query(min_value: float | None = None, max_value: float | None = None) -> FigureQuery:
    """Amounts in 元 within the bounds: what a money chart sums."""
    return FigureQuery("money", "元", min_value, max_value)


@dataclass(frozen=True, slots=True)
class FigureFilter(FigureQuery):
    """A filter line as read by :func:`parse_filter`: the query and what was not understood."""

    #: Words that were not understood, to tell the user.
    unknown: tuple[str, ...] = ()
    #: A chart bar: the article date starts with this (``2024-03``, ``2024``).
    date: str | None = None
    #: A chart bar: the place or organisation the amount is attributed to.
    place: str | None = None
    org: str | None = None

    @property
    def bar(self) -> bool:
        """Whether the filter selects one bar of the chart (money amounts, not every figure)."""
        return bool(self.date or self.place or self.org)

    @property
    def query(self) -> FigureQuery:
        """The filter without the words it did not understand."""
        return FigureQuery(self.kind, self.unit, self.min_value, self.max_value)


def parse_filter(text: str) -> FigureFilter:
    """Read a filter line such as ``money >=100亿`` or ``area >1万 平方米``.

    ``>=100亿元`` is read as a bound of 1e10 with the unit 元. A bare number is a minimum.
    ``>`` and ``<`` are taken as ``>=`` and ``<=``: figures are rarely exactly on a bound.
    """
    kind = unit = None
    low = high = None
    unknown: list[str] = []
    bar: dict[str, str] = {}
    for word in text.split():
        lowered = word.lower()
        name, colon, rest = word.partition(":")
        if colon and rest and name.lower() in _BAR_WORDS:
            bar[name.lower()] = rest
            continue
        if lowered in KINDS or word in KIND_NAMES:
            kind = KIND_NAMES.get(word, lowered)
            continue
        match = _BOUND.match(word)
        if match:
            value = float(match["num"]) * MULTIPLIERS.get(match["mult"] or "", 1.0)
            op = match["op"] or ">="
            if op in ("<", "<=", "≤"):
                high = value
            elif op == "=":
                low = high = value
            else:
                low = value
            if match["unit"]:
                unit = match["unit"]
            continue
        if any(char in word for char in "<>=≤≥") or word[0].isdigit() or unit is not None:
            unknown.append(word)
        else:
            unit = word
    return FigureFilter(kind, unit, low, high, tuple(unknown), bar.get("date"),
                        bar.get("place"), bar.get("org"))


def format_value(value: float | None, unit: str) -> str:
    """A value for the table, shortened the Chinese way: 265.6亿元, 24万平方米, 75%."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:g}%"
    for name, size in (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)):
        if abs(value) >= size:
            return f"{value / size:.4g}{name}{unit}"
    return f"{value:.6g}{unit}"
