"""Series under ``mkdocs serve``: editing one edition updates its series page, its own changes page and the next
edition's, and the neighbours' "Series" rows; the preview stays equal to a full build."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from test_incremental import Site, assert_same_as_full_build, fresh_plugins

SESSIONS = {60: "Sixtieth", 61: "Sixty-first", 62: "Sixty-second"}


def edition(session: int, number: int, title: str, verb: str = "Encourages") -> str:
    return f"""**General Assembly**

Distr.: General

A/RES/{session}/{number}  
1 December {session + 1945}

{SESSIONS[session]} session  
Agenda item 14

Resolution adopted by the General Assembly on 10 November {session + 1945}

[on the report of the Third Committee (A/{session}/500)]

{session}/{number}. {title}

The General Assembly,

Bearing in mind the importance of road safety,

1. {verb} Member States to improve road safety;

2. Requests the Secretary-General to submit a report.

50th plenary meeting  
10 November {session + 1945}
"""


@pytest.fixture()
def series_site(tmp_path: Path):
    fresh_plugins()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    made = Site(tmp_path / "project")
    for session in SESSIONS:
        (made.docs / f"A_RES_{session}_5.md").write_text(edition(session, 5, "Improving global road safety"))
    (made.docs / "A_RES_61_9.md").write_text(edition(61, 9, "Something else"))
    yield made
    fresh_plugins()


def read(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


def test_editing_an_edition_updates_both_changes_pages_and_the_series(series_site: Site, tmp_path: Path) -> None:
    preview = tmp_path / "preview"
    series_site.build(preview, "serve")
    assert "Changes since 60/5" in read(preview, "A/RES/61/5")
    assert "no operative paragraphs changed" in read(preview, "A/RES/61/5/changes")

    (series_site.docs / "A_RES_61_5.md").write_text(edition(61, 5, "Improving global road safety", verb="Urges"))
    plugin = series_site.build(preview, "serve")
    assert "1 changed operative paragraph" in read(preview, "A/RES/61/5/changes")  # Encourages -> Urges
    assert "1 changed operative paragraph" in read(preview, "A/RES/62/5/changes")  # Urges -> Encourages
    assert plugin.speedups.page_memory.reused > 0
    assert_same_as_full_build(series_site, preview, tmp_path, "edited")

    # Renamed: 61/5 leaves the series; 62/5 now follows 60/5, and the other text joins 61/5's new title.
    (series_site.docs / "A_RES_61_5.md").write_text(edition(61, 5, "Something else"))
    series_site.build(preview, "serve")
    assert "Changes since 60/5" in read(preview, "A/RES/62/5")
    assert "Previous edition: 61/5" in read(preview, "A/RES/61/9")
    assert not (preview / "A/RES/61/5/changes").exists()
    assert (preview / "A/RES/61/9/changes/index.html").exists()
    assert_same_as_full_build(series_site, preview, tmp_path, "renamed")
