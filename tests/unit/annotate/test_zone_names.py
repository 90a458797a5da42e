"""Zones named by their place, what they are for and their kind (issue #16), one named row
each, written for these tests in the style of zone news (no benchmark text)."""

from __future__ import annotations

import pytest

from tests.helpers.name_checks import check_names

# (id, text, must find, must not find)
CLASSES = [
    ("what-the-zone-is-for", "江西赣南先进制造业合作产业园今年签约项目二十个。",
     [("江西赣南先进制造业合作产业园", "place")], [("赣南", "place")]),
    ("a-pilot-zone-named-by-its-purpose", "内蒙古鄂尔多斯循环经济试验区推介会昨日举行。",
     [("内蒙古鄂尔多斯循环经济试验区", "place")], [("内蒙古", "place")]),
    ("a-bonded-zone-by-its-short-form", "九江综保区一季度进出口额增长三成。",
     [("九江综保区", "place")], [("九江", "place")]),
    ("a-trade-verb-in-the-zones-name", "湖南现代家具制造产业园今天开工。",
     [("湖南现代家具制造产业园", "place")], []),
    ("a-cluster-zone", "湖州现代服务业集聚区建设加快。", [("湖州现代服务业集聚区", "place")],
     []),
    ("an-industrial-area", "项目落户黄骅工业区。", [("黄骅工业区", "place")], []),
    ("a-processing-zone-is-no-organisation", "保税物流加工区今年进出口增长。", [],
     [("加工区", "org")]),
    ("a-slogan-is-no-place", "按照建设世界现代田园城市的要求推进园区建设。", [],
     [("田园城市", "place")]),
    ("a-new-area-of-a-free-trade-zone", "企业落户南沙新片区。", [("南沙新片区", "place")], []),
    ("a-phrase-is-no-zone", "他希望澳门媒体大力宣传新区。", [("澳门", "place")],
     [("澳门媒体大力宣传新区", "place")]),
    ("an-idiom-is-no-zone-name", "请四川企业积极参与园区建设。", [("四川", "place")],
     [("四川企业积极参与园区", "place")]),
    # The province or city written before a zone's name is part of it; with its level it is
    # an address, and stays apart.
    ("a-province-before-a-zones-name", "湖北襄阳高新区与浙江平湖经济开发区结为友好园区。",
     [("湖北襄阳高新区", "place"), ("浙江平湖经济开发区", "place")], [("湖北", "place")]),
    ("a-province-with-its-level-is-an-address", "江苏省南通经济技术开发区引进项目。",
     [("江苏省", "place")], [("江苏省南通经济技术开发区", "place")]),
    # Zones two countries built open with both (中韩, 中新…): no place 中 and 韩.
    ("a-zone-two-countries-built", "中韩产业园与中俄现代农业产业合作区同日揭牌。",
     [("中韩产业园", "place"), ("中俄现代农业产业合作区", "place")], [("中", "place")]),
    # 以 is a preposition before a name, and no Israel paired with a country after it.
    ("a-preposition-is-no-part-of-a-zone", "坚持以鹭岭科学城为核心推进建设。",
     [("鹭岭科学城", "place")], [("以鹭岭科学城", "place")]),
    ("a-two-country-zone-with-its-city", "会议在中法武汉生态示范城举行。",
     [("中法武汉生态示范城", "place")], [("法武汉生态示范城", "place")]),
    # Kinds of zone beyond 高新区 and 园区.
    ("an-eco-city-and-a-science-town", "天津生态城与常州科教城签约。",
     [("天津生态城", "place"), ("常州科教城", "place")], []),
    ("an-economic-zone", "绥化滨江经济区规划面积80平方公里。", [("绥化滨江经济区", "place")], []),
    ("a-free-trade-port", "海南自由贸易港建设全面推进。", [("海南自由贸易港", "place")],
     [("海南", "place")]),
    ("a-city-prefix-stays-in-a-chain", "营口市鲅鱼圈滨海经济区新签约项目。",
     [("营口市鲅鱼圈滨海经济区", "place")], [("营口市", "place")]),
    ("a-zone-two-places-built", "项目落户遂宁—重庆产业园。",
     [("遂宁—重庆产业园", "place")], []),
    ("a-rare-place-name-before-a-plain-park", "园区形成了义兴工业园、石泉工业园两大板块。",
     [("义兴工业园", "place"), ("石泉工业园", "place")], []),
    ("an-international-zone", "西昌国际航天城加快建设。", [("西昌国际航天城", "place")], []),
    ("a-body-and-its-doings-are-no-zone", "宜宾市政府召开会议研究产业园建设。",
     [("宜宾市政府", "org")], [("宜宾市政府召开会议研究产业园", "place")]),
]


@pytest.mark.parametrize(
    ("text", "want", "unwanted"), [pytest.param(t, w, u, id=i) for i, t, w, u in CLASSES]
)
def test_zone_classes(text: str, want: list[tuple[str, str]],
                      unwanted: list[tuple[str, str]]) -> None:
    check_names(text, want, unwanted)
