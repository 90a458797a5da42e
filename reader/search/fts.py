"""FTS5 match expressions for Chinese substrings, for either of the two indexes.

SQLite's ``trigram`` tokenizer finds any substring of three or more characters, but a one-
or two-character pattern silently matches **no rows** (with ``MATCH`` and ``LIKE`` alike,
SQLite 3.40), and ``LIKE … ESCAPE`` skips the index. Chinese queries are often one or two
characters (园, 珠海), so the library keeps a second index where each character is stored
as a token made of it and the next character (see :func:`bigram_tokens`):

* two characters → one token lookup;
* one character → a one-character prefix query, answered by the ``prefix='1'`` index;
* longer terms → a phrase of consecutive tokens.

Both indexes only ever produce candidates; the library confirms every candidate against the
folded text, so a false positive (e.g. two tokens around a collapsed space) costs time,
never a wrong answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: The bigram index marks "no next character" (end of text, or a space) with this
#: private-use code point, so that every character starts exactly one token.
END_MARK = "\ue000"

#: Every non-space character is part of a token; spaces separate the bigram tokens.
BIGRAM_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* P* S* M* Co Cn Cs'"
TRIGRAM_MIN = 3
#: Unicode categories the bigram tokenizer treats as separators (see BIGRAM_TOKENIZER).
_SPLITS = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def quote(text: str) -> str:
    """``text`` as an FTS5 string (double quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def trigram_phrase(folded: str) -> str | None:
    """The trigram index expression for a folded term, or None if it is too short."""
    if "\x00" in folded:  # SQLite reads a query string only up to a NUL
        return None
    return quote(folded) if len(folded) >= TRIGRAM_MIN else None


def bigram_phrase(folded: str) -> str | None:
    """The bigram index expression for a folded term, or None if it cannot express it.

    Characters the tokenizer splits on (controls, format characters, odd spaces) would
    make the phrase stricter than the text, so such terms are left to the verifier.
    """
    if any(unicodedata.category(ch) in _SPLITS for ch in folded if ch != " "):
        return None
    chars = [(i, ch) for i, ch in enumerate(folded) if not ch.isspace()]
    if not chars:
        return None
    if len(chars) == 1:
        return quote(chars[0][1]) + "*"
    tokens = []
    last = len(folded) - 1
    for i, ch in chars:
        if i == last:
            break  # the token before already covers the last character
        nxt = folded[i + 1]
        tokens.append(ch + (END_MARK if nxt.isspace() else nxt))
    if folded[last - 1].isspace():
        # "a b": the last character follows a space, so it is a prefix of its own token.
        return quote(" ".join(tokens)) + " + " + quote(folded[last]) + "*"
    return quote(" ".join(tokens))


def expression(
    positives: Sequence[str], excludes: Sequence[str], *, bigram: bool, any_of: bool = False
) -> str | None:
    """An FTS5 expression: all (or, with ``any_of``, any) positives, minus the excludes.

    Terms the chosen index cannot express are left out (the caller verifies them later);
    None means the index cannot narrow the search at all.
    """
    build = bigram_phrase if bigram else trigram_phrase
    wanted = [p for p in (build(t) for t in positives) if p]
    if not wanted:
        return None
    joined = (" OR " if any_of else " AND ").join(f"({w})" for w in wanted)
    for term in excludes:
        # NOT needs an exact expression: a superset would drop articles that do match.
        # Bigram phrases are exact only for terms without spaces; the rest is verified later.
        phrase = build(term)
        if phrase and not (bigram and any(ch.isspace() for ch in term)):
            joined = f"({joined}) NOT ({phrase})"
    return joined


_WHITESPACE = re.compile(r"\s")


def bigram_tokens(folded: str) -> str:
    """The text fed to the bigram index: one token per non-space character.

    The token is the character and the one after it (or :data:`END_MARK` before a space
    or the end), so a two-character term is one token, a one-character term a
    one-character prefix, and a longer term a phrase of consecutive tokens. Tokens are
    separated by spaces.
    """
    text = _WHITESPACE.sub(" ", folded)
    following = text[1:].replace(" ", END_MARK) + END_MARK
    return " ".join([a + b for a, b in zip(text, following, strict=False) if a != " "])
