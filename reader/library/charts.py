"""Money across the library, summed for a chart: per month (or year) and per place or org.

The figures view and ``hitech-reader figures --chart`` draw the same :class:`Chart`, built
here with no UI. The sums are meant to be honest rather than big:

* Only yuan amounts with a value count (``kind == "money"``, unit 元); a range counts its
  lower end. The figures filter (kind, unit, bounds, and the ``date:``/``place:``/``org:``
  words a chosen bar adds) narrows them like the table.
* A figure repeated in a story counts once: the same value and unit in the same article is
  one amount (a lead and its body usually restate the headline number).
* Targets (qualifier ``target``: 力争, 计划, 目标) are summed apart from actual amounts, so a
  plan never swells what was signed.
* Time buckets are the article's date (a page date, never guessed): ``YYYY-MM``, or ``YYYY``
  when the dated figures span more than one year. Undated figures are in no bar and counted.
* Names: an amount belongs to the place (org) named nearest before it in its sentence (the
  subject, in Chinese news), else the first one named after it in that sentence. A place
  falls back on the place the article names most often (a story is about one zone); an
  organisation has no fallback (a story names many, and most did not put up the money).
  Unattributed amounts are in no bar and counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.cells import cell_len

from reader.annotate.labels import clause_label
from reader.model import Annotations, Article, Entity, Figure, Located
from reader.model.rows import FigureRow
from reader.search.figure_filter import FigureFilter, format_value, money_query

if TYPE_CHECKING:
    from reader.library.source import ArticleSource

CHART_KINDS = ("month", "place", "org")
#: Bars shown for names; the rest is summed into :attr:`Chart.rest`.
TOP_NAMES = 10
_SENTENCE_MARKS = "。！？；!?;\n"


@dataclass(frozen=True, slots=True)
class Amount:
    """One yuan amount that counts, with what the chart needs to place it."""

    row: FigureRow
    target: bool
    place: str | None
    org: str | None


@dataclass(slots=True)
class Bar:
    """One bar: a month, a year or a name, with actual and target money apart."""

    key: str
    actual: float = 0.0
    target: float = 0.0
    rows: list[FigureRow] = field(default_factory=list)

    @property
    def total(self) -> float:
        """Actual and target together (the length of the whole bar)."""
        return self.actual + self.target

    def filter_word(self, by: str) -> str:
        """The word of the figures filter that selects this bar (``date:2024-03``)."""
        return f"{'date' if by in ('month', 'year') else by}:{self.key}"


@dataclass(slots=True)
class Chart:
    """Bars in order (time: oldest first; names: most money first) and what was left out."""

    by: str
    bars: list[Bar]
    #: Amounts summed in the bars (after dropping repeats).
    counted: int = 0
    #: Amounts dropped as repeats of one already counted in the same article.
    repeats: int = 0
    #: Amounts in no bar: no date (time charts) or no name (name charts).
    unplaced: int = 0
    #: Names beyond the top :data:`TOP_NAMES`: how many, and their money (actual+target).
    rest_names: int = 0
    rest_money: float = 0.0

    @property
    def unit(self) -> str:
        """The unit of every sum."""
        return "元"

    def note(self) -> str:
        """One line under the chart: what was counted and what was not."""
        words = [_plural(self.counted, "amount")]
        if self.repeats:
            words.append(f"{_plural(self.repeats, 'repeat')} counted once")
        if self.unplaced:
            why = "no date" if self.by in ("month", "year") else f"no {self.by} named"
            words.append(f"{self.unplaced} with {why}")
        if self.rest_names:
            words.append(f"{self.rest_names} more names ({format_value(self.rest_money, '元')})")
        return "; ".join(words) + "."

    @staticmethod
    def legend() -> str:
        """What the two shades of a bar mean."""
        return "█ actual  ░ target (力争/计划…)"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` holding ``start``..``end`` (ends at 。！？； or a newline)."""
    # str.rfind/find per end mark: a paragraph is often one long line of many sentences.
    lo = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    ends = [at for mark in _SENTENCE_MARKS if (at := text.find(mark, end)) >= 0]
    return lo, min(ends, default=len(text))


