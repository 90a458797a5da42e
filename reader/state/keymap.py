"""The user's keymap file: rebinding keys by the stable id of each binding.

``keymap.toml`` in the config directory maps binding ids (listed on the help screen, e.g.
``reader.find``) to keys, in Textual's key syntax::

    "reader.find" = "ctrl+g"
    "reader.next-article" = "J,ctrl+n"

This module only reads the file; the app checks ids and key names against its bindings.
Every problem becomes a one-line message; a bad file never stops the app.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from reader.paths import config_dir

KEYMAP_FILE = "keymap.toml"


def keymap_path() -> Path:
    """Where the keymap file lives."""
    return config_dir() / KEYMAP_FILE


def read_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The ``id → keys`` pairs of the keymap file and a message per problem.

    A missing file is no problem (and no keymap). A ``[keymap]`` table is accepted as
    well as top-level pairs.
    """
    path = path or keymap_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, []
    except OSError as exc:
        return {}, [f"{path}: cannot be read ({exc.strerror or exc.__class__.__name__})"]
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return {}, [f"{path}: not UTF-8 text"]
    except tomllib.TOMLDecodeError as exc:
        return {}, [f"{path}: not valid TOML ({exc})"]
    table = data.get("keymap", data) if isinstance(data.get("keymap"), dict) else data
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in table.items():
        if not isinstance(keys, str) or not keys.strip():
            problems.append(f'{path}: {binding_id!r} needs keys as a string, like "ctrl+g"')
            continue
        keymap[binding_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return keymap, problems
