"""``resolutions new DIR``: the collection it writes builds strictly as documented, and nothing is overwritten."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from resolutions.cli import main
from resolutions.new_collection import STARTER_FILES, Requirement, create, requirement_from_record

ROOT = Path(__file__).resolve().parent.parent
STARTER = ROOT / "plugins" / "resolutions" / "starter"
QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
WRITTEN = sorted([*STARTER_FILES.values(), "requirements.txt"])


def _files(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


def _mkdocs_build(folder: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *extra], cwd=folder,
                          env=env or QUIET, capture_output=True, text=True)


def test_new_writes_a_collection_that_builds_strictly(tmp_path, capsys):
    folder = tmp_path / "my-collection"
    assert main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    assert _files(folder) == WRITTEN
    assert f"created {folder / 'mkdocs.yml'}" in out and "mkdocs serve" in out
    result = _mkdocs_build(folder, env={**QUIET, "SITE_URL": "https://example.org/un/"})
    assert result.returncode == 0, result.stdout + result.stderr
    site = folder / "site"
    page = (site / "A" / "RES" / "51" / "148" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/un/A/RES/51/148/">' in page
    assert "fonts.googleapis.com" not in page
    # The layouts and their assets come from the package: the page links the plugin's stylesheet, which is there.
    assert 'href="../../../../assets/resolutions.css"' in page
    assert (site / "assets" / "resolutions.css").is_file() and (site / "assets" / "search.js").is_file()
    assert "<loc>https://example.org/un/A/RES/51/148/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "404.html").is_file()
    assert "A/RES/51/148" in (site / "a" / "res" / "51" / "148" / "index.html").read_text(encoding="utf-8")
    # Nothing is written beside the site but the parse cache, and .gitignore keeps both out of the repository.
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".cache", ".github", ".gitignore", "content", "mkdocs.yml", "requirements.txt", "site"])
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").split()
    assert "site/" in ignored and ".cache/" in ignored


def test_new_refuses_to_overwrite_and_writes_nothing(tmp_path, capsys):
    folder = tmp_path / "existing"
    (folder / "content").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    (folder / "content" / "index.md").write_text("# Mine\n", encoding="utf-8")
    assert main(["new", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'mkdocs.yml'}: already exists, not overwritten" in err
    assert f"{folder / 'content' / 'index.md'}: already exists, not overwritten" in err
    assert "nothing was written" in err
    assert _files(folder) == ["content/index.md", "mkdocs.yml"]
    assert (folder / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: Mine\n"


def test_new_writes_into_a_folder_that_holds_other_files(tmp_path):
    # A fresh clone of an empty GitHub repository has a README: that is no reason to refuse.
    (tmp_path / "README.md").write_text("# My collection\n", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 0
    assert _files(tmp_path) == sorted([*WRITTEN, "README.md"])


def test_new_refuses_a_file_as_its_folder(tmp_path, capsys):
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    assert main(["new", str(target)]) == 1
    assert "exists and is not a folder" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "x"


def test_the_repository_sample_site_is_the_starter():
    # One sample: what `resolutions new` writes is what `python3 dev.py build` publishes from content/.
    for source, target in STARTER_FILES.items():
        if target.startswith("content/"):
            assert (STARTER / source).read_bytes() == (ROOT / target).read_bytes(), target
    config_lines = lambda path: [line for line in path.read_text(encoding="utf-8").splitlines()
                                 if line and not line.startswith("#")]
    assert config_lines(STARTER / "mkdocs.yml") == config_lines(ROOT / "mkdocs.yml")


def test_the_starter_config_names_no_issue_or_person():
    text = (STARTER / "mkdocs.yml").read_text(encoding="utf-8")
    assert "issue" not in text.lower() and "engineer" not in text.lower()
    assert "custom_dir: " not in text.replace("# custom_dir: ", "")  # the layouts come from the package


def test_requirements_line_follows_where_the_package_was_installed(tmp_path):
    wheel = tmp_path / "mkdocs_resolutions-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    from_wheel = requirement_from_record({"url": wheel.as_uri(), "archive_info": {}})
    assert from_wheel == Requirement("./wheels/mkdocs_resolutions-0.1.0-py3-none-any.whl", wheel=wheel)
    from_git = requirement_from_record(
        {"url": "https://github.com/example/mkdocs-resolutions.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}})
    assert from_git.line == "mkdocs-resolutions @ git+https://github.com/example/mkdocs-resolutions.git@abc123"
    in_a_subfolder = requirement_from_record({"url": "https://example.org/monorepo.git", "subdirectory": "resolutions",
                                              "vcs_info": {"vcs": "git", "commit_id": "abc123"}})
    assert in_a_subfolder.line == "mkdocs-resolutions @ git+https://example.org/monorepo.git@abc123#subdirectory=resolutions"
    from_clone = requirement_from_record({"url": tmp_path.as_uri(), "dir_info": {"editable": True}})
    assert from_clone.line == "mkdocs-resolutions==0.1.0" and str(tmp_path) in from_clone.note
    assert requirement_from_record(None).line == "mkdocs-resolutions==0.1.0"


def test_a_wheel_install_is_copied_into_the_collection(tmp_path):
    wheel = tmp_path / "mkdocs_resolutions-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK wheel bytes")
    folder = tmp_path / "collection"
    create(folder, Requirement(f"./wheels/{wheel.name}", wheel=wheel))
    assert (folder / "wheels" / wheel.name).read_bytes() == b"PK wheel bytes"
    assert (folder / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"./wheels/{wheel.name}"


def test_users_custom_dir_overrides_the_packaged_layouts(tmp_path):
    folder = tmp_path / "collection"
    create(folder, Requirement("mkdocs-resolutions"))
    overrides = folder / "overrides" / "assets"
    overrides.mkdir(parents=True)
    (overrides / "resolutions.css").write_text("/* the user's own */\n", encoding="utf-8")
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config.replace("# custom_dir: overrides", "custom_dir: overrides"),
                                       encoding="utf-8")
    result = _mkdocs_build(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (folder / "site" / "assets" / "resolutions.css").read_text(encoding="utf-8") == "/* the user's own */\n"
    assert (folder / "site" / "assets" / "search.js").is_file()  # the plugin's, not overridden


def test_another_theme_is_refused_with_a_clear_message(tmp_path):
    folder = tmp_path / "collection"
    create(folder, Requirement("mkdocs-resolutions"))
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
    (folder / "mkdocs.yml").write_text(config.replace("name: material ", "name: mkdocs "), encoding="utf-8")
    result = _mkdocs_build(folder)
    assert result.returncode != 0
    assert "resolutions: theme 'mkdocs'" in result.stderr and "name: material" in result.stderr


def _commands_under(document: Path, heading: str) -> str:
    text = document.read_text(encoding="utf-8")
    return re.search(r"```sh\n(.*?)```", text[text.index(heading):], re.S).group(1)


def test_readme_and_publishing_guide_give_the_same_three_commands():
    readme = _commands_under(ROOT / "README.md", "## Your own collection")
    assert readme == _commands_under(ROOT / "docs" / "publishing.md", "## Start a new collection")
    commands = [line.split("#")[0].strip() for line in readme.splitlines()]
    assert len(commands) == 3
    assert commands[0].startswith("pip install ") and commands[1] == "resolutions new my-collection"
    assert commands[2] == "cd my-collection && mkdocs serve"
