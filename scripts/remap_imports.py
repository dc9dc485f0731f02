"""Rewrite imports after modules move: ``python scripts/remap_imports.py MAP.json FILE...``.

MAP.json maps an old module to its new home, either a module name (the whole module
moved) or an object mapping each name it defined to the module that now holds it (the
module was split; ``"*"`` names the home of every name not listed). Rewrites
``from old import a, b`` (split over several lines where the names now live apart),
``import old`` / ``import old as x``, and dotted strings such as ``"old.name"`` in
``monkeypatch.setattr`` or ``patch("...")``. Kept for branches that still use the old
paths (docs/architecture.md, "Where does X live").
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path


def _home(mapping: dict[str, object], module: str, name: str | None) -> str | None:
    target = mapping.get(module)
    if target is None:
        return None
    if isinstance(target, str):
        return target
    assert isinstance(target, dict)
    if name is not None and name in target:
        return str(target[name])
    return str(target.get("*")) if "*" in target else None


def _line_offsets(source: str) -> list[int]:
    offsets = [0]
    for line in source.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    return offsets


def rewrite(source: str, mapping: dict[str, object]) -> str:
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    offsets = _line_offsets(source)

    def pos(lineno: int, col: int) -> int:
        line = lines[lineno - 1]
        return offsets[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8"))

    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            moved = [
                a for a in node.names if isinstance(mapping.get(f"{node.module}.{a.name}"), str)
            ]
            if moved and node.module not in mapping:
                # "from app import i18n" where app.i18n moved to app.base.i18n
                parts = []
                for alias in node.names:
                    target = mapping.get(f"{node.module}.{alias.name}")
                    if isinstance(target, str):
                        parent, _dot, last = target.rpartition(".")
                        asname = alias.asname or alias.name
                        suffix = f" as {asname}" if asname != last else ""
                        parts.append(f"from {parent} import {last}{suffix}")
                    else:
                        name = alias.name + (f" as {alias.asname}" if alias.asname else "")
                        parts.append(f"from {node.module} import {name}")
                start = pos(node.lineno, node.col_offset)
                end = pos(node.end_lineno or node.lineno, node.end_col_offset or 0)
                edits.append((start, end, f"\n{' ' * node.col_offset}".join(parts)))
                continue
            if node.module not in mapping:
                continue
            groups: dict[str, list[str]] = {}
            for alias in node.names:
                sub = mapping.get(f"{node.module}.{alias.name}")
                if isinstance(sub, str):  # "from app.importing import apply": a submodule
                    parent, _dot, last = sub.rpartition(".")
                    asname = alias.asname or alias.name
                    text = last + (f" as {asname}" if asname != last else "")
                    groups.setdefault(parent, []).append(text)
                    continue
                home = _home(mapping, node.module, alias.name)
                if home is None:
                    raise SystemExit(f"no home for {node.module}.{alias.name}")
                text = alias.name + (f" as {alias.asname}" if alias.asname else "")
                groups.setdefault(home, []).append(text)
            indent = " " * node.col_offset
            new = f"\n{indent}".join(
                f"from {home} import {', '.join(names)}" for home, names in groups.items()
            )
            start = pos(node.lineno, node.col_offset)
            end = pos(node.end_lineno or node.lineno, node.end_col_offset or 0)
            edits.append((start, end, new))
        elif isinstance(node, ast.Import):
            parts = []
            changed = False
            for alias in node.names:
                home = _home(mapping, alias.name, None) if alias.name in mapping else None
                if home is not None:
                    changed = True
                    parts.append(home + (f" as {alias.asname}" if alias.asname else ""))
                else:
                    parts.append(alias.name + (f" as {alias.asname}" if alias.asname else ""))
            if changed:
                start = pos(node.lineno, node.col_offset)
                end = pos(node.end_lineno or node.lineno, node.end_col_offset or 0)
                edits.append((start, end, "import " + ", ".join(parts)))
    for start, end, new in sorted(edits, reverse=True):
        source = source[:start] + new + source[end:]

    # Dotted references in strings: "app.stock.load_facts" -> "app.stock.facts.load_facts".
    def dotted(match: re.Match[str]) -> str:
        module, name = match.group(1), match.group(2)
        home = _home(mapping, module, name)
        return f"{home}.{name}" if home else match.group(0)

    for module in sorted(mapping, key=len, reverse=True):
        pattern = re.compile(r"(?<![\w.])(" + re.escape(module) + r")\.(\w+)(?=[\"'])")
        source = pattern.sub(dotted, source)
    return source


def main(argv: list[str]) -> int:
    mapping = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    for name in argv[1:]:
        path = Path(name)
        old = path.read_text(encoding="utf-8")
        new = rewrite(old, mapping)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"rewrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
