"""What counts as a hanzi and as the end of a sentence: one definition for every module.

The page importer, the figure finder, the key-number labeller and the name rules all ask
"is this a Chinese character?" and "does a sentence end here?". They used to answer each
in their own way (four ranges, four sets of stops); a page then split where a label did
not. The tests are plain comparisons, not regular expressions: a character class over the
CJK block costs about a millisecond per use to compile, and some callers run before the
app's first paint.
"""

from __future__ import annotations

import re

#: Punctuation that ends a sentence in Chinese news (and its ASCII twins).
SENTENCE_END = "。！？!?"
#: Also ends the stretch a figure's qualifiers or a label may come from: a clause
#: separated by a semicolon is its own statement.
STATEMENT_END = SENTENCE_END + "；;"
#: Closing quotes and brackets that may follow a sentence end: 。” ends the sentence too.
CLOSERS = "”’」』）)》"
#: A character class of :data:`STATEMENT_END` and the newline, for ``re`` patterns.
STATEMENT_END_RE = re.compile(f"[{re.escape(STATEMENT_END)}\n]")


def is_hanzi(ch: str) -> bool:
    """A CJK unified ideograph (basic block, extension A, compatibility, extensions B+)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def has_hanzi(text: str) -> bool:
    """Whether ``text`` holds at least one hanzi."""
    return any(map(is_hanzi, text))


def all_hanzi(text: str) -> bool:
    """Whether every character of ``text`` is a hanzi (no digits, Latin or punctuation)."""
    return bool(text) and all(map(is_hanzi, text))


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence: 。 ！ ？ (or ? !), possibly inside closing quotes."""
    stripped = text.rstrip().rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END
