"""A local name must never hide the translation helpers: ``label = …`` or ``for _ in …``
inside a function that also calls ``label(…)`` or ``_(…)`` fails only when that line runs."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELPERS = {"_", "N_", "label", "counted", "ngettext"}


def _stored_outside_comprehensions(node: ast.AST) -> set[str]:
    stored: set[str] = set()
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(child, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
            continue
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store):
            stored.add(child.id)
        stored |= _stored_outside_comprehensions(child)
    return stored


def test_no_function_hides_a_translation_helper() -> None:
    found = []
    for folder in ("app", "db", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fn in ast.walk(tree):
                if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                args = fn.args
                params = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]}
                params |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
                stored = params | _stored_outside_comprehensions(fn)
                called = {
                    n.func.id
                    for n in ast.walk(fn)
                    if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                }
                hidden = stored & called & HELPERS
                if hidden:
                    found.append(f"{path.relative_to(ROOT)}:{fn.lineno} {fn.name}: {hidden}")
    assert found == []
