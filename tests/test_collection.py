"""Collection: symbol index, citation resolution, "cited by", neighbours, on hand-built resolutions."""

from __future__ import annotations

from dataclasses import replace

from resolutions.site.collection import DUPLICATE_SYMBOL, Collection, own_pages, relative_href
from resolutions.symbols import official_url
from resolutions.model import ERROR, Citation, Footnote, Paragraph, Resolution, Section


def make(symbol, number=None, *, body="General Assembly", session="60", citations=(), operative=None, **fields):
    """A resolution built by hand; any model field can be given in ``fields``."""
    number = number or symbol.split("RES/")[-1]
    if operative is None:
        operative = tuple(Paragraph(f"para-{n}", "operative", str(n), f"Text of paragraph {n}.", 10 + n) for n in (1, 2, 3))
    values = dict(
        source=f"{symbol.replace('/', '_')}.md",
        kind="resolution",
        body=body,
        symbol=symbol,
        number=number,
        title=f"Title of {number}",
        session=session,
        session_text=None,
        agenda_items=(),
        issued=None,
        adopted=None,
        meeting=None,
        proponent=None,
        documents=(),
        enacting_formula="The General Assembly,",
        preamble=(Paragraph("pp-1", "preamble", "1", "Recalling its resolution 60/20 of 2005,", 5),),
        operative=operative,
        sections=(),
        parts=(),
        annexes=(),
        footnotes=(),
        citations=tuple(citations),
        vote=None,
    )
    values.update(fields)
    return Resolution(**values)


def cite(symbol, where="pp-1", paragraph=None, text=None, kind="resolution"):
    return Citation(symbol, kind, paragraph, text or f"resolution {symbol.split('RES/')[-1]}", where, 5)


def test_citation_in_the_collection_links_to_the_page_and_cited_paragraph():
    cited = make("A/RES/60/20")
    citing = make("A/RES/60/10", citations=[cite("A/RES/60/20"), cite("A/RES/60/20", "para-1", "3")])
    collection = Collection.build([citing, cited])
    resolved = collection.resolved(citing)
    assert [r.href for r in resolved] == ["A/RES/60/20/", "A/RES/60/20/#para-3"]
    assert all(r.internal and r.target_symbol == "A/RES/60/20" for r in resolved)


def test_citation_of_a_missing_paragraph_links_to_the_page_only():
    collection = Collection.build([make("A/RES/60/20"), make("A/RES/60/10", citations=[cite("A/RES/60/20", "pp-1", "99")])])
    assert collection.citations["A_RES_60_10.md"][0].href == "A/RES/60/20/"


def test_citation_outside_the_collection_links_to_the_resolver():
    collection = Collection.build([make("A/RES/60/10", citations=[cite("A/RES/47/4")])], resolver_base="https://example.org/r/")
    resolved = collection.citations["A_RES_60_10.md"][0]
    assert (resolved.href, resolved.internal, resolved.target_symbol) == ("https://example.org/r/A/RES/47/4", False, None)


def test_section_paragraph_citation_uses_the_section_anchor():
    section = Section("III", None, (), (Paragraph("sec-iii-para-3", "operative", "3", "x", 20),), 19)
    cited = replace(make("A/RES/61/275", session="61"), sections=(section,))
    citing = make("A/RES/62/1", session="62", citations=[cite("A/RES/61/275", "para-1", "III.3")])
    assert Collection.build([cited, citing]).resolved(citing)[0].href == "A/RES/61/275/#sec-iii-para-3"


def test_citation_of_a_part_finds_the_part_file_then_the_range_then_the_base():
    part_c = make("A/RES/54/237 C", "54/237 C")
    range_file = make("A/RES/54/300 A-D", "54/300 A-D")
    base_file = make("A/RES/54/400")
    citing = make(
        "A/RES/55/1",
        session="55",
        citations=[cite("A/RES/54/237 C"), cite("A/RES/54/300 C"), cite("A/RES/54/400 B"), cite("A/RES/54/237 D")],
    )
    collection = Collection.build([part_c, range_file, base_file, citing])
    hrefs = [r.href for r in collection.resolved(citing)]
    assert hrefs[:3] == ["A/RES/54/237C/", "A/RES/54/300A-D/", "A/RES/54/400/"]
    assert hrefs[3] == official_url("A/RES/54/237 D")  # part D is not in the collection


