"""Datelines and bylines in the forms papers print them, taken apart into names and roles.

本报讯, 本报X讯 (a place or a date inside: 本报青岛讯, 本报北京6月1日讯), 新华社X电, and
the bylines: （记者 张三 通讯员 李四） after a dateline, 本报记者 张三 报道, ▶张三 李四,
文/张三 图/李四, or names alone on a line. A byline is a list of names; the role
printed before a name (记者, 通讯员, 实习生, 本报记者, 文, 图) is kept beside it, never
taken for a name.
"""

from __future__ import annotations

import re

from reader.ingest.page.lines import _BYLINE_MARK, _is_name
from reader.text.hanzi import is_hanzi

#: A dateline opening a story's first paragraph.
DATELINE_RE = re.compile(
    r"^(本报讯|本刊讯|新华社电|本[报刊][^\s，。、：:（()讯]{1,12}讯"
    r"|(?:新华社|中新社|中新网|人民网)[^\s，。、：:（()]{1,12}电)"
)
#: The bracket right after a dateline: （记者 张三 通讯员 李四）.
DATELINE_BYLINE_RE = re.compile(r"^[（(]([^（()）]{2,40})[）)]")
#: Roles printed before names inside a bracket or before 报道, longest first.
ROLES = (
    "本报特约记者",
    "本报见习记者",
    "本报记者",
    "本报通讯员",
    "特约通讯员",
    "特约记者",
    "见习记者",
    "首席记者",
    "记者",
    "通讯员",
    "实习生",
)
_REPORTER_RE = re.compile(r"^(" + "|".join(ROLES) + r")\s*(.+?)\s*报道$")
#: 文/张三 图/李四: a role, a slash, names.
_SLASH_ROLE_RE = re.compile(r"(文|图|摄影|文图)\s*[/／]\s*")

Byline = tuple[list[str], list[str]]  # names, their roles ("" where none is printed)


_ROLE_RE = re.compile("(" + "|".join(ROLES) + ")")


def _tokens(text: str) -> list[str]:
    return text.replace("　", " ").replace("、", " ").split()


def _name_tokens(text: str) -> list[str]:
    """Tokens of a byline; a line break can eat the space between a name and the next
    role (林静实习生黄文彬), so a token that is no name is cut at the roles inside it."""
    out: list[str] = []
    for token in _tokens(text):
        if token in ROLES or _is_name(token) or len(token) <= 4:
            out.append(token)
        else:
            out += _ROLE_RE.sub(r" \1 ", token).split()
    return out


def parse_names(text: str) -> Byline | None:
    """Names and roles of ``记者 张三 通讯员李四``-like text, or None if it holds other words.

    A role applies to the names after it, up to the next role.
    """
    names: list[str] = []
    roles: list[str] = []
    role = ""
    for token in _name_tokens(text):
        if token in ROLES:
            role = token
            continue
        prefix = next((r for r in ROLES if token.startswith(r) and _is_name(token[len(r) :])), "")
        if prefix:
            role, token = prefix, token[len(prefix) :]
        if not _is_name(token):
            return None
        names.append(token)
        roles.append(role)
    return (names, roles) if names else None


def byline_row(text: str) -> Byline | None:
    """The names and roles of a line that is a byline and nothing else, else None."""
    if text.startswith(_BYLINE_MARK):
        rest = text[len(_BYLINE_MARK) :]
        return parse_names(rest) or (_tokens(rest), [])
    reporter = _REPORTER_RE.match(text)
    if reporter:
        found = parse_names(reporter.group(2))
        if found and not any(found[1]):
            return found[0], [reporter.group(1)] * len(found[0])
        return found
    if _SLASH_ROLE_RE.match(text):
        return _slash_byline(text)
    tokens = text.split()
    found = parse_names(text) if all(map(_looks_like_name_token, tokens)) else None
    if found and not any(found[1]) and all(len(t) == 4 for t in tokens):
        # Four-character words (创新驱动 链式发展) are more often a kicker than names.
        return None
    return found


def _looks_like_name_token(token: str) -> bool:
    return all(is_hanzi(ch) or ch == "·" for ch in token)


def _slash_byline(text: str) -> Byline | None:
    names: list[str] = []
    roles: list[str] = []
    marks = list(_SLASH_ROLE_RE.finditer(text))
    if not marks or marks[0].start() != 0:
        return None
    for k, mark in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        found = parse_names(text[mark.end() : end])
        if not found:
            return None
        names += found[0]
        roles += [mark.group(1)] * len(found[0])
    return names, roles


#: （下转第2版） / （上接第1版）: where a story goes on or comes from; never a title.
CONTINUATION_RE = re.compile(r"[（(]\s*(?:下转|上接|转|接)\s*第?\s*[^）)\s]{1,4}\s*版\s*[）)]")


def opens_story(text: str) -> bool:
    """True for a byline printed above its story's body (本报记者 张三 报道)."""
    return bool(_REPORTER_RE.match(text))


def split_dateline(text: str) -> tuple[str, Byline | None, str] | None:
    """``(dateline, byline in its bracket, rest)`` of a paragraph that opens with one."""
    match = DATELINE_RE.match(text)
    if not match:
        return None
    rest = text[match.end() :].lstrip()
    inner = DATELINE_BYLINE_RE.match(rest)
    byline = None
    if inner:
        byline = parse_names(inner.group(1))
        if byline is not None:
            rest = rest[inner.end() :].lstrip()
    return match.group(1), byline, rest
