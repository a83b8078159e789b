"""Hypothesis fuzzing of front matter and agenda files: whatever YAML (or not-YAML) a contributor writes, the
parser returns diagnostics at lines of the file and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_project import SAMPLE_TEXT
from resolutions.model import Resolution
from resolutions.parse import agendas, frontmatter, parser

KEYS = sorted(frontmatter.KNOWN_KEYS) + ["vote.outcome", "unknown", "<<", "? complex", "'quoted key'", "123"]

numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
date_shapes = st.tuples(
    st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99), st.sampled_from(["", "T25:61:61", " 99:99:99.9999999Z"])
).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}{t[3]}")
scalars = st.one_of(
    numbers,
    date_shapes,
    st.sampled_from(["~", "null", "yes", "no", ".inf", "-.nan", "0x1F", "0o17", "1e400", "!!binary aGk=", "!!int x",
                     "!!float x", "!!timestamp 2020-02-30", "!!python/object:os.system x", "*alias", "&anchor value",
                     "'2020-02-30'", "|\n  block\n  text", ">\n  folded", "[unclosed", "{a: 1", "\"\\x00\"", "%00"]),
    st.text(max_size=40).map(lambda s: repr(s)),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30),
    st.integers(0, 5000).map(lambda n: "9" * n),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(["outcome", "in_favour", "number", "date", "x"]), inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=8,
)
front_matter_lines = st.lists(st.tuples(st.sampled_from(KEYS), values).map(lambda kv: f"{kv[0]}: {kv[1]}"), max_size=8)
front_matters = st.one_of(front_matter_lines.map("\n".join), st.text(max_size=300))


def assert_reported_not_raised(resolution: Resolution, path: str, lines: int) -> None:
    assert isinstance(resolution, Resolution)
    for diagnostic in resolution.diagnostics:
        assert diagnostic.path == path
        assert 0 <= diagnostic.line <= lines + 1
        assert len(diagnostic.message) < 2000  # no value expanded into a message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matters)
def test_any_front_matter_is_read_or_reported(front):
    text = f"---\n{front}\n---\n{SAMPLE_TEXT}"
    assert_reported_not_raised(parser.parse(text, "x.md"), "x.md", text.count("\n"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.lists(st.tuples(st.one_of(numbers, scalars), values), max_size=8).map(
        lambda items: "session: '51'\nitems:\n" + "".join(f"  {k}: {v}\n" for k, v in items)
    ),
    front_matter_lines.map("\n".join),
    st.text(max_size=300),
))
def test_any_agenda_file_is_read_or_reported(text):
    titles, diagnostics = agendas.parse_agenda_file(text, "agendas/51.yml", "51")
    assert isinstance(titles, dict)
    assert all(isinstance(key, tuple) and isinstance(title, str) for key, title in titles.items())
    for diagnostic in diagnostics:
        assert diagnostic.path == "agendas/51.yml"
        assert 0 <= diagnostic.line <= text.count("\n") + 2
        assert len(diagnostic.message) < 2000
