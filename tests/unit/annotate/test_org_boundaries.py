"""Organisations whole, and only whole, and no person where there is none (issue #16).

One named row per failure class met on real zone news: a body's name running on into the
title or the next body, a brand cut at a bracketed place or at a verb inside it, a central
group's 中 cut off, a news source named by a dateline or a citation. The sentences are written
for this table in the style of zone reports; none comes from a benchmark set.
"""

from __future__ import annotations

import pytest

from tests.helpers.name_checks import check_names, found_names

# (id, text, must find, must not find)
CLASSES = [
    # The words a story uses for firms (龙头企业, 骨干企业) describe the one named after them:
    # they are no part of its name, nor do they hide it.
    (
        "a-firm-described-before-its-name",
        "园区龙头企业华为技术有限公司和骨干企业江苏中天科技股份有限公司均实现两位数增长。",
        [("华为技术有限公司", "org"), ("江苏中天科技股份有限公司", "org")],
        [("园区龙头企业华为技术有限公司", "org")],
    ),
    # A body serving firms has 企业 in its name.
    (
        "a-body-for-firms",
        "苏州高新区企业服务中心主任介绍了园区的情况。",
        [("苏州高新区企业服务中心", "org")],
        [("苏州高新区", "place")],
    ),
    # 企业管理 is a trade, part of the registered name.
    (
        "a-trade-with-enterprise-in-it",
        "深圳市前海企业管理有限公司注册资本1000万元。",
        [("深圳市前海企业管理有限公司", "org")],
        [],
    ),
    # A whole company name, then the sentence's verb: 投资 is no trade of the firm.
    (
        "a-company-then-its-investment",
        "华为公司投资20亿元建设研发基地。",
        [("华为公司", "org")],
        [("华为公司投资", "org")],
    ),
    # Industry words of a single trade (锂业, 泵业) make a company of the brand before them.
    (
        "a-brand-before-a-trade-word",
        "江西赣锋锂业与浙江利欧泵业同日签约入园。",
        [("江西赣锋锂业", "org"), ("浙江利欧泵业", "org")],
        [],
    ),
    # A state bureau and an innovation institute end their names.
    (
        "a-bureau-and-an-institute",
        "中国煤炭地质总局与长三角协同创新院签署合作协议。",
        [("中国煤炭地质总局", "org"), ("长三角协同创新院", "org")],
        [("中国", "place")],
    ),
    # The democratic parties are named by their short forms.
    (
        "a-democratic-party",
        "九三学社和民建的委员来园区调研。",
        [("九三学社", "org"), ("民建", "org")],
        [],
    ),
    (
        "company-then-party-title",
        "会上，宁波钢铁集团有限公司党委书记、董事长陈立平致辞。",
        [("宁波钢铁集团有限公司", "org"), ("陈立平", "person")],
        [("宁波钢铁集团有限公司党委", "org")],
    ),
    (
        "city-committee-then-title",
        "会上，宜兴市委常委、组织部部长朱明介绍了人才政策。",
        [("宜兴市委", "org")],
        [("宜兴市委常委", "org")],
    ),
    (
        "district-short-name-before-its-body",
        "活动现场，大兴区委副书记李明出席并致辞。",
        [("大兴区委", "org")],
        [("区委", "org")],
    ),
    (
        "a-district-government-after-its-city",
        "长沙市岳麓区政府与三家企业签订合作协议。",
        [("长沙市岳麓区政府", "org")],
        [],
    ),
    (
        "a-city-government",
        "宜昌市政府召开专题会议研究园区建设。",
        [("宜昌市政府", "org")],
        [],
    ),
    (
        "a-new-town-of-a-city",
        "武汉新城建设全面提速。",
        [("武汉新城", "place")],
        [("武汉", "place")],
    ),
    (
        "a-brand-cut-into-two-characters",
        "园区引进了华为以及锐钛科技等企业。",
        [("锐钛科技", "org")],
        [],
    ),
    (
        "a-registered-name-with-its-place-before-the-legal-ending",
        "近日，星钛医疗科技（无锡）有限公司落户园区。",
        [("星钛医疗科技（无锡）有限公司", "org")],
        [("无锡）有限公司", "org"), ("钛医疗科技（无锡）有限公司", "org")],
    ),
    (
        "a-groups-short-name-then-its-arm",
        "中船瑞驰签约入驻园区。",
        [("中船瑞驰", "org")],
        [("瑞驰", "person"), ("中船", "org")],
    ),
    (
        "an-innovation-district-and-its-body",
        "苏州创新区党工委书记出席活动，苏州创新区建设加快。",
        [("苏州创新区党工委", "org"), ("苏州创新区", "place")],
        [],
    ),
    (
        "a-web-byline-in-brackets",
        "（本网讯 周晓峰）近日，园区举行签约仪式。",
        [("周晓峰", "person")],
        [],
    ),
    (
        "county-city-short-name",
        "一批科技项目签约落地如皋，如皋科技人才政策受到企业欢迎。",
        [("如皋", "place")],
        [],
    ),
    (
        "two-bodies-without-a-comma",
        "峰会由南京市经信局市新经济委、南京市科学技术局指导。",
        [("南京市经信局", "org"), ("市新经济委", "org"), ("南京市科学技术局", "org")],
        [("南京市经信局市新经济委", "org")],
    ),
    (
        "listed-bodies-then-a-verb",
        "此次峰会由工信部火炬中心、江苏省科学技术厅、南京市经信局市新经济委、南京市科学技术局、"
        "南京市地方金融监督管理局指导，南京高新区管委会主办。",
        [("南京市经信局", "org"), ("市新经济委", "org"), ("南京市地方金融监督管理局", "org")],
        [("南京市经信局市新经济委", "org"), ("南京市地方金融监督管理局指导", "org")],
    ),
    (
        "brand-before-bracketed-place",
        "星河智联（苏州）科技有限公司总经理张伟说，订单已排到年底。",
        [("星河智联（苏州）科技有限公司", "org")],
        [("智联（苏州）科技有限公司", "org")],
    ),
    (
        "verb-inside-brand-before-bracket",
        "“我们见证了园区的成长。”致远创新（苏州）科技有限公司总经理张伟说。",
        [("致远创新（苏州）科技有限公司", "org")],
        [("苏州）科技有限公司", "org")],
    ),
    (
        "adverb-inside-investment-company",
        "园区引进了北京中科未来投资公司等单位。",
        [("北京中科未来投资公司", "org")],
        [("北京", "place")],
    ),
    (
        "central-group-zhong-cut-off",
        "项目由中铁十八局集团市政工程有限公司承建。",
        [("中铁十八局集团市政工程有限公司", "org")],
        [("铁十八局集团市政工程有限公司", "org")],
    ),
    (
        "country-before-ministry",
        "记者在中国工业和信息化部举行的发布会上获悉。",
        [("中国工业和信息化部", "org")],
        [("中国", "place")],
    ),
    (
        "owner-word-ends-the-name",
        "光谷金控旗下基金共投资十家企业。",
        [("光谷金控", "org")],
        [("光谷金控旗下基金", "org")],
    ),
    (
        "verb-glued-to-brand",
        "既有恒瑞精密年产百万件零件项目，更有鑫达包装年产五亿只瓶盖项目。",
        [("恒瑞精密", "org"), ("鑫达包装", "org")],
        [("有鑫达包装", "org")],
    ),
    (
        "funds-listed-by-common-words",
        "峰会上与深创投、真格基金、明势资本、清流资本、北极光创投签约。",
        [("真格基金", "org"), ("清流资本", "org"), ("北极光创投", "org")],
        [],
    ),
    (
        "wire-dateline-source",
        "人民网北京3月2日电 记者从工信部获悉，新一批项目落地。",
        [("人民网", "org"), ("北京", "place"), ("工信部", "org")],
        [],
    ),
    (
        "wire-dateline-source-with-country",
        "中国经济网成都5月8日讯 高新区发布人才新政。",
        [("中国经济网", "org"), ("成都", "place")],
        [],
    ),
    (
        "legal-name-through-cut-pieces",
        "获奖企业有珠海丽凡达生物技术有限公司。",
        [("珠海丽凡达生物技术有限公司", "org")],
        [("珠海", "place")],
    ),
    (
        "legal-names-listed",
        "杭州爱上地科技有限公司、杭州鑫实创意包装机械有限公司等入驻。",
        [("杭州爱上地科技有限公司", "org"), ("杭州鑫实创意包装机械有限公司", "org")],
        [],
    ),
    (
        "legal-name-with-a-verb-inside",
        "产业园引进了深圳联合光电科技股份有限公司。",
        [("深圳联合光电科技股份有限公司", "org")],
        [],
    ),
    (
        "place-then-action-verb-then-company",
        "华为在苏州设立华为技术有限公司。",
        [("华为技术有限公司", "org"), ("苏州", "place")],
        [("苏州设立华为技术有限公司", "org")],
    ),
    (
        "holding-arm-cut-by-jieba",
        "管委会为产投资本、中信建投资本等6家机构颁发证书。",
        [("产投资本", "org"), ("中信建投资本", "org")],
        [],
    ),
    (
        "zone-holding-company",
        "苏州高新金投与华强基金签约。",
        [("苏州高新金投", "org")],
        [("苏州", "place")],
    ),
    ("province-holding", "企业获江苏国控联合投资3000万元。", [("江苏国控", "org")], []),
    (
        "invest-is-the-verb",
        "最大的一个工业项目由华星集团投资30亿元建设。",
        [("华星集团", "org")],
        [("华星集团投资", "org")],
    ),
    ("regional-equity-exchange", "在湖南股交所挂牌企业达730余家。", [("湖南股交所", "org")], []),
    (
        "committee-then-work-committee-title",
        "北京经开区管委会工委委员、管委会副主任孙立出席。",
        [("北京经开区管委会", "org"), ("孙立", "person")],
        [("北京经开区管委会工委", "org")],
    ),
    (
        "media-before-xun",
        "河南经济网讯（记者 李明）4月1日，园区开工。",
        [("河南经济网", "org"), ("李明", "person")],
        [],
    ),
    (
        "particle-inside-a-brand-before-a-holding-word",
        "高新区已新引进迈为股份、联东U谷等项目。",
        [("迈为股份", "org")],
        [],
    ),
    (
        "numeral-led-brands",
        "三一重工、万华化学等企业参展。",
        [("三一重工", "org"), ("万华化学", "org")],
        [],
    ),
    (
        "plain-registered-name",
        "科技园运营服务有限公司总经理李明说，入驻率超过九成。",
        [("科技园运营服务有限公司", "org")],
        [],
    ),
    (
        "cited-source",
        "据上海证券报报道，当天共签约项目二十个。",
        [("上海证券报", "org")],
        [("上海", "place")],
    ),
]

