"""Collection.build(..., previous=...): always equal to a fresh build, and reusing what an edit left alone.

The parse cache hands back the very same Resolution object for an unchanged file, so these tests keep the
objects of untouched files and make new ones for edited files, the way ``mkdocs serve`` rebuilds.
"""

from __future__ import annotations

from dataclasses import fields, replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutions.site.collection import Collection
from resolutions.model import Paragraph

from test_collection import cite, make

MAPPINGS = ("by_symbol", "citations", "cited_by", "neighbours", "paragraph_labels", "part_index")


def build_both(resolutions, previous, resolver_base="https://undocs.org/"):
    """The incremental build, after checking it equals a fresh one field by field, dict order included."""
    incremental = Collection.build(resolutions, resolver_base, previous=previous)
    fresh = Collection.build(resolutions, resolver_base)
    for f in fields(Collection):
        assert getattr(incremental, f.name) == getattr(fresh, f.name), f.name
    for name in MAPPINGS:
        assert list(getattr(incremental, name)) == list(getattr(fresh, name)), name
    assert incremental == fresh
    return incremental


def paragraphs(*numbers):
    return tuple(Paragraph(f"para-{n}", "operative", str(n), f"Text of paragraph {n}.", 10 + n) for n in numbers)


def site():
    """Six resolutions: 10 cites 20 (paragraph 4, missing at first) and 30; 40 cites 30; 50 cites 10; 60 alone."""
    return [
        make("A/RES/60/10", citations=[cite("A/RES/60/20", "para-1", "4"), cite("A/RES/60/30", "pp-1")]),
        make("A/RES/60/20"),
        make("A/RES/60/30", citations=[cite("A/RES/47/4", "para-2")]),
        make("A/RES/60/40", citations=[cite("A/RES/60/30", "para-3", "2")]),
        make("A/RES/60/50", citations=[cite("A/RES/60/10", "pp-1")]),
        make("A/RES/60/60"),
    ]


def edited(items, index, **changes):
    items = list(items)
    items[index] = replace(items[index], **changes)  # a new object, as a re-parse gives
    return items


def test_edit_of_a_citing_resolution_adding_and_removing_citations():
    items = site()
    old = Collection.build(items)
    added = edited(items, 3, citations=items[3].citations + (cite("A/RES/60/20", "para-1"),))
    new = build_both(added, old)
    assert [b.citing_symbol for b in new.cited_by["A/RES/60/20"]] == ["A/RES/60/10", "A/RES/60/40"]
    removed = edited(added, 0, citations=())
    newer = build_both(removed, new)
    assert [b.citing_symbol for b in newer.cited_by["A/RES/60/20"]] == ["A/RES/60/40"]
    assert [b.citing_symbol for b in newer.cited_by["A/RES/60/30"]] == ["A/RES/60/40"]


def test_edit_of_a_cited_resolution_that_adds_the_cited_paragraph_changes_the_anchor():
    items = site()
    old = Collection.build(items)
    assert old.citations[items[0].source][0].href == "A/RES/60/20/"
    new = build_both(edited(items, 1, operative=paragraphs(1, 2, 3, 4)), old)
    assert new.citations[items[0].source][0].href == "A/RES/60/20/#para-4"


def test_retitled_citing_resolution_shows_in_the_backlinks_of_what_it_cites():
    items = site()
    old = Collection.build(items)
    new = build_both(edited(items, 0, title="A new title"), old)
    from_10 = [b for b in new.cited_by["A/RES/60/20"] + new.cited_by["A/RES/60/30"] if b.citing_symbol == "A/RES/60/10"]
    assert [b.citing_title for b in from_10] == ["A new title", "A new title"]
    assert new.cited_by["A/RES/60/10"] == old.cited_by["A/RES/60/10"]  # 50's backlink to 10 shows 50's title


def test_untouched_citations_and_backlinks_are_the_previous_objects():
    items = site()
    old = Collection.build(items)
    new = build_both(edited(items, 3, title="Retitled"), old)  # 40 cites 30 only
    for untouched in (items[0], items[2], items[4], items[5]):  # none of them cites 40
        assert new.citations[untouched.source] is old.citations[untouched.source]
        assert new.paragraph_labels[untouched.source] is old.paragraph_labels[untouched.source]
    assert new.cited_by["A/RES/60/20"] is old.cited_by["A/RES/60/20"]
    assert new.cited_by["A/RES/60/10"] is old.cited_by["A/RES/60/10"]
    assert new.cited_by["A/RES/60/30"] is not old.cited_by["A/RES/60/30"]  # 40's backlink changed there
    assert new.neighbours is old.neighbours  # same symbols, numbers and sessions


def test_nothing_changed_gives_back_the_previous_parts():
    items = site()
    old = Collection.build(items)
    new = build_both(items, old)
    assert all(new.citations[r.source] is old.citations[r.source] for r in items)
    assert all(new.cited_by[s] is old.cited_by[s] for s in old.cited_by)


