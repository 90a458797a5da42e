"""The figure finder on tricky cases from the kinds of sentences Chinese economic news uses.

Each row is one sentence and the figure expected in it (text, value, unit, kind,
qualifiers). The sentences are written for these tests in the style of zone and industry
reports; a few come from the sample page, joined across its column breaks here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.annotate.figures import figure_kind_label, find_figures
from reader.model import Figure

PAGE = Path(__file__).resolve().parents[3] / "articles" / "hitech-zones-p1.txt"

# (sentence, figure text, value, unit, kind, qualifiers, value_max)
CASES = [
    # money
    (
        "yi-yuan-decimal",
        "总投资额达265.6亿元。",
        "265.6亿元",
        26_560_000_000,
        "元",
        "money",
        (),
        None,
    ),
    (
        "qian-yi-bare",
        "力争3年内工业总产值突破千亿元。",
        "千亿元",
        1e11,
        "元",
        "money",
        ("lower_bound", "target"),
        None,
    ),
    ("bai-yi-ji", "引进百亿元级项目1个。", "百亿元级", 1e10, "元", "money", (), None),
    ("space-before-unit", "总投资 1168 亿元。", "1168 亿元", 1.168e11, "元", "money", (), None),
    ("wan-yi", "全年社会消费品零售总额1.2万亿元。", "1.2万亿元", 1.2e12, "元", "money", (), None),
    ("liang-qian-wan", "获得风险投资两千万元。", "两千万元", 2e7, "元", "money", (), None),
    ("thousands-sep", "合同金额123,244.2元。", "123,244.2元", 123244.2, "元", "money", (), None),
    ("full-width", "单价为１０００元。", "１０００元", 1000, "元", "money", (), None),
    ("usd-kept", "实际使用外资12.5亿美元。", "12.5亿美元", 1.25e9, "美元", "money", (), None),
    ("approx-yue", "投资总额约350 亿元。", "350 亿元", 3.5e10, "元", "money", ("approx",), None),
    ("approx-yu-inside", "融资1000余万元。", "1000余万元", 1e7, "元", "money", ("approx",), None),
    ("duo-inside", "营收三千多万元。", "三千多万元", 3e7, "元", "money", ("approx",), None),
    ("lower-chao", "营收超1000 亿元。", "1000 亿元", 1e11, "元", "money", ("lower_bound",), None),
    ("lower-yishang", "50亿元以上项目2个。", "50亿元", 5e9, "元", "money", ("lower_bound",), None),
    ("upper-budao", "单笔贷款不到500万元。", "500万元", 5e6, "元", "money", ("upper_bound",), None),
    (
        "range-money",
        "每家企业补贴10万至50万元。",
        "10万至50万元",
        1e5,
        "元",
        "money",
        ("range",),
        5e5,
    ),
    (
        "range-shared-mult",
        "单个项目奖励3至5万元。",
        "3至5万元",
        3e4,
        "元",
        "money",
        ("range",),
        5e4,
    ),
    (
        "shu-shi-yi",
        "吸引社会资本数十亿元。",
        "数十亿元",
        1e9,
        "元",
        "money",
        ("approx", "range"),
        1e10,
    ),
    (
        "target-jihua",
        "该区计划投资80亿元建设数据中心。",
        "80亿元",
        8e9,
        "元",
        "money",
        ("target",),
        None,
    ),
    (
        "target-after",
        "实现产值5000亿元的发展目标。",
        "5000亿元",
        5e11,
        "元",
        "money",
        ("target",),
        None,
    ),
    ("da-is-not-bound", "营收达 1500 亿元。", "1500 亿元", 1.5e11, "元", "money", (), None),
    ("yuan-jiao", "每度电价下调五元三毛。", "五元三毛", 5.3, "元", "money", (), None),
    ("fw-comma-group", "退税款82，225.00元。", "82，225.00元", 82225, "元", "money", (), None),
    ("k-thousand", "月薪10k~15k元。", "10k~15k元", 1e4, "元", "money", ("range",), 1.5e4),
    ("cn-range-mult", "单套售价两到三万元。", "两到三万元", 2e4, "元", "money", ("range",), 3e4),
    # area
    (
        "area-wan-m2",
        "规划建设 24 万平方米总部基地。",
        "24 万平方米",
        240_000,
        "平方米",
        "area",
        (),
        None,
    ),
    ("area-km2", "规划面积12.5平方公里。", "12.5平方公里", 12_500_000, "平方米", "area", (), None),
    ("area-mu", "供应工业用地300亩。", "300亩", 200_000, "平方米", "area", (), None),
    # counts
    ("count-space", "新引进重点产业项目 153 个，", "153 个", 153, "个", "count", (), None),
    ("count-tao", "已提供人才公寓 296 套。", "296 套", 296, "套", "count", (), None),
    (
        "count-renci",
        "累计培训党员干部 6000余人次。",
        "6000余人次",
        6000,
        "人次",
        "count",
        ("approx",),
        None,
    ),
    ("count-jia", "新增高新技术企业120家。", "120家", 120, "家", "count", (), None),
    ("count-range-dash", "每年举办3-5个专场。", "3-5个", 3, "个", "count", ("range",), 5),
    ("count-cn", "出台六项改革举措。", "六项", 6, "项", "count", (), None),
    ("count-ren-wan", "带动就业超10万人。", "10万人", 1e5, "人", "count", ("lower_bound",), None),
    (
        "count-adjacent-digits",
        "每个园区配备七八个服务专员。",
        "七八个",
        7,
        "个",
        "count",
        ("approx", "range"),
        8,
    ),
    # percent
    ("pct-plain", "覆盖率达到 75%。", "75%", 75, "%", "percent", (), None),
    ("pct-cn", "同比增长百分之五点二。", "百分之五点二", 5.2, "%", "percent", (), None),
    ("pct-range", "利润增长10%—15%。", "10%—15%", 10, "%", "percent", ("range",), 15),
    ("pct-full-width", "研发投入占比５．５％。", "５．５％", 5.5, "%", "percent", (), None),
    ("pct-points", "增速提高2.4个百分点。", "2.4个百分点", 2.4, "个百分点", "percent", (), None),
    ("pct-cheng", "九成企业实现复工。", "九成", 90, "%", "percent", (), None),
    ("pct-negative", "出口下降-3.9%。", "-3.9%", -3.9, "%", "percent", (), None),
    # quantity
    ("qty-wan-dun", "年产能3.5万吨。", "3.5万吨", 35_000, "吨", "quantity", (), None),
    ("qty-kw", "装机容量120万千瓦。", "120万千瓦", 1.2e6, "千瓦", "quantity", (), None),
    ("qty-gb", "存储容量达512GB。", "512GB", 512, "GB", "quantity", (), None),
    ("qty-km", "新建道路12公里。", "12公里", 12, "公里", "quantity", (), None),
    ("qty-gwh", "将建设年产10GWh动力电池生产线。", "10GWh", 10, "GWh", "quantity", (), None),
    ("qty-bei", "产值增长了3倍。", "3倍", 3, "倍", "quantity", (), None),
    # dates
    ("date-year-end", "到2023年底，建成标准厂房。", "2023年底", 2023, "年", "date", (), None),
    (
        "date-quarter",
        "淄博市 2022年二季度重大项目集中开工。",
        "2022年二季度",
        2022,
        "年",
        "date",
        (),
        None,
    ),
    ("date-rel-month", "今年 4 月，服务中心揭牌成立。", "今年 4 月", 4, "月", "date", (), None),
    ("date-year-space", "2021 年开展专题培训。", "2021 年", 2021, "年", "date", (), None),
    ("date-month-day", "4月15日召开大会。", "4月15日", 4, "月", "date", (), None),
    ("date-cn-year", "二〇二二年全区生产总值增长。", "二〇二二年", 2022, "年", "date", (), None),
    ("date-month-range", "1—10月，全区完成投资。", "1—10月", 1, "月", "date", ("range",), 10),
    # durations
    (
        "dur-year-within",
        "力争3年内建成。",
        "3年内",
        3,
        "年",
        "duration",
        ("upper_bound", "target"),
        None,
    ),
    ("dur-days", "到项目签约只用了 8 天。", "8 天", 8, "天", "duration", (), None),
    ("dur-minutes", "岗前 10 分钟学习。", "10 分钟", 10, "分钟", "duration", (), None),
    ("dur-months", "审批时间压缩到3个月。", "3个月", 3, "月", "duration", (), None),
    (
        "dur-near",
        "近 3 年内工业总产值翻番。",
        "3 年内",
        3,
        "年",
        "duration",
        ("approx", "upper_bound"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "kind", "qualifiers", "value_max"),
    [pytest.param(*row[1:], id=row[0]) for row in CASES],
)
def test_figure(
    sentence: str,
    text: str,
    value: float,
    unit: str,
    kind: str,
    qualifiers: tuple[str, ...],
    value_max: float | None,
) -> None:
    found = {f.text: f for f in find_figures(sentence)}
    assert text in found, f"{text!r} not found in {sentence!r}: {list(found)}"
    fig = found[text]
    assert fig.value == pytest.approx(value)
    assert (fig.unit, fig.kind, fig.qualifiers) == (unit, kind, qualifiers)
    if value_max is None:
        assert fig.value_max is None
    else:
        assert fig.value_max == pytest.approx(value_max)


NEGATIVES = [
    ("yi-fangmian", "一方面，建立健全制度；另一方面，强化考核。"),
    ("yi-xiangmu-yi-fangan", "坚持“一项目一方案”精准服务。"),
    ("yi-menshi", "做到“一门式服务、一口式受理”。"),
    ("yi-pi", "引进一批具有造血强链功能的企业。"),
    ("yi-katong", "实施人才服务“一卡通”制度。"),
    ("yi-liu", "打造一流的投资环境，推进一体化发展。"),
    ("tongyi-jinyibu", "坚持数量和质量相统一，进一步做强产业链。"),
    ("ordinal", "坚持产业第一，位居全市第一，获得第3名。"),
    ("slogan-city", "构建“一城六区多园”空间发展模式。"),
    ("slogan-party", "落实“三会一课”，深化“九大赋能”。"),
    ("slogan-liu-ge-yi", "围绕“六个一”全力做好企业服务。"),
    ("bare-arabic", "制定“1+N”政策体系，进入世界500强。"),
    ("article-yi-ge", "设立一个服务中心，每半年开展一次督查。"),
    ("wei-yi-yi-jia", "这是全省唯一一家获此殊荣的单位。"),
    ("wan-yi", "万一项目延期，将启动预案。"),
    ("five-g", "建设5G基站和4K超高清平台。"),
    ("idiom-qianjia", "让数字服务走进千家万户。"),
    ("last-mile", "打通服务企业“最后一公里”。"),
    ("yi-du", "该指标曾一度下滑。"),
    ("quoted-slogan", "坚持“两个毫不动摇”。"),
    ("bai-nian", "实现第二个百年奋斗目标，谋划千年大计。"),
    ("yuan-yuzhou", "布局5元宇宙应用场景。"),
    # currency names inside other words are not currencies
    ("festival-yuanxiao", "节日元宵灯会吸引市民。"),
    ("hk-yuen-long", "企业落户香港元朗工业区。"),
    ("add-element", "在设计中增加元素。"),
    ("perfect-component", "采用完美元件方案。"),
    ("shield-machine", "越南盾构机项目开工。"),
    ("platform-coin", "游戏平台币不能提现。"),
    ("first-make", "首先令人关注的是成本。"),
    ("metaverse", "共建日元宇宙联盟。"),
    ("ljubljana", "代表团访问卢布尔雅那。"),
    ("football-club", "雷亚尔马德里队获胜。"),
]


@pytest.mark.parametrize("sentence", [pytest.param(s, id=i) for i, s in NEGATIVES])
def test_not_a_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


# (id, sentence, expected (text, value, unit, kind) of every figure, in order)
CURRENCY_NAMES = [
    ("rmb-internationalisation", "推进人民币国际化。", [("人民币", None, "元", "money")]),
    ("settle-in-euro", "合同以欧元结算。", [("欧元", None, "欧元", "money")]),
    (
        "yen-against-dollar",
        "日元兑美元汇率走低。",
        [("日元", None, "日元", "money"), ("美元", None, "美元", "money")],
    ),
    (
        "names-side-by-side",
        "港元英镑",
        [("港元", None, "港元", "money"), ("英镑", None, "英镑", "money")],
    ),
    ("dollar-index", "美元指数回落。", [("美元", None, "美元", "money")]),
    ("after-chinese-us", "中美元首会晤。", []),
    ("with-amount-after-unit", "融资8亿元人民币。", [("8亿元人民币", 8e8, "元", "money")]),
    ("amount-after-name", "收取人民币 50万元。", [("50万元", 5e5, "元", "money")]),
    ("number-before-name", "兑换5美元。", [("5美元", 5, "美元", "money")]),
    ("rmb-and-amount", "吸引外资3亿美元，人民币存款增加。",
     [("3亿美元", 3e8, "美元", "money"), ("人民币", None, "元", "money")]),
    ("date-then-new-year", "1月1日元旦放假。", [("1月1日", 1, "月", "date")]),
    ("day-then-lantern", "15日元宵节当天。", [("15日", 15, "日", "date")]),
    ("wan-yu-yuan", "违法所得69万余元。", [("69万余元", 690_000, "元", "money")]),
    ("wan-duo-jia", "服务2万多家企业。", [("2万多家", 20_000, "家", "count")]),
]


@pytest.mark.parametrize(
    ("sentence", "expected"), [pytest.param(s, e, id=i) for i, s, e in CURRENCY_NAMES]
)
def test_currency_names_and_their_boundaries(
    sentence: str, expected: list[tuple[str, float | None, str, str]]
) -> None:
    figs = find_figures(sentence)
    assert [(f.text, f.value, f.unit, f.kind) for f in figs] == expected
    for fig in figs:
        assert sentence[fig.start : fig.end] == fig.text
        if fig.value is None:
            assert (fig.qualifiers, fig.value_max) == ((), None)


def test_sentence_comma_is_not_a_thousands_separator() -> None:
    figs = find_figures("奖励$20，300美圆另计。")
    assert [(f.text, f.value, f.unit) for f in figs] == [
        ("$20", 20, "美元"),
        ("300美圆", 300, "美元"),
    ]


def test_duration_and_money_in_one_sentence() -> None:
    figs = find_figures("3年内工业总产值突破千亿元")
    assert [(f.text, f.kind) for f in figs] == [("3年内", "duration"), ("千亿元", "money")]


def _page_text() -> str:
    lines = [ln.strip() for ln in PAGE.read_text(encoding="utf-8").splitlines()]
    return "".join(ln for ln in lines if ln)


def test_sample_page_sentences() -> None:
    text = _page_text()
    start = text.index("“力争 3年内")
    sentence = text[start : text.index("。", start) + 1]
    figs = find_figures(sentence)
    assert [(f.text, f.value, f.kind) for f in figs] == [
        ("3年内", 3, "duration"),
        ("1000 亿元", 1e11, "money"),
        ("1500 亿元", 1.5e11, "money"),
    ]
    assert all("target" in f.qualifiers for f in figs)
    found = {f.text: f for f in find_figures(text)}
    for written, value, kind in [
        ("千亿元", 1e11, "money"),
        ("265.6亿元", 2.656e10, "money"),
        ("24 万平方米", 240_000, "area"),
        ("153 个", 153, "count"),
        ("6000余人次", 6000, "count"),
        ("75%", 75, "percent"),
        ("296 套", 296, "count"),
        ("1168 亿元", 1.168e11, "money"),
    ]:
        assert found[written].value == pytest.approx(value)
        assert found[written].kind == kind


def test_offsets_match_the_original_text() -> None:
    text = "总投资 1168 亿元，研发占比５．５％。"
    for fig in find_figures(text):
        assert text[fig.start : fig.end] == fig.text
    assert [f.text for f in find_figures(text)] == ["1168 亿元", "５．５％"]


def test_kind_labels() -> None:
    assert figure_kind_label("money") == "金额"
    assert figure_kind_label("percent") == "比例"
    assert find_figures("") == []


def test_figure_type() -> None:
    (fig,) = find_figures("营收达 1500 亿元。")
    assert fig == Figure(4, 11, "1500 亿元", 1.5e11, "元", "money")
