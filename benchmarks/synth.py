"""Synthetic libraries for benchmarks: many articles that read like the bundled page.

Sentences of the bundled page are shuffled into new articles, every number is redrawn
(same number of digits) and zone names and people's names are drawn from generated pools,
so the library has both very common terms (高新区, 产业) and rare ones (a made-up name), as a
real archive does. Files are Markdown with front matter (the loader's own format), several
articles per file, named by date so the articles get dates. Output goes to a directory the
caller chooses (a temporary one): nothing here is meant to be committed.

Run ``python benchmarks/synth.py DEST --articles 10000`` to write one by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

_SENTENCE = re.compile(r"[^。！？]+[。！？]”?")
_DIGITS = re.compile(r"\d+")
# Generic building blocks for names; nothing here comes from the sample page's stories.
_ZONE_FIRST = "东西南北中新长海江河山湖云天金宁安平华兴德"
_ZONE_SECOND = "州阳川宁海山城江林原泉沙远口门都港"
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏"


@dataclass(frozen=True, slots=True)
class SynthInfo:
    """What :func:`make_library` wrote."""

    files: int
    articles: int
    nbytes: int
    chars: int


def _source_sentences() -> list[str]:
    from reader.ingest.loader import bundled_articles_dir, load_paths

    sentences: list[str] = []
    for article in load_paths([bundled_articles_dir()]).articles:
        for block in article.blocks:
            sentences.extend(s.strip() for s in _SENTENCE.findall(block.text) if len(s) > 6)
    if not sentences:
        raise RuntimeError("no sentences in the bundled articles")
    return sentences


def _redraw_numbers(text: str, rng: random.Random) -> str:
    def repl(match: re.Match[str]) -> str:
        width = len(match.group())
        low = 10 ** (width - 1) if width > 1 else 0
        return str(rng.randint(low, 10**width - 1))

    return _DIGITS.sub(repl, text)


def _zone(rng: random.Random) -> str:
    return rng.choice(_ZONE_FIRST) + rng.choice(_ZONE_SECOND)


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def _article(sentences: list[str], rng: random.Random) -> dict[str, object]:
    zone = _zone(rng)
    picked = [_redraw_numbers(s, rng) for s in rng.sample(sentences, rng.randint(8, 18))]
    # Give the article its own zone and a quoted person, as real reports have.
    picked = [re.sub(r"[\u4e00-\u9fff]{2}(?=高新区)", zone, s) for s in picked]
    picked.insert(rng.randrange(len(picked)), f"{_person(rng)}表示，{zone}高新区将继续努力。")
    paragraphs: list[str] = []
    while picked:
        take = rng.randint(2, 5)
        paragraphs.append("".join(picked[:take]))
        picked = picked[take:]
    lead = re.split(r"[，。：；]", paragraphs[0])[0][:18]
    return {
        "title": f"{zone}高新区{lead}",
        "byline": [_person(rng), _person(rng)],
        "paragraphs": paragraphs,
    }


def _markdown(article: dict[str, object]) -> str:
    lines = ["---"]
    for key in ("title", "byline"):
        lines.append(f"{key}: {json.dumps(article[key], ensure_ascii=False)}")
    lines += ["---", ""]
    for paragraph in article["paragraphs"]:  # type: ignore[attr-defined]
        lines += [paragraph, ""]
    return "\n".join(lines)


def make_library(dest: Path, articles: int, seed: int = 1, per_file: int = 12) -> SynthInfo:
    """Write about ``articles`` articles into ``dest``, ``per_file`` to a dated file."""
    import datetime as dt

    rng = random.Random(seed)
    sentences = _source_sentences()
    dest.mkdir(parents=True, exist_ok=True)
    start = dt.date(2020, 1, 1)
    files = written = nbytes = chars = 0
    while written < articles:
        count = min(per_file, articles - written)
        day = start + dt.timedelta(days=files // 4)
        texts = [_markdown(_article(sentences, rng)) for _ in range(count)]
        body = "\n".join(texts)
        path = dest / f"{day.isoformat()}-p{files % 4 + 1}.md"
        data = body.encode("utf-8")
        path.write_bytes(data)
        files += 1
        written += count
        nbytes += len(data)
        chars += len(body)
    return SynthInfo(files, written, nbytes, chars)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    info = make_library(args.dest, args.articles, args.seed)
    print(f"{info.articles} articles in {info.files} files, {info.nbytes / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
