"""Named entities: a table of tricky cases from tech and economic news, negatives, properties.

The sentences are written for these tests in the style of Chinese business news; none comes
from a benchmark set. The NLP stack is loaded once per process (see reader.annotate.nlp).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.annotate import nlp
from reader.annotate.entities import find_entities, shown_name
from reader.model import Entity
from tests.helpers.name_checks import check_names

SAMPLE = Path(__file__).resolve().parents[3] / "articles" / "hitech-zones-p1.txt"


def spans(text: str, **kw: object) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in find_entities(text, **kw)}  # type: ignore[arg-type]


# (id, text, persons, expected (text, type) pairs that must all be found)
CASES = [
    ("title-party-secretary", "会上，区委书记刘振东作了动员讲话。", (), [("刘振东", "person")]),
    ("title-general-manager", "公司总经理陈晓峰说，今年订单增长三成。", (), [("陈晓峰", "person")]),
    ("title-chairman", "集团董事长韩立群表示将加大研发投入。", (), [("韩立群", "person")]),
    ("title-compound-surname", "公司董事长司马云峰说，订单增长。", (), [("司马云峰", "person")]),
    ("title-academician", "中国工程院院士钟建平带领团队攻关。", (), [("钟建平", "person")]),
    (
        "byline-compound-surname",
        "本报记者 欧阳明 通讯员 司马云 报道",
        ("欧阳明", "司马云"),
        [("欧阳明", "person"), ("司马云", "person")],
    ),
    (
        "byline-anywhere",
        "据白雪松介绍，园区今年新增企业二百家。",
        ("白雪松",),
        [("白雪松", "person")],
    ),
    ("zone", "苏州高新区今年新增高新技术企业三百家。", (), [("苏州高新区", "place")]),
    ("zone-economic", "合肥经开区签约项目二十个。", (), [("合肥经开区", "place")]),
    ("zone-committee", "长沙高新区管委会近日发布人才新政。", (), [("长沙高新区管委会", "org")]),
    ("zone-party-committee", "西安高新区党工委召开专题会议。", (), [("西安高新区党工委", "org")]),
    (
        "zone-bureau",
        "成都高新区科技创新局负责项目评审。",
        (),
        [("成都高新区科技创新局", "org")],
    ),
    (
        "company-long",
        "杭州海康威视数字技术股份有限公司发布年度报告。",
        (),
        [("杭州海康威视数字技术股份有限公司", "org")],
    ),
    (
        "company-after-verb",
        "高新区引进深圳云图智能科技有限公司落户。",
        (),
        [("深圳云图智能科技有限公司", "org")],
    ),
    ("group", "武汉长江通信集团与园区签约。", (), [("武汉长江通信集团", "org")]),
    ("university", "项目由浙江大学牵头实施。", (), [("浙江大学", "org")]),
    ("university-place", "南京理工大学与企业共建实验室。", (), [("南京理工大学", "org")]),
    (
        "cas-institute",
        "中国科学院上海光学精密机械研究所发布新成果。",
        (),
        [("中国科学院上海光学精密机械研究所", "org")],
    ),
    ("government", "宁波市人民政府与高校签署协议。", (), [("宁波市人民政府", "org")]),
    ("ministry", "科技部近日印发通知。", (), [("科技部", "org")]),
    (
        "province-city",
        "广东省深圳市的企业数量居前。",
        (),
        [("广东省", "place"), ("深圳市", "place")],
    ),
    ("world-place", "企业在德国慕尼黑设立研发中心。", (), [("德国", "place"), ("慕尼黑", "place")]),
    ("country-pair", "中美两国企业加强合作。", (), [("中", "place"), ("美", "place")]),
    ("foreign-name-dot", "会议由约翰·史密斯主持。", (), [("约翰·史密斯", "person")]),
]


@pytest.mark.parametrize(
    ("text", "persons", "expected"),
    [pytest.param(t, p, e, id=i) for i, t, p, e in CASES],
)
def test_cases(text: str, persons: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    found = spans(text, persons=persons)
    for pair in expected:
        assert pair in found, f"{pair} not in {sorted(found)}"


NEGATIVES = [
    ("blueprint-wisdom", "智慧城市建设蓝图已经绘就。"),
    ("establish-improve", "建立健全科技成果转化机制。"),
    ("on-one-hand", "一方面要稳增长，另一方面要调结构。"),
    ("zone-word-alone", "高新区将进一步做强产业链。"),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NEGATIVES])
def test_no_person_in_common_words(text: str) -> None:
    assert not [e for e in find_entities(text) if e.type == "person"]


def test_spans_keep_longest_company_name() -> None:
    text = "贵州星辰泰科智能技术有限公司在贵阳投产。"
    orgs = [e.text for e in find_entities(text) if e.type == "org"]
    assert orgs == ["贵州星辰泰科智能技术有限公司"]


def test_user_ignore_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A user's entities.txt can add names and silence wrong ones (read at load time)."""
    saved = nlp._nlp
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "entities.txt").write_text("星河湾科创港\tplace\n浙江大学\tignore\n", encoding="utf-8")
    monkeypatch.setenv("HITECH_READER_CONFIG_DIR", str(cfg))
    monkeypatch.setenv("HITECH_READER_CACHE_DIR", str(tmp_path / "cache"))
    nlp.reset()
    try:
        found = spans("浙江大学团队入驻星河湾科创港。")
        assert ("星河湾科创港", "place") in found
        assert not any(text == "浙江大学" for text, _ in found)
    finally:
        nlp._nlp = saved


