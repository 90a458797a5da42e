"""The PDF importer's layout rules, each on a hand-placed page (no PDF file needed)."""

from __future__ import annotations

from reader.ingest.pdf import parse_page
from reader.ingest.pdf.extract import Box, Rule
from reader.ingest.pdf.layout import body_size, find_grid, make_lines
from tests.helpers.pdfraw import chars, column_text, page

BODY = [("高新区今年新认定高新技术企业一百多家，", True), ("总数达到一千四百二十家。", False),
        ("园区持续推进一网通办，企业开办时间压", True), ("缩至一个工作日。", False)]


def _articles(raw):
    articles, meta = parse_page(raw, "p.pdf")
    return articles, meta


def test_lines_split_at_a_wide_gap_and_at_a_size_change():
    raw = page(chars("左栏正文", 40, 100), chars("右栏正文", 40 + 40 + 12, 100),
               chars("大", 200, 100, 20))
    texts = [ln.text for ln in make_lines(raw.chars)]
    assert texts == ["左栏正文", "右栏正文", "大"]


def test_spaces_inside_a_line_are_kept_and_trimmed_at_its_ends():
    raw = page(chars(" 本报记者 王芳 ", 40, 100))
    assert [ln.text for ln in make_lines(raw.chars)] == ["本报记者 王芳"]


def test_body_size_is_the_size_carrying_most_characters():
    raw = page(chars("标题", 40, 50, 24), chars("正文正文正文正文", 40, 100, 9.5))
    lines = make_lines(raw.chars)
    assert body_size(lines) == 9.5


def test_columns_and_header_rule():
    left = column_text(BODY, 40, 100)
    right = column_text(BODY, 290, 100)
    raw = page(chars("2025年3月16日 星期日", 40, 20, 9), chars("第3版", 500, 20, 9), *left,
               *right, rules=(Rule(40, 560, 40),))
    lines = make_lines(raw.chars)
    grid = find_grid(raw, lines)
    assert len(grid.columns) == 2
    assert grid.header_bottom == 40
    assert abs(grid.columns[0][0] - 40) <= 1.5 and abs(grid.columns[1][0] - 290) <= 1.5


def test_header_is_page_metadata_and_its_date_the_articles_date():
    raw = page(chars("2025年3月16日 星期日", 40, 20, 9), chars("第3版 园区", 500, 20, 9),
               chars("高新区项目开工", 40, 60, 20), *column_text(BODY, 40, 100),
               chars("责任编辑：王芳 美编：李明", 40, 770, 9),
               rules=(Rule(40, 560, 40), Rule(40, 560, 760)))
    articles, meta = _articles(raw)
    assert meta.number == 3 and meta.date == "2025-03-16"
    assert [a.title for a in articles] == ["高新区项目开工"]
    assert articles[0].date == "2025-03-16"
    assert articles[0].source.first_line == 3
    text = "".join(b.text for b in articles[0].blocks)
    assert "责任编辑" not in text and "星期" not in text


def test_paragraphs_start_at_a_first_line_indent():
    raw = page(chars("高新区项目开工", 40, 60, 20), *column_text(BODY, 40, 100))
    (article,), _ = _articles(raw)
    assert article.paragraphs == ["高新区今年新认定高新技术企业一百多家，总数达到一千四百二十家。",
                                  "园区持续推进一网通办，企业开办时间压缩至一个工作日。"]


def test_kicker_above_title_and_byline_under_it():
    raw = page(chars("聚焦高质量发展", 60, 40, 13), chars("高新区项目开工", 40, 60, 20),
               chars("本报记者 王芳 通讯员 李明", 40, 86), *column_text(BODY, 40, 100))
    (article,), _ = _articles(raw)
    assert article.kicker == "聚焦高质量发展"
    assert article.title == "高新区项目开工"
    assert article.byline == ["本报记者 王芳 通讯员 李明"]


def test_dateline_with_its_writers_is_split_from_the_first_paragraph():
    lines = [("本报西安讯（记者 王芳）高新区今年", True), ("新认定高新技术企业一百多家。", False)]
    raw = page(chars("高新区项目开工", 40, 60, 20), *column_text(lines, 40, 100))
    (article,), _ = _articles(raw)
    assert article.dateline == "本报西安讯（记者 王芳）"
    assert article.paragraphs == ["高新区今年新认定高新技术企业一百多家。"]


