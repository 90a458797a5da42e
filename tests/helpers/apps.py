"""Articles, an annotator and app builders shared by the Pilot tests and the snapshot apps.

Everything here is built by hand so the shell can be tested on its own: the articles are
made up (not taken from any page), and :func:`plain_annotator` is a deterministic stand-in
for the NLP annotator, which has its own tests.
"""

from __future__ import annotations

from pathlib import Path

from reader.model import Annotations, Article, Block, Entity, KeyFigure, Located, Source
from reader.state.user import State
from reader.ui.app import ReaderApp, make_app

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_PAGE = ROOT / "articles" / "hitech-zones-p1.txt"


def make_article(
    number: int, paragraphs: list[str], *, title: str | None = None, **fields: object
) -> Article:
    """A hand-built article (numbered ids keep the order obvious in tests)."""
    blocks = [
        Block("subhead", text[1:]) if text.startswith("#") else Block("paragraph", text)
        for text in paragraphs
    ]
    return Article(
        id=f"test-{number}",
        source=Source("made-up.txt", number * 10, number * 10 + 9),
        title=title,
        blocks=blocks,
        **fields,  # type: ignore[arg-type]
    )


def sample_articles() -> list[Article]:
    """Four small articles: a long one, one with markup-like text, a photo item, a short one."""
    long_body = [
        f"第{i}段：示范区今年新引进项目 {i * 7} 个，投资总额约 {i * 12} 亿元，"
        f"同比增长 {i}.5%，新建厂房 {i * 3} 万平方米，进一步做强产业链。"
        for i in range(1, 25)
    ]
    long_body.insert(6, "#产业集群加速成型")
    return [
        make_article(
            1,
            long_body,
            title="示范区项目建设提速",
            kicker="聚焦产业发展",
            byline=["甲乙", "丙丁"],
        ),
        make_article(
            2,
            ["文本里有 [bold]粗体[/bold]、[/x] 和 [link=https://example.com]链接[/link] 字样。"],
            title="方括号 [b]不是[/b] 标记",
        ),
        make_article(
            3,
            [],
            kind="photo",
            captions=["图为新落成的研发中心。"],
            credit="本报记者 摄",
        ),
        make_article(4, ["短文只有一段，提到 3 家企业。"], title="短讯"),
    ]


def plain_annotator(article: Article) -> Annotations:
    """A deterministic stand-in for the NLP annotator, for tests of the shell only.

    Figures come from the real fast finder; every "示范区" is a place; the money figures
    are the key numbers, labelled by their block. The real annotator has its own tests.
    """
    from reader.annotate.pipeline import figure_annotations

    figures = figure_annotations(article)
    entities = [
        Located(index, Entity(start, start + 3, "示范区", "place"))
        for index, block in enumerate(article.blocks)
        for start in _occurrences(block.text, "示范区")
    ]
    keys = [
        KeyFigure(f"第{loc.block}块", loc.span, loc.block, article.blocks[loc.block].text, 1.0)
        for loc in figures
        if loc.span.kind == "money"
    ]
    return Annotations(figures=figures, entities=entities, key_figures=keys[:6])


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def build_app(articles: list[Article] | None = None, **options: object) -> ReaderApp:
    """The app on hand-built articles (default: :func:`sample_articles`), fixed theme."""
    options.setdefault("theme", "textual-dark")
    options.setdefault("annotator", plain_annotator)
    options.setdefault("state", State.load())
    return make_app(
        articles=sample_articles() if articles is None else articles,
        **options,  # type: ignore[arg-type]
    )


def record_notifications(app: ReaderApp, into: list[str] | None = None) -> list[str]:
    """Append the message of every notification ``app`` shows to ``into`` (returned)."""
    shown: list[str] = [] if into is None else into
    original = app.notify

    def record(message: str, **options: object) -> None:
        shown.append(message)
        original(message, **options)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]
    return shown


def build_sample_page_app(**options: object) -> ReaderApp:
    """The app on the bundled sample page, fixed theme, the real annotator.

    The article shown counts as read at once (``read_after = 0``), not after a delay: a shot
    taken once the annotations are in must not depend on how long they took.
    """
    options.setdefault("theme", "textual-dark")
    state = State.load()
    state.read_after = 0
    return make_app([SAMPLE_PAGE], state=state, **options)  # type: ignore[arg-type]
