"""The library database: its schema, how to open it, and how to tell it is unusable.

The library is derived data: every row can be rebuilt from the user's files. So rather
than migrating, a database with another schema version, another text folding, or damage
is moved aside and rebuilt (see :mod:`reader.library.sqlite`). The checks here are cheap
(header bytes, ``PRAGMA user_version``, one meta row) so opening a large library stays fast.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from reader.search.fts import BIGRAM_TOKENIZER
from reader.search.match import fold_text
from reader.state import db
from reader.text.traditional import table_digest

#: Bump whenever the tables, the codec or the tokens fed to the indexes change.
SCHEMA_VERSION = 3

#: Folding this string shows which folding rules built the index (see :func:`fold_signature`).
_FOLD_PROBE = "⼤⺠１Ａ％．\u3000a\u200bb 千 亿元 x  y 高新區億⾨"

#: How long a writer waits for another process's transaction before giving up.

DDL = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    articles INTEGER NOT NULL,
    imported_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS articles(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    file_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    headline TEXT NOT NULL,
    date TEXT,
    sortkey TEXT NOT NULL,
    source_path TEXT NOT NULL,
    article TEXT NOT NULL,
    annotations TEXT NOT NULL,
    -- What the article says (reader.model.codec.content_key): a copy is one article.
    content TEXT NOT NULL UNIQUE
);
-- Every file an article was read from (its copies), the first-imported first. The
-- article's own file_id, source_path and position are those of one of them; it is deleted
-- when its last copy goes.
CREATE TABLE IF NOT EXISTS copies(
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    file_id INTEGER NOT NULL,
    path TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS copies_article ON copies(article);
CREATE INDEX IF NOT EXISTS copies_file ON copies(file_id);
-- Folded texts, apart from the JSON so that ranking reads only these pages.
CREATE TABLE IF NOT EXISTS texts(
    rowid INTEGER PRIMARY KEY,
    ftitle TEXT NOT NULL,
    fbyline TEXT NOT NULL,
    fsource TEXT NOT NULL,
    fall TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_order ON articles(sortkey DESC, source_path, position);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file_id);
-- kind: is given to this index, not checked article by article.
CREATE INDEX IF NOT EXISTS articles_kind ON articles(kind);
-- Every file or folder the user imported: with the state's own list, a rebuild of either
-- file knows what to import again.
CREATE TABLE IF NOT EXISTS sources(path TEXT PRIMARY KEY, added REAL NOT NULL);
CREATE TABLE IF NOT EXISTS figures(
    article INTEGER NOT NULL,
    block INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL,
    value_max REAL,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    is_key INTEGER NOT NULL
);
-- The figures view filters and sorts in SQL a page at a time: by value through these
-- (kind, unit or neither), by date through articles_order and then (article, block, start).
CREATE INDEX IF NOT EXISTS figures_kind_value ON figures(kind, value);
CREATE INDEX IF NOT EXISTS figures_unit_value ON figures(unit, value);
CREATE INDEX IF NOT EXISTS figures_value ON figures(value);
CREATE INDEX IF NOT EXISTS figures_article ON figures(article, block, start);
-- One row per form of a name in an article: ``name`` is the full name a short form stands
-- for (else the text itself), what the names index groups by; ``role`` is 'author' for the
-- article's reporters (from its byline) and NULL otherwise (reader.library.rows.name_entries).
CREATE TABLE IF NOT EXISTS entities(
    article INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    n INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_text ON entities(text, type);
-- The names index groups by (name, type, role) counting articles: walked in this order, no
-- sort; short forms (text != name, a few) have an index of their own.
CREATE INDEX IF NOT EXISTS entities_name ON entities(name, type, role, article);
CREATE INDEX IF NOT EXISTS entities_alias ON entities(name, type, role, text) WHERE text != name;
CREATE INDEX IF NOT EXISTS entities_type ON entities(type, name);
CREATE INDEX IF NOT EXISTS entities_article ON entities(article);
CREATE VIRTUAL TABLE IF NOT EXISTS fts_tri USING fts5(
    text, tokenize='trigram', content='', columnsize=0);
CREATE VIRTUAL TABLE IF NOT EXISTS fts_bi USING fts5(
    text, tokenize="{BIGRAM_TOKENIZER}", content='', columnsize=0, prefix='1');
-- title:, byline: and source: are given to this index (one column each, bigram tokens).
CREATE VIRTUAL TABLE IF NOT EXISTS fts_meta USING fts5(
    title, byline, source, tokenize="{BIGRAM_TOKENIZER}", content='', columnsize=0,
    prefix='1');
"""


