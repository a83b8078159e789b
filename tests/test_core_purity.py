"""The package's layers: the core imports no MkDocs, Material or Jinja, and every import runs downward.

Layers, from the bottom: ``model`` and ``symbols`` (the shared vocabulary), ``parse/`` (one source file into the
model), ``site/`` (the collection and what its pages show), ``data/`` (JSON, data files, search), ``cache``,
``cli`` and ``new_collection`` (entry points over the core), and ``mkdocs_adapter/`` (the only part that knows
MkDocs). A module may import its own layer and the layers below it, never one above: that is what keeps the core
usable without MkDocs and each layer readable on its own (docs/architecture.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "resolutions"
FORBIDDEN = ("mkdocs", "material", "jinja2")
LAYERS = (("__init__", "model", "symbols"), ("parse",), ("site",), ("data",), ("cache", "cli", "new_collection"),
          ("mkdocs_adapter",))
"""Each entry is one layer: the names of the package's top-level modules and folders in it, bottom first."""


def _imports(path: Path, package: str | None = None) -> list[str]:
    """Absolute module names ``path`` imports (relative imports resolved against its package)."""
    if package is None:
        package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names += [module] + [f"{module}.{alias.name}" for alias in node.names]
    return names


def _layer(part: str) -> int:
    for level, members in enumerate(LAYERS):
        if part in members:
            return level
    raise AssertionError(f"{part!r} belongs to no layer: add it to LAYERS in {Path(__file__).name}")


def _top(module: str) -> str | None:
    """The top-level part of the package a module name is in (``resolutions.site.views`` -> ``site``)."""
    parts = module.split(".")
    if parts[0] != "resolutions":
        return None
    if len(parts) > 1 and ((PACKAGE / parts[1]).is_dir() or (PACKAGE / f"{parts[1]}.py").is_file()):
        return parts[1]
    return "__init__"  # the package itself, or a name it defines (``from resolutions import __version__``)


def _modules() -> list[Path]:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert modules, "the package has no modules"
    return modules


def test_core_modules_import_no_mkdocs_material_or_jinja():
    offenders = {
        str(path.relative_to(PACKAGE)): sorted({name.split(".")[0] for name in _imports(path)} & set(FORBIDDEN))
        for path in _modules()
        if "mkdocs_adapter" not in path.parts
    }
    assert {module: found for module, found in offenders.items() if found} == {}


def test_every_import_runs_down_the_layers():
    upward = []
    for path in _modules():
        own = _layer(_top(".".join(("resolutions",) + path.relative_to(PACKAGE).with_suffix("").parts)))
        for name in _imports(path):
            top = _top(name)
            if top is not None and top != "__init__" and _layer(top) > own:
                upward.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert upward == []


def test_the_layer_check_sees_an_upward_import(tmp_path):
    # The check above must be able to fail: a parse module importing the site layer, absolutely or relatively,
    # is an upward import.
    bad = tmp_path / "bad.py"
    bad.write_text("from resolutions.site.views import index_pages\nfrom ..site import render\n", encoding="utf-8")
    names = _imports(bad, package="resolutions.parse")
    assert "resolutions.site.views" in names and "resolutions.site.render" in names
    assert all(_layer(_top(name)) > _layer("parse") for name in names if name.startswith("resolutions.site"))
