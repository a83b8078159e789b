"""Integration: build a real site from a few sessions of ../shared/corpus and crawl its index pages and data.

Checks that every resolution appears under each of its agenda items and at its meeting on the
timeline exactly once, session counts equal the numbers of resolutions, every index link resolves, the JSON
validates against the schema and round-trips, the feed is Atom. The corpus tests skip without it (one test builds the
sample from content/ instead). The corpus sources are symlinked into a temporary docs folder (never copied into the project).
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from resolutions.data import export
from resolutions.parse import parser
from resolutions.site import views
from test_datasets import assert_atom_rfc4287

# A General Assembly session (part of it), an ECOSOC session and some Security Council years.
SELECTION = (("ga/76", 90), ("ecosoc/2021", None), ("sc/1960s", 40))
ATOM = "{http://www.w3.org/2005/Atom}"


def _build_site(root: Path, options: str = "") -> Path:
    """Build ``root/docs`` with the project's templates and the resolutions plugin (and its extra ``options``,
    YAML lines); return the site folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = root / "mkdocs.yml"
    config_file.write_text(
        "site_name: Index test\nsite_url: https://example.org/un/\ndocs_dir: docs\nsite_dir: site\n"
        "theme:\n  name: material\n"
        "plugins:\n  - resolutions:\n      folder: resolutions\n      strict_errors: false\n"
        "      allow_links_outside_docs: true\n"  # the corpus files are linked in from outside docs_dir
        + options,
        encoding="utf-8",
    )
    build(load_config(config_file=str(config_file)))
    return root / "site"


