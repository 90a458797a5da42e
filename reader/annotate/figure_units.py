"""The units a figure may carry, and what each one measures (for :mod:`reader.annotate.figures`).

A table of written unit → (kind, canonical unit, factor to the canonical unit): money in 元
(other currencies as written), areas in 平方米, percent forms as ``%``, time units, measure
words for counts, and physical quantities. Kept apart from the finder so that the tables
can be read (and grown) without reading the matching code.
"""

from __future__ import annotations

import re

from reader.model import FigureKind
from reader.text.numerals import CN_DIGITS, CN_MULTIPLIERS

__all__ = ["LATIN_UNITS", "SUBUNIT_RE", "UNITS", "Unit", "unit_alternation", "words"]

# --- units ------------------------------------------------------------------------------
# written unit -> (kind, canonical unit, factor to the canonical unit)
Unit = tuple[FigureKind, str, float]
UNITS: dict[str, Unit] = {}


def words(spaced: str) -> list[str]:
    return spaced.split()


def _add(kind: FigureKind, spaced: str, canonical: str | None = None, factor: float = 1) -> None:
    for word in words(spaced):
        UNITS[word] = (kind, canonical or word, factor)


_add("money", "元 圆 块钱 人民币 元人民币 元钱 圆整", "元")
_add("money", "美元 美金 美圆", "美元")
_add("money", "港元 港币", "港元")
_add("money", "新台币 台币", "新台币")
_add("money", "欧元 日元 英镑 澳元 加元 韩元 卢布 瑞士法郎 瑞郎 法郎 卢比 比特币 泰铢 林吉特"
     " 新加坡元 新西兰元 越南盾 印尼盾 比索 雷亚尔 兰特 里拉 克朗 兹罗提 第纳尔 迪拉姆 里亚尔"
     " 奈拉 先令 日币")
_add("area", "平方米 平米 ㎡ m² 平方", "平方米")
_add("area", "平方公里 平方千米 km²", "平方米", 1e6)
_add("area", "公顷", "平方米", 1e4)
_add("area", "亩", "平方米", 10000 / 15)
_add("percent", "% ％", "%")
_add("percent", "‰", "%", 0.1)
_add("percent", "个百分点 百分点", "个百分点")
_add("percent", "成", "%", 10)
_add("percent", "折", "%", 10)
_add("duration", "年 年内", "年")
_add("duration", "个月 个多月", "月")
_add("duration", "周 星期 个星期", "周")
_add("duration", "天", "天")
_add("duration", "小时 个小时 钟头", "小时")
_add("duration", "分钟", "分钟")
_add("duration", "秒 秒钟", "秒")
_add("duration", "个工作日 工作日", "工作日")
_add("duration", "个季度", "季度")
_add("count", "个 家 项 套 人 名 位 件 期 所 座 台 辆 条 批 次 场 户 间 栋 幢 株 棵 篇 部 份"
     " 款 种 类 支 架 艘 张 处 宗 例 轮 届 枚 颗 笔 组 双 层 头 只 块 本 门店 家次 人次 车次"
     " 辆次 架次 项次 班次 场次 批次 万人次 余人次 台套 台（套） 台(套)")
_add("quantity", "吨 公斤 千克 克 毫克 微克 斤 公里 千米 米 厘米 毫米 微米 纳米 公分 升 毫升"
     " 立方米 立方 千瓦 千瓦时 瓦 兆瓦 吉瓦 度 千伏 伏 赫兹 兆赫 吉赫 比特 字节 兆字节 千字节"
     " 千卡 卡路里 摄氏度 华氏度 ℃ ℉ °C °F 倍 两 岁 标准箱 标箱 桶 马力 海里 光年")
# Latin units are matched case-insensitively and must not run into more letters (5G is not 5 G).
# Case matters: 5G and 4K are generations and resolutions, not grams and kelvins.
LATIN_UNITS: dict[str, Unit] = {
    w: ("quantity", w, 1)
    for w in words("kg KG g mg km KM m cm CM mm MM nm kW KW kWh MW GW TWh kV mAh Hz kHz MHz"
                    " GHz GB TB MB KB PB Gbps Mbps TEU GWh MWh")
}

# Words that follow a measure word and show it is the start of another word instead.
_NOT_AFTER: dict[str, str] = {
    "元": "宇宙素件器老首旦月宵代朝",
    "日元": "旦宵",  # 3日元旦, 15日元宵节: a day of the month, then the holiday
    "成": "员立功为果本交效绩熟都长型品就分份年人像全败色群套批片规家语千百万亿形材因真",
    "折": "合旧算扣射叠腾返服中磨损价",
    "期": "间待望货刊",
    "位": "数于置",
    "只": "有是能要用",
    "头": "部条号",
    "支": "持付出撑",
    "间": "隔",
    "度": "过假",
    "次": "方",
    "批": "准复",
    "种": "子植",
    "条": "件例",
    "组": "团建长织成合",  # 三组团, 组建, 组织: another word, not a count of groups
    "家": "乡长属",
    # 两 is a weight only where it cannot be the numeral 2 starting the next word.
    "两": f"{CN_DIGITS}{CN_MULTIPLIERS}0-9个天年月日周人家次项倍岸会句",
}


_SUB_DIGIT = "[0-9一二三四五六七八九两]"
# 5元3角2分, 五元三毛, 十块三毛: the small change after a yuan amount belongs to it.
_SUBUNITS = (f"(?:[ ]*{_SUB_DIGIT}[ ]*[角毛](?:[ ]*{_SUB_DIGIT}[ ]*分(?!钟))?"
             f"|[ ]*{_SUB_DIGIT}[ ]*分(?![钟之]))")
SUBUNIT_RE = re.compile(f"({_SUB_DIGIT})[ ]*([角毛分])")


def unit_alternation() -> str:
    parts = []
    for word in sorted(UNITS, key=len, reverse=True):
        esc = re.escape(word)
        if word in ("元", "块"):
            esc += f"(?:{_SUBUNITS}|整)?"
        if word in ("个百分点", "百分点"):
            esc = "[ ]*".join(re.escape(ch) for ch in word)
        if word in _NOT_AFTER:
            esc += f"(?![{_NOT_AFTER[word]}])"
        parts.append(esc)
    latin = "|".join(re.escape(w) for w in sorted(LATIN_UNITS, key=len, reverse=True))
    parts.append(f"(?:{latin})(?![A-Za-z])")
    return "|".join(parts)

