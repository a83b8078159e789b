"""The MkDocs adapter: the only part of the package that imports MkDocs, Material or Jinja (see DESIGN.md)."""