def fold_signature() -> str:
    """The folded probe string and the traditional table's digest: changes when the folding
    rules do, or any of the table's few thousand mappings (which no probe string could show)."""
    return f"{fold_text(_FOLD_PROBE)} t2s:{table_digest()}"


def connect(path: Path) -> sqlite3.Connection:
    """A connection in WAL mode that waits for other writers instead of failing."""
    # The app opens the library in one thread and queries it from worker threads (one at a
    # time); sqlite3's same-thread check would refuse that.
    conn = db.connect(path, shared=True)
    conn.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL: a crash can lose the last transactions, never corrupt the file;
    # the library can always be re-imported.
    conn.execute("PRAGMA synchronous=NORMAL")
    # FTS5 merges read back recent segments: a page cache larger than the 2 MB default
    # made writing into a 10,000-article library about 10% faster.
    conn.execute("PRAGMA cache_size=-32768")
    return conn


def create(conn: sqlite3.Connection) -> None:
    """Create the tables in an empty database and stamp its version.

    Does nothing (and takes no write lock) when the schema is already there, so opening
    the library while another process imports does not wait for it.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in DDL.split(";\n"):
            if statement.strip():
                conn.execute(statement)
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('fold', ?)", (fold_signature(),)
        )
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already done so.

    After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite rolls the transaction back itself;
    a second ROLLBACK would then raise "no transaction is active" and hide the real error.
    """
    if conn.in_transaction:
        conn.execute("ROLLBACK")


#: SQLite result codes that describe the disk or the permissions, not the database's contents.
_ENVIRONMENT_CODES = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_FULL", "SQLITE_IOERR",
                      "SQLITE_PERM", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOMEM")
#: The same, by the words of their messages (errors raised without a code carry only these).
_ENVIRONMENT_WORDS = ("readonly", "read-only", "unable to open", "disk is full", "disk i/o",
                      "is locked", "out of memory", "authorization denied")


def environment_error(exc: sqlite3.Error) -> str | None:
    """What ``exc`` says about the disk or permissions (full, read-only, locked), or None.

    Such an error says nothing about the file's contents: it must stop the write and be
    reported, never be taken for damage that justifies deleting or rebuilding anything.
    """
    name = getattr(exc, "sqlite_errorname", None) or ""
    message = str(exc)
    if name.startswith(_ENVIRONMENT_CODES) or any(w in message.lower() for w in _ENVIRONMENT_WORDS):
        return message or name
    return None


def header_problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be a whole SQLite database, from its header alone.

    Catches garbage and truncation without reading the whole file (``PRAGMA
    quick_check`` reads every page, seconds for a large library).
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc.__class__.__name__})"
    if size == 0:
        return None  # SQLite treats an empty file as a new database
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not a SQLite database"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages, valid_for = struct.unpack(">I", header[28:32])[0], header[92:96]
    # The page count is trusted only when the header says it is current (offset 92).
    if valid_for == header[24:28] and size < pages * page_size:
        return f"truncated ({size} of {pages * page_size} bytes)"
    return None


def problem(path: Path) -> str | None:
    """Why the library database at ``path`` must be rebuilt, or None if it is usable."""
    if not path.exists():
        return "missing"
    bad = header_problem(path)
    if bad:
        return bad
    try:
        conn = db.connect(path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                return None if tables == 0 else "no schema version"
            if version > SCHEMA_VERSION:
                return (f"is from a newer hitech-reader (schema version {version}; this one"
                        f" reads {SCHEMA_VERSION})")
            if version != SCHEMA_VERSION:
                return f"schema version {version}, this program needs {SCHEMA_VERSION}"
            row = conn.execute("SELECT value FROM meta WHERE key='fold'").fetchone()
            if row is None or row[0] != fold_signature():
                return "built with other text-folding rules"
            conn.execute("SELECT count(*) FROM files").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if environment_error(exc):
            raise  # a read-only or full disk is not damage: rebuilding would not help
        return f"unreadable ({exc})"
    return None