def test_xinhua_dateline():
    lines = [("新华社北京3月5日电（记者 李明）园区", True), ("企业营收增长。", False)]
    raw = page(chars("园区企业营收增长", 40, 60, 20), *column_text(lines, 40, 100))
    (article,), _ = _articles(raw)
    assert article.dateline == "新华社北京3月5日电（记者 李明）"


def test_byline_after_the_body_and_subhead_between_paragraphs():
    lines = column_text(BODY[:2], 40, 100)
    sub = chars("平台搭起来", 70, 132, 12)
    rest = column_text(BODY[2:], 40, 150)
    end = chars("文/图 王芳", 150, 182)
    raw = page(chars("高新区项目开工", 40, 60, 20), *lines, sub, *rest, end)
    (article,), _ = _articles(raw)
    assert article.subheads == ["平台搭起来"]
    assert len(article.paragraphs) == 2
    assert article.byline == ["文/图 王芳"]


def test_a_story_runs_on_into_the_next_column():
    first = column_text(BODY[:3], 40, 100)
    second = column_text([("缩至一个工作日。", False)], 290, 100)
    raw = page(chars("高新区项目开工建设提速", 40, 60, 20), *first, *second,
               *column_text(BODY, 290, 200))  # more text fixes the second column's edge
    articles, _ = _articles(raw)
    assert articles[0].paragraphs[1] == "园区持续推进一网通办，企业开办时间压缩至一个工作日。"


def test_photo_caption_and_credit_next_to_an_image_box():
    raw = page(chars("高新区项目开工", 40, 60, 20), *column_text(BODY, 40, 100),
               chars("图为园区企业工作人员调试设备。", 40, 305, 8.5),
               chars("张晓东/摄", 200, 317, 8.5), boxes=(Box(40, 180, 250, 300),),
               rules=(Rule(40, 560, 170),))
    articles, _ = _articles(raw)
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.captions == ["图为园区企业工作人员调试设备。"]
    assert photo.credit == "张晓东/摄"


def test_a_credit_at_the_end_of_a_caption_is_split_off():
    raw = page(chars("高新区项目开工", 40, 60, 20), *column_text(BODY, 40, 100),
               chars("工人在项目现场施工。 李明/摄", 40, 305, 8.5),
               boxes=(Box(40, 180, 250, 300),), rules=(Rule(40, 560, 170),))
    articles, _ = _articles(raw)
    photo = next(a for a in articles if a.kind == "photo")
    assert (photo.captions, photo.credit) == (["工人在项目现场施工。"], "李明/摄")


def test_source_credit_form():
    raw = page(*column_text(BODY, 40, 100), chars("图为新落成的创新中心。", 40, 305, 8.5),
               chars("图片来源：高新区管委会", 40, 317, 8.5), boxes=(Box(40, 180, 250, 300),),
               rules=(Rule(40, 560, 170),))
    articles, _ = _articles(raw)
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.credit == "图片来源：高新区管委会"


def test_titles_side_by_side_split_at_the_gutter():
    left = column_text(BODY, 40, 100)
    right = column_text(BODY, 290, 100)
    # The two titles sit 14 pt apart, in the gutter: less than 0.9 of their 20 pt em.
    raw = page(chars("园区重点项目开工建设", 52, 60, 20), chars("企业营收稳步增长", 266, 60, 20),
               *left, *right)
    articles, _ = _articles(raw)
    assert [a.title for a in articles] == ["园区重点项目开工建设", "企业营收稳步增长"]


def test_two_line_title_is_one_title():
    raw = page(chars("高新区前三季度规上", 40, 40, 20), chars("工业产值增长", 40, 64, 20),
               *column_text(BODY, 40, 100))
    (article,), _ = _articles(raw)
    assert article.title == "高新区前三季度规上工业产值增长"


def test_stories_stacked_under_a_rule_are_apart():
    raw = page(chars("园区项目开工", 40, 40, 20), *column_text(BODY, 40, 70),
               chars("企业营收增长", 40, 150, 20), *column_text(BODY, 40, 180),
               rules=(Rule(40, 560, 140),))
    articles, _ = _articles(raw)
    assert [a.title for a in articles] == ["园区项目开工", "企业营收增长"]
    assert all(len(a.paragraphs) == 2 for a in articles)