def test_added_and_removed_resolutions():
    items = site()
    old = Collection.build(items)
    added = items[:2] + [make("A/RES/60/25", citations=[cite("A/RES/60/20", "para-2", "1")])] + items[2:]
    new = build_both(added, old)
    assert "A/RES/60/25" in {b.citing_symbol for b in new.cited_by["A/RES/60/20"]}
    removed = [r for r in added if r.symbol != "A/RES/60/10"]
    newer = build_both(removed, new)
    assert "A/RES/60/10" not in newer.cited_by and "A/RES/60/20" in newer.cited_by
    assert not newer.citations["A_RES_60_50.md"][0].internal


def test_duplicated_symbol_before_and_after_the_owner():
    items = site()
    old = Collection.build(items)
    later_copy = replace(make("A/RES/60/30", citations=[cite("A/RES/60/60")]), source="copy.md")
    new = build_both(items + [later_copy], old)  # 30 keeps its page; the copy cites 60 but has no page
    assert "A/RES/60/60" not in new.cited_by
    earlier_copy = replace(later_copy, source="first.md")
    newer = build_both([earlier_copy] + items + [later_copy], new)  # now the copy owns 30
    assert newer.by_symbol["A/RES/60/30"] is earlier_copy
    assert [b.citing_symbol for b in newer.cited_by["A/RES/60/60"]] == ["A/RES/60/30"]
    assert "A/RES/47/4" not in {rc.target_symbol for rc in newer.citations["first.md"]}
    assert build_both(items, newer).by_symbol["A/RES/60/30"] is items[2]  # both copies removed again


def test_changed_symbol_and_changed_resolver():
    items = site()
    old = Collection.build(items)
    new = build_both(edited(items, 1, symbol="A/RES/60/21", number="60/21"), old)
    assert "A/RES/60/20" not in new.cited_by
    assert not new.citations[items[0].source][0].internal
    other = build_both(items, old, resolver_base="https://example.org/r/")  # same files, another resolver
    assert other.citations[items[2].source][0].href.startswith("https://example.org/r/")


def test_parts_and_a_file_without_symbol():
    items = site() + [
        make("A/RES/54/237 C", "54/237 C", session="54"),
        replace(make("A/RES/60/99", citations=[cite("A/RES/54/237 C"), cite("A/RES/60/20")]), symbol=None, source="x.md"),
    ]
    old = Collection.build(items)
    new = build_both(edited(items, 6, operative=paragraphs(1)), old)  # the part file, cited by the nameless one
    assert new.citations["x.md"] is not old.citations["x.md"]  # re-resolved: a target changed
    newer = build_both(edited(new.resolutions, 7, title="Renamed"), new)
    assert newer.cited_by == new.cited_by  # a file without a page links back to nothing


# --- random edit sequences ------------------------------------------------------------------------------

SYMBOLS = ["A/RES/60/1", "A/RES/60/2", "A/RES/60/3", "A/RES/61/1", "A/RES/54/237", "A/RES/54/237 C", "A/RES/54/237 A-B"]
CITABLE = SYMBOLS + ["A/RES/54/237 B", "A/RES/47/4"]


@st.composite
def resolutions(draw, source):
    symbol = draw(st.sampled_from(SYMBOLS + [None]))
    cites = draw(
        st.lists(
            st.builds(
                cite,
                st.sampled_from(CITABLE),
                st.sampled_from(["pp-1", "para-1", "para-2"]),
                st.sampled_from([None, "1", "2", "4"]),
            ),
            max_size=4,
        )
    )
    res = make(
        symbol or "A/RES/60/9",
        draw(st.sampled_from(["1", "2", "3", "10"])),
        session=draw(st.sampled_from(["60", "61"])),
        citations=cites,
        operative=paragraphs(*range(1, draw(st.integers(1, 4)) + 1)),
        title=draw(st.sampled_from(["First", "Second"])),
        source=source,
    )
    return replace(res, symbol=None) if symbol is None else res


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edit_sequences_match_a_fresh_build(data):
    counter = iter(range(10_000))
    items = [data.draw(resolutions(f"f{next(counter)}.md")) for _ in range(data.draw(st.integers(0, 6)))]
    previous = Collection.build(items)
    for _ in range(data.draw(st.integers(1, 5))):
        action = data.draw(st.sampled_from(["edit", "add", "remove", "swap", "none"]))
        items = list(items)
        if action == "edit" and items:
            at = data.draw(st.integers(0, len(items) - 1))
            items[at] = data.draw(resolutions(items[at].source))
        elif action == "add":
            at = data.draw(st.integers(0, len(items)))
            items.insert(at, data.draw(resolutions(f"f{next(counter)}.md")))
        elif action == "remove" and items:
            del items[data.draw(st.integers(0, len(items) - 1))]
        elif action == "swap" and len(items) > 1:
            i, j = data.draw(st.lists(st.integers(0, len(items) - 1), min_size=2, max_size=2, unique=True))
            items[i], items[j] = items[j], items[i]
        previous = build_both(items, previous)
