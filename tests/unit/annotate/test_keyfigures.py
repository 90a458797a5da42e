"""Key figures: ranking, de-duplication and labels on articles written like zone reports."""

from __future__ import annotations

from dataclasses import replace

from reader.annotate.figures import figure_kind_label, find_figures
from reader.annotate.keyfigures import key_figures, sentence_at
from reader.annotate.pipeline import annotate
from reader.model import Article, Block, Figure, Located, Source


def _article(*paragraphs: str, title: str = "测试") -> Article:
    return Article(
        id="t",
        source=Source("t.txt", 1, 10),
        title=title,
        blocks=[Block("paragraph", p) for p in paragraphs],
    )


def _located(article: Article) -> list[Located[Figure]]:
    return [Located(i, f) for i, b in enumerate(article.blocks) for f in find_figures(b.text)]


ZONE = _article(
    "2022年，某高新区实现营收达 1500 亿元，同比增长12.5%。",
    "截至目前，该区今年新引进重点产业项目 153 个，投资总额约350 亿元，其中亿元以上项目 33 个。",
    "到2023年底，该区计划新建标准厂房 200万平方米，总投资额达265.6亿元。",
    "从项目接洽到签约只用了 8 天。全区营收达 1500 亿元，再创新高。",
)


def test_money_totals_rank_above_counts_and_dates_never_appear() -> None:
    keys = key_figures(ZONE, _located(ZONE))
    kinds = [k.figure.kind for k in keys]
    assert "date" not in kinds and "duration" not in kinds
    assert kinds[0] == "money"
    last_money = max(i for i, kind in enumerate(kinds) if kind == "money")
    assert last_money < kinds.index("count")
    money_values = [k.figure.value for k in keys if k.figure.kind == "money"]
    assert money_values[0] == 1.5e11


def test_repeated_figure_counts_once() -> None:
    keys = key_figures(ZONE, _located(ZONE))
    texts = [k.figure.text for k in keys]
    assert texts.count("1500 亿元") == 1
    (revenue,) = [k for k in keys if k.figure.text == "1500 亿元"]
    assert revenue.block == 0  # the first telling is kept


def test_labels_come_from_the_sentence() -> None:
    labels = {k.figure.text: k.label for k in key_figures(ZONE, _located(ZONE))}
    assert labels["1500 亿元"] == "营收"
    # (新引进重点产业项目 153 个，投资总额 350 亿元: the total of the projects just counted)
    assert labels["350 亿元"] == "重点产业项目投资总额"
    assert labels["265.6亿元"] == "总投资额"
    assert labels["153 个"].endswith("项目")
    assert labels["200万平方米"].endswith("标准厂房")


def test_counted_noun_after_the_measure_word() -> None:
    article = _article(
        "该区共有43个项目参与集中开工，总投资334亿元。",
        "已提供人才公寓 296 套，引进高层次人才120名。",
    )
    labels = {k.figure.text: k.label for k in key_figures(article, _located(article))}
    assert labels["43个"] == "集中开工项目"  # (what happened to them, written after them)
    assert labels["334亿元"] == "集中开工项目总投资"  # (and the amount of the clause after)
    assert labels["296 套"] == "人才公寓"


def test_category_thresholds_are_not_key_figures() -> None:
    keys = key_figures(ZONE, _located(ZONE))
    assert all(k.figure.text != "亿元" for k in keys)


def test_a_range_of_amounts_before_a_count_is_a_class() -> None:
    # 20-50亿元项目 2 个: the projects' size class, counted; no amount of its own
    article = _article("新开工项目12个，其中20-50亿元项目2个，10-20亿元项目4个，5-10亿元项目6个。")
    texts = {k.figure.text: k.label for k in annotate(article).key_figures}
    assert not {"20-50亿元", "10-20亿元", "5-10亿元"} & texts.keys()
    assert texts["2个"] == "新开工20-50亿元项目"  # (a part of the newly started)


def test_a_province_named_more_often_than_the_city_of_the_title_is_another_party() -> None:
    # The title is about a city's zones; the province's counts say whose they are.
    article = _article(
        "浙江省共有21家国家级经开区，浙江省5家国家级经开区综合排名跻身全国30强。",
        "宁波经开区位列全国第9。", title="宁波两家经开区跻身全国30强")
    labels = {k.figure.text: k.label for k in annotate(article).key_figures}
    assert labels["21家"] == "浙江省国家级经开区"


def test_a_bar_the_counted_things_passed_is_no_key_figure() -> None:
    article = _article("其中36个国家高新区营业收入超过1000亿元，12家高新区年均增速在30%以上。")
    texts = {k.figure.text for k in annotate(article).key_figures}
    assert texts == {"36个", "12家"}


