"""The ``resolutions`` command line, through ``main(argv)`` and through the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from resolutions.cli import main
from resolutions.data.export import load_schema

VALIDATOR = jsonschema.Draft202012Validator(load_schema())


def _console_script() -> str | None:
    beside_python = Path(sys.executable).with_name("resolutions")
    return str(beside_python) if beside_python.exists() else shutil.which("resolutions")


@pytest.fixture()
def collection(tmp_path, sample_path) -> Path:
    """A folder with the sample, a copy whose meeting line is missing, and a README that is not a resolution."""
    text = sample_path.read_text(encoding="utf-8")
    folder = tmp_path / "collection"
    (folder / "sub").mkdir(parents=True)
    (folder / "A_RES_51_148.md").write_text(text, encoding="utf-8")
    broken = text.replace("84th plenary meeting  \n", "").replace("[without reference", "[without  reference")
    (folder / "sub" / "broken.md").write_text("---\nvote: acclamation\n---\n" + broken, encoding="utf-8")
    (folder / "README.md").write_text("# Not a resolution\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_parse_one_file_as_json(capsys, sample_path):
    status, out, _err = run(capsys, "parse", str(sample_path), "--json")
    assert status == 0
    document = json.loads(out)
    assert document["symbol"] == "A/RES/51/148"
    assert document["session"] == "51"
    assert document["agenda_items"] == ["161"]
    assert document["meeting"]["number"] == 84
    assert document["source"] == str(sample_path)
    assert list(VALIDATOR.iter_errors(document)) == []


def test_parse_a_folder_prints_json_lines_in_sorted_order_without_readme(capsys, collection):
    status, out, _err = run(capsys, "parse", str(collection), "--json")
    assert status == 0
    documents = [json.loads(line) for line in out.splitlines()]
    assert [Path(d["source"]).name for d in documents] == ["A_RES_51_148.md", "broken.md"]
    assert all(VALIDATOR.is_valid(d) for d in documents)


def test_parse_summary(capsys, sample_path):
    status, out, _err = run(capsys, "parse", str(sample_path))
    assert status == 0
    [line] = out.splitlines()
    assert line.startswith(f"{sample_path}: A/RES/51/148 Cooperation between the United Nations")
    assert "session 51" in line and "adopted 1996-12-13" in line and "meeting 84" in line
    assert "5 operative paragraphs" in line and "1 footnote" in line


def test_check_clean_file_exits_0_and_prints_nothing(capsys, sample_path):
    status, out, err = run(capsys, "check", str(sample_path))
    assert (status, out) == (0, "")
    assert "1 file checked: 0 errors" in err


def test_check_reports_each_diagnostic_and_exits_1_on_error(capsys, collection):
    status, out, _err = run(capsys, "check", str(collection))
    assert status == 1
    lines = out.splitlines()
    broken = str(collection / "sub" / "broken.md")
    assert f"{broken}:2: vote outcome is 'acclamation', expected one of without vote, recorded vote, unanimous, vote; vote ignored [RES206]" in lines
    assert all(line.startswith(broken + ":") for line in lines)
    assert all(line.endswith("]") for line in lines)


def test_check_strict_makes_warnings_fail(capsys, tmp_path, sample_path):
    path = tmp_path / "warned.md"
    path.write_text("---\ncolour: blue\n---\n" + sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _err = run(capsys, "check", str(path))
    assert status == 0
    assert out == f"{path}:2: unknown front matter key 'colour' ignored, expected one of " \
        "adopted, agenda_titles, body, draft, issued, kind, meeting, number, record, session, sponsors, " \
        "subjects, symbol, title, vote [RES204]\n"
    status, _out, _err = run(capsys, "check", "--strict", str(path))
    assert status == 1


def test_missing_path_is_a_usage_error(capsys, tmp_path):
    status, _out, err = run(capsys, "check", str(tmp_path / "nowhere.md"))
    assert status == 2
    assert "nowhere.md: no such file or folder" in err


def test_no_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2


def test_schema_command_prints_the_schema(capsys):
    status, out, _err = run(capsys, "schema")
    assert status == 0 and json.loads(out) == load_schema()


@pytest.mark.skipif(_console_script() is None, reason="the resolutions console script is not installed")
def test_installed_console_script(collection, sample_path):
    script = _console_script()
    done = subprocess.run([script, "parse", str(sample_path), "--json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["symbol"] == "A/RES/51/148"
    done = subprocess.run([script, "check", str(collection)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "[RES206]" in done.stdout
    assert "2 files checked" in done.stderr
    done = subprocess.run([script, "check", str(sample_path)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout) == (0, "")

