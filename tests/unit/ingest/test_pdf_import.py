"""Opening PDFs: fixtures read as generated, bad files get one line, continued stories join."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.ingest.loader import ARTICLE_SUFFIXES, LoadError, load_file, load_paths
from reader.ingest.pdf import extract, join_continuations, read_pdf
from reader.model import Article, Block, Source

DATA = Path(__file__).resolve().parents[2] / "helpers" / "data" / "pdf"
PAGES = ["page-a", "page-b", "page-c"]


def _expected(name: str) -> list[dict]:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _by_title(articles: list[Article]) -> dict[str | None, Article]:
    return {a.title: a for a in articles if a.title}


@pytest.mark.parametrize("name", PAGES)
def test_fixture_pages_read_as_they_were_laid_out(name: str) -> None:
    (page,) = _expected(name)
    articles = read_pdf(DATA / f"{name}.pdf")
    found = _by_title(articles)
    for story in page["stories"]:
        if story["photo"]:
            assert any(a.captions == story["captions"] and a.credit == story["credit"]
                       for a in articles)
            continue
        article = found[story["title"]]
        assert article.kicker == story["kicker"]
        assert article.byline == story["byline"]
        assert "".join((article.dateline or "").split()) == \
            "".join((story["dateline"] or "").split())
        assert article.paragraphs == story["paragraphs"]
        assert article.subheads == story["subheads"]
        assert article.date == page["date"]
        assert article.source.first_line == page["number"]


def test_a_two_page_issue_joins_the_continued_story() -> None:
    first, second = _expected("issue")
    articles = read_pdf(DATA / "issue.pdf")
    lead = next(s for s in first["stories"] if s["jump_to"])
    rest = next(s for s in second["stories"] if s["jump_from"])
    joined = [a for a in articles if a.title == lead["title"]]
    assert len(joined) == 1  # the continuation's repeated title is gone
    article = joined[0]
    assert (article.source.first_line, article.source.last_line) == (1, 2)
    body = article.body_text
    assert "下转" not in body and "上接" not in body
    assert article.paragraphs[-len(rest["paragraphs"]):][-1] == rest["paragraphs"][-1]
    assert lead["paragraphs"][0] == article.paragraphs[0]


def test_page_files_of_one_folder_join_and_a_lone_part_keeps_its_marker(tmp_path: Path) -> None:
    from tests.helpers.pdfgen import make_pdf

    first, _second = make_pdf(tmp_path / "issue.pdf", 11, pages=2, per_page=True)
    lead = next(s for s in first.stories if s.jump_to)
    together = load_paths([tmp_path])
    assert not together.errors
    parts = [a for a in together.articles if a.title == lead.title]
    assert len(parts) == 1 and "下转" not in parts[0].body_text
    alone = load_paths([tmp_path / "issue-1.pdf"]).articles
    part = next(a for a in alone if a.title == lead.title)
    assert part.paragraphs[-1].endswith("（下转第2版）")  # the reader sees where it goes on


def _article(title: str, page: int, text: str, date: str = "2025-03-16") -> Article:
    return Article(id=f"x#{page}", source=Source("x.pdf", page, page), title=title,
                   blocks=[Block("paragraph", text)], date=date)


def test_join_mends_a_sentence_cut_at_the_jump() -> None:
    first = _article("园区项目开工", 1, "项目总投资35亿元，建成后可（下转第4版）")
    rest = _article("园区项目开工", 4, "（上接第1版）实现年产值60亿元。")
    (joined,) = join_continuations([first, rest])
    assert joined.paragraphs == ["项目总投资35亿元，建成后可实现年产值60亿元。"]
    assert (joined.source.first_line, joined.source.last_line) == (1, 4)


def test_join_needs_the_pages_to_point_at_each_other() -> None:
    first = _article("园区项目开工", 1, "项目开工。（下转第4版）")
    wrong_page = _article("园区项目开工", 5, "（上接第1版）后续。")
    other_issue = _article("园区项目开工", 4, "（上接第1版）后续。", date="2025-03-17")
    assert len(join_continuations([first, wrong_page, other_issue])) == 3


def test_join_picks_the_continuation_with_the_same_title() -> None:
    first = _article("园区项目开工", 1, "项目开工。（下转第4版）")
    decoy = _article("企业营收增长", 4, "（上接第1版）别的故事。")
    rest = _article("园区项目开工", 4, "（上接第1版）后续。")
    joined = join_continuations([first, decoy, rest])
    assert [a.title for a in joined] == ["园区项目开工", "企业营收增长"]
    assert joined[0].paragraphs == ["项目开工。", "后续。"]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("encrypted.pdf", "encrypted PDF: it needs a password to open"),
        ("scanned.pdf", "a scanned page: it has no text to read; run OCR first"),
        ("damaged.pdf", "damaged PDF: cannot be read"),
    ],
)
def test_bad_pdfs_get_one_line_naming_the_file(name: str, reason: str) -> None:
    with pytest.raises(LoadError) as caught:
        load_file(DATA / name)
    line = str(caught.value)
    assert "\n" not in line
    assert line.startswith(str(DATA / name)) and reason in line


def test_a_file_that_is_not_a_pdf_at_all(tmp_path: Path) -> None:
    fake = tmp_path / "page.pdf"
    fake.write_text("高新区新闻", encoding="utf-8")
    with pytest.raises(LoadError, match="does not start like a PDF"):
        load_file(fake)


def test_a_pdf_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "MAX_BYTES", 1000)
    with pytest.raises(LoadError, match=r"too large to read .* the limit is"):
        load_file(DATA / "page-a.pdf")


def test_bad_pdfs_do_not_cost_the_rest_of_the_folder(tmp_path: Path) -> None:
    for name in ["page-a.pdf", "encrypted.pdf", "scanned.pdf", "damaged.pdf"]:
        shutil.copy(DATA / name, tmp_path / name)
    result = load_paths([tmp_path])
    assert len(result.errors) == 3
    assert {a.source.path for a in result.articles} == {str(tmp_path / "page-a.pdf")}
    assert len(result.articles) == len(read_pdf(DATA / "page-a.pdf"))


def test_pdfs_are_found_in_folders_and_the_files_are_not_touched(tmp_path: Path) -> None:
    assert ".pdf" in ARTICLE_SUFFIXES
    target = tmp_path / "sub" / "page.pdf"
    target.parent.mkdir()
    shutil.copy(DATA / "page-b.pdf", target)
    before = (target.read_bytes(), target.stat().st_mtime_ns)
    assert load_paths([tmp_path]).articles
    assert (target.read_bytes(), target.stat().st_mtime_ns) == before


def test_a_pdf_dropped_into_a_watched_folder_is_seen(tmp_path: Path) -> None:
    from reader.ingest.watch import FolderWatch

    watch = FolderWatch([tmp_path])
    shutil.copy(DATA / "page-a.pdf", tmp_path / "page-a.pdf")
    assert watch.changes().added == [tmp_path / "page-a.pdf"]
