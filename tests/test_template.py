"""templates/mkdocs.yml, the file a user copies into a new collection, builds a strict site as documented."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "templates" / "mkdocs.yml"


def test_template_builds_a_collection_strictly(tmp_path):
    # The layout docs/publishing.md describes: mkdocs.yml, site_templates/ and content/ side by side.
    shutil.copy(TEMPLATE, tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "site_templates", tmp_path / "site_templates")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    env = {**os.environ, "SITE_URL": "https://example.org/un/", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    page = (site / "A" / "RES" / "51" / "148" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/un/A/RES/51/148/">' in page
    assert "fonts.googleapis.com" not in page
    assert "<loc>https://example.org/un/A/RES/51/148/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "404.html").is_file()
    assert "A/RES/51/148" in (site / "a" / "res" / "51" / "148" / "index.html").read_text(encoding="utf-8")
    # Nothing is written beside the site except what the plugin documents (its parse cache).
    assert sorted(p.name for p in tmp_path.iterdir()) in (
        [".cache", "content", "mkdocs.yml", "site", "site_templates"],
        ["content", "mkdocs.yml", "site", "site_templates"],
    )
