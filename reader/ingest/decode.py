"""Turn the bytes of a user's file into text, or refuse it with a one-line reason.

Pages reach users as UTF-8 (with or without a BOM), as GB18030/GBK from older Chinese
systems, and as UTF-16 with a BOM from Windows tools. Anything else (binary files, other
legacy encodings) is refused with a :class:`DecodeError` whose message fits on one line,
so that the caller can report it and go on with the other files.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

#: Files larger than this are refused rather than read into memory whole. A printed page is
#: 10-50 KB; parsing costs about 40 bytes of memory per byte of page text, so 4 MB keeps
#: the worst case near 160 MB.
MAX_BYTES = 4 * 1024 * 1024


class DecodeError(ValueError):
    """The bytes are not text in an encoding we support."""


_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)


def _looks_like_text(text: str) -> bool:
    """True when ``text`` has no more control characters than a text file would carry.

    Binary bytes decode to about one C0 control in nine characters; a page copied out of a
    PDF or a terminal can carry a few stray ones (BEL, NUL, backspace), which are shown
    safely rather than refused, so the bar is one in a hundred.
    """
    bad = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f\v\x1b")
    return bad <= max(2, len(text) // 100)


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes, trying UTF-8, UTF-16 (BOM) and GB18030 in that order.

    Raises:
        DecodeError: the bytes are binary or in an unsupported encoding.
    """
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"not a text file ({what})")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-8 after its BOM (byte {exc.start})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid UTF-16 after its BOM (byte {exc.start})") from None
    # UTF-16 without a BOM has a NUL in every other byte of its ASCII; a stray NUL or two is
    # what PDF extractors leave in real text, kept and shown as ␀ rather than refused.
    head = data[:8192]
    if head.count(b"\x00") > max(2, len(head) // 1000):
        raise DecodeError("not a text file (it contains NUL bytes; UTF-16 needs a BOM)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data)
    if not _looks_like_text(text):
        raise DecodeError("not a text file (it is full of control characters)")
    return text


def _gb2312_share(text: str) -> float:
    """The share of non-ASCII characters of ``text`` that GB2312 (common simplified) has."""
    sample = [ch for ch in text[:20000] if ch >= "\x80"]
    if not sample:
        return 1.0
    hits = 0
    for ch in sample:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        hits += 1
    return hits / len(sample)


#: A run of non-ASCII characters, with the characters on either side of it.
_RUN = re.compile(r"(.?)([^\x00-\x7f]+)(?=(.?))", re.DOTALL)
_LATIN = re.compile(r"[A-Za-z]")


def _accents_in_latin_words(data: bytes) -> bool:
    """True when the bytes read as Latin-1 are mostly accents inside Latin words.

    Latin-1 or Windows-1252 text read as GB18030 often decodes: an accented letter and
    the letter after it (or two accents) become one hanzi inside a Latin word (``naïve``
    → ``na飗e``, ``Größe`` → ``Gr鲞e``), common hanzi among them (``ação`` → ``a玢o``).
    Read as Latin-1 instead, such a file has its non-ASCII bytes in runs of one or two
    letters touching ASCII letters. Chinese in GBK/GB18030 has runs of two bytes per hanzi
    and full-width punctuation among them, so on any real page most runs are longer or
    not letters. A lone hanzi between Latin words (``CPU和GPU``) looks the same as two
    accents and is refused too: alone, the two cannot be told apart.
    """
    runs = accents = 0
    for before, run, after in _RUN.findall(data[:65536].decode("latin-1")):
        runs += 1
        if len(run) <= 2 and run.isalpha() and (_LATIN.match(before) or _LATIN.match(after)):
            accents += 1
    return 2 * accents > runs


def _decode_legacy(data: bytes) -> str:
    """Decode bytes that are not UTF-8: GB18030 (a superset of GBK and GB2312) or refuse.

    GB18030 maps almost any byte sequence to *something*, so a successful decode is not
    proof. Latin-1 accents inside Latin words are refused first (see
    :func:`_accents_in_latin_words`: a short Western text can land on common hanzi, and
    charset-normalizer guesses at random on a few bytes). Then, simplified Chinese text
    is overwhelmingly made of GB2312's common characters, while Big5 or Shift-JIS bytes
    read as GB18030 land in its rare extension areas; when that share is low we ask
    charset-normalizer for a second opinion, which also names the likely encoding.

    Latin-1 is refused rather than read: it decodes any bytes at all, so accepting it
    would accept every unsupported file as mojibake, and these pages are Chinese.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DecodeError(
            "unsupported encoding (not UTF-8, UTF-16 with BOM, or GB18030/GBK)"
        ) from None
    if _accents_in_latin_words(data):
        raise DecodeError(
            "unsupported encoding (it looks like Latin-1 or Windows-1252, accented letters"
            " in Latin words): save it as UTF-8"
        )
    if _gb2312_share(text) >= 0.85:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is not None and best.encoding in ("gb18030", "gbk", "gb2312"):
        return text
    guess = f" (it looks like {best.encoding})" if best is not None else ""
    raise DecodeError(
        "unsupported encoding" + guess + ": save it as UTF-8, GB18030/GBK or UTF-16 with BOM"
    )


def read_text(path: Path) -> str:
    """Read and decode a file, never modifying it.

    Raises:
        DecodeError: for the reasons of :func:`decode_bytes`, or when the file is too large.
        OSError: when the file cannot be read at all.
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DecodeError(
            f"too large ({size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)"
        )
    return decode_bytes(path.read_bytes())
