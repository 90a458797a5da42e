"""People by their evidence (issue #16): failure classes of person names on unseen zone news,
one named row each, written for these tests in the style of zone news (no benchmark text).

Read as the app reads an article (``annotate_text``: every block's names, then a name found
once is that person wherever the story writes it again)."""

from __future__ import annotations

import pytest

from reader.annotate.entities import find_entities
from reader.annotate.pipeline import annotate_text
from tests.helpers.name_checks import check_names

# (id, text, must find, must not find)
CLASSES = [
    (
        "a-name-ending-like-a-title-head",  # 正 ends the name, no title follows it
        "市委书记李建正率领代表团考察园区。",
        [("李建正", "person")],
        [("李建", "person")],
    ),
    (
        "leads-glued-to-a-two-character-name",
        "市长赵喆率团赴深圳考察。",
        [("赵喆", "person")],
        [("赵喆率", "person")],
    ),
    (
        "a-surname-of-the-hundred-families",
        "开发区原副主任席永达出席会议。",
        [("席永达", "person")],
        [],
    ),
    (
        "a-noun-after-a-title-is-no-name",
        "协会召集各副会长单位或理事单位的代表开会。",
        [],
        [("单位或", "person")],
    ),
    (
        "a-dictionary-name-inside-a-compound",
        "公司年产3000吨工业蓝宝石产品，带动了机电蓝宝石切磨加工。",
        [],
        [("蓝宝石", "person")],
    ),
    (
        "a-surname-that-is-a-preposition-after-a-title",
        "集团党委书记于建明出席开工仪式。",
        [("于建明", "person")],
        [],
    ),
    (
        "a-preposition-after-a-title-starts-no-name",
        "副市长于近日调研园区企业。",
        [],
        [("于近日", "person"), ("于近", "person")],
    ),
    (
        "a-banner-head-is-a-title",
        "旗人民政府副旗长王跃华出席仪式。",
        [("王跃华", "person")],
        [],
    ),
    (
        "an-assistant-is-a-title",
        "市长助理郭训明等出席奠基仪式。",
        [("郭训明", "person")],
        [],
    ),
    (
        "a-party-by-its-role",
        "业主单位负责人、施工方代表参加会议。",
        [],
        [("施工方", "person")],
    ),
    (
        "a-frequent-word-before-a-speech-verb",
        "企业对各级领导的莅临关怀表示感谢。",
        [],
        [("关怀", "person")],
    ),
    (
        "where-an-event-is-held",
        "第二十届农业博览会在杨凌举行。",
        [],
        [("杨凌", "person")],
    ),
    (
        "a-verb-glued-to-the-names-last-character",
        "公司董事长刘栓强作现场推介发言。",
        [("刘栓强", "person")],
        [("刘栓", "person")],
    ),
    (
        "a-latin-name-after-a-title-and-its-chinese-form",
        "食品公司中国区总经理Robert Steven（史博文）出席。",
        [("Robert Steven", "person"), ("史博文", "person")],
        [],
    ),
    (
        "a-latin-place-is-no-person",
        "在New York举行的推介会上，园区签约三个项目。",
        [],
        [("New York", "person")],
    ),
    (
        "no-one-character-name-before-a-dot",
        "（视界云•江西新闻网）园区今天开工。",
        [],
        [("云", "person")],
    ),
]


@pytest.mark.parametrize(
    ("text", "want", "unwanted"), [pytest.param(t, w, u, id=i) for i, t, w, u in CLASSES]
)
def test_person_classes(text: str, want: list[tuple[str, str]],
                        unwanted: list[tuple[str, str]]) -> None:
    check_names(text, want, unwanted)


def test_a_byline_name_set_with_a_space_is_one_author() -> None:
    text = "（本报记者 吴 敏）机器轰鸣，园区一片繁忙。"
    assert [(e.text, e.role) for e in find_entities(text) if e.type == "person"] == [
        ("吴 敏", "author")]


def people(text: str) -> list[str]:
    return [e.text for e in annotate_text(text)[1] if e.type == "person"]


def test_a_name_found_once_is_that_person_again() -> None:
    # 海东 is a place, 钱海东 a person once a title has introduced him
    text = "党工委书记钱海东主持会议。会后，钱海东一行来到企业调研。"
    assert people(text) == ["钱海东", "钱海东"]
    assert ("海东", "place") not in {(e.text, e.type) for e in annotate_text(text)[1]}


def test_a_two_character_name_spreads_only_from_a_title() -> None:
    titled = "市长孙喆率团考察。孙喆与企业负责人座谈。"
    assert people(titled) == ["孙喆", "孙喆"]
    # a two-character "name" with no title or speech verb beside it is not spread
    for e in annotate_text("高科园今年签约。我们在高科大楼开会。")[1]:
        assert e.type != "person" or e.text != "高科"


def test_a_name_inside_a_company_name_stays_the_company() -> None:
    text = "总经理王建国介绍了情况。王建国科技有限公司今年营收增长两成。"
    found = {(e.text, e.type) for e in annotate_text(text)[1]}
    assert ("王建国科技有限公司", "org") in found
    assert people(text) == ["王建国"]


def test_a_brand_of_a_technology_company_is_no_person() -> None:
    text = "调研组来到科博达技术有限公司。在科博达生产车间，调研组听取了汇报。"
    found = {(e.text, e.type, e.canonical) for e in annotate_text(text)[1]}
    assert ("科博达", "org", "科博达技术有限公司") in found
    assert all(t != "person" for _, t, _ in found)


def orgs(text: str) -> set[tuple[str, str | None]]:
    return {(e.text, e.canonical) for e in annotate_text(text)[1] if e.type == "org"}


def test_a_registered_name_of_plain_words_is_a_company() -> None:
    # 电工, 集团: no word of the name is distinctive, the legal form makes it a name; and the
    # brand the lead names before the full name is the same company
    text = "航天电工项目昨日开工。航天电工集团有限公司副总经理介绍，项目投资20亿元。"
    assert ("航天电工集团有限公司", None) in orgs(text)
    assert ("航天电工", "航天电工集团有限公司") in orgs(text)
    # a kind of company, and a name whose start is unclear, are no such name
    assert not orgs("新注册电子科技有限公司三家。")
    assert ("集团市政工程有限公司", None) not in orgs("中铁二十局集团市政工程有限公司迁址。")
    assert ("航天电工集团有限公司", None) in orgs("航天电工集团有限公司副总经理说，项目顺利。")
    assert not orgs("园区内有一家科技有限公司。")  # (a count starts no name)


def test_local_governments_and_news_sites() -> None:
    assert ("镇宁自治县政府", None) in orgs("镇宁自治县政府和有关企业分别发言。")
    assert ("北京市政府", None) in orgs("据北京市政府网站消息，园区扩区。")
    assert ("央广网", None) in orgs("央广网银川1月19日消息，园区开工。")
    assert ("中国网", None) in orgs("中国网·滨海高新讯 园区今天签约。")
