"""A story that jumps from one page PDF to another is one article in the library too.

The two page files of an issue, imported together (a folder), give one article for the
continued story, stored with the file of its first part; importing again changes nothing;
touching the second page reads both again and still gives one; a page imported alone keeps
its marker, so the reader sees where the story goes on.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.library import Library
from tests.helpers.library import quick_annotator
from tests.helpers.pdfgen import make_pdf


def _lead_parts(lib: Library, title: str) -> list[str]:
    rows = lib.conn.execute("SELECT article FROM articles").fetchall()
    from reader.model.codec import article_from_json

    return [a.source.path for a in map(article_from_json, (r[0] for r in rows))
            if a.title == title]


def test_page_files_imported_together_give_one_continued_article(tmp_path: Path) -> None:
    src = tmp_path / "issue"
    src.mkdir()
    first, _second = make_pdf(src / "paper.pdf", 11, pages=2, per_page=True)
    lead = next(s for s in first.stories if s.jump_to)
    lib = Library(tmp_path / "data", annotator=quick_annotator, workers=2)
    result = lib.import_paths([src])
    assert result.errors == [] and result.files_imported == 2
    owners = _lead_parts(lib, lead.title)
    assert owners == [str((src / "paper-1.pdf").resolve())]
    hit = next(h for h in lib.search(lead.title) if h.title == lead.title)
    article = lib.get(hit.article_id)
    assert article is not None and "下转" not in article.body_text
    assert "上接" not in article.body_text

    again = lib.import_paths([src])
    assert again.files_unchanged == 2 and again.files_imported == 0
    assert _lead_parts(lib, lead.title) == owners

    page2 = src / "paper-2.pdf"
    os.utime(page2, ns=(page2.stat().st_atime_ns, page2.stat().st_mtime_ns + 10**9))
    touched = lib.import_paths([src])
    assert touched.errors == [] and touched.files_unchanged == 0
    assert _lead_parts(lib, lead.title) == owners
    lib.close()


def test_a_page_imported_alone_keeps_its_marker(tmp_path: Path) -> None:
    first, _second = make_pdf(tmp_path / "paper.pdf", 11, pages=2, per_page=True)
    lead = next(s for s in first.stories if s.jump_to)
    lib = Library(tmp_path / "data", annotator=quick_annotator, workers=1)
    lib.import_paths([tmp_path / "paper-1.pdf"])
    hit = next(h for h in lib.search(lead.title) if h.title == lead.title)
    article = lib.get(hit.article_id)
    assert article is not None and article.paragraphs[-1].endswith("（下转第2版）")
    lib.close()


def test_a_watched_folder_keeps_the_join_when_a_page_changes(tmp_path: Path) -> None:
    """The folder watcher reads a changed page PDF with its partners, not alone."""
    from reader.library.factory import open_files
    from reader.state.user import State

    first, _second = make_pdf(tmp_path / "paper.pdf", 11, pages=2, per_page=True)
    lead = next(s for s in first.stories if s.jump_to)
    source = open_files([tmp_path], state=State.load())

    def parts() -> list[str]:
        return [a.body_text for a in source.articles if a.title == lead.title]

    assert len(parts()) == 1 and "下转" not in parts()[0]
    source.refresh()  # the watcher's first look
    page2 = tmp_path / "paper-2.pdf"
    os.utime(page2, ns=(page2.stat().st_atime_ns, page2.stat().st_mtime_ns + 10**9))
    changes = source.refresh()
    assert changes is not None
    assert len(parts()) == 1 and "下转" not in parts()[0]