def test_index_pages_link_meeting_records_at_the_configured_resolver(tmp_path, sample_path):
    docs = tmp_path / "docs"
    (docs / "resolutions").mkdir(parents=True)
    (docs / "index.md").write_text("# Test site\n", encoding="utf-8")
    (docs / "resolutions" / "A_RES_51_148.md").write_text(sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    site = _build_site(tmp_path, "      resolver: https://documents.example.org/symbol/\n")
    for url in ("sessions/51/", "timeline/1996/"):
        html = _page(site, url)
        assert 'href="https://documents.example.org/symbol/A/51/PV.84"' in html, url
        assert "undocs.org" not in html, url
    # The resolution page links its official text and its meeting record at the same resolver.
    page = _page(site, "A/RES/51/148/")
    assert "https://documents.example.org/symbol/A/RES/51/148" in page and "undocs.org" not in page
    assert "1 document, grouped by body and session" in _page(site, "resolutions/")  # one is not "1 documents"
    assert "1 resolution, adopted 13 December 1996." in " ".join(_page(site, "resolutions/51/").split())


def test_sample_site_indexes_escape_hostile_titles(tmp_path, sample_path):
    """Without the corpus: the sample resolution and a copy whose title and agenda item carry markup."""
    docs = tmp_path / "docs"
    (docs / "resolutions").mkdir(parents=True)
    (docs / "index.md").write_text("# Test site\n", encoding="utf-8")
    text = sample_path.read_text(encoding="utf-8")
    (docs / "resolutions" / "A_RES_51_148.md").write_text(text, encoding="utf-8")
    hostile = (
        text.replace("A/RES/51/148", "A/RES/51/149")
        # Entities, so that the parsed title itself holds the markup characters.
        .replace("51/148. Cooperation between the United Nations and",
                 "51/149. &lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; and")
    )
    (docs / "resolutions" / "A_RES_51_149.md").write_text(hostile, encoding="utf-8")
    (docs / "agendas").mkdir()
    (docs / "agendas" / "51.yml").write_text('items:\n  "161": <b>Agenda</b> & title\n', encoding="utf-8")
    site = _build_site(tmp_path)
    for url in ("resolutions/", "resolutions/51/", "sessions/51/", "sessions/51/agenda/", "sessions/51/agenda/161/",
                "timeline/", "timeline/1996/"):
        html = _page(site, url)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Agenda</b>" not in html, url
        assert "Source: United Nations" in html, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in _page(site, "resolutions/51/")
    agenda = _page(site, "sessions/51/agenda/161/")
    assert "&lt;b&gt;Agenda&lt;/b&gt; &amp; title" in agenda
    assert _links_to(agenda, "sessions/51/agenda/161/", "A/RES/51/148/") == 1
    assert _links_to(agenda, "sessions/51/agenda/161/", "A/RES/51/149/") == 1
    assert "2 documents, grouped by body and session" in _page(site, "resolutions/")
    timeline = _page(site, "timeline/1996/")
    assert 'id="m-1996-12-13-ga-84"' in timeline and "A/51/PV.84" in timeline
    assert json.loads((site / "A/RES/51/148/index.json").read_text(encoding="utf-8"))["symbol"] == "A/RES/51/148"
    assert_atom_rfc4287(ET.parse(site / "feed.xml").getroot())


@pytest.fixture(scope="module")
def built(corpus_dir: Path, tmp_path_factory):
    root = tmp_path_factory.mktemp("index_site")
    docs = root / "docs"
    sources: list[Path] = []
    for folder, limit in SELECTION:
        files = sorted((corpus_dir / folder).glob("*.md"))[:limit]
        target = docs / "resolutions" / folder.replace("/", "-")
        target.mkdir(parents=True)
        for source in files:
            (target / source.name).symlink_to(source)
        sources.extend(files)
    (docs / "index.md").write_text("# Test site\n", encoding="utf-8")
    site = _build_site(root)
    parsed = [parser.parse_file(str(p)) for p in sources]
    with_pages = [r for r in parsed if r.symbol]
    symbols = Counter(r.symbol for r in with_pages)
    unique = [r for r in with_pages if symbols[r.symbol] == 1]
    return site, unique


class _Links(HTMLParser):
    """hrefs and ids of the index part of a page (inside ``div.rs-index``), plus every id of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "div" and attributes.get("class") == "rs-index":
            self._depth = 1
        elif self._depth and tag == "div":
            self._depth += 1
        if self._depth and tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if self._depth and tag == "div":
            self._depth -= 1


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _resolve(page_url: str, href: str) -> str:
    """Site-relative target of a relative href found on the page at ``page_url``."""
    target, _, fragment = href.partition("#")
    path = posixpath.normpath(posixpath.join(page_url, target)) if target else page_url.rstrip("/")
    path = "" if path == "." else path
    return (path.strip("/") + "/" if path.strip("/") else "") + ("#" + fragment if fragment else "")


def _links_to(html: str, page_url: str, resolution_url: str) -> int:
    return sum(1 for href in re.findall(r'href="([^"]+)"', html) if _resolve(page_url, href) == resolution_url)


def _index_pages(site: Path) -> list[str]:
    """Every index page, without the redirect page of a folder that has none (``sessions/``)."""
    return sorted(
        p.parent.relative_to(site).as_posix() + "/"
        for top in ("resolutions", "sessions", "timeline")
        for p in (site / top).rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:600]
    )


def test_every_index_link_resolves(built):
    site, _ = built
    pages = _index_pages(site)
    assert len(pages) > 20
    ids_cache: dict[str, set[str]] = {}
    broken = []
    for url in pages:
        collector = _Links()
        collector.feed(_page(site, url))
        assert collector.links, url
        for href in collector.links:
            if "://" in href:
                continue
            target = _resolve(url, href)
            path, _, fragment = target.partition("#")
            if not (site / path / "index.html").is_file():
                broken.append((url, href))
                continue
            if fragment:
                if path not in ids_cache:
                    ids_collector = _Links()
                    ids_collector.feed(_page(site, path))
                    ids_cache[path] = ids_collector.ids
                if fragment not in ids_cache[path]:
                    broken.append((url, href))
    assert broken == []


def test_each_resolution_once_under_each_of_its_agenda_items(built):
    site, resolutions = built
    checked = 0
    for res in resolutions:
        res_url = views.default_resolution_url(res.symbol)
        for number in {views.agenda_item_id(i.number): i.number for i in res.agenda_items}.values():
            item_url = views.agenda_item_url(res, number)
            assert _links_to(_page(site, item_url), item_url, res_url) == 1, (res.symbol, number)
            index_url = views.agenda_index_url(views.session_id(res))
            section = _page(site, index_url).split(f'id="item-{views.agenda_item_id(number)}"', 1)[1].split("</section>")[0]
            assert _links_to(section, index_url, res_url) == 1, (res.symbol, number)
            checked += 1
    assert checked > 50


def test_each_resolution_once_at_its_meeting_on_the_timeline(built):
    site, resolutions = built
    placed = 0
    for res in resolutions:
        url = views.timeline_url(res)
        if url is None:
            continue
        page_url, anchor = url.split("#")
        html = _page(site, page_url)
        meetings = html.split('<li class="rs-tl-meeting" id="')[1:]
        at_meeting = [m for m in meetings if m.startswith(anchor + '"')]
        assert len(at_meeting) == 1, (res.symbol, anchor)
        res_url = views.default_resolution_url(res.symbol)
        assert _links_to(at_meeting[0], page_url, res_url) == 1, res.symbol
        if res.meeting is not None or not res.parts:  # a single adoption: nowhere else on the year page
            assert _links_to(html, page_url, res_url) == 1, res.symbol
        placed += 1
    assert placed > 0.8 * len(resolutions)


def test_session_counts_equal_the_numbers_of_resolutions(built):
    site, resolutions = built
    by_session = defaultdict(list)
    for res in resolutions:
        if views.session_url(res):
            by_session[views.session_url(res)].append(res)
    assert len(by_session) >= 3
    for url, members in by_session.items():
        html = _page(site, url)
        counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))
        assert int(counts["Resolutions"]) == sum(1 for r in members if r.kind == "resolution"), url
        assert int(counts["Adopted by a vote"]) == sum(1 for r in members if r.vote and r.vote.outcome in ("recorded vote", "vote")), url
        assert int(counts["Adopted without a vote"]) == sum(1 for r in members if r.vote and r.vote.outcome == "without vote"), url
        # The ways of adoption add up to every document of the session (the Security Council's 1946 page
        # said "Recorded votes 3" for 15 resolutions and nothing about the other 12).
        ways = ("Adopted by a vote", "Adopted unanimously", "Adopted without a vote", "Adoption not printed")
        assert sum(int(counts.get(way, 0)) for way in ways) == len(members), (url, counts)
        listed = _page(site, url.replace("sessions/", "resolutions/", 1))
        assert listed.count('<td class="rs-number">') == len(members), url


def test_agenda_titles_from_cover_pages(built):
    site, resolutions = built
    ecosoc = next(r for r in resolutions if r.symbol == "E/RES/2021/1")
    item = ecosoc.agenda_items[0]
    html = _page(site, views.agenda_item_url(ecosoc, item))
    assert item.title and item.title in html  # printed on the cover page: "Adoption of the agenda ..."


def test_collection_json_validates_and_round_trips(built):
    jsonschema = pytest.importorskip("jsonschema")
    site, resolutions = built
    document = json.loads((site / "resolutions.json").read_text(encoding="utf-8"))
    assert document["count"] == len(resolutions)
    schema = export.load_schema()
    validator = jsonschema.Draft202012Validator(schema)
    expected = {r.symbol: export.resolution_to_dict(r) for r in resolutions}
    for entry in document["resolutions"]:
        model = entry["resolution"]
        assert list(validator.iter_errors(model)) == []
        assert export.resolution_to_dict(export.resolution_from_dict(model)) == model
        mine = dict(expected[model["symbol"]], source=model["source"])  # the plugin shows paths from mkdocs.yml
        mine["diagnostics"] = [dict(d, path=x["path"]) for d, x in zip(mine["diagnostics"], model["diagnostics"])]
        assert model == mine, model["symbol"]
        page_json = json.loads((site / views.default_resolution_url(model["symbol"]) / "index.json").read_text("utf-8"))
        # index.json ends with the series keys, which resolutions.json gives beside the model in each entry.
        series = {key: page_json.pop(key) for key in ("series", "previous", "next")}
        assert series == {key: entry[key] for key in ("series", "previous", "next")}
        assert page_json == model
    targets = {e["to"] for e in document["citations"]}
    assert targets <= set(expected)


def test_resolution_pages_link_their_json(built):
    site, resolutions = built
    html = _page(site, views.default_resolution_url(resolutions[0].symbol))
    links = re.findall(r'<link rel="([^"]*)" type="application/json" href="index.json">', html)
    assert [rel.split() for rel in links] == [["alternate"]]  # HTML reads rel as a space-separated list
    # ... but not the exact value Material's JavaScript looks for (it fetches a sitemap.xml beside those).
    assert links != ["alternate"]


def test_csv_has_one_row_per_resolution(built):
    site, resolutions = built
    rows = list(csv.DictReader(io.StringIO((site / "resolutions.csv").read_text(encoding="utf-8"))))
    assert sorted(r["symbol"] for r in rows) == sorted(r.symbol for r in resolutions)


def test_feed_is_atom(built):
    site, resolutions = built
    feed = ET.parse(site / "feed.xml").getroot()
    assert_atom_rfc4287(feed)
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert 0 < len(entries) <= 50
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert dates[0][:10] == max(r.adopted or r.issued or "" for r in resolutions)
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("https://example.org/un/")
        assert (site / href.removeprefix("https://example.org/un/") / "index.html").is_file()