@pytest.fixture(scope="module")
def sample_entities() -> tuple[str, list[Entity]]:
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "")
    return text, find_entities(text)


def test_sample_page_no_common_word_as_person_or_place(
    sample_entities: tuple[str, list[Entity]],
) -> None:
    _text, ents = sample_entities
    common = {"高新区", "蓝图", "智慧", "建立健全", "一方面", "新区", "园区", "扎根", "产业"}
    wrong = [e for e in ents if e.type in ("person", "place") and e.text in common]
    assert wrong == []


def test_sample_page_persons_look_like_names(sample_entities: tuple[str, list[Entity]]) -> None:
    """Every person is 2–4 characters starting with a surname, or a foreign name."""
    text, ents = sample_entities
    surnames = nlp.load().gazetteer.surnames
    persons = [e for e in ents if e.type == "person"]
    assert persons, "the page names people after titles"
    for e in persons:
        assert "·" in e.text or (
            2 <= len(e.text) <= 4 and (e.text[0] in surnames or e.text[:2] in surnames)
        ), e
        assert text[e.start : e.end] == e.text


def test_sample_page_zones_and_bodies(sample_entities: tuple[str, list[Entity]]) -> None:
    """Zone names are places and zone bodies organisations, whichever zone the page is about."""
    _text, ents = sample_entities
    zones = [e for e in ents if e.text.endswith("高新区") and len(e.text) > 3]
    assert zones and all(e.type == "place" for e in zones)
    bodies = [e for e in ents if e.text.endswith(("管委会", "党工委"))]
    assert bodies and all(e.type == "org" for e in bodies)
    companies = [e for e in ents if e.text.endswith("有限公司")]
    assert companies and all(e.type == "org" and len(e.text) > 6 for e in companies)


def check_spans(text: str, ents: list[Entity]) -> None:
    prev_end = 0
    for e in ents:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= prev_end, "sorted and non-overlapping"
        assert shown_name(text[e.start : e.end]) == e.text
        assert e.type in ("person", "place", "org")
        prev_end = e.end


_ALPHABET = st.sampled_from(
    list("的了是在和与高新区珠海公司大学书记总经理王李张赵市省县·，。、“”（）⼤⾼")
    + list("abcXYZ0123 \n\t")
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.one_of(st.text(max_size=60), st.text(alphabet=_ALPHABET, max_size=60)),
    persons=st.lists(st.text(min_size=0, max_size=4), max_size=3),
)
def test_property_never_raises_and_spans_are_sane(text: str, persons: list[str]) -> None:
    check_spans(text, find_entities(text, persons=persons))


def test_empty_text() -> None:
    assert find_entities("") == []


def test_skipping_ordinary_words_changes_nothing() -> None:
    """The memo of words no rule starts from (nlp.inert) must not change any result."""
    texts = [
        SAMPLE.read_text(encoding="utf-8"),
        "区委书记刘振东说，高新区项目投资总额达265.6亿元，和平路上新开了三家公司。",
        "小张和老王在访华期间会见了中美两国企业家，罗伯特·卡洛斯也来了。",
    ]
    loaded = nlp.load()
    warm = [find_entities(t) for t in texts]  # the memo is filled by now
    saved = dict(loaded.inert)
    loaded.inert.clear()
    try:
        cold = [find_entities(t) for t in texts]
    finally:
        loaded.inert.update(saved)
    assert warm == cold
    assert any(loaded.inert.values()), "ordinary words are remembered as inert"
    assert ("罗伯特·卡洛斯", "person") in spans(texts[2])