def test_a_bar_in_a_list_of_bars_is_no_key_figure() -> None:
    article = _article("东部园区营收30亿元以上、西部园区营收15亿元以上的制造业企业共182家。")
    texts = {k.figure.text for k in annotate(article).key_figures}
    assert texts == {"182家"}


def test_sentence_and_limit_and_determinism() -> None:
    figures = _located(ZONE)
    keys = key_figures(ZONE, figures, limit=3)
    assert len(keys) == 3
    assert keys == key_figures(ZONE, list(reversed(figures)), limit=3)
    assert [k.score for k in keys] == sorted((k.score for k in keys), reverse=True)
    (total,) = [k for k in key_figures(ZONE, figures) if k.figure.text == "265.6亿元"]
    assert total.sentence == "到2023年底，该区计划新建标准厂房 200万平方米，总投资额达265.6亿元。"


def test_article_without_figures() -> None:
    article = _article("一方面，建立健全制度；另一方面，强化考核。", "坚持“一项目一方案”。")
    assert key_figures(article, _located(article)) == []


def test_sentence_at() -> None:
    text = "第一句。第二句有 3 个；第三句！"
    assert sentence_at(text, text.index("3")) == "第二句有 3 个；"
    assert sentence_at(text, len(text) - 1) == "第三句！"


def test_percent_label_keeps_the_change() -> None:
    article = _article("全区营收达 800 亿元，同比增长12.5%。")
    labels = {k.figure.text: k.label for k in key_figures(article, _located(article))}
    assert labels["12.5%"].endswith("增长")


def test_custom_cutter_is_used() -> None:
    calls: list[str] = []

    def by_char(text: str) -> list[str]:
        calls.append(text)
        return list(text)

    article = _article("营收达 1500 亿元。")
    (key,) = key_figures(article, _located(article), cut=by_char)
    assert calls and key.label == "营收"


def test_currency_named_without_an_amount_is_never_a_key_figure() -> None:
    article = _article("推进人民币国际化，以美元计价的出口额达 300 亿元。")
    figures = _located(article)
    assert [f.span.text for f in figures if f.span.value is None] == ["人民币", "美元"]
    keys = key_figures(article, figures)
    assert [k.figure.text for k in keys] == ["300 亿元"]


def test_a_threshold_is_no_key_figure() -> None:
    # 出口超 1 亿美元的企业 9 家: the amount is the class of the firms counted, not a result.
    article = _article(
        "出口超1亿美元的企业9家，出口总额达29.5亿美元。",
        "其中投资超20亿元的项目5个，引进百亿元级重大项目2个。",
    )
    texts = {k.figure.text for k in key_figures(article, _located(article))}
    assert "29.5亿美元" in texts and "9家" in texts and "5个" in texts
    assert not texts & {"1亿美元", "20亿元", "百亿元级"}


def test_parts_named_by_their_place_take_the_measure_of_the_whole() -> None:
    # 主营业务收入 1524 亿元，其中，某开发区 325 亿元: the part is labelled with its place and
    # the measure, so that it does not read like the whole.
    article = _article(
        "全市开发区实现主营业务收入1524.1亿元，其中，东湖经济开发区325.4亿元、西山工业园区184.3亿元。"
    )
    labels = {k.figure.text: k.label for k in key_figures(article, _located(article))}
    # (全市开发区: the whole is all the city's zones, not the zone a story is about)
    assert labels["1524.1亿元"] == "全市开发区主营业务收入"
    assert labels["325.4亿元"] == "东湖经济开发区主营业务收入"
    assert labels["184.3亿元"] == "西山工业园区主营业务收入"


def test_a_rate_per_ten_thousand_is_no_figure() -> None:
    assert [f.text for f in find_figures("每万人发明专利拥有量达85件，近万人参加。")] == [
        "85件",
        "万人",
    ]


def test_pointers_ranks_and_the_field_of_a_rank_are_no_key_figures() -> None:
    # 这两个难题 points back; 前两位 and 第 20 位 are ranks; 全国 169 个国家高新区 is the field a
    # rank is taken in, not something the zone has.
    article = _article(
        "园区面临用地紧张和人才短缺这两个难题。",
        "园区综合实力跃居全国169个国家高新区前列，专利申请量位居全市前两位。",
        "园区位居全国 178 家国家高新区第 20 位，全年新增企业 356 家。",
        "配套建设10千伏开闭所。",
        "在全国169个国家高新区中，园区综合排名第37位，较上年上升两个位次。",
    )
    texts = {k.figure.text for k in key_figures(article, _located(article))}
    assert texts == {"356 家"}


def test_the_parts_of_a_policy_written_in_words_are_no_key_figures() -> None:
    # 八条措施, 两轮评审, 三项任务: how a policy text is organised, not a quantity the zone
    # reports; the same units written in digits are counted things.
    article = _article(
        "管委会出台支持科技企业发展八条措施，已开展两轮集中评审，明确三项重点任务。",
        "全年兑现政策资金 1.2 亿元，受理申报 86 项，举办对接活动 24 次。",
    )
    texts = {k.figure.text for k in key_figures(article, _located(article))}
    assert texts == {"1.2 亿元", "86 项", "24 次"}


