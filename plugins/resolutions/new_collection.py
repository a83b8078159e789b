"""``resolutions new DIR``: write a ready collection from the starter files shipped in the package.

The starter (package data in ``starter/``) is a complete collection: ``mkdocs.yml``, ``content/index.md``, the
sample resolution under ``content/resolutions/``, a ``.gitignore`` and the GitHub Pages workflow. Beside them
goes ``requirements.txt``, the one line the workflow installs: the mkdocs-resolutions this command runs from,
found in its installation record (PEP 610 ``direct_url.json``), so a collection made from a wheel or a Git
checkout builds in CI with the same version. Nothing is ever overwritten: when any file to write exists,
nothing at all is written.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from resolutions import __version__

DISTRIBUTION = "mkdocs-resolutions"
WHEELS_FOLDER = "wheels"
"""Folder of the collection that receives the wheel this command was installed from, when it was one."""

STARTER_FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "content/index.md": "content/index.md",
    "content/resolutions/A_RES_51_148.md": "content/resolutions/A_RES_51_148.md",
    "gitignore": ".gitignore",
    "publish.yml": ".github/workflows/publish.yml",
}
"""Starter file in the package -> where it goes in the new collection (dot files are stored without the dot:
package data globs leave them out)."""

REQUIREMENTS = "requirements.txt"


class CollectionExists(Exception):
    """The folder already holds files the starter would write: nothing was written."""

    def __init__(self, existing: list[Path]) -> None:
        super().__init__(", ".join(str(path) for path in existing))
        self.existing = existing


@dataclass(frozen=True)
class Requirement:
    """How the collection's workflow installs mkdocs-resolutions: a requirements line, maybe a wheel to copy."""

    line: str
    wheel: Path | None = None
    note: str = ""


def create(folder: Path, requirement: Requirement | None = None) -> list[Path]:
    """Write the starter collection into ``folder`` (made if missing) and return the files written, in order.

    Raises ``CollectionExists`` naming every file already there, before writing anything."""
    requirement = requirement or installed_requirement()
    targets = [folder / target for target in STARTER_FILES.values()] + [folder / REQUIREMENTS]
    if requirement.wheel is not None:
        targets.append(folder / WHEELS_FOLDER / requirement.wheel.name)
    existing = [path for path in targets if path.exists() or path.is_symlink()]
    if existing:
        raise CollectionExists(existing)
    starter = resources.files("resolutions") / "starter"
    written: list[Path] = []
    for source, target in STARTER_FILES.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(starter.joinpath(source).read_bytes())
        written.append(path)
    if requirement.wheel is not None:
        (folder / WHEELS_FOLDER).mkdir(exist_ok=True)
        written.append(Path(shutil.copy2(requirement.wheel, folder / WHEELS_FOLDER / requirement.wheel.name)))
    header = "# What .github/workflows/publish.yml installs: mkdocs-resolutions and, through it, MkDocs and Material.\n"
    (folder / REQUIREMENTS).write_text(header + requirement.note + requirement.line + "\n", encoding="utf-8")
    written.append(folder / REQUIREMENTS)
    return written


def installed_requirement() -> Requirement:
    """The requirements line that installs the mkdocs-resolutions running now, from where it was installed."""
    try:
        record = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        record = None
    return requirement_from_record(json.loads(record) if record else None)


def requirement_from_record(record: dict | None) -> Requirement:
    """The requirements line for an installation record (PEP 610), or the released version when there is none."""
    by_version = Requirement(f"{DISTRIBUTION}=={__version__}")
    if not record or "url" not in record:
        return by_version  # installed from a package index
    url = record["url"]
    vcs = record.get("vcs_info")
    if vcs:
        revision = vcs.get("commit_id") or vcs.get("requested_revision")
        subdirectory = f"#subdirectory={record['subdirectory']}" if record.get("subdirectory") else ""
        return Requirement(f"{DISTRIBUTION} @ {vcs['vcs']}+{url}@{revision}{subdirectory}")
    parts = urlsplit(url)
    if parts.scheme != "file":
        return Requirement(f"{DISTRIBUTION} @ {url}")  # an archive on a web server
    path = Path(unquote(parts.path))
    if "archive_info" in record and path.is_file() and path.name.endswith(".whl"):
        return Requirement(f"./{WHEELS_FOLDER}/{path.name}", wheel=path)
    # A folder on this machine (a clone of the repository) is not there in CI.
    note = (
        f"# mkdocs-resolutions was installed from {path}, which the workflow cannot reach: replace the next\n"
        f"# line with a wheel built there (pip wheel --no-deps {path} -w {WHEELS_FOLDER}/, then\n"
        f"# ./{WHEELS_FOLDER}/<file>.whl) or with the repository's Git address (mkdocs-resolutions @ git+https://...).\n"
    )
    return Requirement(by_version.line, note=note)
