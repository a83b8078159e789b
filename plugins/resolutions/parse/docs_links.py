"""Symbolic links in the docs folder, checked before anything lists it.

Pure core (file system reads only). MkDocs lists ``docs_dir`` following every link and publishes what it finds:
a link to ``/etc/hostname`` or to a secret file beside the project would be copied into the public site, and
two directory links that lead into each other make its listing endless. :func:`link_problems` walks the folder
once without following a link it has not checked, and reports, naming each link:

- ``DOC001`` (error) a link whose target is outside ``docs_dir`` (unless ``allow_outside``);
- ``DOC002`` (error) a directory link that leads back to a folder on its own way from docs_dir (a loop), or a chain of links
  that never ends in a file;
- ``DOC003`` (error) a link whose target does not exist.

The walk visits each real folder at most once per path of folders above it that contains no loop, and stops
after ``ENTRY_LIMIT`` entries, so it ends in bounded time whatever the links.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

from resolutions.model import Diagnostic
from resolutions.parse import codes

ENTRY_LIMIT = 500_000
"""Entries the walk looks at before it stops: 25 times the files of a 20,000-resolution collection (well under
a second); only links that multiply folders (each leading to several copies of the next) reach it."""


@dataclass(frozen=True)
class _Folder:
    real: str
    """The folder's real path (links resolved)."""
    shown: str
    """Its path as MkDocs lists it, relative to docs_dir (through the links that lead to it)."""
    above: frozenset[str]
    """Real paths of this folder and of every folder above it on the way from docs_dir."""


def link_problems(docs_dir: str, allow_outside: bool = False, shown_root: str = "") -> list[Diagnostic]:
    """Every link of ``docs_dir`` that leaves it, loops or points nowhere, as ``Diagnostic``s at line 0.

    Paths are shown as ``shown_root`` joined to the link's path in docs_dir (``docs/resolutions/leak.md``).
    Each link is reported once, at the place it is written (its real folder), however many ways lead to it.
    """
    docs_real = os.path.realpath(docs_dir)
    problems: dict[str, Diagnostic] = {}

    def report(link_path: str, code: str, message: str) -> None:
        shown = _shown(link_path, docs_real, shown_root)
        problems.setdefault(shown, Diagnostic(shown, 0, codes.severity(code), code, message))

    pending = [_Folder(docs_real, "", frozenset({docs_real}))]
    entries = 0
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder.real) as listing:
                found = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable: MkDocs skips it too
        for entry in found:
            entries += 1
            if entries > ENTRY_LIMIT:
                report(folder.real, codes.LINK_LOOP, f"docs_dir lists more than {ENTRY_LIMIT:,} entries through its links, "
                       "expected a folder of sources (links that multiply folders?)")
                return list(problems.values())
            path = os.path.join(folder.real, entry.name)
            shown = f"{folder.shown}/{entry.name}" if folder.shown else entry.name
            if not entry.is_symlink():
                if entry.is_dir(follow_symlinks=False):
                    pending.append(_Folder(path, shown, folder.above | {path}))
                continue
            target = _target(path)
            if target is None:
                report(path, codes.LINK_LOOP, "symbolic link is a chain of links that never ends, expected a link to a file or folder")
                continue
            if not os.path.exists(target):
                report(path, codes.LINK_BROKEN, f"symbolic link points to {_quoted(os.readlink(path))}, which does not exist, "
                       "expected an existing file or folder")
                continue
            inside = target == docs_real or target.startswith(docs_real + os.sep)
            if not inside and not allow_outside:
                report(path, codes.LINK_LEAVES_DOCS, f"symbolic link points outside docs_dir (to {_quoted(target)}), expected a "
                       "file or folder inside it; it would be published (set allow_links_outside_docs to allow it)")
                continue
            if os.path.isdir(target):
                if target in folder.above:
                    report(path, codes.LINK_LOOP, f"symbolic link leads back to {_quoted(_shown(target, docs_real, shown_root))}, "
                           "a folder on the way to the link itself: listing docs_dir would never end; expected a link that leads elsewhere")
                    continue
                pending.append(_Folder(target, shown, folder.above | {target}))
    return sorted(problems.values(), key=lambda d: d.path)


def _target(path: str) -> str | None:
    """The real path a link leads to, or None when its chain of links loops."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return None
    return os.path.realpath(path)


def _shown(path: str, docs_real: str, shown_root: str) -> str:
    inside = path == docs_real or path.startswith(docs_real + os.sep)
    relative = os.path.relpath(path, docs_real) if inside else path
    relative = relative.replace(os.sep, "/")
    return f"{shown_root.rstrip('/')}/{relative}" if shown_root and relative != "." else (shown_root or relative)


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 120 else text[:117] + "...")
