"""The mandate registry: entries, recurring requests grouped, pages per due session and actor, the data files,
the resolution page's row, and the plugin option that leaves it all out."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from resolutions.data.mandate_files import CSV_COLUMNS, mandate_files
from resolutions.model import Mandate
from resolutions.parse.parser import parse
from resolutions.site import mandates

from test_mandates import HEAD, TAIL


def _resolution(number: int, session: int, operative: str, title: str = "A recurring resolution"):
    head = (HEAD.replace("76/999", f"{session}/{number}").replace("Seventy-sixth", _SESSION_WORDS[session])
            .replace("A test resolution", title).replace("9 December 2021", f"9 December {session + 1945}"))
    return parse(head + operative + TAIL.replace("2021", str(session + 1945)), f"A_RES_{session}_{number}.md")


_SESSION_WORDS = {74: "Seventy-fourth", 75: "Seventy-fifth", 76: "Seventy-sixth"}
REPORT = "1. Requests the Secretary-General to submit to the General Assembly at its next session a report thereon."


def _url_for(symbol: str) -> str:
    return symbol.replace(" ", "") + "/"


def test_entries_quote_and_link_their_paragraph():
    res = _resolution(10, 75, REPORT)
    [entry] = mandates.entries([res], _url_for)
    assert entry.href == "A/RES/75/10/#para-1"
    assert entry.quote.startswith("Requests the Secretary-General to submit")
    assert entry.mandate.due_session == "76"


def test_a_session_page_lists_what_is_due_there_and_recurring_requests_name_their_first_edition():
    editions = [_resolution(10 + i, session, REPORT) for i, session in enumerate((74, 75, 76))]
    pages = {page.src_uri: page for page in mandates.registry_pages(mandates.entries(editions, _url_for))}
    page = pages["mandates/sessions/general-assembly/77/index.md"]
    assert page.title == "Due at the 77th session of the General Assembly"
    [item] = page.context["groups"]
    assert item.latest.href == "A/RES/76/12/#para-1" and item.editions == 3
    assert item.first.res.number == "74/10"
    # the actor's list (the shared one: asked three times) shows the request once, its latest edition
    [actor_item] = pages["mandates/actors/others/index.md"].context["groups"]
    assert actor_item.number == "76/12"
    overview = pages["mandates/index.md"].context
    assert [s["label"] for s in overview["sessions"]] == [
        "77th session of the General Assembly", "76th session of the General Assembly",
        "75th session of the General Assembly"]


def test_another_bodys_session_has_its_own_page_never_the_issuing_bodys():
    res = _resolution(10, 75, "1. Requests the Secretary-General to submit to the Commission for Social Development, "
                              "for its consideration at its sixtieth session, a report.\n\n"
                              "2. Also requests the Secretary-General to report to the Assembly at its sixtieth session.")
    pages = {page.src_uri: page for page in mandates.registry_pages(mandates.entries([res], _url_for))}
    other = pages["mandates/sessions/commission-for-social-development/60/index.md"]
    assert other.title == "Due at the 60th session of the Commission for Social Development"
    assert [g.paragraph for g in other.context["groups"]] == ["para. 1"]
    assert [g.paragraph for g in pages["mandates/sessions/general-assembly/60/index.md"].context["groups"]] == [
        "para. 2"]
    assert other.context["groups"][0].due == "60th session of the Commission for Social Development"
    # the data files say whose session it is too (empty for the issuing body's own, as in the resolution's JSON)
    json_file, csv_file = mandate_files(mandates.entries([res], _url_for), None)
    assert [(r["due_session"], r["due_body"]) for r in json.loads(json_file.text())["mandates"]] == [
        ("60", "Commission for Social Development"), ("60", None)]
    rows = list(csv.DictReader(io.StringIO(csv_file.text())))
    assert [(r["due_session"], r["due_body"]) for r in rows] == [
        ("60", "Commission for Social Development"), ("60", "")]


def test_open_ended_mandates_are_on_their_actors_page_after_those_with_a_due_point_and_counted():
    asks = ["1. Urges all States to ratify the Convention.", "2. Requests all States to report to the "
            "Secretary-General by 31 December 2021."] + [f"{n}. Calls upon States to cooperate." for n in range(3, 11)]
    entries = mandates.entries([_resolution(10, 75, "\n\n".join(asks))], _url_for)
    pages = {page.src_uri: page for page in mandates.registry_pages(entries)}
    overview = pages["mandates/index.md"].context
    assert (overview["total"], overview["open_ended"]) == (10, 9)
    groups = pages["mandates/actors/member-states/index.md"].context["groups"]
    assert [(g.paragraph, g.open, g.due) for g in groups][:3] == [
        ("para. 2", False, "31 December 2021"), ("para. 10", True, ""), ("para. 9", True, "")]
    assert groups[-1].paragraph == "para. 1" and len(groups) == 10
    assert not any(uri.startswith("mandates/sessions/") for uri in pages)  # no session named: no session page


def test_actors_asked_rarely_share_one_list_and_the_list_of_actors_stays_short():
    texts = [f"1. Invites the Rare Body Number {n} to consider the matter." for n in range(1, 6)]
    entries = mandates.entries([_resolution(10 + n, 75, text, f"T{n}") for n, text in enumerate(texts)], _url_for)
    pages = {page.src_uri: page for page in mandates.registry_pages(entries)}
    actors = pages["mandates/actors/index.md"].context["actors"]
    assert actors == [{"label": mandates.OTHER_ACTORS, "url": "mandates/actors/others/", "count": 5, "open": 5,
                       "actors": 5, "fewer_than": mandates.ACTOR_PAGE_FROM}]
    groups = pages["mandates/actors/others/index.md"].context["groups"]
    assert [g.actor for g in groups] == [f"Rare Body Number {n}" for n in range(1, 6)]  # by name


def test_untracked_mandates_are_in_the_files():
    res = _resolution(10, 75, "1. Urges all States to ratify the Convention.")
    entries = mandates.entries([res], _url_for)
    json_file, csv_file = mandate_files(entries, "https://example.org/")
    data = json.loads(json_file.text())
    assert data["count"] == 1 and data["mandates"][0]["actor"] == "Member States"
    assert data["mandates"][0]["url"] == "https://example.org/A/RES/75/10/#para-1"
    rows = list(csv.reader(io.StringIO(csv_file.text())))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 2


def test_csv_cells_that_a_spreadsheet_would_run_are_guarded():
    res = _resolution(10, 75, REPORT)
    hostile = replace(res, mandates=(replace(res.mandates[0], actor="=HYPERLINK(\"http://x\")"),))
    rows = list(csv.reader(io.StringIO(mandate_files(mandates.entries([hostile], _url_for), None)[1].text())))
    assert rows[1][CSV_COLUMNS.index("actor")] == "'=HYPERLINK(\"http://x\")"


def test_long_lists_continue_on_numbered_pages():
    many = [_resolution(i, 75, REPORT, title=f"Title {i}") for i in range(1, mandates.MANDATES_PER_PAGE + 3)]
    pages = {page.src_uri: page for page in mandates.registry_pages(mandates.entries(many, _url_for))}
    url = "mandates/sessions/general-assembly/76/"
    first, second = pages[f"{url}index.md"], pages[f"{url}2/index.md"]
    assert len(first.context["groups"]) == mandates.MANDATES_PER_PAGE and len(second.context["groups"]) == 2
    assert [p["url"] for p in first.context["pages"]] == [url, f"{url}2/"]
    assert second.title.endswith("(page 2 of 2)")


def test_a_long_list_links_its_first_last_and_nearby_pages_only():
    urls = [f"u{n}/" for n in range(1, 81)]
    numbers = [p["number"] for p in mandates._pager(urls, 40)]
    assert numbers == [1, None, 38, 39, 40, 41, 42, None, 80]
    assert [p["number"] for p in mandates._pager(urls, 1)] == [1, 2, 3, None, 80]


def test_the_resolution_page_row_links_each_mandate_and_escapes_its_text():
    res = _resolution(10, 75, REPORT)
    label, html = mandates.metadata_row(res)
    assert label == "Mandates"
    assert '<a href="#para-1">para. 1</a>: Secretary-General · report' in html and "76th session" in html
    odd = replace(res, mandates=(replace(res.mandates[0], actor="<b>x</b>"),))
    assert "&lt;b&gt;x&lt;/b&gt;" in mandates.metadata_row(odd)[1]
    assert mandates.metadata_row(replace(res, mandates=())) is None


def test_due_labels_say_when_in_words():
    base = Mandate("para-1", 1, "request", "Secretary-General", "report", None, None, None, None, None)
    assert mandates.due_label(replace(base, due_session="81")) == "81st session"
    assert mandates.due_label(replace(base, due_session="2023")) == "2023 session"
    assert mandates.due_label(replace(base, due_date="2025-12-31", recurrence="annual")) == "31 December 2025, annual"
    assert mandates.due_label(base) == ""


def test_the_site_has_the_registry_and_the_plugin_option_leaves_it_out(tmp_path):
    from test_site_build import MKDOCS_YML, build_site, page_of

    built = build_site("basic", tmp_path / "on", "--strict")
    assert built.returncode == 0, built.log
    data = json.loads((built.site / "mandates.json").read_text(encoding="utf-8"))
    assert data["count"] > 0 and (built.site / "mandates" / "index.html").is_file()
    first = data["mandates"][0]
    page = (built.site / page_of(first["symbol"])).read_text(encoding="utf-8")
    assert f'<a href="#{first["paragraph"]}">' in page and ">Mandates<" in page

    off = MKDOCS_YML.replace("folder: resolutions", "folder: resolutions\n      mandates: false")
    built = build_site("basic", tmp_path / "off", "--strict", config=off)
    assert built.returncode == 0, built.log
    assert not (built.site / "mandates.json").exists() and not (built.site / "mandates").exists()
    assert ">Mandates<" not in (built.site / page_of(first["symbol"])).read_text(encoding="utf-8")


def test_the_overview_counts_open_ended_mandates_by_action_and_body():
    # Open-ended mandates are listed on their actor's page, so the overview's action and body counts include them:
    # a collection of open-ended requests only must not show empty "By action" and "By body" lists.
    res = _resolution(10, 75, "1. Urges States to cooperate with the Organization.\n\n"
                              "2. Requests the Secretary-General to continue his efforts.")
    pages = {page.src_uri: page for page in mandates.registry_pages(mandates.entries([res], _url_for))}
    overview = pages["mandates/index.md"].context
    assert overview["tracked"] == 0 and overview["open_ended"] == 2
    assert sum(action["count"] for action in overview["actions"]) == 2
    assert [body["count"] for body in overview["bodies"]] == [2]


def test_list_entries_link_their_paragraph_from_the_page_and_escape_the_source_text():
    hostile = ("1. Requests the Secretary-General to submit to the General Assembly at its next session a report on "
               "<script>alert(1)</script> & “more”.")
    page = next(p for p in mandates.registry_pages(mandates.entries([_resolution(10, 75, hostile)], _url_for))
                if p.src_uri == "mandates/sessions/general-assembly/76/index.md")
    items = page.context["items_html"]("../../../..")
    assert items.count('<li class="rs-mandate"') == 1
    assert '<a href="../../../../A/RES/75/10/#para-1">75/10, para. 1</a>' in items
    assert "<script>" not in items and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in items
    assert 'data-action="report"' in items and '<strong class="rs-mandate-due">76th session</strong>' in items


def test_quotes_are_the_paragraphs_beginning_shorter_for_open_ended_mandates():
    words = " ".join(["the implementation of the present resolution"] * 12)
    res = _resolution(10, 75, f"1. Requests the Secretary-General to report at its next session on {words}.\n\n"
                              f"2. Urges Member States to continue {words}.")
    due, open_ended = mandates.entries([res], _url_for)
    assert due.quote.endswith(" …") and len(due.quote) <= mandates.QUOTE_LENGTH + 2
    assert open_ended.quote.endswith(" …") and len(open_ended.quote) <= mandates.OPEN_QUOTE_LENGTH + 2
    assert open_ended.quote.startswith("Urges Member States to continue the implementation")


def test_mandates_json_is_what_json_writes_for_each_record():
    # Records are written straight from their values: the text must be json.dumps' own, null, numbers, quotes
    # and characters outside ASCII included.
    res = _resolution(10, 75, REPORT + '\n\n2. Urges “all” States to act on the "question" of Côte d’Ivoire.')
    entries = mandates.entries([res], _url_for)
    text = mandate_files(entries, "https://example.org/site/")[0].text()
    records = [{
        "symbol": e.res.symbol, "body": "General Assembly", "session": "75", "adopted": e.res.adopted,
        "paragraph": e.mandate.paragraph, "line": e.mandate.line, "verb": e.mandate.verb, "actor": e.mandate.actor,
        "action": e.mandate.action, "due_session": e.mandate.due_session, "due_body": None,
        "due_date": e.mandate.due_date,
        "due_year": None, "recurrence": e.mandate.recurrence, "due_text": e.mandate.due_text,
        "document": e.mandate.document, "text": e.quote,
        "url": f"https://example.org/site/A/RES/75/10/#{e.mandate.paragraph}"} for e in entries]
    assert [r["due_session"] for r in records] == ["76", None] and records[1]["text"].startswith("Urges “all”")
    data = json.loads(text)
    assert data["mandates"] == records and data["count"] == 2
    assert text.endswith(",".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records) + "]}\n")


INCLUDE_ITEM = ("1. Decides to include in the provisional agenda of its seventy-seventh session the item entitled "
                "“Cooperation”.")


def test_a_count_of_one_reads_in_the_singular_on_the_list_pages():
    [entry] = mandates.entries([_resolution(10, 75, INCLUDE_ITEM)], _url_for)
    assert (entry.mandate.action, entry.mandate.due_session) == ("include-item", "77")
    pages = {page.src_uri: page for page in mandates.registry_pages([entry])}
    assert pages["mandates/sessions/general-assembly/77/index.md"].context["lead"] == (
        "0 reports requested, and 1 other mandate due, at the 77th session of the General Assembly.")
    assert pages["mandates/actors/others/index.md"].context["lead"] == "The actor asked fewer than 10 times."


def test_the_overview_of_a_collection_with_one_mandate_reads_in_the_singular(tmp_path):
    from test_site_build import build_folder

    docs = tmp_path / "docs" / "resolutions"
    docs.mkdir(parents=True)
    (docs / "A_RES_76_999.md").write_text(HEAD + INCLUDE_ITEM + TAIL, encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("# One resolution\n", encoding="utf-8")
    built = build_folder(tmp_path)
    assert built.returncode == 0, built.log
    overview = " ".join((built.site / "mandates" / "index.html").read_text(encoding="utf-8").split())
    assert "1 mandate: what the operative paragraphs" in overview
    assert "1 has a due point" in overview and "0 have none" in overview
    assert "1 actor asked fewer than 10 times" in overview