# Names a reader would never take for a person, and the people beside them (issue #16).
PERSON_CLASSES = [
    (
        "body-before-a-title",
        "新城党委委员、管委会副主任王立新出席仪式。",
        [("王立新", "person")],
        [("管委会", "person")],
    ),
    (
        "head-of-a-title",
        "市委常委、常务副市长刘建国出席。",
        [("刘建国", "person")],
        [("常务副", "person")],
    ),
    (
        "slogan-joined-by-a-dot",
        "举办“招商引智再出发·高新区项目对接会”。",
        [],
        [("出发·高新区", "person")],
    ),
    ("speech-verb-glued", "“我们很有信心。”林海说。", [("林海", "person")], [("林海说", "person")]),
    (
        "new-area-cut-before-qu",
        "郑东新区今年新增企业三千家。",
        [("郑东新区", "place")],
        [("郑东新", "person")],
    ),
    (
        "lake-not-a-person",
        "建设具有国际影响力的阳澄湖两岸科创中心。",
        [],
        [("阳澄湖", "person")],
    ),
    (
        "media-before-a-byline",
        "大河新闻记者 王明 通讯员 李华",
        [("大河新闻", "org"), ("王明", "person"), ("李华", "person")],
        [],
    ),
    (
        "a-prize-named-after-someone",
        "园区引进了一位诺贝尔奖得主的团队。",
        [],
        [("诺贝尔", "person")],
    ),
    (
        "names-listed-with-one-found",
        "周立群、李亚红、王农等专家出席了论证会。",
        [("周立群", "person"), ("李亚红", "person"), ("王农", "person")],
        [],
    ),
    (
        "places-listed-are-no-people",
        "项目分布在张江、李家村、王府井等地。",
        [],
        [("李家村", "person")],
    ),
    (
        "a-given-name-before-a-title",
        "刘伟新副主任介绍了园区的招商情况。",
        [("刘伟新", "person")],
        [("刘伟", "person")],
    ),
]

