"""Fixtures of the hostile-input tests: a fresh project per test (see hostile_project.py)."""

from __future__ import annotations

import pytest

from hostile_project import Project


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(tmp_path / "project")
