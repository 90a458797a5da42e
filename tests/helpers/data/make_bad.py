"""The corpus of hostile and broken input: small files in ``tests/helpers/data/bad/``, large ones on demand.

The small files are committed so a reader can open them by hand (``hitech-reader
tests/helpers/data/bad``); ``python -m tests.helpers.data.make_bad`` rewrites them from :data:`SMALL`, and a
test checks that the committed bytes still match. The large cases (a file over the size
limit, a 1 MB line, thousands of short lines, a folder of 10,000 files) are generated into a
temporary folder at test time and never committed.

The text is made up for these tests; it names no real story or person.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
BAD = HERE / "bad"

#: A small page in the shape of a column dump (short lines, blank lines between them), so
#: the page importer, not the web-copy importer, reads the files made from it.
PAGE = (
    "科技园区发展提速\n\n"
    "本报讯 新区今年新引进\n\n"
    "项目 120 个，总投资约\n\n"
    "1000 亿元，同比增长\n\n"
    "15.5%，新建厂房 24\n\n"
    "万平方米，产业链进一\n\n"
    "步完善。\n"
)

#: Lines a PDF extractor or a hostile file can carry: Rich markup, terminal escapes, other
#: controls, zero-width and bidi characters, emoji and astral hanzi, Kangxi radicals and
#: full-width digits. Each line is a paragraph of :data:`HOSTILE_PAGE`.
HOSTILE_LINES = (
    "标记[bold]粗体[/bold]和[/x]未闭合",
    "链接[link=file:///etc/passwd]点我[/link]结束",
    "转义\x1b[31m红色\x1b[0m与\x1b]8;;http://example.com\x07超链接\x1b]8;;\x07",
    "响铃\x07空字符\x00退格\x08删除\x7f控制\x9b结束",
    "零宽\u200b连接\u200d方向\u202e反转\u202c隔离\u2066段落\u2069",
    "表情😀👍🏽和𠀀𪚥𰻞字",
    "康熙⼤学项目投资１０００亿元",
)
#: The hostile lines between ordinary ones, then more ordinary text, as in a real page (which
#: runs to several KB: a few stray controls in it must not make it look binary).
HOSTILE_PAGE = (
    "\n\n".join(
        line for pair in zip(PAGE.split("\n\n"), HOSTILE_LINES, strict=True) for line in pair
    )
    + "\n\n"
    + PAGE * 6
)

_TRADITIONAL = "臺灣科技園區發展迅速，產業聚集效應顯著，廠商數量持續增長，營業額創新高。\n"
_JAPANESE = "日本の技術開発は進んでいます。ソフトウェア産業も成長しています。\n"
_FRENCH = "Le café du quartier, déjà célèbre, a été rénové à grands frais.\n"


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # A ZipInfo keeps its default 1980-01-01 timestamp, so the bytes never change.
        archive.writestr(zipfile.ZipInfo("page.txt"), PAGE)
    return buffer.getvalue()


#: File name → bytes of every committed corpus file.
SMALL: dict[str, bytes] = {
    "gbk.txt": PAGE.encode("gbk"),
    "gb18030-astral.txt": PAGE.replace("步完善", "步完善𠀀").encode("gb18030"),
    "utf16-le-bom.txt": PAGE.encode("utf-16"),  # Python writes the BOM, little-endian
    "utf16-be-bom.txt": b"\xfe\xff" + PAGE.encode("utf-16-be"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + PAGE.encode("utf-8"),
    "big5.txt": (_TRADITIONAL * 3).encode("big5"),
    "shift-jis.txt": (_JAPANESE * 3).encode("shift_jis"),
    "latin-1.txt": (_FRENCH * 3).encode("latin-1"),
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "document.txt": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "archive.txt": _zip_bytes(),
    "empty.txt": b"",
    "whitespace.txt": " \n\t\n\r\n\u3000\n\n".encode(),
    "hostile.txt": HOSTILE_PAGE.encode("utf-8"),
    "名字 有空格.txt": PAGE.replace("科技园区", "名字园区").encode("utf-8"),
}

#: The corpus files that must open, and those that must each be refused in one line.
GOOD = (
    "gbk.txt",
    "gb18030-astral.txt",
    "utf16-le-bom.txt",
    "utf16-be-bom.txt",
    "utf8-bom.txt",
    "hostile.txt",
    "名字 有空格.txt",
)
REFUSED = {
    "big5.txt": "unsupported encoding",
    "shift-jis.txt": "unsupported encoding",
    "latin-1.txt": "unsupported encoding",
    "image.txt": "PNG",
    "document.txt": "PDF",
    "archive.txt": "zip",
    "empty.txt": "empty",
    "whitespace.txt": "whitespace",
}


def write_small(folder: Path = BAD) -> None:
    """Write every file of :data:`SMALL` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in SMALL.items():
        (folder / name).write_bytes(data)


# --- large cases, generated at test time ------------------------------------------------------


def oversized_file(path: Path, size: int) -> Path:
    """A sparse file of ``size`` bytes: over the limit without writing (or holding) them."""
    with path.open("wb") as handle:
        handle.write(PAGE.encode("utf-8"))
        handle.truncate(size)
    return path


def text_of_size(size: int) -> str:
    """A page-shaped text of about ``size`` characters (for memory and speed benchmarks)."""
    block = PAGE + "\n"
    return block * (size // len(block) + 1)


def long_line(chars: int = 1_000_000) -> str:
    """One line of ``chars`` characters of Chinese with figures and punctuation, no newline."""
    unit = "高新区产业发展迅速，总投资1000亿元，同比增长15.5%；新建厂房24万平方米。"
    return (unit * (chars // len(unit) + 1))[:chars]


def headline_lines(count: int, seed: int = 1) -> str:
    """``count`` short headline-like lines, blank-separated, each followed by a body line.

    Short lines that end without punctuation are what the importer tries as headings, so
    this is the input on which a quadratic heading search would show.
    """
    rng = random.Random(seed)
    words = ["高新区", "产业园", "科技", "创新", "发展", "企业", "项目", "投资", "建设", "加速"]
    lines = []
    for index in range(count):
        lines.append("".join(rng.sample(words, rng.randint(2, 4))))
        if index % 3 == 2:
            lines.append(f"今年新增项目{index}个，投资{index % 97}亿元。")
    return "\n\n".join(lines) + "\n"


def captioned_items(count: int) -> str:
    """``count`` short news items, each a headline, a wide photo caption with its source
    credit and three column lines: the shape on which caption placement could go quadratic."""
    column = ["新区今年新引进项目一批", "总投资约十亿元同比增长", "新建厂房万平方米。"]
    items = []
    for index in range(count):
        caption = f"园区企业正在加紧生产，一派繁忙景象，产能持续提升（{index}）。图片来源：高新区"
        items += ["高新区项目加速建设", caption, *column]
    return "\n\n".join(items) + "\n"


def many_files(folder: Path, count: int) -> Path:
    """``count`` small page files in ``folder`` (one level of subfolders, 100 files each).

    Each page counts its own number of projects: copies of one page would be one article.
    """
    for index in range(count):
        sub = folder / f"d{index // 100:03d}"
        if index % 100 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = PAGE.replace("120 个", f"{index + 1} 个").encode("utf-8")
        (sub / f"p{index:05d}.txt").write_bytes(data)
    return folder


if __name__ == "__main__":
    write_small()