def test_cited_by_lists_each_citing_place_once_with_label_snippet_and_link():
    cited = make("A/RES/60/20")
    citing = make(
        "A/RES/60/10",
        citations=[cite("A/RES/60/20"), cite("A/RES/60/20"), cite("A/RES/60/20", "para-2", "1")],
        footnotes=(Footnote("1", "fn-1", "See resolution 60/20.", 30),),
    )
    also = make("S/RES/1600 (2005)", "1600 (2005)", body="Security Council", session="2005",
                citations=[cite("A/RES/60/20", "fn-1")], footnotes=(Footnote("1", "fn-1", "See resolution 60/20.", 30),))
    unrelated = make("A/RES/60/30", citations=[cite("A/RES/47/4")])
    collection = Collection.build([cited, citing, also, unrelated])
    links = collection.cited_by["A/RES/60/20"]
    assert [(b.citing_symbol, b.where, b.where_label) for b in links] == [
        ("A/RES/60/10", "para-2", "para. 2"),
        ("A/RES/60/10", "pp-1", "preamble, para. 1"),
        ("S/RES/1600 (2005)", "fn-1", "footnote 1"),
    ]
    assert links[1].href == "A/RES/60/10/#pp-1"
    assert links[1].snippet == "Recalling its resolution 60/20 of 2005,"
    assert "A/RES/60/30" not in collection.cited_by and "A/RES/60/10" not in collection.cited_by


def test_self_citation_is_not_a_backlink():
    res = make("A/RES/60/10", citations=[cite("A/RES/60/10", "para-3", "1")])
    collection = Collection.build([res])
    assert collection.resolved(res)[0].href == "A/RES/60/10/#para-1"
    assert collection.cited_by == {}


def test_duplicate_symbol_is_an_error_and_the_first_file_keeps_the_url():
    first = make("A/RES/60/10")
    second = replace(make("A/RES/60/10"), source="copy.md")
    collection = Collection.build([first, second])
    assert collection.page_url(first) == "A/RES/60/10/" and collection.page_url(second) is None
    (problem,) = collection.diagnostics
    assert (problem.path, problem.severity, problem.code) == ("copy.md", ERROR, DUPLICATE_SYMBOL)
    assert "A_RES_60_10.md" in problem.message


def test_the_pages_known_before_the_collection_is_built_are_the_collections_pages():
    first, other = make("A/RES/60/10"), make("S/RES/1325 (2000)")
    copy = replace(make("A/RES/60/10"), source="copy.md")
    nameless = replace(make("A/RES/60/20"), symbol=None, source="x.md")
    resolutions = [first, nameless, copy, other]
    collection = Collection.build(resolutions)
    expected = [(res, url) for res in resolutions if (url := collection.page_url(res)) is not None]
    assert own_pages(resolutions) == expected
    assert [res for res, _url in expected] == [first, other]


def test_resolution_without_symbol_is_kept_without_page():
    nameless = replace(make("A/RES/60/10", citations=[cite("A/RES/60/20")]), symbol=None, source="x.md")
    collection = Collection.build([nameless, make("A/RES/60/20")])
    assert collection.page_url(nameless) is None
    assert collection.resolved(nameless)[0].internal  # its citations still link
    assert collection.cited_by == {}  # but there is no page to link back to


def test_neighbours_are_ordered_by_number_within_body_and_session():
    items = [make(f"A/RES/60/{n}") for n in (10, 9, 100)] + [make("A/RES/61/1", session="61")]
    items.append(make("S/RES/1600 (2005)", "1600 (2005)", body="Security Council", session="2005"))
    collection = Collection.build(items)
    assert collection.neighbours["A/RES/60/9"].previous is None
    assert collection.neighbours["A/RES/60/9"].next == "A/RES/60/10"
    assert collection.neighbours["A/RES/60/10"].next == "A/RES/60/100"
    assert collection.neighbours["A/RES/60/100"].next is None
    assert collection.neighbours["A/RES/61/1"] == collection.neighbours["S/RES/1600 (2005)"]  # both alone


def test_url_for_and_relative_links():
    collection = Collection.build([])
    assert collection.url_for("S/RES/1325 (2000)") == "S/RES/1325(2000)/"
    assert collection.url_for("../../etc/passwd").startswith("unknown/")
    assert relative_href("A/RES/51/148/", "A/RES/47/4/#para-3") == "../../47/4/#para-3"
    assert relative_href("A/RES/51/148/", "S/RES/1325(2000)/") == "../../../../S/RES/1325(2000)/"
    assert relative_href("A/RES/51/148/", "https://undocs.org/A/RES/1") == "https://undocs.org/A/RES/1"
    assert relative_href("A/RES/51/148/", "A/RES/51/148/#para-1") == "./#para-1"


def test_build_is_linear_in_citations_for_a_large_collection():
    # Structural check (no timing): 3,000 resolutions each citing 5 others build and every backlink is counted.
    items = [
        make(f"A/RES/60/{n}", citations=[cite(f"A/RES/60/{(n * 7 + k) % 3000 + 1}") for k in range(5)])
        for n in range(1, 3001)
    ]
    collection = Collection.build(items)
    total = sum(len(v) for v in collection.cited_by.values())
    assert total == sum(1 for r in items for c in r.citations if c.symbol != r.symbol and True) - _self_or_dup(items)


def _self_or_dup(items):
    # Citations of the same target from the same block count once; a resolution citing itself counts none.
    extra = 0
    for res in items:
        seen = set()
        for c in res.citations:
            if c.symbol == res.symbol:
                continue
            if (c.symbol, c.where) in seen:
                extra += 1
            seen.add((c.symbol, c.where))
    return extra
