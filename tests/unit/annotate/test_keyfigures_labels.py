"""Key-number labels (issue #16), one named row per failure class, from sentences written
for this table in the style of zone reports: whole words from the segmenter, the measured
noun nearest the figure, not a neighbouring company, and a change labelled as a change."""

from __future__ import annotations

import pytest

from reader.annotate import nlp
from reader.annotate.figures import find_figures
from reader.annotate.keyfigures import key_figures
from reader.model import Article, Block, Located, Source

CASES: dict[str, tuple[str, str, str]] = {
    # name: (sentence, figure, label)
    "suffix-of-a-compound": ("全年合同签约额达 120 亿元。", "120 亿元", "合同签约额"),
    "two-lone-characters": ("亩均产值提高到 500 万元。", "500 万元", "亩均产值"),
    "raised-to-is-a-level": ("亩均税收达到 30 万元。", "30 万元", "亩均税收"),
    "count-of-zones": ("全省共有国家级高新区 18 个。", "18 个", "国家级高新区"),
    "increase-is-a-change": ("全区营收增加 350 亿元，总量居全省第一。", "350 亿元", "全区营收增加"),
    "decrease-is-a-change": ("出口额同比减少 5.2%。", "5.2%", "出口额减少"),
    "growth-of-the-noun-before": ("全区营收达 800 亿元，同比增长12.5%。", "12.5%", "全区营收增长"),
    "list-of-growths": ("三大产业产值分别同比增长 6.5%、12.8%。", "12.8%", "三大产业产值增长"),
    "not-the-company": ("华为公司投资 20 亿元建设研发基地。", "20 亿元", "投资"),
    "noun-after-the-money": ("企业累计完成超 3 亿元股权融资。", "3 亿元", "股权融资"),
    "fund-after-the-money": ("高新区设立 2 亿元天使投资基金。", "2 亿元", "天使投资基金"),
    "verb-after-the-money": ("该项目总投资 15 亿元建设智能工厂。", "15 亿元", "项目总投资"),
    "aside-in-brackets": ("园区生产总值（GDP）达到 3000 亿元。", "3000 亿元", "园区生产总值"),
    "share-of-a-place": ("高新技术产业增加值占全市 45%。", "45%", "高新技术产业增加值占全市"),
    "qualifier-words-trimmed": ("两个园区总投资额将会不少于 80 亿元。", "80 亿元", "园区总投资额"),
    "counted-noun-ends-at-an-adverb": ("全区五项指标均居全省第一。", "五项", "指标"),
    "growth-after-a-list-comma": ("实现地区生产总值 900 亿元、增长 8.1%。", "8.1%",
                                  "地区生产总值增长"),
    "lead-over-a-place": ("GDP增速达 9.5%，高于全市 1.2 个百分点。", "1.2 个百分点", "高于全市"),
    "capacity-of-the-product": ("新建年产 500 万平方米的光伏玻璃生产线。", "500 万平方米",
                                "光伏玻璃生产线"),
    "scale-word-before-the-noun": ("全区形成 3 个千亿级产业集群。", "3 个", "产业集群"),
    "object-of-a-verb": ("全区数字经济实现收入 2000 亿元，增长 15%。", "15%", "收入增长"),
    "noun-after-de": ("每年设立 3000 万元的产业发展资金。", "3000 万元", "产业发展资金"),
    "rose-to-is-a-level": ("园区国家级孵化器增至 5 家。", "5 家", "园区国家级孵化器"),
    "counted-noun-with-a-modifier": ("园区共有 759 名在职党员参加培训。", "759 名", "在职党员"),
    "counted-noun-not-the-verb-after": ("千名党员同温入党誓词。", "千名", "党员"),
    "counted-noun-after": ("新签约 10 家天使子基金。", "10 家", "天使子基金"),
}


@pytest.fixture(scope="module")
def stack() -> nlp.Nlp:
    return nlp.load()


@pytest.mark.parametrize("name", sorted(CASES))
def test_label(name: str, stack: nlp.Nlp) -> None:
    text, figure, label = CASES[name]
    article = Article(id="t", source=Source("t.txt", 1, 1), title="t",
                      blocks=[Block("paragraph", text)])
    located = [Located(0, f) for f in find_figures(text)]
    labels = {k.figure.text: k.label
              for k in key_figures(article, located, cut=stack.cut, tags=stack.tags)}
    assert labels[figure] == label