def _named(
    entities: list[Located[Entity]], kind: str, block: int, fig: Figure,
    sentence: tuple[int, int], most_named: str | None,
) -> str | None:
    """The name of ``kind`` an amount belongs to (see the module docstring for the rule)."""
    lo, hi = sentence
    before = after = None
    for located in entities:
        ent = located.span
        if located.block != block or ent.type != kind or ent.start < lo or ent.end > hi:
            continue
        if ent.end <= fig.start and (before is None or ent.start > before.start):
            before = ent
        elif ent.start >= fig.end and (after is None or ent.start < after.start):
            after = ent
    chosen = before or after
    return chosen.text if chosen else most_named


def _most_named(entities: list[Located[Entity]], kind: str) -> str | None:
    counts = Counter(loc.span.text for loc in entities if loc.span.type == kind)
    if not counts:
        return None
    # Most named; on a tie, the one named first in the article.
    order = {text: i for i, text in reversed(list(enumerate(
        loc.span.text for loc in entities if loc.span.type == kind)))}
    return min(counts, key=lambda text: (-counts[text], order[text]))


def _wanted(fig: Figure, wanted: FigureFilter) -> bool:
    if wanted.kind not in (None, "money") or wanted.unit not in (None, "元"):
        return False
    return fig.value is not None and money_query(wanted.min_value, wanted.max_value).matches(fig)


def article_amounts(
    article: Article, ann: Annotations, wanted: FigureFilter
) -> tuple[list[Amount], int]:
    """The amounts of one article that count, and how many repeats were dropped."""
    seen: set[tuple[float, str]] = set()
    found: list[Amount] = []
    repeats = 0
    keyed = ann.figure_labels()
    place = _most_named(ann.entities, "place")
    for located in sorted(ann.figures, key=lambda loc: (loc.block, loc.span.start)):
        fig = located.span
        if not _wanted(fig, wanted) or not 0 <= located.block < len(article.blocks):
            continue
        assert fig.value is not None
        if (fig.value, fig.unit) in seen:
            repeats += 1
            continue
        seen.add((fig.value, fig.unit))
        text = article.blocks[located.block].text
        label = keyed.get((located.block, fig.start, fig.end)) or clause_label(
            text, fig.start, fig.end)
        row = FigureRow(fig.value, fig.unit, fig.kind, label, article.id, article.headline,
                        article.date, located.block, fig.start, fig.end, fig.text,
                        fig.value_max)
        sentence = sentence_bounds(text, fig.start, fig.end)
        found.append(Amount(
            row, "target" in fig.qualifiers,
            _named(ann.entities, "place", located.block, fig, sentence, place),
            _named(ann.entities, "org", located.block, fig, sentence, None),
        ))
    return found, repeats


def _key(amount: Amount, by: str) -> str | None:
    if by == "year":
        return amount.row.date[:4] if amount.row.date else None
    if by == "month":
        return amount.row.date[:7] if amount.row.date else None
    return amount.place if by == "place" else amount.org


def _selected(amount: Amount, wanted: FigureFilter) -> bool:
    """The ``date:``/``place:``/``org:`` words of the filter (a chosen bar)."""
    if wanted.date and not (amount.row.date or "").startswith(wanted.date):
        return False
    if wanted.place and amount.place != wanted.place:
        return False
    return not (wanted.org and amount.org != wanted.org)