def test_long_dot_chain_gives_names_of_sensible_length() -> None:
    """A 30,000-character ``·`` chain: no one "person" spans it (issue #14: the walk from
    every token to both ends of the chain was quadratic), every name stays short."""
    text = "·".join(["安德烈"] * 7500)[:30_000]
    ents = find_entities(text)
    check_spans(text, ents)
    persons = [e for e in ents if e.type == "person"]
    assert len(persons) > 1000
    assert max(len(e.text) for e in persons) <= 18


# Failure classes of real zone news (issue #16), one named row each: (id, text, must find,
# must not find). The sentences are written for these tests in the style of zone news.
ZONE_NEWS_CLASSES = [
    (
        "place-suffix-beats-surname",
        "韶山镇今年接待游客三百万人次。",
        [("韶山镇", "place")],
        [("韶山", "person")],
    ),
    (
        "preposition-glued-to-place",
        "记者从龙泉驿区获悉，项目已开工。",
        [("龙泉驿区", "place")],
        [("从龙", "person"), ("从龙泉", "person")],
    ),
    (
        "zone-two-abbreviations",
        "滇中新区今年引进项目四十个。",
        [("滇中新区", "place")],
        [("新区", "place")],
    ),
    (
        "zone-unseen-name",
        "贵安新区大数据产业增势强劲。",
        [("贵安新区", "place")],
        [("新区", "place")],
    ),
    (
        "foreign-brand-running-text",
        "西门子在成都设立数字化工厂。",
        [("西门子", "org"), ("成都", "place")],
        [("西门子", "person")],
    ),
    (
        "foreign-brands-listed",
        "园区已聚集西门子、博世、施耐德等外资企业。",
        [("西门子", "org"), ("博世", "org"), ("施耐德", "org")],
        [("施耐德", "person")],
    ),
    ("brand-plus-industry", "华勤科技与园区签约，项目总投资二十亿元。", [("华勤科技", "org")], []),
    ("city-brand-industry", "上海联影医疗将在园区设立研发中心。", [("上海联影医疗", "org")], []),
    ("place-holding-company", "襄阳城投与高新区签订合作协议。", [("襄阳城投", "org")], []),
    (
        "academy-short-institute",
        "中科院金属所与企业共建联合实验室。",
        [("中科院金属所", "org")],
        [],
    ),
    (
        "academy-short-institute-yuan",
        "中科院深圳先进院与企业共建实验室。",
        [("中科院深圳先进院", "org")],
        [("深圳", "place")],
    ),
    (
        "academy-full-institute",
        "中国科学院长春应用化学研究所专家到场指导。",
        [("中国科学院长春应用化学研究所", "org")],
        [],
    ),
    (
        "country-pair-in-body",
        "中法航空学院首批学生毕业。",
        [("中法航空学院", "org")],
        [("中", "place"), ("法", "place")],
    ),
    ("generic-institutes", "鼓励高校和科研院所参与技术攻关。", [], [("科研院所", "org")]),
    (
        "ji-joins-two-names",
        "湖南大学暨中南大学联合实验室揭牌。",
        [("湖南大学", "org")],
        [("湖南大学暨中南大学联合实验室", "org")],
    ),
    (
        "parenthesised-place",
        "新鸿基地产（香港）控股有限公司完成收购。",
        [("新鸿基地产（香港）控股有限公司", "org")],
        [("香港", "place")],
    ),
    (
        "owners-in-signing-list",
        "签约项目业主包括山东鲁信控股、青岛海尔智家、潍柴动力等企业。",
        [("山东鲁信控股", "org"), ("青岛海尔智家", "org"), ("潍柴动力", "org")],
        [],
    ),
    (
        "list-glued-deng",
        "园区现有欣旺达、德方纳米、贝特瑞等新能源企业四十余家。",
        [("欣旺达", "org"), ("德方纳米", "org"), ("贝特瑞", "org")],
        [("贝特", "person")],
    ),
    (
        "people-listed",
        "王建国、李明华、唐余宽参加活动。",
        [("王建国", "person"), ("李明华", "person"), ("唐余宽", "person")],
        [],
    ),
    (
        "title-and-speech",
        "据高新区管委会主任刘国平介绍，今年新增企业三百家。",
        [("刘国平", "person")],
        [],
    ),
    ("speech-verb-glued", "公司董事长李明说，订单已排到明年。", [("李明", "person")], []),
    (
        "function-word-after-title",
        "二十四家企业负责人和代表参加集中签约。",
        [],
        [("和代表", "person")],
    ),
    ("frequent-word-not-foreign-name", "先进制造业项目占比达七成。", [], [("比达", "person")]),
    (
        "town-surname-start",
        "李庄镇今年招商引资十亿元。",
        [("李庄镇", "place")],
        [("李庄", "person")],
    ),
    ("zone-dictionary-word-name", "钟楼经开区今年签约项目十二个。", [("钟楼经开区", "place")], []),
    ("rail-line-not-person", "郑渝高铁全线贯通。", [], [("郑渝", "person")]),
    ("city-before-zone-name", "四川天府新区今年新增企业两万家。", [("四川天府新区", "place")], []),
    (
        "province-chain-splits",
        "江苏省高邮市高新技术产业开发区获批升级。",
        [("江苏省", "place"), ("高邮市高新技术产业开发区", "place")],
        [],
    ),
    (
        "zone-with-bracketed-district",
        "杭州高新区（滨江）今年工业产值增长一成。",
        [("杭州高新区（滨江）", "place")],
        [("滨江", "place")],
    ),
    ("title-name-cut-by-jieba", "公司总经理蒋立新说，订单已排到明年。", [("蒋立新", "person")], []),
    ("title-name-ends-like-a-place", "区党工委书记钱道远参加活动。", [("钱道远", "person")], []),
    ("speech-after-quote", "“今年产值翻番。”吴家喜表示。", [("吴家喜", "person")], []),
    (
        "verb-inside-company-name",
        "陕西秦岭创新科技有限公司与园区签约。",
        [("陕西秦岭创新科技有限公司", "org")],
        [("陕西", "place")],
    ),
    (
        "zone-fund",
        "西安高新区科创天使基金今年投资项目三十个。",
        [("西安高新区科创天使基金", "org")],
        [],
    ),
    ("generic-fund", "高新区设立十亿元产业基金。", [], [("产业基金", "org")]),
    ("generic-institutes-listed", "企业与高校、科研院所合作攻关。", [], [("科研院所合作", "org")]),
    ("verb-before-zone-word", "项目扎根高新区三年。", [], [("扎根高新区", "place")]),
    ("generic-word-before-industry-word", "持续优化营商环境。", [], [("营商环境", "org")]),
    ("kangxi-radicals", "⽯家庄⾼新区今年新增企业三百家。", [("石家庄高新区", "place")], []),
]


