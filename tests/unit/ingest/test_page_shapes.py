"""Page dumps in every shape tools give them (``tests/helpers/pageshapes.py``).

Each shape is a named case: nothing is lost on any seed, and the stories come back with
their titles, bylines (names apart from roles), datelines and paragraphs. The per-shape
accuracy is measured by ``benchmarks/bench_page_structure.py``; the floors here catch a
regression in one shape.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest.loader import load_file, parse_text
from reader.ingest.page import not_a_page_reason, parse_page
from reader.ingest.page.bylines import byline_row, parse_names, split_dateline
from reader.ingest.page.shape import is_meta_line, split_layout
from tests.helpers.pagescore import Score, lost_and_extra, score
from tests.helpers.pageshapes import SHAPES, make_page


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(SHAPES), st.integers(0, 2**20))
def test_nothing_lost_on_any_shape(shape, seed):
    """Every character of the dump lands in one field (only byline frames — brackets,
    slashes, ▶, 报道 — are dropped), and nothing is made up."""
    made = make_page(shape, seed)
    lost, extra = lost_and_extra(made, parse_text(made.text, f"{shape}.txt"))
    assert not lost and not extra, (lost, extra)


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_is_read_as_a_page(shape):
    for seed in range(12):
        assert not_a_page_reason(make_page(shape, seed).text) is None, seed


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_comes_back_story_by_story(shape):
    total = Score()
    for seed in range(12):
        made = make_page(shape, seed)
        total.add(score(made, parse_text(made.text, f"{shape}-{seed}.txt")))
    n = total.stories
    assert total.lost == 0
    assert total.titles / n >= 0.85, total
    assert total.bylines / n >= 0.85, total
    assert total.paragraphs / n >= 0.8, total
    assert total.dates == n  # page header dates, or none where the shape prints none


# --- datelines and bylines --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "names", "roles", "rest"),
    [
        ("本报讯 近日，园区开工。", "本报讯", None, None, "近日，园区开工。"),
        ("本报青岛讯 6月1日，联盟成立。", "本报青岛讯", None, None, "6月1日，联盟成立。"),
        ("本报北京6月1日讯（记者 王蕾）今天，", "本报北京6月1日讯", ["王蕾"], ["记者"], "今天，"),
        (
            "本报讯（记者 张三 通讯员 李四）日前，",
            "本报讯",
            ["张三", "李四"],
            ["记者", "通讯员"],
            "日前，",
        ),
        (
            "新华社北京6月1日电（记者王五）记者获悉，",
            "新华社北京6月1日电",
            ["王五"],
            ["记者"],
            "记者获悉，",
        ),
        (
            "本报讯（记者 林静 实习生黄文彬）日前，",
            "本报讯",
            ["林静", "黄文彬"],
            ["记者", "实习生"],
            "日前，",
        ),
    ],
)
def test_datelines_and_their_bylines(text, dateline, names, roles, rest):
    found = split_dateline(text)
    assert found is not None
    got_dateline, byline, got_rest = found
    assert got_dateline == dateline and got_rest == rest
    assert (byline[0], byline[1]) == (names, roles) if names else byline is None


@pytest.mark.parametrize(
    ("line", "names", "roles"),
    [
        ("本报记者 李卫东 报道", ["李卫东"], ["本报记者"]),
        ("▶周敏 方杰", ["周敏", "方杰"], ["", ""]),
        ("文/谭晶 图/罗平", ["谭晶", "罗平"], ["文", "图"]),
        ("图/马晓燕", ["马晓燕"], ["图"]),
        ("顾亮 杜宇", ["顾亮", "杜宇"], ["", ""]),
    ],
)
def test_byline_lines_give_names_and_roles_apart(line, names, roles):
    assert byline_row(line) == (names, roles)


def test_roles_are_never_names():
    assert parse_names("记者 张三 李四 通讯员 王五") == (
        ["张三", "李四", "王五"],
        ["记者", "记者", "通讯员"],
    )
    # A line break ate the space between a name and the next role.
    assert parse_names("记者 林静实习生黄文彬") == (["林静", "黄文彬"], ["记者", "实习生"])
    assert parse_names("园区企业纷纷表示") is None
    assert byline_row("创新驱动发展") is None  # a lone four-character phrase: a heading


# --- headlines, continuations, pages ------------------------------------------------------

_TWO_STORIES = """昆山高新区机器人产业规模突破五百亿元
本报讯 记者从昆山高新区获悉，园区机器人及智能装备
产业去年实现产值 512 亿元，集聚上下游企业 260 余
家。
园区将建设机器人应用示范场景 50 个，推动机器人在
电子信息、汽车零部件等行业的规模化应用。
（下转第2版）
长沙高新区：软件产业跑出加速度
清晨八点，长沙高新区软件产业园已是一片忙碌景
象。这里聚集了 1200 余家软件和信息服务企业，从业
人员超过 8 万人。
去年，园区软件业务收入达到 1100 亿元，同比增长
18.5%，涌现出一批在工业软件领域具有竞争力的企业。
文/谭晶 图/罗平
"""


def test_headline_before_a_story_without_dateline_opens_a_new_article():
    articles = parse_page(_TWO_STORIES, "p.txt")
    assert [a.title for a in articles] == [
        "昆山高新区机器人产业规模突破五百亿元",
        "长沙高新区：软件产业跑出加速度",
    ]
    assert articles[0].paragraphs[-1] == "（下转第2版）"  # a marker, never a title
    assert (articles[1].byline, articles[1].byline_roles) == (["谭晶", "罗平"], ["文", "图"])


def test_first_body_line_without_full_stop_is_not_a_headline():
    text = "\n".join(_TWO_STORIES.splitlines()[2:])  # the page starts inside a story
    articles = parse_page(text, "p.txt")
    assert articles[0].title != "产业去年实现产值 512 亿元，集聚上下游企业 260 余"
    assert articles[0].paragraphs[0].startswith("产业去年实现产值")


def test_page_header_and_footer_are_metadata_and_date_the_articles(tmp_path):
    page = "2023年3月8日 星期三 第5版 产业\n" + _TWO_STORIES + "责任编辑：王芳 美编：赵磊\n"
    path = tmp_path / "2022-01-01-page.txt"  # the printed date beats the file name
    path.write_text(page, encoding="utf-8")
    articles = load_file(path)
    assert articles[0].page_lines == ["2023年3月8日 星期三 第5版 产业", "责任编辑：王芳 美编：赵磊"]
    assert {a.date for a in articles} == {"2023-03-08"}
    assert all("责任编辑" not in a.body_text and "星期" not in a.body_text for a in articles)


def test_form_feeds_split_pages():
    page = "2023年3月8日 星期三 第5版\n" + _TWO_STORIES
    second = "2023年3月9日 星期四 第1版\n" + _TWO_STORIES
    articles = parse_page(page + "\f" + second, "p.txt")
    assert [a.date for a in articles] == ["2023-03-08"] * 2 + ["2023-03-09"] * 2


def test_meta_lines():
    assert is_meta_line("2023年3月8日 星期三")
    assert is_meta_line("第5版 产业")
    assert is_meta_line("责任编辑：王芳 美编：赵磊")
    assert not is_meta_line("（下转第2版）")
    assert not is_meta_line("2023年3月8日，园区举行签约仪式。")


def test_layout_columns_are_put_back_one_after_another():
    left = ["左栏第一行文字内容", "左栏第二行", "左栏第三行文字内容", ""]
    right = ["右栏第一行", "右栏第二行文字", "右栏第三行", "右栏第四行"]
    lines = [f"{a:<13}{b}" for a, b in zip(left, right, strict=True)]
    out = [text for _, text in split_layout(list(enumerate(lines, 1)))]
    assert out == [
        "左栏第一行文字内容",
        "左栏第二行",
        "左栏第三行文字内容",
        "右栏第一行",
        "右栏第二行文字",
        "右栏第三行",
        "右栏第四行",
    ]


def test_a_web_copy_is_not_a_page_and_says_why():
    web = "标题\n" + ("这是一段从网页复制下来的正文，一段一行，没有分栏。" * 4 + "\n") * 8
    reason = not_a_page_reason(web)
    assert reason is not None and reason.startswith("no column structure found")
    notices: list[str] = []
    articles = parse_text(web, "web.txt", notices=notices)
    assert len(articles) == 1 and articles[0].title == "标题"
    assert notices == [f"read as plain text, not as a page: {reason}"]


def test_a_body_line_naming_an_edition_stays_body_text():
    text = _TWO_STORIES.replace("（下转第2版）\n", "（下转第2版）\n详见本报第3版\n", 1)
    lines = text.splitlines()
    lines[4:4] = ["据本报第5版"]  # mid-page, between body lines: not a page header
    articles = parse_page("\n".join(lines), "p.txt")
    assert all(not a.page_lines for a in articles)
    assert "据本报第5版" in "".join(a.body_text for a in articles)


def test_a_page_opening_mid_sentence_on_a_line_without_punctuation():
    text = (
        "在青岛高新区的海洋装备产业园里一台\n\n"
        "自主研发的深海探测设备刚刚完成出厂\n\n"
        "测试。研发团队负责人说，这台设备可\n\n"
        "在深海连续工作 30 天。\n\n"
        "孙海\n\n"
        "青岛高新区海洋科技成果加速落地\n\n"
        "本报讯 近日，合肥高新区量子产业园开\n\n"
        "园，首批 16 家企业集中入驻，园区总\n\n"
        "建筑面积约 12 万平方米。\n\n"
        "宋佳\n\n"
        "合肥高新区量子产业园开园\n"
    )
    articles = parse_page(text, "p.txt")
    assert [a.title for a in articles] == [
        "青岛高新区海洋科技成果加速落地",
        "合肥高新区量子产业园开园",
    ]
    assert articles[0].paragraphs[0].startswith("在青岛高新区的海洋装备产业园里一台自主研发")
    assert [a.byline for a in articles] == [["孙海"], ["宋佳"]]


def test_plain_text_keeps_a_copied_page_header_as_metadata_not_title():
    from reader.ingest.plain import parse_plain

    text = (
        "2023年3月8日 星期三 第5版 产业\n\n东湖高新区发布新政\n\n　　近日，东湖高新区发布新政。\n"
    )
    (article,) = parse_plain(text, "web.txt")
    assert article.title == "东湖高新区发布新政"
    assert article.page_lines == ["2023年3月8日 星期三 第5版 产业"]
    assert article.date == "2023-03-08" and article.source.first_line == 1
