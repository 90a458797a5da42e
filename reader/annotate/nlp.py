"""Lazy, cached loading of the NLP stack (jieba plus our word lists) in well under a second.

Stock jieba spends ~0.5 s building its prefix dictionary and ``jieba.posseg`` another ~0.2 s
re-reading dict.txt for its part-of-speech table, and ``import jieba`` drags in setuptools'
``pkg_resources`` (~60 ms). The app cannot wait for that before painting, so:

* nothing happens at import time; :func:`load` runs once (thread-safe) in a worker thread;
* the prefix dictionary, the tags we need and our own words merged into it are kept in one cache
  file in the user cache dir, in shards by first character that are unpacked when a text first
  needs them (see :class:`Nlp`); the cache is keyed by the dictionary files' paths, sizes and
  mtimes, so editing any of them (or the user's entities.txt) rebuilds it;
* we segment as ``Tokenizer.cut`` does (HMM on, for unseen names) and tag from our own table
  instead of ``jieba.posseg``, which runs ~6× slower with HMM; the cutting itself is
  :class:`reader.annotate.segment.Segmenter`, jieba's algorithm without its overheads: ~2.2× faster
  than jieba's ``cut``, with the same tokens. The C ``jieba_fast`` package is no faster here
  (~2×) and differs from jieba on some long runs of unseen characters, so it is not used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import marshal
import math
import os
import sys
import threading
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import __version__ as VERSION
from reader import paths
from reader.annotate import nlp_cache
from reader.annotate.gazetteer import Gazetteer, data_files, load_gazetteer
from reader.annotate.segment import PREFIX, Segmenter

CACHE_FORMAT = 5
CACHE_PREFIX = "nlp-"

#: The one-letter classes we keep from jieba's part-of-speech tags, and why:
#: P names (nr, nrt, nrfg), L places (ns), O organisations (nt), Z other proper nouns (nz);
#: X words that cannot sit inside a name (prepositions, particles, pronouns, adverbs...), which
#: stop the leftward growth of an organisation's name; V verbs (see ``_VERB_TAGS``).
_TAG_CLASS = {"nr": "P", "nrt": "P", "nrfg": "P", "ns": "L", "nt": "O", "nz": "Z"}
_STOP_TAG_NAMES = "vg p c u ud ug uj ul uv uz r rr rz rg d df dg m mq q t tg f y e o ad z zg"
_STOP_TAGS = frozenset(_STOP_TAG_NAMES.split())
#: V verbs: they end a person's name but may sit inside an organisation's (房地产开发有限公司).
_VERB_TAGS = frozenset({"v", "vd", "vi"})  # not vn: verbal nouns (开发) name things too


Shard = tuple[bytes, bytes, bytes, str]


@dataclass(slots=True)
class Nlp:
    """The loaded stack: a jieba tokenizer and the tables the entity rules read.

    The tables are filled lazily, one shard per first character: building a dict of half a
    million words costs ~0.25 s whatever the file format, while a page of news uses the words
    of about a thousand first characters. :meth:`cut` loads the shards its text needs first;
    :meth:`warm` loads them all.
    """

    #: a jieba.Tokenizer reading our tables, for callers that want jieba's API; read-only (its
    #: FREQ is ``freq``, a view). Typed loosely so this module never imports jieba eagerly.
    tokenizer: Any
    #: word → frequency in the segmenter's dictionary (0 for prefixes that are not words)
    freq: Frequencies
    #: word → one-letter class, see ``_TAG_CLASS`` (absent: an ordinary noun-like word)
    tags: dict[str, str]
    gazetteer: Gazetteer
    #: character → log-odds of it appearing in a given name rather than in ordinary words
    name_chars: dict[str, float] = field(default_factory=dict)
    #: first character → its words, still packed (see ``_pack``)
    shards: dict[str, Shard] = field(default_factory=dict)
    #: word → log(freq) - log(total), prefix → ``segment.PREFIX``: the segmenter's scores,
    #: and through ``freq`` the counts the rules read
    logp: dict[str, float] = field(default_factory=dict)
    #: does the cutting (``tokenizer`` shares its dictionary, for callers wanting jieba's API)
    segmenter: Segmenter | None = None
    #: dictionary word → True when no entity rule can start from it (filled by the rules)
    inert: dict[str, bool] = field(default_factory=dict)
    _shard_lock: threading.Lock = field(default_factory=threading.Lock)

    def ensure(self, text: str) -> None:
        """Unpack the dictionary shards for the characters of ``text`` (thread-safe)."""
        shards = self.shards
        if not shards:
            return
        needed = [ch for ch in set(text) if ch in shards]
        if not needed:
            return
        with self._shard_lock:
            for ch in needed:
                shard = shards.get(ch)
                if shard is not None:
                    _unpack_into(shard, self.logp, self.tags)
                    # Removed only once its words are in: a thread that still sees the shard
                    # waits on the lock instead of cutting with half a dictionary.
                    del shards[ch]

    def warm(self) -> None:
        """Unpack every shard now (for batch jobs that will touch most of the dictionary)."""
        with self._shard_lock:
            for ch in list(self.shards):
                _unpack_into(self.shards[ch], self.logp, self.tags)
                del self.shards[ch]

    def cut(self, text: str) -> list[str]:
        """Segment ``text``; the pieces join back to ``text`` exactly."""
        self.ensure(text)
        if self.segmenter is None:  # an Nlp built by hand, without the fast segmenter
            return list(self.tokenizer.cut(text, HMM=True))
        return self.segmenter.cut(text)


class Frequencies(Mapping[str, int]):
    """The dictionary's word counts (0 for a prefix that is no word), read from ``logp``.

    The segmenter reads log-probabilities at every character, the rules read counts for a few
    tokens: one table serves both, since unpacking a second one for a page costs ~0.1 s.
    ``round(exp(log(n) - log(total) + log(total)))`` gives back ``n`` exactly.
    """

    __slots__ = ("_logp", "_logtotal")

    def __init__(self, logp: dict[str, float], logtotal: float) -> None:
        self._logp = logp
        self._logtotal = logtotal

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        value = self._logp.get(word)
        if value is None:
            return default
        return 0 if value > 0.0 else round(math.exp(value + self._logtotal))

    def __getitem__(self, word: str) -> int:
        value = self._logp[word]
        return 0 if value > 0.0 else round(math.exp(value + self._logtotal))

    def __contains__(self, word: object) -> bool:
        return word in self._logp

    def __iter__(self) -> Iterator[str]:
        return iter(self._logp)

    def __len__(self) -> int:
        return len(self._logp)


def _unpack_into(shard: Shard, logp: dict[str, float], tags: dict[str, str]) -> None:
    words, scores, tag_words, tag_codes = shard
    values = array("d")
    values.frombytes(scores)
    logp.update(zip(words.decode().split("\n"), values, strict=True))
    if tag_words:
        tags.update(zip(tag_words.decode().split("\n"), tag_codes, strict=True))


_lock = threading.Lock()
_nlp: Nlp | None = None


def is_loaded() -> bool:
    """True once :func:`load` has finished (cheap; never loads anything)."""
    return _nlp is not None


def load() -> Nlp:
    """Load the stack once and return it; later and concurrent calls share the same object."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
        return _nlp


