"""The engine and storage import and run without Qt; imports point down (ui -> app -> db)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found |= {(str(path.relative_to(ROOT)), a.name.split(".")[0]) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((str(path.relative_to(ROOT)), node.module.split(".")[0]))
    return found


def test_app_never_imports_qt_or_ui():
    bad = {(f, m) for f, m in _imports("app") if m in {"PySide6", "shiboken6", "ui"}}
    assert not bad


def test_db_imports_neither_qt_nor_the_engine():
    bad = {(f, m) for f, m in _imports("db") if m in {"PySide6", "shiboken6", "ui", "app"}}
    assert not bad


def test_engine_runs_with_pyside6_made_unimportable(tmp_path: Path):
    script = f"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6'):
            raise ImportError('Qt is blocked in this test')
sys.meta_path.insert(0, Block())
import pkgutil, importlib
for pkg in ('app', 'db'):
    mod = importlib.import_module(pkg)
    for info in pkgutil.walk_packages(mod.__path__, pkg + '.'):
        if not info.name.endswith('__main__'):
            importlib.import_module(info.name)
from app.cli.main import main
main(['--db', {str(tmp_path / "x.db")!r}, 'chain', '--period', '2026-01-01:', '--json'])
"""
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert '"day"' in proc.stdout


def test_the_rooms_import_only_downward():
    """The import-linter contracts in pyproject.toml: ui over app over db, and the engine's
    rooms in their order, with nothing below importing the command line."""
    # In a process of its own: import-linter reconfigures logging as it runs.
    code = "from importlinter.cli import lint_imports as run; raise SystemExit(run(no_cache=True))"
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_every_room_of_the_engine_has_its_place_in_the_layers():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layered = {
        part.strip()
        for contract in contracts
        for layer in contract["layers"]
        for part in layer.split("|")
    }
    rooms = {f"app.{p.name}" for p in (ROOT / "app").iterdir() if (p / "__init__.py").exists()}
    assert rooms - layered == set()


def test_every_room_says_what_it_answers():
    for init in (ROOT / "app").glob("*/__init__.py"):
        text = init.read_text(encoding="utf-8")
        assert text.startswith('"""') and len(text) > 80, init
        room = f"app.{init.parent.name}"
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").startswith(room), f"{init} imports from outside"
