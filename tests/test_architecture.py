"""The core never imports textual: only reader/ui and reader/commands/app.py may.

Two checks: an AST scan that names the offending file and line, and a real import of every
core module in a fresh interpreter (which also catches an indirect import through a
third-party package).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reader"
SHELL = {PACKAGE / "commands" / "app.py"}


def core_files() -> list[Path]:
    """Every module of the package outside the Textual shell."""
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if (PACKAGE / "ui") not in path.parents and path not in SHELL
    )


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def textual_imports(path: Path) -> list[int]:
    """Line numbers of ``import textual...`` / ``from textual... import`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(name == "textual" or name.startswith("textual.") for name in names):
            lines.append(node.lineno)
    return lines


def test_the_scan_sees_the_shell() -> None:
    # Guard against a scan that finds nothing because it looks in the wrong place.
    assert len(core_files()) > 5
    assert textual_imports(PACKAGE / "ui" / "app.py")


def test_no_core_file_imports_textual() -> None:
    offenders = {
        str(path.relative_to(ROOT)): lines
        for path in core_files()
        if (lines := textual_imports(path))
    }
    assert offenders == {}


def test_importing_the_core_does_not_load_textual() -> None:
    modules = [module_name(path) for path in core_files()]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print(name); sys.exit(1)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"importing {done.stdout.strip()} loads textual: {done.stderr}"