def reset() -> None:
    """Forget the loaded stack, so the next :func:`load` reads the files again (for tests)."""
    global _nlp
    with _lock:
        _nlp = None


def cache_dir() -> Path:
    """Where the prefix-dictionary cache lives (``$HITECH_READER_CACHE_DIR`` wins, for tests)."""
    return paths.cache_dir()


def _import_segmenter() -> Any:
    """jieba, imported without setuptools (we only need its HMM tables and Tokenizer class)."""
    # jieba imports pkg_resources only to open its own data files and falls back to plain
    # open() when that fails; pkg_resources costs ~60-180 ms, so hide it during the import.
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba as module
    finally:
        if hidden and sys.modules.get("pkg_resources") is None:
            del sys.modules["pkg_resources"]
    module.setLogLevel(logging.WARNING)  # silence "Building prefix dict..." on stderr
    return module


def _jieba_dict_path() -> Path:
    """jieba's dict.txt, found without importing jieba (the dictionary we build from)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed")
    return Path(spec.origin).resolve().parent / "dict.txt"


def cache_key(files: list[Path], jieba_dict: Path) -> str:
    """A digest of everything the cached tables are built from (and of this code's version)."""
    h = hashlib.sha1(f"format={CACHE_FORMAT};py={sys.version_info[:2]};{VERSION}".encode())
    for path in [jieba_dict, *files]:
        st = path.stat()
        h.update(f"|{path}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:20]


def _load() -> Nlp:
    segmenter = _import_segmenter()
    files = data_files()
    gaz = load_gazetteer(files)
    jdict = _jieba_dict_path()
    path = nlp_cache.cache_file(cache_dir(), CACHE_PREFIX, jdict, cache_key(files, jdict))
    tables = _read_cache(path)
    if tables is None:
        tables = _build_tables(segmenter, jdict, gaz)
        _write_cache(path, tables)
    total, shards, name_chars = tables
    logp: dict[str, float] = {}
    logtotal = math.log(total)
    freq = Frequencies(logp, logtotal)
    tokenizer = segmenter.Tokenizer()  # jieba's API over our tables, for callers that want it
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return Nlp(
        tokenizer=tokenizer,
        freq=freq,
        tags={},
        gazetteer=gaz,
        name_chars=name_chars,
        shards=shards,
        logp=logp,
        segmenter=Segmenter(logp, logtotal, segmenter.finalseg),
    )


Tables = tuple[int, dict[str, Shard], dict[str, float]]


def _read_cache(path: Path) -> Tables | None:
    try:
        fmt, total, shards, name_chars = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if fmt != CACHE_FORMAT or not isinstance(shards, dict):
        return None
    return total, shards, name_chars


def _pack(freq: dict[str, int], tags: dict[str, str], total: int) -> dict[str, Shard]:
    """Group the tables by first character; words stay UTF-8 bytes until a shard is used."""
    groups: dict[str, list[str]] = {}
    for word in freq:
        groups.setdefault(word[0], []).append(word)
    tag_groups: dict[str, list[str]] = {}
    for word in tags:
        tag_groups.setdefault(word[0], []).append(word)
    shards: dict[str, Shard] = {}
    logtotal = math.log(total)
    for ch, words in groups.items():
        tagged = tag_groups.get(ch, [])
        shards[ch] = (
            "\n".join(words).encode(),
            # jieba's edge weight, log(count) - log(total), computed once per word here
            # instead of once per edge of every sentence's word graph.
            array("d", [math.log(freq[w]) - logtotal if freq[w] else PREFIX for w in words])
            .tobytes(),
            "\n".join(tagged).encode(),
            "".join(map(tags.__getitem__, tagged)),
        )
    return shards


def _write_cache(path: Path, tables: Tables) -> None:
    import tempfile  # only needed when (re)building

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            marshal.dump((CACHE_FORMAT, *tables), f)
        os.replace(tmp, path)
        nlp_cache.prune(path, CACHE_PREFIX)
    except OSError:
        logging.getLogger(__name__).warning("cannot write the NLP cache to %s", path)


def _build_tables(segmenter: Any, jdict: Path, gaz: Gazetteer) -> Tables:
    """Read jieba's dict.txt once for both the prefix dictionary and the tags, add our words."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    entries: list[tuple[str, int, str]] = []
    with jdict.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                entries.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    setdefault = freq.setdefault
    for word, count, tag in entries:
        freq[word] = count
        total += count
        for i in range(1, len(word)):
            setdefault(word[:i], 0)
        cls = _TAG_CLASS.get(tag)
        if cls is None and len(word) <= 3:  # longer ones are idioms, never beside a name
            if tag in _STOP_TAGS:
                cls = "X"
            elif tag in _VERB_TAGS:
                cls = "V"
        if cls is not None:
            tags[word] = cls
    tokenizer = segmenter.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    for word in gaz.words():
        if len(word) < 2 or freq.get(word, 0) > 0:
            continue
        # jieba's own rule (suggest_freq): just enough to keep the word whole.
        pieces = tokenizer.lcut(word, HMM=False)
        p = 1.0
        for piece in pieces:
            p *= (freq.get(piece) or 1) / total
        count = max(int(p * total) + 1, 3)
        freq[word] = count
        total += count
        for i in range(1, len(word)):
            setdefault(word[:i], 0)
        tokenizer.total = total
    for word, kind in gaz.names.items():
        if kind != "ignore":
            tags.pop(word, None)  # our lists outrank jieba's tags
    return total, _pack(freq, tags, total), _name_char_scores(*_count_chars(entries, gaz))


def _count_chars(
    entries: list[tuple[str, int, str]], gaz: Gazetteer
) -> tuple[Counter[str], Counter[str]]:
    """Count characters in the given names of jieba's person entries and in other words."""
    surnames = gaz.surnames
    in_names = Counter(
        "".join(
            w[1:]
            for w, _c, t in entries
            if t in ("nr", "nrfg") and len(w) == 3 and w[0] in surnames
        )
    )
    # Other words, weighted by the log of their frequency: common words count more, but a
    # few very frequent words do not drown the rest.
    by_weight: dict[int, list[str]] = {}
    for w, c, t in entries:
        if t not in _TAG_CLASS:
            by_weight.setdefault(max(1, c.bit_length()), []).append(w)
    in_words: Counter[str] = Counter()
    for weight, words in by_weight.items():
        for ch, n in Counter("".join(words)).items():
            in_words[ch] += n * weight
    return in_names, in_words


def _name_char_scores(in_names: Counter[str], in_words: Counter[str]) -> dict[str, float]:
    """Log-odds per character of standing in a given name rather than in an ordinary word.

    Derived from jieba's own dictionary (its person entries against everything else), so it
    generalises: 区, 图, 之 score low, 峰, 华, 娟 score high, whatever page is being read.
    """
    n_names = sum(in_names.values()) or 1
    n_words = sum(in_words.values()) or 1
    scores = {}
    for ch in set(in_names) | set(in_words):
        p_name = (in_names.get(ch, 0) + 0.5) / n_names
        p_word = (in_words.get(ch, 0) + 0.5) / n_words
        scores[ch] = round(math.log(p_name / p_word), 3)
    return scores
