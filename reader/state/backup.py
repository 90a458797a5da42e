"""Rotating backups of the reading state, and restoring the newest good one.

``state.sqlite3`` holds what only the user made: read marks, bookmarks, positions, and (in
library mode) the list of imported files. A damaged disk block or a half-copied sync folder
must cost at most a day of it. So at start-up, when the newest backup is older than
:data:`MAX_AGE`, a copy is taken with SQLite's online backup API (consistent even while
another copy of the app writes), into ``state-backups/`` beside the file, keeping the newest
:data:`KEEP`. When the state file turns out damaged, the newest backup that passes SQLite's
own check is copied back, with a notice saying from when; a damaged backup is skipped.

Standard library only, like :mod:`reader.state.user`: this runs before the first frame.
"""

from __future__ import annotations

import calendar
import contextlib
import os
import sqlite3
import time
from pathlib import Path

from reader.state import db

#: Backups kept (the oldest beyond this are deleted).
KEEP = 5
#: A new backup is taken at start-up when the newest is older than this (seconds).
MAX_AGE = 24 * 3600
FOLDER = "state-backups"
_PREFIX = "state-"
_SUFFIX = ".sqlite3"


def folder_for(state_path: Path) -> Path:
    """The backup folder of the state file at ``state_path``."""
    return state_path.parent / FOLDER


def backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first (by the time in their name)."""
    try:
        found = [p for p in folder.iterdir()
                 if p.name.startswith(_PREFIX) and p.name.endswith(_SUFFIX)]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name, reverse=True)


def _stamp(now: float) -> str:
    # Microseconds keep two backups taken in one second apart; the name sorts by time.
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime(now)) + f"{int(now * 1e6) % 1_000_000:06d}"


def taken_at(backup: Path) -> float | None:
    """When ``backup`` was taken (from its name), or None for a name that is not ours."""
    stamp = backup.name[len(_PREFIX):-len(_SUFFIX)]
    try:
        return float(calendar.timegm(time.strptime(stamp[:15], "%Y%m%dT%H%M%S")))
    except ValueError:
        return None


def take(conn: sqlite3.Connection, folder: Path, *, now: float | None = None,
         force: bool = False, keep: int = KEEP) -> Path | None:
    """Back up the database of ``conn`` into ``folder`` if the newest backup is older than
    :data:`MAX_AGE` (or ``force``), then delete all but the newest ``keep``.

    Returns the new backup, or None when none was needed or it could not be written (a
    backup is a safety net: failing to take one never stops the reader).
    """
    now = time.time() if now is None else now
    existing = backups(folder)
    newest = taken_at(existing[0]) if existing else None
    if not force and newest is not None and now - newest < MAX_AGE:
        return None
    target = folder / f"{_PREFIX}{_stamp(now)}{_SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy = db.connect(partial)
        try:
            conn.backup(copy)
            # A rollback journal: the copy is one self-contained file, readable read-only.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            partial.unlink()
        return None
    for old in backups(folder)[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target


def problem(path: Path, table: str = "read") -> str | None:
    """Why the database at ``path`` is not a usable state file, or None."""
    try:
        conn = db.connect(path, read_only=True)
        try:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                return verdict
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        return str(exc) or exc.__class__.__name__
    return None


def restore_newest(state_path: Path, notices: list[str]) -> bool:
    """Copy the newest good backup to ``state_path`` (which must not exist); True if done.

    Damaged backups are skipped, each with a line in ``notices``.
    """
    for backup in backups(folder_for(state_path)):
        bad = problem(backup)
        if bad is not None:
            notices.append(f"state backup {backup.name} is damaged too ({bad}); skipped")
            continue
        try:
            source = db.connect(backup, read_only=True)
            target = db.connect(state_path)
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        except (OSError, sqlite3.Error) as exc:
            notices.append(f"could not restore state backup {backup.name}: {exc}")
            with contextlib.suppress(OSError):
                state_path.unlink()
            continue
        when = taken_at(backup)
        day = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(when)) if when else backup.name
        notices.append(f"restored the reading state from its backup of {day};"
                       " marks made since then are lost")
        return True
    return False


def set_aside(state_path: Path, why: str, notices: list[str]) -> bool:
    """Move a damaged state file aside (kept for the user, never deleted) and copy the newest
    good backup in its place; a line in ``notices`` says which. True if one was restored."""
    aside = state_path.with_name(f"{state_path.name}.damaged-{int(time.time())}")
    state_path.replace(aside)
    for suffix in ("-wal", "-shm"):
        state_path.with_name(state_path.name + suffix).unlink(missing_ok=True)
    found: list[str] = []
    restored = restore_newest(state_path, found)
    then = "restored from a backup" if restored else "starting anew"
    notices.append(f"reading state was damaged ({why}); kept as {aside.name}, {then}")
    notices.extend(found)
    return restored
