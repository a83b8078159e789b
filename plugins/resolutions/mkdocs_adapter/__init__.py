"""The MkDocs adapter: the only part of the package that imports MkDocs, Material or Jinja (tests/test_core_purity.py)."""
