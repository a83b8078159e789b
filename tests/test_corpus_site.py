"""The whole development corpus builds as one site with ``mkdocs build --strict``, logs no warning, and every
link and citation of its pages is in place.

Every file of ``../shared/corpus`` (about 2,900 pages) is linked (symlinked, never copied into the
repository) into a temporary ``docs_dir`` beside a generated ``mkdocs.yml`` (Material, the package's
layouts, the ``resolutions`` plugin, MkDocs' link and anchor validation as warnings). What the
sources get wrong but the pages show completely (``info`` diagnostics, docs/diagnostics.md) is logged at
INFO level and must not fail the strict build. Takes a few minutes on two cores; skips without the corpus.

The same build by hand (from the repository root):

    mkdir -p /tmp/corpus-site/docs && ln -sfn "$PWD/../shared/corpus" /tmp/corpus-site/docs/resolutions &&
    echo "# Corpus" > /tmp/corpus-site/docs/index.md &&
    printf 'site_name: Corpus\ntheme: material\nplugins: [{resolutions: {allow_links_outside_docs: true}}]\n' \
      > /tmp/corpus-site/mkdocs.yml && .venv/bin/mkdocs build --strict -f /tmp/corpus-site/mkdocs.yml
"""

from __future__ import annotations

import re

import pytest

from test_site_build import Site, page_of

# An info diagnostic as the adapter logs it: "INFO    -  path:line: message [CODE]".
INFO_DIAGNOSTIC = re.compile(r"^INFO\s+-\s+\S+\.md:\d+: .+ \[RES\d+\]$")


pytestmark = pytest.mark.corpus

CRAWLED = ("ga/75", "sc/1960s")
"""The parts of the corpus whose pages are crawled link by link: one General Assembly session and a decade of
the Security Council (crawling all pages would add minutes and find nothing these do not)."""


def test_strict_build_of_the_whole_corpus_passes_without_warnings(corpus_dir, corpus_site):
    warnings = [line for line in corpus_site.lines if line.startswith(("WARNING", "ERROR"))]
    assert warnings == [], "\n".join(warnings[:30])
    assert corpus_site.returncode == 0, "\n".join(corpus_site.lines[-40:])

    # The source discrepancies are still reported, one per line in the usual form, at INFO level.
    infos = [line for line in corpus_site.lines if INFO_DIAGNOSTIC.match(line)]
    assert any(line.endswith("[RES107]") for line in infos)
    pages = list((corpus_site.root / "site").rglob("index.html"))
    sources = [p for p in corpus_dir.rglob("*.md") if p.name != "README.md"]
    assert len(pages) > len(sources)  # every resolution has its page, plus the index pages


def test_every_link_and_citation_of_the_corpus_pages_is_in_place(corpus_dir, corpus_parsed, corpus_site):
    assert corpus_site.returncode == 0, "\n".join(corpus_site.lines[-40:])
    site = Site(corpus_site.root / "site")
    crawled = [res for path, res in corpus_parsed.items() if any(path.is_relative_to(corpus_dir / part) for part in CRAWLED)]
    assert len(crawled) > 400
    broken_links, unlinked = [], []
    for res in crawled:
        page = page_of(res.symbol)
        doc = site.pages[page]
        for link in doc.links:
            target, fragment = site.target(page, link.attrs["href"])
            if target is not None and (target not in site.pages or (fragment and fragment not in site.pages[target].ids)):
                broken_links.append((page, link.attrs["href"]))
        link_texts = {" ".join(link.text.split()) for link in doc.links}
        unlinked += [(res.symbol, c.text) for c in res.citations if " ".join(c.text.split()) not in link_texts]
    assert broken_links == []
    assert unlinked == []
