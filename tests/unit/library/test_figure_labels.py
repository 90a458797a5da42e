"""Every figure keeps the label the rules gave it, key number or not (Annotations.labels).

The summary panel shows an article's eight key numbers; the figures view and the chart list
every figure, and those that are no key number are labelled by the same rules, not by the
raw clause around them. The sentences are written for this test.
"""

from __future__ import annotations

from reader.annotate.pipeline import annotate
from reader.library.rows import article_row
from reader.model import Annotations, Article, Block, Source
from reader.model.codec import annotations_from_json, annotations_to_json

# Ten amounts: two of them cannot be among the eight key numbers.
PARAGRAPH = (
    "园区全年实现营业收入820亿元，工业总产值760亿元，税收36亿元，利润41亿元，"
    "固定资产投资120亿元，实际利用外资8亿美元，进出口总额95亿元，社会消费品零售总额60亿元，"
    "研发投入18亿元，新增贷款27亿元。"
)


def _article() -> Article:
    return Article(id="t#1", source=Source("t.txt", 1, 1), title="园区经济运行良好",
                   blocks=[Block("paragraph", PARAGRAPH)])


def test_figures_that_are_no_key_numbers_keep_their_rule_label() -> None:
    article = _article()
    ann = annotate(article)
    keys = {(k.block, k.figure.start, k.figure.end) for k in ann.key_figures}
    others = [loc for loc in ann.figures if (loc.block, loc.span.start, loc.span.end) not in keys]
    assert others, "the test needs figures beyond the key numbers"
    labels = ann.figure_labels()
    for loc in others:
        label = labels[(loc.block, loc.span.start, loc.span.end)]
        assert "，" not in label and len(label) <= 18  # a label, not a clause
    row = article_row(article, ann, 0)
    stored = {(b, s, e): label for b, s, e, *_rest, label, _key in row.figures}
    for loc in others:
        key = (loc.block, loc.span.start, loc.span.end)
        assert stored[key] == labels[key]


def test_labels_survive_the_codec_and_old_annotations_still_read() -> None:
    ann = annotate(_article())
    back = annotations_from_json(annotations_to_json(ann))
    assert back.labels == ann.labels
    old = annotations_to_json(Annotations(figures=ann.figures, key_figures=ann.key_figures))
    assert annotations_from_json(old.replace(',"labels":[]', "")).labels == {}


def test_the_export_gives_every_figure_its_label() -> None:
    import json

    from reader.export.formats import to_json

    article = _article()
    ann = annotate(article)
    labels = ann.figure_labels()
    exported = json.loads(to_json([article], [ann]))["articles"][0]["figures"]
    assert exported and all(
        f["label"] == labels.get((f["block"], f["start"], f["end"])) for f in exported)
    assert sum(1 for f in exported if f["label"]) > len(ann.key_figures)
