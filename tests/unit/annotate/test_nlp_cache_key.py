"""Two installs sharing one cache folder keep a cache each instead of rebuilding each other's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotate import nlp, nlp_cache


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    cache = tmp_path / "cache"
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("HITECH_READER_CACHE_DIR", str(cache))
    monkeypatch.setenv("HITECH_READER_CONFIG_DIR", str(config))
    saved = nlp._nlp
    nlp.reset()
    yield cache
    nlp._nlp = saved


def _as_install(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(nlp_cache, "install_id", lambda _jieba_dict: name)
    nlp.reset()


def test_two_installs_keep_their_caches_side_by_side(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    real_build = nlp._build_tables
    monkeypatch.setattr(nlp, "_build_tables", lambda *a: built.append(1) or real_build(*a))
    for name in ("aaaa0001", "bbbb0002"):
        _as_install(monkeypatch, name)
        nlp.load()
    assert len(built) == 2
    names = sorted(p.name.split("-")[1] for p in shared.glob(f"{nlp.CACHE_PREFIX}*.bin"))
    assert names == ["aaaa0001", "bbbb0002"]
    for name in ("aaaa0001", "bbbb0002", "aaaa0001"):  # switching back and forth: no rebuild
        _as_install(monkeypatch, name)
        assert nlp.load().cut("科技创新") == ["科技", "创新"]
    assert len(built) == 2


def test_a_new_cache_replaces_only_its_own_install_and_keeps_a_few_others(tmp_path: Path) -> None:
    prefix = nlp.CACHE_PREFIX
    for i, name in enumerate(["mine-old", "legacy", *(f"other{n}-k" for n in range(6))]):
        path = tmp_path / f"{prefix}{name}.bin"
        path.write_bytes(b"x")
        os.utime(path, (1000 + i, 1000 + i))
    ours = nlp_cache.install_id(Path("/x/dict.txt"))
    stale = tmp_path / f"{prefix}{ours}-old.bin"
    (tmp_path / f"{prefix}mine-old.bin").rename(stale)
    os.utime(stale, (5000, 5000))  # newer than every other: only being ours removes it
    new = nlp_cache.cache_file(tmp_path, prefix, Path("/x/dict.txt"), "newkey")
    new.write_bytes(b"y")
    nlp_cache.prune(new, prefix)
    left = sorted(p.name for p in tmp_path.glob(f"{prefix}*.bin"))
    mine = new.name
    # This install's old cache and the unkeyed legacy one are gone; the newest others stay.
    assert mine in left and stale.name not in left
    assert f"{prefix}legacy.bin" not in left
    others = [n for n in left if n.startswith(f"{prefix}other")]
    assert others == [f"{prefix}other{n}-k.bin" for n in range(2, 6)]
    assert len(left) == 1 + nlp_cache.OTHER_INSTALLS_KEPT


def test_the_key_changes_with_the_dictionary_and_the_install_with_its_folder(
    tmp_path: Path,
) -> None:
    a = tmp_path / "a" / "dict.txt"
    b = tmp_path / "b" / "dict.txt"
    for path in (a, b):
        path.parent.mkdir()
        path.write_text("科技 10 n\n", encoding="utf-8")
    assert nlp_cache.install_id(a) != nlp_cache.install_id(b)
    before = nlp.cache_key([], a)
    a.write_text("科技 11 n\n", encoding="utf-8")
    assert nlp.cache_key([], a) != before
