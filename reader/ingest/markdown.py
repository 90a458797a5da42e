"""Markdown articles with a front matter block: for articles users write or fix by hand.

The format, which ``hitech-reader export --format md`` writes and this module reads back
to the same article::

    ---
    title: 珠海高新区冲刺千亿级高科技园区
    kicker: 锚定“产业第一制造业优先”发展目标
    byline: [黄鹤林, 沈梦怡]
    dateline: 本报讯
    date: 2022-07-01
    source: 中国高新技术产业导报 第1版
    kind: article
    credit: 图片来源：珠海高新区
    captions: [珠海高新区产业发展大会现场进行重点项目签约。]
    ---

    ## A subhead

    A paragraph. One paragraph per blank-line separated block; lines inside a block are
    joined as on pages (nothing inserted between hanzi).

Only ``title`` is expected; every key is optional. The front matter is YAML (PyYAML's
safe loader), so hand-written files may use any YAML form; we write JSON-quoted values,
which are valid YAML and survive any character. Several articles may follow each other in
one file, each starting with its own front matter block.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from reader.ingest.page import join_lines
from reader.model import Article, Block, Source

_FENCE = "---"
#: An ATX heading; a closing run of # is dropped only after a space (``## 标题 ##``), so a
#: subhead that is itself ``#`` survives the round trip.
_SUBHEAD_RE = re.compile(r"^#{1,6}\s+(.+?)(?:\s+#+)?\s*$")
_KINDS = ("article", "photo", "caption")
_META_LINE_RE = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:|\s+\S|-\s)")


class FrontMatterError(ValueError):
    """The front matter block is not valid YAML or not a mapping."""


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _str_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [s for s in (_str_or_none(v) for v in value) if s]
    text = str(value)
    return [part for part in re.split(r"[,，、;；\s]+", text) if part]


def _documents(text: str) -> list[tuple[int, list[str], int, list[str]]]:
    """Split into (front-matter start line, front-matter lines, body start line, body lines)."""
    lines = text.splitlines()
    docs: list[tuple[int, list[str], int, list[str]]] = []
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != _FENCE:
        return [(0, [], 1, lines)]
    while i < len(lines):
        start = i
        end = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == _FENCE), None)
        if end is None:
            raise FrontMatterError(f"front matter opened on line {start + 1} is never closed")
        body_start = end + 1
        nxt = _next_document(lines, body_start)
        docs.append((start + 1, lines[start + 1 : end], body_start + 1, lines[body_start:nxt]))
        i = nxt
    return docs


def _next_document(lines: list[str], start: int) -> int:
    """Index of the next ``---`` that opens a front matter block (a run of ``key:`` lines
    closed by ``---``), or the end: a lone ``---`` in a body is a rule, not a new article."""
    for j in range(start, len(lines)):
        if lines[j].strip() != _FENCE or (j > 0 and lines[j - 1].strip()):
            continue
        close = next((k for k in range(j + 1, len(lines)) if lines[k].strip() == _FENCE), None)
        inner = [line for line in lines[j + 1 : close or j] if line.strip()]
        if close is not None and inner and all(_META_LINE_RE.match(line) for line in inner):
            return j
    return len(lines)


def parse_markdown(text: str, path: str = "<markdown>") -> list[Article]:
    """Parse one or more front-matter Markdown articles.

    Raises:
        FrontMatterError: a front matter block is malformed.
    """
    import yaml

    articles: list[Article] = []
    for n, (fm_line, fm_lines, body_line, body) in enumerate(_documents(text), start=1):
        try:
            meta = yaml.safe_load("\n".join(fm_lines)) if fm_lines else {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {fm_line + mark.line + 1})" if mark is not None else ""
            raise FrontMatterError(f"invalid front matter{where}") from None
        if meta is None:
            meta = {}
        if not isinstance(meta, dict):
            raise FrontMatterError(f"front matter on line {fm_line} is not a list of keys")
        kind = _str_or_none(meta.get("kind")) or "article"
        last = body_line + len(body) - 1 if body else max(fm_line, body_line - 1)
        articles.append(
            Article(
                id=f"{path}#{n}",
                source=Source(path, max(fm_line, 1), max(last, 1)),
                kind=kind if kind in _KINDS else "article",  # type: ignore[arg-type]
                title=_str_or_none(meta.get("title")),
                kicker=_str_or_none(meta.get("kicker")),
                byline=_str_list(meta.get("byline") or meta.get("author")),
                dateline=_str_or_none(meta.get("dateline")),
                credit=_str_or_none(meta.get("credit")),
                captions=_str_list(meta.get("captions"))
                if isinstance(meta.get("captions"), list)
                else [c for c in [_str_or_none(meta.get("captions"))] if c],
                blocks=_blocks(body),
                date=_date(meta.get("date")),
            )
        )
    return articles


def _date(value: object) -> str | None:
    text = _str_or_none(value)
    if text and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
        return text[:10]
    return None


def _unescape(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


def _blocks(body: list[str]) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Block("paragraph", join_lines(para)))
            para.clear()

    for raw in body:
        line = raw.strip()
        if not line:
            flush()
            continue
        match = _SUBHEAD_RE.match(line)
        if match:
            flush()
            blocks.append(Block("subhead", match.group(1)))
            continue
        para.append(_unescape(line))
    flush()
    return blocks


#: What YAML does not accept raw even inside a double-quoted scalar (DEL and the C1
#: controls are not printable, NEL and the Unicode separators are line breaks it folds):
#: written as ``\\uXXXX``, an escape JSON and YAML read alike.
_YAML_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029]")


def _quote(value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def to_markdown(article: Article) -> str:
    """Write ``article`` as front-matter Markdown that :func:`parse_markdown` reads back."""
    meta: list[str] = [_FENCE]
    if article.title is not None:
        meta.append(f"title: {_quote(article.title)}")
    for key in ("kicker", "dateline", "credit"):
        value = getattr(article, key)
        if value is not None:
            meta.append(f"{key}: {_quote(value)}")
    if article.byline:
        meta.append(f"byline: [{', '.join(_quote(b) for b in article.byline)}]")
    if article.captions:
        meta.append(f"captions: [{', '.join(_quote(c) for c in article.captions)}]")
    if article.date:
        meta.append(f"date: {article.date}")
    meta.append(f"kind: {article.kind}")
    src = article.source
    meta.append(f"source: {_quote(f'{src.path}:{src.first_line}-{src.last_line}')}")
    meta.append(_FENCE)
    out = ["\n".join(meta), ""]
    for block in article.blocks:
        if block.kind == "subhead":
            # A subhead ending in " #" would lose it as a closing sequence: close it
            # explicitly, so the reader strips only what we added.
            closing = " ##" if re.search(r"\s#+$", block.text) else ""
            out.append(f"## {block.text}{closing}")
        else:
            text = block.text
            if text[:1] in "#\\" or text.strip() == _FENCE:
                text = "\\" + text
            out.append(text)
        out.append("")
    return "\n".join(out)
