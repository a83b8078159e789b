"""The benchmark's scripts for tests: ``bench/`` is a folder of scripts, not a package, so they are loaded by
path, once, under their own names (``generate``, ``plain_site``...), as they import each other."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "bench"


def load(name: str) -> ModuleType:
    """``bench/<name>.py`` as a module."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # registered first: dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module