def test_a_time_word_alone_is_no_label() -> None:
    # 完成第一季度 2 万吨的生产任务: the time says when, never what is measured.
    article = _article("该公司正在抓紧完成第一季度2万吨的生产任务。")
    (key,) = key_figures(article, _located(article))
    assert key.label == figure_kind_label(key.figure.kind)  # (what kind of figure, no more)


def _labels_of(title: str, *paragraphs: str) -> dict[str, str]:
    article = _article(*paragraphs, title=title)
    return {k.figure.text: k.label for k in annotate(article).key_figures}


def test_a_figure_of_another_zone_says_whose_it_is() -> None:
    # A story on one zone: a figure of another zone that opens its sentence says so; the
    # zone of the title needs no name.
    labels = _labels_of(
        "南宁高新区上半年经济运行稳中有进",
        "上半年，南宁高新区实现地区生产总值320亿元，同比增长8.5%。",
        "其中，南宁综合保税区实现外贸进出口额270.47亿元，同比增长12%。",
    )
    assert labels["320亿元"] == "地区生产总值"
    assert labels["270.47亿元"] == "南宁综合保税区外贸进出口额"


def test_the_parts_of_a_citywide_total_name_their_zone() -> None:
    labels = _labels_of(
        "安康市县域工业集中区发展势头良好",
        "2016年，全市县域工业集中区完成工业总产值113.6亿元。",
        "其中，旬阳县生态工业集中区完成工业总产值45.5亿元，汉阴县新型建材工业集中区完成工业总产值"
        "24.3亿元。",
    )
    assert labels["113.6亿元"] == "全市县域工业集中区工业总产值"
    assert labels["45.5亿元"] == "旬阳县生态工业集中区工业总产值"
    assert labels["24.3亿元"] == "汉阴县新型建材工业集中区工业总产值"


def test_a_title_naming_two_parks_makes_every_figure_say_whose() -> None:
    labels = _labels_of(
        "鹤壁、濮阳国家农业科技园区通过验收",
        "鹤壁国家农业科技园区核心区面积5.07万亩，2016年园区实现净利润8.93亿元。",
        "濮阳国家农业科技园区核心区建设面积39140亩，累计投入建设资金34.6亿元。",
    )
    assert labels["8.93亿元"] == "鹤壁国家农业科技园区净利润"
    assert labels["34.6亿元"] == "濮阳国家农业科技园区累计建设资金"


def test_the_titles_own_number_and_counts_of_projects_rank_high() -> None:
    # Nine figures for eight places: the title's 73 个 and the count of companies stay, the
    # figure with no telling label goes.
    article = _article(
        "前日上午，龙文区举行项目集中开竣工仪式，开竣工项目共73个，总投资285亿元。",
        "其中开工46个，总投资180亿元；竣工27个，总投资105亿元。",
        "园区现有高新技术企业351家，全年实现营业收入820亿元，税收36亿元，利润41亿元。",
        "此外，还有12.6亿元。",
        title="龙文区73个项目集中开竣工",
    )
    ranked = [k.figure.text for k in annotate(article).key_figures]
    assert "73个" in ranked and "351家" in ranked
    assert "12.6亿元" not in ranked


def test_a_year_after_the_storys_is_a_goal() -> None:
    # A story dated 2026 that says what the zone reaches in 2028 gives a goal, whatever the
    # verb; the same sentence in a story of 2029 reports a result.
    text = "2028年，园区工业总产值达到1200亿元。"
    for date, label in (("2026-03-02", "园区工业总产值目标"), ("2029-01-15", "园区工业总产值"),
                        (None, "园区工业总产值")):
        article = replace(_article(text), date=date)
        (key,) = key_figures(article, _located(article))
        assert key.label == label, date


def test_the_citys_parks_are_not_the_zone_of_the_title() -> None:
    # A story on one zone quotes the figures of all the city's parks: they keep their owner,
    # through the clauses the place opened, and the name is not written twice; the revenue
    # right after the count of firms is those firms', and so is the value added after it.
    article = _article(
        "市经信委负责人表示，上半年，绵阳工业园区规模以上企业860户，实现主营业务收入1240亿元，"
        "完成工业增加值385亿元。",
        title="绵阳高新区：今年有望成为千亿园区")
    labels = {k.figure.text: k.label for k in annotate(article).key_figures}
    assert labels["860户"] == "绵阳工业园区规模以上企业"
    assert labels["1240亿元"] == "绵阳工业园区规模以上企业主营业务收入"  # (the 860 firms')
    assert labels["385亿元"] == "绵阳工业园区规上工业增加值"
