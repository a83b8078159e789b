"""mkdocs-resolutions: parse United Nations resolutions into a typed model and publish them with MkDocs.

The core (everything but ``mkdocs_adapter``) imports no MkDocs, Material or Jinja.
"""

__version__ = "0.1.0"
