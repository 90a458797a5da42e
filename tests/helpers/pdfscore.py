"""Score what the PDF importer read against what the generator drew (tests and benchmark).

Per page: titles exact, bylines exact (byline and dateline), paragraphs exact (every
paragraph and subhead of the story, in order), and the characters of the text layer that
ended up in no field (or in too many).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.model import Article
from tests.helpers.pdfgen import Expected, GenPage, expected_paragraphs


@dataclass
class Score:
    titles: int = 0
    titles_total: int = 0
    bylines: int = 0
    bylines_total: int = 0
    paragraphs: int = 0
    paragraphs_total: int = 0
    chars: int = 0
    chars_lost: int = 0
    chars_extra: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def rate(self, name: str) -> float:
        total = getattr(self, f"{name}_total")
        return getattr(self, name) / total if total else 1.0


def article_chars(article: Article) -> Counter[str]:
    """Every non-space character of every field of an article."""
    parts = [article.title or "", article.kicker or "", article.dateline or "",
             article.credit or "", *article.byline, *article.captions,
             *(b.text for b in article.blocks)]
    return Counter(ch for part in parts for ch in part if not ch.isspace())


def drawn_chars(page: GenPage) -> Counter[str]:
    return Counter(ch for text in page.drawn for ch in text if not ch.isspace())


def _squeeze(text: str | None) -> str | None:
    return None if text is None else "".join(text.split())


def _find(story: Expected, articles: list[Article]) -> Article | None:
    if not story.title:  # photos repeat captions: the one with the same credit first
        for article in articles:
            if article.captions == story.captions and article.credit == story.credit \
                    and article.kind == "photo":
                return article
    for article in articles:
        if story.title and article.title == story.title:
            return article
        if not story.title and story.captions and article.captions == story.captions:
            return article
    return None


def score_page(page: GenPage, articles: list[Article]) -> Score:
    score = Score()
    for story in page.stories:
        found = _find(story, articles)
        if story.title:
            score.titles_total += 1
            score.titles += found is not None and found.kicker == story.kicker
        if story.byline or story.dateline:
            score.bylines_total += 1
            # A space that fell at a line end is not on the page: datelines compare without.
            score.bylines += found is not None and found.byline == story.byline \
                and _squeeze(found.dateline) == _squeeze(story.dateline)
        if story.paragraphs:
            score.paragraphs_total += 1
            subheads = [story.subheads[i] for i in sorted(story.subheads)
                        if i < len(story.paragraphs)]
            score.paragraphs += found is not None \
                and found.paragraphs == expected_paragraphs(story) \
                and found.subheads == subheads
        elif story.photo:
            score.paragraphs_total += 1
            score.paragraphs += found is not None and found.credit == story.credit \
                and found.kind == "photo"
    drawn = drawn_chars(page)
    got: Counter[str] = Counter()
    for article in articles:
        got += article_chars(article)
    score.chars = sum(drawn.values())
    score.chars_lost = sum((drawn - got).values())
    score.chars_extra = sum((got - drawn).values())
    return score
