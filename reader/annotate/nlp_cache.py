"""Naming and pruning the NLP cache files, so that installs sharing a cache folder coexist.

A checkout and an installed copy (or two virtualenvs) often share the user's cache folder.
Keyed by the dictionary files alone, each would find the other's cache stale, delete it and
rebuild its own (1.2-1.5 s instead of 0.12 s) on every switch. So a cache file is named by
its install (this package's folder and jieba's dictionary) and by the key of what it was
built from (:func:`reader.annotate.nlp.cache_key`): a new cache replaces only its own
install's old ones, and the newest few of other installs are kept beside it.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

#: Caches of other installs kept (newest first); older ones are deleted on a write.
OTHER_INSTALLS_KEPT = 4


def install_id(jieba_dict: Path) -> str:
    """Which install a cache belongs to: this package's folder and jieba's dictionary."""
    here = Path(__file__).resolve().parent.parent
    return hashlib.sha1(f"{here}|{jieba_dict}".encode()).hexdigest()[:8]


def cache_file(folder: Path, prefix: str, jieba_dict: Path, key: str) -> Path:
    """``<prefix><install>-<key>.bin`` in ``folder``."""
    return folder / f"{prefix}{install_id(jieba_dict)}-{key}.bin"


def prune(path: Path, prefix: str) -> None:
    """After writing ``path``: delete this install's other caches (built from files that
    have since changed, or named before caches were per install), and other installs'
    caches beyond the newest :data:`OTHER_INSTALLS_KEPT`."""
    mine = path.name[len(prefix):].split("-")[0]
    others: list[tuple[float, Path]] = []
    for old in path.parent.glob(f"{prefix}*.bin"):
        if old == path:
            continue
        parts = old.name[len(prefix):].split("-")
        with contextlib.suppress(OSError):
            if len(parts) != 2 or parts[0] == mine:
                old.unlink()
            else:
                others.append((old.stat().st_mtime, old))
    for _mtime, old in sorted(others, reverse=True)[OTHER_INSTALLS_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()
