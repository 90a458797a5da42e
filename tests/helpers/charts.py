"""Stories for the chart tests: yuan amounts over several months, places and organisations.

Written for these tests (no page of the paper): four months of 2024 (March has nothing),
one undated story, a repeated amount, and targets (力争, 计划). The annotator finds the real
figures and marks the names listed here, longest first, so the tests need no jieba.
"""

from __future__ import annotations

import re

from reader.model import Annotations, Article, Entity, Located
from tests.helpers.apps import make_article

PLACES = ("武汉", "合肥", "西安", "成都")
ORGS = ("华星光电", "西安交通大学", "合肥晶合")

#: (date, title, paragraphs)
STORIES: list[tuple[str | None, str, list[str]]] = [
    ("2024-01-15", "光谷开年集中签约", [
        "武汉东湖高新区1月集中签约项目32个，总投资 560 亿元。",
        "其中，华星光电投资 150 亿元建设新型显示产线。",
        "本次签约总投资 560 亿元，创历年同期新高。",
    ]),
    ("2024-02-20", "合肥高新区签约提速", [
        "合肥高新区2月新签约项目总投资 300 亿元。",
        "力争全年签约额突破 2000 亿元。",
    ]),
    ("2024-04-08", "西安高新区投资稳步增长", [
        "西安高新区4月完成固定资产投资 80 亿元。",
        "园区计划投资 120 亿元建设科创基地。",
        "西安交通大学与园区共建研究院，投入 5 亿元。",
    ]),
    ("2024-04-20", "合肥晶合扩产", ["合肥晶合在合肥高新区追加投资 45 亿元。"]),
    (None, "成都高新区设立产业基金", ["成都高新区发布 20 亿元产业基金。"]),
]


def chart_annotator(article: Article) -> Annotations:
    """Real figures; the names of :data:`PLACES` and :data:`ORGS`, longest first, no overlap."""
    from reader.annotate.pipeline import figure_annotations

    names = sorted([(n, "place") for n in PLACES] + [(n, "org") for n in ORGS],
                   key=lambda item: -len(item[0]))
    pattern = re.compile("|".join(re.escape(name) for name, _ in names))
    types = dict(names)
    entities = [
        Located(i, Entity(m.start(), m.end(), m.group(), types[m.group()]))  # type: ignore[arg-type]
        for i, block in enumerate(article.blocks)
        for m in pattern.finditer(block.text)
    ]
    return Annotations(figures=figure_annotations(article), entities=entities)


def chart_articles() -> list[Article]:
    """The stories as articles (ids ``test-1``…)."""
    return [
        make_article(n, paragraphs, title=title, date=date)
        for n, (date, title, paragraphs) in enumerate(STORIES, start=1)
    ]


def chart_pairs() -> list[tuple[Article, Annotations]]:
    """The stories with their annotations."""
    return [(article, chart_annotator(article)) for article in chart_articles()]


def chart_markdown() -> str:
    """The stories as one Markdown file with front matter (for a library import)."""
    chunks = []
    for date, title, paragraphs in STORIES:
        front = [f"title: {title}"] + ([f"date: {date}"] if date else [])
        chunks.append("\n".join(["---", *front, "---", "", *(p + "\n" for p in paragraphs)]))
    return "\n".join(chunks)
