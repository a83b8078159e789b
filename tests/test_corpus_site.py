"""The whole development corpus builds as one site with ``mkdocs build --strict``, and logs no warning.

Every file of ``../shared/corpus`` (about 2,900 pages) is linked (symlinked, never copied into the
repository) into a temporary ``docs_dir`` beside a generated ``mkdocs.yml`` (Material, this repository's
``site_templates/``, the ``resolutions`` plugin, MkDocs' link and anchor validation as warnings). What the
sources get wrong but the pages show completely (``info`` diagnostics, docs/diagnostics.md) is logged at
INFO level and must not fail the strict build. Takes a few minutes on two cores; skips without the corpus.

The same build by hand is documented in ``tests/test_site_build.py`` (the corpus section).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from test_site_build import MKDOCS_YML, ROOT

# An info diagnostic as the adapter logs it: "INFO    -  path:line: message [CODE]".
INFO_DIAGNOSTIC = re.compile(r"^INFO\s+-\s+\S+\.md:\d+: .+ \[RES\d+\]$")


@pytest.mark.corpus
def test_strict_build_of_the_whole_corpus_passes_without_warnings(corpus_dir, tmp_path):
    root = tmp_path / "corpus-site"
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Corpus\n", encoding="utf-8")
    (docs / "resolutions").symlink_to(corpus_dir, target_is_directory=True)
    # Material's search plugin is left out: the resolutions plugin writes its own compact index.
    config = MKDOCS_YML.replace("  - search\n", "")
    (root / "mkdocs.yml").write_text(config.format(templates=ROOT / "site_templates"), encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    log = done.stdout + done.stderr
    lines = log.splitlines()
    warnings = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
    assert warnings == [], "\n".join(warnings[:30])
    assert done.returncode == 0, log[-3000:]

    # The source discrepancies are still reported, one per line in the usual form, at INFO level.
    infos = [line for line in lines if INFO_DIAGNOSTIC.match(line)]
    assert any(line.endswith("[RES107]") for line in infos)
    pages = list((root / "site").rglob("index.html"))
    sources = [p for p in corpus_dir.rglob("*.md") if p.name != "README.md"]
    assert len(pages) > len(sources)  # every resolution has its page, plus the index pages
