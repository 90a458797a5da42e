"""The domain model: articles and the spans found in them.

Everything else in the package produces or consumes these types. They are plain
dataclasses with no UI dependency, so the core can be used from scripts, the CLI and
tests alike. Offsets are always code points into the text the user sees (a block's
``text``), end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

ArticleKind = Literal["article", "photo", "caption"]
BlockKind = Literal["paragraph", "subhead"]
FigureKind = Literal["money", "area", "count", "percent", "duration", "date", "quantity"]
EntityType = Literal["person", "place", "org"]
#: What a person is to the article: "author" for a reporter named in a byline or dateline.
EntityRole = Literal["author"]

#: Qualifiers a figure can carry. ``approx``: 约/余/近/左右; ``lower_bound``: 超/以上/突破/逾;
#: ``upper_bound``: 以下/不到/以内; ``target``: the sentence states a goal (力争/目标/计划);
#: ``range``: the figure is a range and ``value_max`` holds its upper end.
Qualifier = Literal["approx", "lower_bound", "upper_bound", "target", "range"]

T = TypeVar("T")

#: The longest :attr:`Article.headline` (titles in the paper run to about 30 characters).
HEADLINE_MAX = 80


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True, slots=True)
class Source:
    """Where an article came from: a file and the 1-based line range it spans."""

    path: str
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the body in reading order: a paragraph or a subhead."""

    kind: BlockKind
    text: str


@dataclass(slots=True)
class Article:
    """One story, photo item or stray caption taken from a page."""

    id: str
    source: Source
    kind: ArticleKind = "article"
    title: str | None = None
    kicker: str | None = None
    byline: list[str] = field(default_factory=list)
    #: The role the page prints before each name of ``byline`` (记者, 通讯员, 实习生, 本报记者,
    #: 文, 图), one per name; empty when the page names no roles.
    byline_roles: list[str] = field(default_factory=list)
    dateline: str | None = None
    credit: str | None = None
    captions: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    #: ISO date (YYYY-MM-DD) of the page when known, never invented.
    date: str | None = None
    #: The header and footer lines of the page (date, 星期, 第N版, section, 责任编辑), kept
    #: on the first article of that page: page metadata, not article text.
    page_lines: list[str] = field(default_factory=list)

    @property
    def subheads(self) -> list[str]:
        """The subheads of the body, in order."""
        return [b.text for b in self.blocks if b.kind == "subhead"]

    @property
    def paragraphs(self) -> list[str]:
        """The paragraphs of the body, in order."""
        return [b.text for b in self.blocks if b.kind == "paragraph"]

    @property
    def headline(self) -> str:
        """A line to show in lists: the title, else the start of the first text there is.

        Never longer than :data:`HEADLINE_MAX` characters (plus "…"): a list row is one line,
        and a title that is really a whole text (a file of one long line) must not make every
        redraw of the list measure all of it.
        """
        if self.title:
            return _clip(self.title, HEADLINE_MAX)
        for text in [*self.captions, *(b.text for b in self.blocks)]:
            if text:
                return text[:24] + ("…" if len(text) > 24 else "")
        return "(untitled)"

    @property
    def body_text(self) -> str:
        """The body blocks joined by newlines (for search and plain export)."""
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit found in a text.

    ``value`` is in the canonical unit of its kind: 元 for money, 平方米 for area, the
    percentage as written for percent (75% → 75), the count for counts. Dates and
    durations keep ``value`` as the number written (years, months...) with ``unit``
    naming it. ``value`` is None when the text gives no definite number.
    """

    start: int
    end: int
    text: str
    value: float | None
    unit: str
    kind: FigureKind
    qualifiers: tuple[Qualifier, ...] = ()
    value_max: float | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, place or organisation in a text."""

    start: int
    end: int
    text: str
    type: EntityType
    #: "author": a reporter or correspondent named in a byline (shown apart in the names view)
    role: EntityRole | None = None
    #: the full name this span is a short form of in the same article (华为 for 华为技术有限公司
    #: after "以下简称“华为”"); None when the span is a name in its own right
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A span found in one block of an article: ``block`` indexes ``Article.blocks``."""

    block: int
    span: T


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One of the numbers that matter in an article, with a label from its sentence."""

    label: str
    figure: Figure
    block: int
    sentence: str
    score: float


@dataclass(slots=True)
class Annotations:
    """Everything found in one article: figures, entities and its key figures."""

    figures: list[Located[Figure]] = field(default_factory=list)
    entities: list[Located[Entity]] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    #: the label the label rules gave each figure they read, key number or not:
    #: (block, start, end) → label
    labels: dict[tuple[int, int, int], str] = field(default_factory=dict)

    def figure_labels(self) -> dict[tuple[int, int, int], str]:
        """(block, start, end) → label of every figure the rules labelled, the key numbers'
        among them (annotations stored before labels were kept have only those)."""
        keyed = {(k.block, k.figure.start, k.figure.end): k.label for k in self.key_figures}
        return {**self.labels, **keyed}