def test_a_smaller_headline_opening_a_space_under_a_rule_is_a_title():
    raw = page(chars("园区项目开工", 40, 40, 20), *column_text(BODY, 40, 70),
               chars("企业营收增长", 40, 150, 14), *column_text(BODY, 40, 175),
               rules=(Rule(40, 560, 140),))
    articles, _ = _articles(raw)
    assert [a.title for a in articles] == ["园区项目开工", "企业营收增长"]


def test_a_mid_size_line_inside_a_column_stays_a_subhead():
    lines = column_text(BODY[:2], 40, 100)
    sub = chars("平台搭起来", 70, 132, 14)
    raw = page(chars("高新区项目开工", 40, 60, 20), *lines, sub, *column_text(BODY[2:], 40, 152))
    (article,), _ = _articles(raw)
    assert article.subheads == ["平台搭起来"]


def test_a_bold_body_size_line_is_a_subhead():
    lines = column_text(BODY[:2], 40, 100)
    sub = chars("服务优起来", 40, 130, 10, font="SimHei")
    raw = page(chars("高新区项目开工", 40, 60, 20), *lines, sub, *column_text(BODY[2:], 40, 145))
    (article,), _ = _articles(raw)
    assert article.blocks[1].kind == "subhead" and article.blocks[1].text == "服务优起来"


def test_marked_byline_and_credit_with_a_space():
    raw = page(chars("高新区项目开工", 40, 60, 20), chars("▶本报记者 王芳", 40, 86),
               *column_text(BODY, 40, 100), chars("图为新落成的创新中心。", 40, 305, 8.5),
               chars("李明 摄", 200, 317, 8.5), boxes=(Box(40, 180, 250, 300),),
               rules=(Rule(40, 560, 170),))
    articles, _ = _articles(raw)
    assert articles[0].byline == ["本报记者 王芳"]
    photo = next(a for a in articles if a.kind == "photo")
    assert photo.credit == "李明 摄"


def test_a_caption_above_its_picture():
    raw = page(*column_text(BODY, 40, 100), chars("图为新落成的创新中心。", 40, 180, 8.5),
               boxes=(Box(40, 195, 250, 300),), rules=(Rule(40, 560, 170),))
    articles, _ = _articles(raw)
    assert any(a.captions == ["图为新落成的创新中心。"] for a in articles)


def test_a_smaller_line_right_under_the_title_is_its_kicker():
    raw = page(chars("高新区项目开工", 40, 60, 20), chars("总投资35亿元 年内建成投产", 50, 84, 13),
               *column_text(BODY, 40, 110))
    (article,), _ = _articles(raw)
    assert (article.kicker, article.title) == ("总投资35亿元 年内建成投产", "高新区项目开工")
    assert article.subheads == []


def test_bracketed_byline_after_the_body():
    raw = page(chars("高新区项目开工", 40, 60, 20), *column_text(BODY, 40, 100),
               chars("（记者 王芳 通讯员 李明）", 80, 160))
    (article,), _ = _articles(raw)
    assert article.byline == ["（记者 王芳 通讯员 李明）"]
    assert len(article.paragraphs) == 2


def test_a_story_set_a_little_larger_than_the_page_body_is_still_body_text():
    big = column_text(BODY, 290, 100, size=10.5, leading=16)
    raw = page(chars("园区项目开工", 40, 60, 20), *column_text(BODY, 40, 100, size=9.5),
               *column_text(BODY, 40, 160, size=9.5), chars("企业营收增长", 290, 60, 20), *big)
    articles, _ = _articles(raw)
    assert [len(a.paragraphs) for a in articles] == [4, 2]
    assert all(a.subheads == [] for a in articles)


def test_a_byline_marker_in_its_own_size_stays_on_the_byline():
    marker = chars("▶", 40, 86, 7)
    raw = page(chars("高新区项目开工", 40, 60, 20), marker, chars("本报记者 王芳", 47, 86),
               *column_text(BODY, 40, 100))
    (article,), _ = _articles(raw)
    assert article.byline == ["本报记者 王芳"]
