"""The files of a built site as ``{relative path: bytes}``: what the tests compare between two builds."""

from __future__ import annotations

from pathlib import Path


def site_files(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file under ``folder`` by its POSIX path relative to it, in path order, but those whose name starts
    with one of ``skip``."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and not path.name.startswith(skip)}
