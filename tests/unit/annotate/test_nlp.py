"""The lazy NLP loader: its cache is built, reused, and rebuilt when a dictionary changes.

Each test points the cache and config directories at temporary folders (the env vars that
reader.paths reads) and restores the process-wide loaded stack afterwards, so the other test
modules keep sharing one load.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest

from reader.annotate import nlp

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Empty cache and config dirs, and no stack loaded; the old stack is put back after."""
    dirs = {"cache": tmp_path / "cache", "config": tmp_path / "config"}
    dirs["config"].mkdir()
    monkeypatch.setenv("HITECH_READER_CACHE_DIR", str(dirs["cache"]))
    monkeypatch.setenv("HITECH_READER_CONFIG_DIR", str(dirs["config"]))
    saved = nlp._nlp
    nlp.reset()
    yield dirs
    nlp._nlp = saved


def cache_files(d: Path) -> list[Path]:
    return sorted(d.glob(f"{nlp.CACHE_PREFIX}*.bin"))


@pytest.fixture(scope="module")
def built_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache built for the module (building takes seconds), for tests that only read it."""
    cache = tmp_path_factory.mktemp("built") / "cache"
    config = cache.parent / "config"
    config.mkdir()
    old = {k: os.environ.get(k) for k in ("HITECH_READER_CACHE_DIR", "HITECH_READER_CONFIG_DIR")}
    os.environ["HITECH_READER_CACHE_DIR"] = str(cache)
    os.environ["HITECH_READER_CONFIG_DIR"] = str(config)
    saved = nlp._nlp
    try:
        nlp.reset()
        nlp.load()
    finally:
        nlp._nlp = saved
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return cache


@pytest.fixture
def prebuilt(fresh: dict[str, Path], built_cache: Path) -> dict[str, Path]:
    """Like ``fresh``, with a valid cache already in place."""
    shutil.copytree(built_cache, fresh["cache"])
    return fresh


def test_cache_built_then_reused(fresh: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    assert not nlp.is_loaded()
    first = nlp.load()
    assert nlp.is_loaded()
    files = cache_files(fresh["cache"])
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    words = first.cut("珠海高新区召开大会")
    assert "".join(words) == "珠海高新区召开大会" and words[:2] == ["珠海", "高新区"]

    def no_rebuild(*_args: object) -> None:
        raise AssertionError("the cache should have been reused")

    monkeypatch.setattr(nlp, "_build_tables", no_rebuild)
    nlp.reset()
    second = nlp.load()
    assert second is not first
    assert cache_files(fresh["cache"]) == files
    assert files[0].stat().st_mtime_ns == stamp
    assert second.cut("珠海高新区召开大会") == first.cut("珠海高新区召开大会")


def test_cache_rebuilt_when_user_dictionary_changes(prebuilt: dict[str, Path]) -> None:
    fresh = prebuilt
    nlp.load()
    before = cache_files(fresh["cache"])
    user = fresh["config"] / "entities.txt"
    user.write_text("# my words\n云栖数智港\torg\n", encoding="utf-8")
    nlp.reset()
    loaded = nlp.load()
    after = cache_files(fresh["cache"])
    assert len(after) == 1 and after != before, "a new cache replaces the stale one"
    assert "云栖数智港" in loaded.cut("入驻云栖数智港的企业")
    assert loaded.gazetteer.names["云栖数智港"] == "org"


def test_corrupt_cache_is_rebuilt(prebuilt: dict[str, Path]) -> None:
    (path,) = cache_files(prebuilt["cache"])
    path.write_bytes(b"not a cache")
    nlp.reset()
    assert nlp.load().cut("科技创新") == ["科技", "创新"]
    assert path.read_bytes() != b"not a cache"


def test_load_is_shared_between_threads(prebuilt: dict[str, Path]) -> None:
    got: list[nlp.Nlp] = []
    threads = [threading.Thread(target=lambda: got.append(nlp.load())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 4 and all(g is got[0] for g in got)


def test_warm_unpacks_every_shard(prebuilt: dict[str, Path]) -> None:
    loaded = nlp.load()
    assert loaded.shards
    loaded.warm()
    assert not loaded.shards
    assert loaded.freq["高新区"] > 0


def test_import_loads_nothing_and_load_is_silent(tmp_path: Path) -> None:
    """Importing the entity finder must not import jieba; a cold load prints nothing."""
    env = dict(os.environ)
    env.update(
        HITECH_READER_CACHE_DIR=str(tmp_path / "cache"),
        HITECH_READER_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
    )
    code = (
        "import sys\n"
        "import reader.annotate.entities\n"
        "assert 'jieba' not in sys.modules, 'jieba imported at import time'\n"
        "from reader.annotate.entities import find_entities\n"
        "print(len(find_entities('科技部部长王志刚说')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stderr == ""
    assert int(out.stdout) >= 1


# Sentences written for this test: hanzi with Latin, digits, full-width forms, several kinds of
# whitespace, and runs of characters no dictionary word covers (where jieba's HMM decides).
_SEGMENT_TEXTS = [
    "珠海高新区2023年实现营收1200亿元，同比增长12.5%。",
    "中晟泰科与AI公司C++团队在#3号楼签约, 投资 3.5 亿元\r\n下一段\t制表\u3000全角空格",
    "ＡＢＣ１２３全角字母与数字，α射线、β值…… a-b_c&d e.f 100%",
    "鄢翀翯与蔺龢喆昨天来到琮瑢璟珵镇，见到了谌燚和訾淼。",
    "蔺龢喆鄢翀翯谌燚訾淼琮瑢",
    "",
    "，。！",
]


def test_segmenter_matches_jieba() -> None:
    """Our segmenter cuts exactly as jieba's Tokenizer.cut(HMM=True) with the same dictionary."""
    import jieba

    loaded = nlp.load()
    text = "\n".join([*_SEGMENT_TEXTS, (ROOT / "articles" / "hitech-zones-p1.txt").read_text()])
    loaded.ensure(text)
    reference = jieba.Tokenizer()
    reference.FREQ, reference.total = loaded.freq, loaded.tokenizer.total
    reference.initialized = True
    for sample in [*_SEGMENT_TEXTS, text]:
        assert loaded.cut(sample) == list(reference.cut(sample, HMM=True)), sample[:20]


def test_counts_read_back_exactly_from_the_log_table() -> None:
    """nlp.freq is computed from the segmenter's log table and must give jieba's counts."""
    loaded = nlp.load()
    dict_txt = nlp._jieba_dict_path()
    with dict_txt.open(encoding="utf-8") as f:
        rows = [line.split()[:2] for line in islice(f, 3000)]
    loaded.ensure("".join(word for word, _ in rows))
    assert all(loaded.freq.get(word) == int(count) for word, count in rows)
    assert loaded.freq["高新区"] > 0
    assert loaded.freq.get("高新", -1) >= 0  # a prefix or a word, never missing
    assert loaded.freq.get("高新区珠海", 7) == 7 and "高新区珠海" not in loaded.freq
