"""What MkDocs must not list or publish from docs_dir: unsafe symbolic links, the agenda files' YAML.

The adapter side of ``docs_links`` (the check itself is pure core): :func:`refuse_unsafe_links` runs before
MkDocs lists docs_dir (its listing follows every link, and never ends in a loop), logs each unsafe link as
``path:0: ... [DOC00x]`` and stops the build; :func:`drop_agenda_sources` keeps the agenda files
(``agendas/*.yml``), which the plugin reads itself, out of the published site unless asked.
"""

from __future__ import annotations

import logging
import os
import posixpath
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from resolutions.parse.docs_links import link_problems
from resolutions.parse.agendas import AGENDA_FOLDER

log = logging.getLogger("mkdocs.plugins.resolutions")

_AGENDA_SUFFIXES = (".yml", ".yaml")


def config_dir(config: Any) -> str:
    """The folder of mkdocs.yml (the working folder when the config has no file): paths are shown from it."""
    return os.path.dirname(config.config_file_path or "") or os.getcwd()


def shown_docs_dir(config: Any) -> str:
    """docs_dir as diagnostics show paths: relative to the folder of mkdocs.yml (``docs``)."""
    return os.path.relpath(config.docs_dir, config_dir(config)).replace(os.sep, "/")


def refuse_unsafe_links(config: Any, allow_outside: bool) -> None:
    """Stop the build (``PluginError``) when a link of docs_dir leaves it, loops or points nowhere."""
    problems = link_problems(config.docs_dir, allow_outside=allow_outside, shown_root=shown_docs_dir(config))
    for problem in problems:
        log.error(problem.format())
    if problems:
        raise PluginError(
            f"resolutions: {len(problems)} symbolic link(s) in docs_dir cannot be listed or published safely "
            "(listed above as path:0); nothing was built"
        )


def drop_agenda_sources(files: Files, publish: bool) -> None:
    """Remove the agenda files from what MkDocs publishes, unless ``publish``."""
    if publish:
        return
    sources = [
        file for file in files
        if file.src_uri.startswith(AGENDA_FOLDER + "/") and posixpath.splitext(file.src_uri)[1] in _AGENDA_SUFFIXES
    ]
    for file in sources:
        files.remove(file)
