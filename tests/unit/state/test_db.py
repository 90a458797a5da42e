"""Every SQLite connection is opened in one place (reader/state/db.py)."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

import pytest

from reader.state import db

PACKAGE = Path(__file__).resolve().parents[3] / "reader"


def test_only_db_py_calls_sqlite3_connect() -> None:
    callers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "connect"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "sqlite3"):
                callers.append(path.relative_to(PACKAGE).as_posix())
    assert callers and set(callers) == {"state/db.py"}


def test_a_read_only_connection_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    writer = db.connect(path)
    writer.execute("CREATE TABLE t(x)")
    writer.commit()
    writer.close()
    before = path.read_bytes()
    reader = db.connect(path, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("INSERT INTO t VALUES (1)")
    reader.close()
    assert path.read_bytes() == before


def test_a_shared_connection_is_autocommit_and_crosses_threads(tmp_path: Path) -> None:
    import threading

    conn = db.connect(tmp_path / "y.sqlite3", shared=True)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    assert not conn.in_transaction
    seen: list[int] = []
    worker = threading.Thread(
        target=lambda: seen.append(conn.execute("SELECT x FROM t").fetchone()[0])
    )
    worker.start()
    worker.join()
    assert seen == [1]


def test_a_setup_that_finds_the_file_locked_is_tried_again() -> None:
    # Two copies starting at once on a new file: SQLite may answer "locked" at once while
    # the other switches it to WAL; the start is tried again rather than failing.
    calls: list[int] = []

    def setup() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "open"

    assert db.when_unlocked(setup) == "open" and len(calls) == 3


def test_other_errors_are_not_retried() -> None:
    calls: list[int] = []

    def setup() -> str:
        calls.append(1)
        raise sqlite3.OperationalError("unable to open database file")

    with pytest.raises(sqlite3.OperationalError):
        db.when_unlocked(setup)
    assert len(calls) == 1
