"""The shape of the code: a UI-free core, layers that import only downward, small modules.

* Only the Textual shell (``reader/ui/``) and the composition root (``reader/main.py``) may
  import textual: an AST scan names the offending file and line, and a real import of every
  core module in a fresh interpreter catches an indirect import through a third party.
* The import-linter contracts in ``pyproject.toml`` hold: each layer of ``reader/`` imports
  only the layers below it, and no package has an import cycle among its modules.
* No module is longer than :data:`MAX_LINES`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reader"
SHELL = {PACKAGE / "main.py"}
MAX_LINES = 400


def core_files() -> list[Path]:
    """Every module of the package outside the Textual shell (``__main__`` runs the CLI)."""
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if (PACKAGE / "ui") not in path.parents and path not in SHELL
        and path.name != "__main__.py"
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
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False,
        timeout=120,
    )
    assert done.returncode == 0, f"importing {done.stdout.strip()} loads textual: {done.stderr}"


def _lint_imports() -> str:
    scripts = Path(sysconfig.get_path("scripts"))
    found = [p for p in (scripts / "lint-imports", scripts / "lint-imports.exe") if p.exists()]
    if not found:
        pytest.fail("import-linter is not installed: pip install '.[test]'")
    return str(found[0])


def test_layers_and_no_cycles() -> None:
    """The contracts in pyproject.toml: layers import only downward, no cycles in a package."""
    done = subprocess.run(
        [_lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_the_layers_contract_would_catch_an_upward_import(tmp_path: Path) -> None:
    """A guard on the guard: the same contract breaks when a core module imports the UI."""
    import shutil

    copy = tmp_path / "repo"
    shutil.copytree(PACKAGE, copy / "reader", ignore=shutil.ignore_patterns("data", "__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    model = copy / "reader" / "model" / "__init__.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nimport reader.ui.app\n")
    done = subprocess.run(
        [_lint_imports(), "--no-cache"], cwd=copy, capture_output=True, text=True, check=False,
        timeout=300, env={"PYTHONPATH": str(copy), "PATH": ""},
    )
    assert done.returncode != 0
    assert "reader.model is not allowed to import reader.ui" in done.stdout


def test_no_module_is_longer_than_the_limit() -> None:
    long = {
        str(path.relative_to(ROOT)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_test_module_imports_another() -> None:
    """Shared test code lives in tests/helpers/ (or conftest.py), never in a test module."""
    offenders = []
    for path in (ROOT / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            if any(name.rsplit(".", 1)[-1].startswith("test_") for name in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
