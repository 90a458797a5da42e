"""Score an importer's articles against the truth of a generated page (``pageshapes``).

Shared by the shape tests and ``benchmarks/bench_page_structure.py``: how many stories
come back with the exact title (and kicker), byline (names and roles), dateline and
paragraphs, how many characters land in the wrong article, and whether anything is lost.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.model import Article
from tests.helpers.pageshapes import Expected, Made


def squash(text: str) -> str:
    """Text without whitespace: what "nothing lost" is measured on."""
    return re.sub(r"\s", "", text)


def fields(article: Article) -> list[str]:
    """Every text an article holds, one entry per field value."""
    values = [article.kicker, article.title, article.dateline, article.credit]
    values += article.byline + article.byline_roles + article.captions + article.page_lines
    values += [b.text for b in article.blocks]
    return [v for v in values if v]


def lost_and_extra(made: Made, articles: list[Article]) -> tuple[Counter[str], Counter[str]]:
    """Characters of the page in no field (beyond its byline marks), and ones made up."""
    source = Counter(squash(made.text))
    found = Counter(squash("".join(v for a in articles for v in fields(a))))
    return source - found - Counter(made.marks), found - source


@dataclass
class Score:
    stories: int = 0
    titles: int = 0
    bylines: int = 0
    datelines: int = 0
    paragraphs: int = 0
    pages_meta: int = 0
    dates: int = 0
    wrong_chars: int = 0
    chars: int = 0
    lost: int = 0

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _story_chars(truth: Expected) -> Counter[str]:
    return Counter(squash("".join(truth.paragraphs)))


def score(made: Made, articles: list[Article]) -> Score:
    """Match each true story to the article holding most of its body, and compare."""
    result = Score(stories=len(made.stories))
    lost, _extra = lost_and_extra(made, articles)
    result.lost = sum(lost.values())
    bodies = [Counter(squash("".join(b.text for b in a.blocks))) for a in articles]
    owner: dict[int, int] = {}
    for i, truth in enumerate(made.stories):
        want = _story_chars(truth)
        overlaps = [sum((want & body).values()) for body in bodies]
        best = max(range(len(articles)), key=overlaps.__getitem__, default=-1)
        if best < 0:
            continue
        owner[best] = i
        article = articles[best]
        result.titles += (article.title, article.kicker) == (truth.title, truth.kicker)
        result.bylines += (article.byline, article.byline_roles) == (truth.byline, truth.roles)
        result.datelines += article.dateline == truth.dateline
        # A space at a line break is gone from the dump: paragraphs compare without spaces.
        got = [squash(p) for p in article.paragraphs]
        want = [squash(p) for p in truth.paragraphs]
        result.paragraphs += got == want and article.subheads == truth.subheads
        result.dates += article.date == truth.date
        result.pages_meta += sorted(article.page_lines) == sorted(truth.page)
    for j, body in enumerate(bodies):
        result.chars += sum(body.values())
        if j in owner:
            right = _story_chars(made.stories[owner[j]])
            result.wrong_chars += sum((body - right).values())
        else:
            result.wrong_chars += sum(body.values())
    return result