@pytest.mark.parametrize(
    ("text", "want", "unwanted"),
    [pytest.param(t, w, u, id=i) for i, t, w, u in ZONE_NEWS_CLASSES],
)
def test_zone_news_failure_classes(
    text: str, want: list[tuple[str, str]], unwanted: list[tuple[str, str]]
) -> None:
    check_names(text, want, unwanted)


def test_byline_names_are_authors() -> None:
    text = "本报讯（记者 周志强 通讯员 李文杰 郑晓）高新区今天举行签约仪式。"
    authors = {e.text for e in find_entities(text) if e.role == "author"}
    assert authors == {"周志强", "李文杰", "郑晓"}
    assert all(e.role is None for e in find_entities("公司总经理陈志远说，订单已排到明年。"))


def test_known_byline_names_are_authors() -> None:
    ents = find_entities("张海燕摄于高新区。", persons=("张海燕",))
    assert [(e.text, e.role) for e in ents if e.type == "person"] == [("张海燕", "author")]


def test_kangxi_offsets_point_into_the_text_as_shown() -> None:
    text = "记者来到⽯家庄⾼新区采访。"
    (zone,) = [e for e in find_entities(text) if e.type == "place"]
    assert zone.text == "石家庄高新区"
    assert text[zone.start : zone.end] == "⽯家庄⾼新区"


def test_kangxi_byline_keeps_its_authors() -> None:
    text = "本报讯（记者 ⽩⽟林 通讯员 李⽂杰）⽯家庄⾼新区今天签约。"
    authors = [(e.text, text[e.start : e.end]) for e in find_entities(text) if e.role]
    assert authors == [("白玉林", "⽩⽟林"), ("李文杰", "李⽂杰")]
