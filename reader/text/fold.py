"""Folding text for search, with a map back to what is on screen.

PDF extraction leaves lookalikes in the text: Kangxi radicals (``⼤`` U+2F24 for ``大``,
pdfminer.six#480), CJK compatibility ideographs, full-width digits and ``％``, U+3000 spaces,
stray spaces between hanzi (PyMuPDF#723) and zero-width or bidi control characters. NFKC folds the
lookalikes but also turns ``，`` into ``,`` and shifts offsets, so search runs on a folded *copy*
and maps each match back to code points of the original, which is what the UI highlights.

Folding rules (`fold`):

* Kangxi radicals and the CJK radicals supplement become their equivalent unified ideographs
  (:mod:`reader.text.radicals`, from Unicode's table: NFKC leaves ``⺠ ⻛ ⻔`` alone);
* NFKC, one character at a time, only for CJK compatibility ideographs,
  full-width ASCII letters and digits, ``％`` and the full-width
  decimal point ``．``; CJK punctuation (``，。“”``) is kept as it is;
* then traditional characters become simplified ones, one for one (區 → 区, 億 → 亿;
  :mod:`reader.text.traditional`, from OpenCC), so ``門``, its Kangxi radical ``⾨`` and
  ``门`` all read ``门`` (:func:`simplified` and :func:`has_traditional` do this step alone,
  for callers that keep offsets without a :class:`Folded` map);
* ASCII letters are lowercased (also those that came from full-width letters);
* zero-width characters (U+200B–U+200F, U+2060, U+FEFF) and bidi controls (U+202A–U+202E,
  U+2066–U+2069) are dropped;
* whitespace (U+3000, NBSP, newlines…) becomes ``" "``, a run of it becomes one space, and a run
  next to a wide (CJK) character is dropped, so ``1000 亿元`` matches ``1000亿元`` and a PDF's
  ``千 亿元`` matches ``千亿元``, while ``high tech`` still differs from ``hightech``; leading and
  trailing whitespace is dropped.

`sanitize_for_display` is the other half of showing untrusted text: it makes control characters
visible instead of letting the terminal act on them, one code point for one, so offsets of
spans computed on the original still line up.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reader.text.radicals import radical_table
from reader.text.traditional import has_traditional, simplified, traditional_table

__all__ = ["Folded", "find_all", "fold", "has_traditional", "sanitize_for_display", "simplified"]

_DROPPED = frozenset(
    [
        *map(chr, range(0x200B, 0x2010)),  # zero-width space, joiners, LRM, RLM
        "\u2060",  # word joiner
        "\ufeff",  # BOM / zero-width no-break space
        *map(chr, range(0x202A, 0x202F)),  # bidi embeddings and overrides
        *map(chr, range(0x2066, 0x206A)),  # bidi isolates
    ]
)

_fold_cache: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """The folded form of one character ("" to drop it, " " for whitespace)."""
    folded = _fold_cache.get(ch)
    if folded is not None:
        return folded
    code = ord(ch)
    if ch in _DROPPED:
        folded = ""
    elif ch.isspace():
        folded = " "
    elif 0x2E80 <= code <= 0x2FDF:  # CJK radicals supplement, Kangxi radicals
        folded = radical_table().get(code) or unicodedata.normalize("NFKC", ch)
    elif (
        0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0x2F800 <= code <= 0x2FA1F  # CJK compatibility ideographs supplement
        or 0xFF10 <= code <= 0xFF19  # full-width digits
        or 0xFF21 <= code <= 0xFF3A  # full-width capitals
        or 0xFF41 <= code <= 0xFF5A  # full-width small letters
        or ch in "％．"
    ):
        folded = unicodedata.normalize("NFKC", ch)
    else:
        folded = ch
    if folded.isascii():
        folded = folded.lower()
    elif len(folded) == 1:
        folded = traditional_table().get(ord(folded), folded)
    _fold_cache[ch] = folded
    return folded


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text and, per folded character, the original span it came from."""

    original: str
    text: str
    #: ``starts[k]``/``ends[k]``: the code points of ``original`` that folded character k
    #: stands for.
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the folded span ``start``..``end`` to a span of the original text.

        The result covers exactly the original characters that produced the folded ones;
        characters dropped by folding count only when they sit inside the span. An empty span
        maps to an empty span at the matching position.

        Raises:
            ValueError: if the span is not ``0 <= start <= end <= len(self.text)``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}..{end} outside folded text of {len(self.text)}")
        if start == end:
            position = self.starts[start] if start < len(self.starts) else len(self.original)
            return position, position
        return self.starts[start], self.ends[end - 1]


def fold(text: str) -> Folded:
    """Fold ``text`` for matching (see the module docstring for the rules)."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # A pending run of whitespace: emitted as one space only once the next character shows it
    # is not next to a wide one.
    space_start = -1
    space_end = -1
    previous_wide = True  # at the start, as if after a wide char: leading whitespace goes
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        if not folded:
            continue
        if folded == " ":
            if space_start < 0:
                space_start = index
            space_end = index + 1
            continue
        if space_start >= 0:
            if not previous_wide and not _is_wide(folded[0]):
                chars.append(" ")
                starts.append(space_start)
                ends.append(space_end)
            space_start = -1
        for piece in folded:
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
        previous_wide = _is_wide(folded[-1])
    # Trailing whitespace is dropped like leading whitespace: it carries nothing to match.
    return Folded(text, "".join(chars), tuple(starts), tuple(ends))


def find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Spans of ``haystack`` (original code points) of all non-overlapping folded matches.

    ``大`` finds ``⼤``, ``1000`` finds ``１０００``, ``ABC`` finds ``abc``. A needle that folds to
    nothing (empty, only spaces or zero-width characters) matches nothing.
    """
    folded_needle = fold(needle).text
    if not folded_needle:
        return []
    folded = _fold_cached(haystack)
    matches: list[tuple[int, int]] = []
    position = folded.text.find(folded_needle)
    while position != -1:
        end = position + len(folded_needle)
        matches.append(folded.to_original(position, end))
        position = folded.text.find(folded_needle, end)
    return matches


@lru_cache(maxsize=64)
def _fold_cached(text: str) -> Folded:
    """Find-as-you-type searches the same texts at every keystroke: fold each once."""
    return fold(text)


# C0 controls show as their Unicode control pictures (␀..␟, ␡ for DEL); C1 controls and bidi
# embeddings/overrides/isolates as U+FFFD, since control pictures exist only for C0. Each
# replacement is one code point, so offsets are preserved.
_DISPLAY_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_DISPLAY_TABLE[0x7F] = "\u2421"
_DISPLAY_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
_DISPLAY_TABLE.update({code: "\ufffd" for code in range(0x202A, 0x202F)})
_DISPLAY_TABLE.update({code: "\ufffd" for code in range(0x2066, 0x206A)})
_DISPLAY_TABLE[ord("\n")] = "\n"
_DISPLAY_TABLE[ord("\t")] = " "


def sanitize_for_display(text: str) -> str:
    """Replace control characters so the terminal shows them instead of obeying them.

    ``\\n`` is kept, ``\\t`` becomes a space, other C0 controls and DEL become control pictures
    (``\\x1b`` → ``␛``), C1 controls and bidi overrides/embeddings/isolates become U+FFFD. The
    result has exactly as many code points as ``text``, and character k of the result stands for
    character k of ``text``, so spans found on either line up with both.
    """
    return text.translate(_DISPLAY_TABLE)
