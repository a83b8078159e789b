"""YAML read safely: the one loader for front matter and agenda files, whatever a contributor writes.

Pure core. Three rules hold for every YAML text this project reads (documented in docs/diagnostics.md):

- **No anchors or aliases** (``&a``, ``*a``). A few kilobytes of nested aliases expand to billions of values
  (the "billion laughs"); nothing the project reads needs them, so they are refused before any value is built.
- **A value YAML cannot build is a problem at its line**, never an exception: an impossible date
  (``2020-02-30``, ``0000-01-01``) stays the string it was written as, so the reader can say which key is
  wrong; any other ``ValueError``/``OverflowError`` of a constructor (an integer of 5,000 digits) becomes a
  ``yaml.YAMLError`` carrying the node's line.
- **No value is shown expanded**: messages quote at most ``SHOWN_CHARS`` characters of what was written.
"""

from __future__ import annotations

import re
import reprlib

import yaml

SHOWN_CHARS = 60
"""Longest excerpt of a value quoted in a message."""

# libyaml parses about ten times faster than the pure-Python parser (vote lists of ~190 Member States
# in 20,000 files); the constructors are Python either way.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# An anchor or alias needs an "&" or a "*"; a text without either (nearly all of them) skips the event scan.
_MAY_HAVE_ANCHORS = re.compile(r"[&*]")


class AliasRefused(yaml.YAMLError):
    """The text uses an anchor or an alias; ``line`` is its 0-based line in the text."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"{what} at line {line + 1}")
        self.line = line
        self.what = what


class SafeLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader with the date rule above (aliases are refused before it runs); ``_LocatingLoader``
    adds the rule for other values that cannot be built."""


class _LocatingLoader(SafeLoader):
    """``SafeLoader`` that turns a constructor's ``ValueError``/``OverflowError`` into an error at its node's line.

    Wrapping every value costs a Python call each (a third more time on vote lists of 190 names), so ``load``
    uses it only to read again a text whose value failed."""

    def construct_object(self, node, deep=False):  # noqa: ANN001 - PyYAML's signature
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.tag.rsplit(':', 1)[-1]} value {shown(node.value)} cannot be read: {_first_clause(error)}",
                node.start_mark,
            ) from None


def _first_clause(error: Exception) -> str:
    return str(error).split(":", 1)[0].split(";", 1)[0][:100]


def _timestamp_or_text(loader: SafeLoader, node: yaml.ScalarNode):
    """A date YAML recognises by its shape but the calendar does not have stays the text written."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def refuse_aliases(text: str) -> None:
    """Raise ``AliasRefused`` at the first anchor or alias of ``text`` (a ``yaml.YAMLError`` on bad YAML)."""
    if not _MAY_HAVE_ANCHORS.search(text):
        return
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent):
            raise AliasRefused(event.start_mark.line, f"alias '*{event.anchor}'")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise AliasRefused(event.start_mark.line, f"anchor '&{anchor}'")


def load(text: str):
    """The value of a one-document YAML text, by the rules above; raises ``yaml.YAMLError`` (with a mark)."""
    refuse_aliases(text)
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    except (ValueError, OverflowError):
        return yaml.load(text, Loader=_LocatingLoader)  # noqa: S506 - the same loader, naming the failing value


def compose(text: str):
    """The node tree of a one-document YAML text, aliases refused (for readers that want node lines)."""
    refuse_aliases(text)
    return yaml.compose(text, Loader=_Base)


def error_line(error: yaml.YAMLError) -> int | None:
    """0-based line of a YAML error within its text, when known."""
    if isinstance(error, AliasRefused):
        return error.line
    mark = getattr(error, "problem_mark", None)
    return mark.line if mark is not None else None


def error_reason(error: yaml.YAMLError) -> str:
    """What is wrong, in a few words (no value expanded)."""
    if isinstance(error, AliasRefused):
        return f"the YAML {error.what}"
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    return reason[:200]


def shown(value) -> str:
    """``repr`` of a value cut to ``SHOWN_CHARS``, made in bounded time whatever the value's size."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        text = f"a number of about {int(value.bit_length() * 0.30103)} digits"  # repr() refuses > 4,300 digits
    else:
        text = _SHORT_REPR.repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


_SHORT_REPR = reprlib.Repr()
_SHORT_REPR.maxstring = SHOWN_CHARS + 10
_SHORT_REPR.maxother = SHOWN_CHARS
_SHORT_REPR.maxlevel = 3
_SHORT_REPR.maxlist = _SHORT_REPR.maxdict = _SHORT_REPR.maxtuple = 8
