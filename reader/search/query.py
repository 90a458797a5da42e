"""The search query syntax shared by in-memory search and the library index.

Users type queries like ``珠海 "产业 第一" -大连 title:高新区 kind:photo``. Chinese has no
spaces between words, so every term is matched as a substring; whitespace only separates
terms, and all terms must match (AND). Parsing never fails: whatever cannot be read as
syntax (an unbalanced quote, an unknown ``field:``, a lone ``-``) is taken literally, so a
user searching for ``10:30`` or ``"`` gets what they typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FieldName = Literal["title", "byline", "source", "kind"]

#: Field prefixes the syntax understands; anything else before a colon is literal text.
FIELDS: tuple[FieldName, ...] = ("title", "byline", "source", "kind")

# U+3000 (ideographic space) separates terms too: it is what a Chinese IME types.
_SPACES = frozenset(" \t\r\n\f\v\u3000")


@dataclass(frozen=True, slots=True)
class FieldTerm:
    """A term restricted to one field: ``title:珠海`` or, negated, ``-title:珠海``."""

    field: FieldName
    value: str
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query. Every list is in the order the user typed it, without duplicates."""

    #: Plain terms; each must occur somewhere in the article.
    terms: tuple[str, ...] = ()
    #: Quoted phrases (may contain spaces); each must occur as written.
    phrases: tuple[str, ...] = ()
    #: ``-term`` / ``-"phrase"``: articles containing any of these are left out.
    excludes: tuple[str, ...] = ()
    #: ``field:value`` restrictions.
    fields: tuple[FieldTerm, ...] = field(default=())

    @property
    def positives(self) -> tuple[str, ...]:
        """Terms and phrases that must match anywhere: what hits are counted for."""
        return tuple(dict.fromkeys((*self.terms, *self.phrases)))

    @property
    def is_empty(self) -> bool:
        """True when the query restricts nothing (an empty or blank string)."""
        return not (self.terms or self.phrases or self.excludes or self.fields)


def _tokens(text: str) -> list[tuple[str, str | None]]:
    """Split on whitespace, keeping ``"..."`` together.

    Returns (token, phrase) pairs: for a quoted token, ``token`` is what stood before the
    quote (``""``, ``"-"``, ``"title:"``) and ``phrase`` the text between the quotes; for
    any other token ``phrase`` is None.

    A quote opens a phrase only at the start of a token (optionally after ``-`` or a
    ``field:``) and only if a closing quote follows; otherwise it is an ordinary character.
    """
    out: list[tuple[str, str | None]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in _SPACES:
            i += 1
            continue
        start = i
        while i < n and text[i] not in _SPACES:
            if text[i] == '"':
                close = text.find('"', i + 1)
                prefix = text[start:i]
                if close != -1 and _is_phrase_prefix(prefix):
                    out.append((prefix, text[i + 1 : close]))
                    i = close + 1
                    start = -1
                    break
            i += 1
        if start != -1:
            out.append((text[start:i], None))
    return out


def _is_phrase_prefix(prefix: str) -> bool:
    """Whether a quote after ``prefix`` opens a phrase: ``"``, ``-"``, ``title:"``..."""
    bare = prefix[1:] if prefix.startswith("-") else prefix
    return bare == "" or (bare.endswith(":") and bare[:-1].lower() in FIELDS)


def parse(text: str) -> Query:
    """Parse a query string. Never raises; unreadable syntax is kept as literal text."""
    terms: list[str] = []
    phrases: list[str] = []
    excludes: list[str] = []
    fields: list[FieldTerm] = []
    for token, phrase in _tokens(text or ""):
        negated = token.startswith("-") and (len(token) > 1 or phrase is not None)
        body = token[1:] if negated else token
        name, sep, value = body.partition(":")
        if phrase is not None:
            value = phrase
        if sep and name.lower() in FIELDS and value:
            fields.append(FieldTerm(name.lower(), value, negated))  # type: ignore[arg-type]
            continue
        text_value = body if phrase is None else phrase
        if not text_value:
            continue  # `""`, `-""`, `title:""`: an empty phrase restricts nothing
        if negated:
            excludes.append(text_value)
        elif phrase is not None:
            phrases.append(text_value)
        else:
            terms.append(text_value)
    return Query(
        terms=tuple(dict.fromkeys(terms)),
        phrases=tuple(dict.fromkeys(phrases)),
        excludes=tuple(dict.fromkeys(excludes)),
        fields=tuple(dict.fromkeys(fields)),
    )


def as_query(query: str | Query) -> Query:
    """Accept either a query string or an already parsed :class:`Query`."""
    return query if isinstance(query, Query) else parse(query)
