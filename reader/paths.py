"""Where hitech-reader keeps its files: config, data and cache directories.

Every location comes from platformdirs, and each can be moved by an environment variable
so that tests (and users with unusual setups) can point the app at a temporary folder.
Nothing here touches the disk until a function is called, and nothing is created except
by :func:`ensure`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "hitech-reader"

#: Environment variables that override the platform directories.
CONFIG_ENV = "HITECH_READER_CONFIG_DIR"
DATA_ENV = "HITECH_READER_DATA_DIR"
CACHE_ENV = "HITECH_READER_CACHE_DIR"


def _from_env_or(env: str, default: str) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser() if value else Path(default)


def config_dir() -> Path:
    """The user's config directory (keymap, extra entity dictionary, settings)."""
    import platformdirs

    return _from_env_or(CONFIG_ENV, platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The user's data directory (library database, read marks, last position)."""
    import platformdirs

    return _from_env_or(DATA_ENV, platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The cache directory (prepared NLP dictionaries); safe to delete at any time."""
    import platformdirs

    return _from_env_or(CACHE_ENV, platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def ensure(directory: Path) -> Path:
    """Create ``directory`` (and parents) if needed and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    return directory
