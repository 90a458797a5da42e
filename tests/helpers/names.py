"""Stories with names, short forms and reporters, and an annotator giving their names
(no NLP): the names-index tests of the library and of the CLI share them."""

from __future__ import annotations

from reader.model import Annotations, Article, Entity, Located

FULL = "深圳市大疆创新科技有限公司"
#: The names each story's annotation layer gives, by the story's title:
#: (text, type, canonical, role); the spans are found in the story's text.
NAMES = {
    "无人机企业扩产": [(FULL, "org", None, None), ("大疆", "org", FULL, None),
                ("李峥", "person", None, None)],
    "大疆新品发布": [("大疆", "org", None, None), ("周斌", "person", None, "author")],
    "园区人才政策": [("李峥", "person", None, None)],
}
STORIES = [
    {"title": "无人机企业扩产", "byline": ["周斌", "王鹏"], "date": "2024-04-02", "paragraphs": [
        f"{FULL}（以下简称“大疆”）在园区扩产。", "大疆负责人李峥说，大疆将再招 300 人。"]},
    {"title": "大疆新品发布", "date": "2024-04-03", "paragraphs": [
        "（记者 周斌）大疆昨日发布新品。"]},
    {"title": "园区人才政策", "date": "2024-04-01", "paragraphs": ["李峥介绍了人才政策。"]},
]


def names_annotator(article: Article) -> Annotations:
    """The names of NAMES at every place their text occurs (no NLP in these tests)."""
    found = []
    for index, block in enumerate(article.blocks):
        taken: list[tuple[int, int]] = []
        for text, etype, canonical, role in NAMES.get(article.title or "", []):
            at = block.text.find(text)
            while at >= 0:
                end = at + len(text)
                if not any(s < end and at < e for s, e in taken):
                    taken.append((at, end))
                    found.append(Located(index, Entity(at, end, text, etype, role, canonical)))
                at = block.text.find(text, end)
    found.sort(key=lambda loc: (loc.block, loc.span.start))
    return Annotations(entities=found)
