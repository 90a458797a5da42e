"""Pages in traditional characters: names, figures and labels as on simplified ones.

Sentences written for these tests in the style of a Hong Kong report on a mainland zone.
"""

from __future__ import annotations

from reader.annotate.entities import find_entities
from reader.annotate.figures import find_figures
from reader.annotate.pipeline import annotate
from reader.model import Article, Block, Source

TEXT = "深圳高新區今年新增企業超過300家，廣東深河產業投資開發有限公司總投資約2.37億元。"


def test_names_are_found_and_indexed_in_simplified_with_offsets_into_the_text() -> None:
    found = {(e.text, e.type): TEXT[e.start : e.end] for e in find_entities(TEXT)}
    assert found[("深圳高新区", "place")] == "深圳高新區"
    assert found[("广东深河产业投资开发有限公司", "org")] == "廣東深河產業投資開發有限公司"


def test_figures_keep_their_qualifiers_and_the_text_as_written() -> None:
    figures = {f.text: f for f in find_figures(TEXT)}
    assert figures["300家"].qualifiers == ("lower_bound",)  # 超過
    assert figures["2.37億元"].value == 237_000_000 and figures["2.37億元"].qualifiers == (
        "approx",
    )  # 約
    assert all(TEXT[f.start : f.end] == f.text for f in figures.values())


def test_labels_are_read_in_simplified_words() -> None:
    article = Article(
        id="t", source=Source("t.txt", 1, 1), title="t", blocks=[Block("paragraph", TEXT)]
    )
    labels = {k.figure.text: k.label for k in annotate(article).key_figures}
    assert labels["2.37億元"] == "总投资"
    assert labels["300家"] == "新增企业"  # (new ones this year, not all)
