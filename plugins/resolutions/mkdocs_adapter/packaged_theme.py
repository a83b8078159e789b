"""The plugin's page layouts and assets, shipped in the package, put on the theme's search path.

The layouts (``theme/*.html``) extend Material's templates, and ``theme/assets/`` holds the stylesheets and
scripts they link. A collection's mkdocs.yml names only ``theme: material`` and the plugin: ``use_packaged_theme``
(called from ``on_config``) inserts ``theme/`` into ``config.theme.dirs`` right after the user's ``custom_dir``
and before Material's own folder. So the user's overrides still win over ours, and ours over Material's; MkDocs
copies the assets into the site like any theme's static files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

THEME_DIR = str(Path(__file__).resolve().with_name("theme"))
"""The folder of the layouts and their ``assets/`` (package data)."""

REQUIRED_THEME = "material"


def use_packaged_theme(config: Any) -> None:
    """Put the plugin's layouts on the theme's search path of ``config`` (once; a rebuild may call it again)."""
    theme = config.theme
    if theme.name != REQUIRED_THEME:
        raise PluginError(
            f"resolutions: theme '{theme.name}' in {config.config_file_path or 'mkdocs.yml'}: the page layouts "
            f"extend Material's; set `theme: {{name: {REQUIRED_THEME}}}` (custom_dir stays free for your overrides)"
        )
    if THEME_DIR in theme.dirs:
        return
    theme.dirs.insert(1 if theme.custom_dir else 0, THEME_DIR)


def own_template_dirs(config: Any) -> list[str]:
    """The template folders a change of the site's look comes from: the user's ``custom_dir`` and ours."""
    return [folder for folder in (config.theme.custom_dir, THEME_DIR) if folder]