NEGATIVES = [
    ("own-paper-is-no-name", "本报北京3月2日电 记者获悉，园区开工。", ("本报", "org")),
    ("cited-generic-media", "据媒体报道，当天签约。", ("媒体", "org")),
    ("factors-listed", "园区聚集了人才、技术、资本等要素。", ("资本", "org")),
    ("developing-countries", "企业在发展中国家建设工厂。", ("中国", "place")),
    ("settle-in-the-zone", "项目落地高新区。", ("落地高新区", "place")),
    ("a-count-of-funds", "由两大投资基金公司共同出资。", ("两大投资基金公司", "org")),
    ("a-kind-of-company", "双方商定成立产业园区运营公司。", ("产业园区运营公司", "org")),
    ("a-department-of-the-company", "公司市场部负责人介绍了新品。", ("公司市场部", "org")),
    ("both-party-committees", "双方党委开展结对共建。", ("双方党委", "org")),
    ("internationalisation", "推动园区国际化发展。", ("国际化", "org")),
    ("kinds-of-business-listed", "重点发展冷链物流、电气设备等产业。", ("冷链物流", "org")),
    ("a-department-alone", "组织部负责人介绍了选调工作。", ("组织部", "org")),
    ("a-committee-alone", "市委召开常委会议。", ("市委", "org")),
    ("approved-is-no-brand", "今年获批生物医药项目10个。", ("获批生物", "org")),
    ("above-scale-is-no-brand", "规上生物企业达20家。", ("规上生物", "org")),
    ("new-area-alone", "金普新区是国家级新区，新区今年引进项目。", ("新区", "place")),
    ("east-district-of-a-park", "园区东区今年新建厂房。", ("东区", "place")),
    ("help-the-zone", "双方合作，助力高新区高质量发展。", ("助力高新区", "place")),
    ("school-branch", "依托市委党校高新区分校开展培训。", ("党校高新区", "place")),
    ("invest-capital", "国家建投资金到位。", ("建投资金", "org")),
    ("a-countrys-government", "美国政府宣布新的出口管制措施。", ("美国政府", "org")),
    ("new-town-alone", "加快新城开发建设，打造绿色新城。", ("新城", "place")),
    ("a-word-made-with-hua", "实现企业效益最大化。", ("最大化", "org")),
    ("directions-and-bu", "深化东西部协作。", ("东西部", "org")),
    ("a-kind-of-chip", "推动嵌入式芯片产业发展。", ("嵌入式芯片", "org")),
    ("a-sub-centre-of-a-city", "打造城市副中心。", ("城市副中心", "org")),
]


@pytest.mark.parametrize(
    ("text", "want", "unwanted"), [pytest.param(t, w, u, id=i) for i, t, w, u in CLASSES]
)
def test_org_boundaries(
    text: str, want: list[tuple[str, str]], unwanted: list[tuple[str, str]]
) -> None:
    check_names(text, want, unwanted)


@pytest.mark.parametrize(
    ("text", "want", "unwanted"), [pytest.param(t, w, u, id=i) for i, t, w, u in PERSON_CLASSES]
)
def test_people_and_what_is_no_person(
    text: str, want: list[tuple[str, str]], unwanted: list[tuple[str, str]]
) -> None:
    check_names(text, want, unwanted)


@pytest.mark.parametrize(("text", "unwanted"), [pytest.param(t, u, id=i) for i, t, u in NEGATIVES])
def test_no_name_where_none_is(text: str, unwanted: tuple[str, str]) -> None:
    assert unwanted not in found_names(text)
