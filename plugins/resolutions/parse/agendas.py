"""Agenda files: optional per-session YAML files giving agenda item titles the cover pages do not print.

Pure core. ``content/agendas/51.yml`` names the items of session ``51`` (the session id of ``views.session_id``:
``51``, ``es-11``, ``sc-1960``, ``ecosoc-2021``); the format is documented in ``docs/agenda-files.md``.
Problems are reported as ``Diagnostic`` values with the file's path and line; nothing here raises on content.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from resolutions.model import Diagnostic
from resolutions.parse import codes, limits, safe_yaml

AGENDA_FOLDER = "agendas"
"""Folder under the docs_dir that holds the agenda files."""

AgendaTitles = dict[tuple[str, str], str]
"""(session id, agenda item number as printed) -> title."""


def parse_agenda_file(text: str, path: str, default_session: str) -> tuple[AgendaTitles, list[Diagnostic]]:
    """Titles from one agenda file's text. ``default_session`` (the file name's stem) is used unless the file
    says ``session:``. Malformed entries are skipped with a warning; the rest are kept."""
    diagnostics: list[Diagnostic] = []

    def warn(line: int, code: str, message: str) -> None:
        diagnostics.append(Diagnostic(path, line, codes.severity(code), code, message))

    try:
        root = safe_yaml.compose(text)
    except yaml.YAMLError as error:
        text_line = safe_yaml.error_line(error)
        line = text_line + 1 if text_line is not None else 0
        reason = safe_yaml.error_reason(error)
        if isinstance(error, safe_yaml.AliasRefused):
            warn(line, codes.AGENDA_ALIAS, f"agenda file uses {reason}, expected titles written out: YAML anchors and aliases are not accepted")
        else:
            warn(line, codes.AGENDA_INVALID, f"agenda file is not valid YAML ({reason}), expected a mapping with 'items'")
        return {}, diagnostics
    if root is None:
        return {}, diagnostics
    if not isinstance(root, yaml.MappingNode):
        warn(root.start_mark.line + 1, codes.AGENDA_NOT_A_MAPPING, "agenda file is not a mapping, expected keys 'session' and 'items'")
        return {}, diagnostics

    session = default_session
    items_node = None
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key == "session" and isinstance(value_node, yaml.ScalarNode) and value_node.value.strip():
            session = value_node.value.strip().lower()
        elif key == "items":
            items_node = value_node
        elif key not in ("session", "body", "title"):
            warn(key_node.start_mark.line + 1, codes.AGENDA_UNKNOWN_KEY, f"unknown key {key!r} in agenda file, expected 'session', 'body', 'title' or 'items'")
    if items_node is None:
        warn(1, codes.AGENDA_NO_ITEMS, "agenda file has no 'items', expected a mapping of agenda item numbers to titles")
        return {}, diagnostics
    if not isinstance(items_node, yaml.MappingNode):
        warn(items_node.start_mark.line + 1, codes.AGENDA_NO_ITEMS, "'items' is not a mapping, expected agenda item numbers mapped to titles")
        return {}, diagnostics

    titles: AgendaTitles = {}
    for key_node, value_node in items_node.value:
        line = key_node.start_mark.line + 1
        number = key_node.value.strip() if isinstance(key_node, yaml.ScalarNode) else ""
        title = " ".join(value_node.value.split()) if isinstance(value_node, yaml.ScalarNode) else ""
        if not number or not title:
            warn(line, codes.AGENDA_BAD_ENTRY, "agenda item entry needs a number and a one-line title, e.g. '78 (a)': Sustainable development")
            continue
        if (session, number) in titles:
            warn(line, codes.AGENDA_ITEM_TWICE, f"agenda item {number} is listed twice, expected each item once (the first title is kept)")
            continue
        titles[(session, number)] = title
    return titles, diagnostics


def read_agenda_titles(
    docs_dir: str | Path, folder: str = AGENDA_FOLDER, shown_root: str = ""
) -> tuple[AgendaTitles, list[Diagnostic]]:
    """Titles from every ``<docs_dir>/<folder>/*.yml`` (and ``*.yaml``) file, in file-name order.

    An absent folder is normal (agenda files are optional) and gives nothing. Paths in diagnostics are relative
    to ``docs_dir``, after ``shown_root`` (``docs``: the docs folder as the other diagnostics show it).
    """
    root = Path(docs_dir)
    agenda_dir = root / folder
    titles: AgendaTitles = {}
    diagnostics: list[Diagnostic] = []
    if not agenda_dir.is_dir():
        return titles, diagnostics
    files = sorted(p for p in agenda_dir.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())
    for path in files:
        relative = path.relative_to(root).as_posix()
        relative = f"{shown_root.rstrip('/')}/{relative}" if shown_root else relative
        try:
            too_large = limits.too_large(path.stat().st_size)
            if too_large:
                diagnostics.append(Diagnostic(relative, 0, codes.severity(codes.AGENDA_TOO_LARGE), codes.AGENDA_TOO_LARGE, too_large))
                continue
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            diagnostics.append(Diagnostic(relative, 0, codes.severity(codes.AGENDA_INVALID), codes.AGENDA_INVALID, f"agenda file cannot be read ({error}), expected UTF-8 YAML"))
            continue
        file_titles, file_diagnostics = parse_agenda_file(text, relative, path.stem.lower())
        for key, title in file_titles.items():
            titles.setdefault(key, title)
        diagnostics.extend(file_diagnostics)
    return titles, diagnostics
