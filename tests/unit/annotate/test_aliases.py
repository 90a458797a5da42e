"""Short names tied to full ones in one article (reader.annotate.aliases).

The sentences are written for these tests in the style of zone news; none comes from a
benchmark set.
"""

from __future__ import annotations

from reader.annotate.aliases import canonical_groups, link_aliases, short_form_of
from reader.annotate.pipeline import entity_annotations
from reader.model import Article, Block, Entity, Located, Source


def article(*paragraphs: str) -> Article:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return Article(id="t#1", source=Source("t.txt", 1, len(blocks)), blocks=blocks)


def test_declared_short_name_is_linked_everywhere() -> None:
    found = entity_annotations(
        article(
            "苏州星瀚光电科技股份有限公司（以下简称“星瀚光电”）与园区签约。",
            "星瀚光电董事长李明说，项目明年投产。",
        )
    )
    shorts = [loc for loc in found if loc.span.text == "星瀚光电"]
    assert len(shorts) == 2
    assert all(loc.span.canonical == "苏州星瀚光电科技股份有限公司" for loc in shorts)
    groups = canonical_groups(loc.span for loc in found)
    assert groups["苏州星瀚光电科技股份有限公司"] == ["星瀚光电"]


def test_declaration_finds_a_full_name_the_rules_missed() -> None:
    found = entity_annotations(article("星河电子（以下简称“星河”）表示，星河将扩大产能。"))
    orgs = [(loc.span.text, loc.span.canonical) for loc in found if loc.span.type == "org"]
    assert orgs == [("星河电子", None), ("星河", "星河电子"), ("星河", "星河电子")]


def test_short_form_named_later_in_order() -> None:
    found = entity_annotations(
        article("南京唯柯医疗科技有限公司落户高新区。", "唯柯医疗总经理王强表示，将扩大产能。")
    )
    (short,) = [loc.span for loc in found if loc.span.text == "唯柯医疗"]
    assert short.canonical == "南京唯柯医疗科技有限公司"


def test_a_body_is_no_short_form_of_its_department() -> None:
    assert not short_form_of("国务院", "国务院发展研究中心")
    assert short_form_of("华为", "华为技术有限公司")
    assert short_form_of("中科院", "中国科学院")
    assert not short_form_of("研究院", "中国科学院")  # must start near the start


def test_groups_count_each_name_once() -> None:
    ents = [
        Entity(0, 8, "华为技术有限公司", "org"),
        Entity(10, 12, "华为", "org", canonical="华为技术有限公司"),
        Entity(20, 22, "华为", "org", canonical="华为技术有限公司"),
        Entity(30, 32, "成都", "place"),
    ]
    assert canonical_groups(ents) == {"华为技术有限公司": ["华为"], "成都": []}


def test_many_organisations_stay_linear() -> None:
    """Thousands of distinct organisations: each is compared with a bounded set of names."""
    found = [
        Located(0, Entity(k * 10, k * 10 + 8, f"甲{k:05d}有限公司", "org")) for k in range(5000)
    ]
    out = link_aliases(["x" * 50_000], found)
    assert len(out) == len(found)


def test_role_and_canonical_survive_the_codec() -> None:
    from reader.model import Annotations
    from reader.model.codec import annotations_from_json, annotations_to_json

    ents = [
        Located(0, Entity(0, 3, "周志强", "person", role="author")),
        Located(0, Entity(5, 7, "华为", "org", canonical="华为技术有限公司")),
        Located(1, Entity(0, 2, "成都", "place")),
    ]
    ann = Annotations(figures=[], entities=ents, key_figures=[])
    raw = annotations_to_json(ann)
    assert '"role":null' not in raw  # optional fields are left out when unset
    assert annotations_from_json(raw).entities == ents


def test_later_uses_of_a_named_companys_brand_are_found_and_linked() -> None:
    # 云帆智能 and 星河龙芯 after their registered names: the brand of a company named in the
    # story is that company wherever it comes back.
    found = entity_annotations(
        article(
            "近日，苏州云帆智能科技有限公司、南通星河龙芯电子科技有限公司与园区签约。",
            "据介绍，云帆智能将在园区建设研发中心，星河龙芯的产品已出口20多个国家。",
        )
    )
    later = [loc.span for loc in found if loc.block == 1 and loc.span.type == "org"]
    assert [(e.text, e.canonical) for e in later] == [
        ("云帆智能", "苏州云帆智能科技有限公司"),
        ("星河龙芯", "南通星河龙芯电子科技有限公司"),
    ]


def test_a_company_named_without_its_place_is_the_same_company() -> None:
    found = entity_annotations(
        article("清远先导科技集团总部落户高新区。", "先导科技集团董事长表示，将加大投入。")
    )
    assert ("先导科技集团", "清远先导科技集团") in {
        (loc.span.text, loc.span.canonical) for loc in found
    }


def test_a_brand_that_is_an_ordinary_word_is_never_taken_alone() -> None:
    # 北京发展科技有限公司: its brand 发展 is an ordinary word; later 发展 is no company.
    found = entity_annotations(
        article("北京发展科技有限公司落户园区。", "公司表示，发展是第一要务。")
    )
    assert not [loc for loc in found if loc.block == 1 and loc.span.type == "org"]
