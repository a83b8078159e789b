"""The core must not import MkDocs, Material or Jinja: only the adapter may (DESIGN.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "resolutions"
FORBIDDEN = ("mkdocs", "material", "jinja2")


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_core_modules_import_no_mkdocs_material_or_jinja():
    core_files = [p for p in PACKAGE.rglob("*.py") if "mkdocs_adapter" not in p.parts]
    assert core_files, "the core package has no modules"
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(_imported_roots(p) & set(FORBIDDEN))
        for p in core_files
        if _imported_roots(p) & set(FORBIDDEN)
    }
    assert offenders == {}