def collect(
    pairs: Iterable[tuple[Article, Annotations]], wanted: FigureFilter
) -> tuple[list[Amount], int]:
    """Every amount that counts across ``pairs``, and the repeats dropped."""
    amounts: list[Amount] = []
    repeats = 0
    for article, ann in pairs:
        found, dropped = article_amounts(article, ann, wanted)
        amounts += [a for a in found if _selected(a, wanted)]
        repeats += dropped
    return amounts, repeats


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build_chart(amounts: list[Amount], by: str, repeats: int = 0,
                top: int = TOP_NAMES) -> Chart:
    """Sum ``amounts`` into bars. ``by``: month (year when the dates span years), place, org."""
    if by not in CHART_KINDS:
        raise ValueError(f"chart by one of {', '.join(CHART_KINDS)}, not {by!r}")
    if by == "month":
        years = {a.row.date[:4] for a in amounts if a.row.date}
        by = "year" if len(years) > 1 else "month"
    bars: dict[str, Bar] = {}
    unplaced = 0
    for amount in amounts:
        key = _key(amount, by)
        if key is None:
            unplaced += 1
            continue
        bar = bars.setdefault(key, Bar(key))
        assert amount.row.value is not None
        if amount.target:
            bar.target += amount.row.value
        else:
            bar.actual += amount.row.value
        bar.rows.append(amount.row)
    chart = Chart(by, [], counted=len(amounts), repeats=repeats, unplaced=unplaced)
    if by in ("month", "year"):
        keys = sorted(bars)
        if by == "month" and keys and all(len(k) == 7 for k in keys):
            keys = _months_between(keys[0], keys[-1])  # empty months show as empty bars
        chart.bars = [bars.get(key) or Bar(key) for key in keys]
    else:
        ranked = sorted(bars.values(), key=lambda b: (-b.actual, -b.target, b.key))
        chart.bars = ranked[:top]
        chart.rest_names = len(ranked[top:])
        chart.rest_money = sum(b.total for b in ranked[top:])
    return chart


@dataclass(frozen=True, slots=True)
class ChartLine:
    """One bar laid out in terminal cells: label padded to the widest, bar lengths, value."""

    label: str
    actual_cells: int
    target_cells: int
    value: str


def chart_lines(chart: Chart, width: int) -> list[ChartLine]:
    """Lay the bars out in ``width`` cells; labels are padded by cell width, not length."""
    values = [_value_text(bar) for bar in chart.bars]
    label_cells = max((cell_len(bar.key) for bar in chart.bars), default=0)
    value_cells = max((cell_len(v) for v in values), default=0)
    room = max(width - label_cells - value_cells - 2, 4)
    scale = max((bar.total for bar in chart.bars), default=0.0)
    lines = []
    for bar, value in zip(chart.bars, values, strict=True):
        total = round(room * bar.total / scale) if scale else 0
        actual = round(room * bar.actual / scale) if scale else 0
        if bar.actual and not actual:
            actual = 1  # a small amount still shows
        total = max(total, actual + (1 if bar.target else 0))
        pad = " " * (label_cells - cell_len(bar.key))
        lines.append(ChartLine(pad + bar.key, actual, total - actual, value))
    return lines


def _value_text(bar: Bar) -> str:
    text = format_value(bar.actual, "元") if bar.actual or not bar.target else ""
    if bar.target:
        text += f"{' + ' if text else ''}目标 {format_value(bar.target, '元')}"
    return text


def source_pairs(
    source: ArticleSource, wanted: FigureFilter
) -> list[tuple[Article, Annotations]]:
    """The articles (with annotations) holding an amount the filter may select."""
    return source.money_articles(wanted.min_value, wanted.max_value, wanted.date)


def chart_of(catalogue: ArticleSource, wanted: FigureFilter, by: str) -> Chart:
    """The chart of what ``wanted`` selects in ``catalogue`` (slow: call from a worker)."""
    amounts, repeats = collect(source_pairs(catalogue, wanted), wanted)
    return build_chart(amounts, by, repeats)


def selected_rows(catalogue: ArticleSource, wanted: FigureFilter, order: str,
                  limit: int | None = None) -> list[FigureRow]:
    """The amounts a chart bar stands for, as table rows (the filter has a bar's word)."""
    amounts, _repeats = collect(source_pairs(catalogue, wanted), wanted)
    rows = [a.row for a in amounts]
    if order == "date":
        rows.sort(key=lambda row: row.date or "", reverse=True)
    else:
        rows.sort(key=lambda row: -(row.value or 0.0))
    return rows if limit is None else rows[:limit]
