"""Properties over generated input: never raise, format is a fixed point.

Random text and valid trees mutated the way editing mutates them (inserted,
deleted and replaced characters and lines, swapped lines, stray line
breaks, tabs, emoji, byte-order marks) must read, check and format without
raising. Whenever the formatter accepts a text, formatting again changes
nothing, the meaning of the tree is kept, and so are its findings.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dag_lsp.checks import check
from dag_lsp.formatter import FormatError, format_text
from dag_lsp.reader import read

from .helpers import GOLDEN, meaning

SEEDS = [
    path.read_bytes().decode("utf-8")
    for folder in ("valid", "format")
    for path in sorted((GOLDEN / folder).glob("*.dag"))
]

# Pieces of the language and of the text around it, to build plausible lines.
PIECES = [
    "Q1", "Q2", "[A]", "[A, B]", "[", "]", "->", "=>", "-->", " ", "  ", "\t",
    ":", "#", "-", ",", "=", "yes", "no", "A: ", "hint:", "when:", "Q1=A",
    "color:", "#fff", "dag:", "entry:", "mode:", "elimination", "routes:",
    "name:", "\n", "\r\n", "\r", "\ufeff", "é", "—", "🎉", "中", "\u2028",
    "\x0c", "\x00",
]  # fmt: skip

CHARACTERS = [piece for piece in PIECES if len(piece) == 1]

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A valid tree after a few random edits."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 5))):
        text = draw(st.sampled_from(_MUTATIONS))(draw, text)
    return text


def _insert(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    piece = draw(st.sampled_from(PIECES) | st.text(max_size=3))
    return text[:at] + piece + text[at:]


def _delete(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + text[at + draw(st.integers(1, 12)) :]


def _replace(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    piece = draw(st.sampled_from(PIECES))
    return text[:at] + piece + text[at + draw(st.integers(1, 4)) :]


def _lines(draw: st.DrawFn, text: str) -> str:
    """Delete, duplicate or swap whole lines, or move one to column 0."""
    rows = text.split("\n")
    i = draw(st.integers(0, len(rows) - 1))
    j = draw(st.integers(0, len(rows) - 1))
    action = draw(st.sampled_from(["delete", "duplicate", "swap", "dedent"]))
    if action == "delete":
        del rows[i]
    elif action == "duplicate":
        rows.insert(j, rows[i])
    elif action == "swap":
        rows[i], rows[j] = rows[j], rows[i]
    else:
        rows[i] = rows[i].lstrip(" \t")
    return "\n".join(rows)


_MUTATIONS = [_insert, _insert, _delete, _replace, _lines]


def assert_formatting_holds(text: str) -> None:
    """Read, check and format `text`; when it formats, the output is stable."""
    tree = read(text)
    found = check(tree)
    try:
        formatted = format_text(text)
    except FormatError:
        assert tree.syntax
        return

    again = read(formatted)
    assert not again.syntax
    assert format_text(formatted) == formatted
    assert meaning(again) == meaning(tree)
    assert Counter(f.code for f in check(again)) == Counter(f.code for f in found)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(CHARACTERS) | st.characters(), max_size=300))
def test_random_text(text: str) -> None:
    assert_formatting_holds(text)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_random_pieces_of_the_language(text: str) -> None:
    assert_formatting_holds(text)


@SETTINGS
@given(mutated())
def test_mutated_trees(text: str) -> None:
    assert_formatting_holds(text)


@SETTINGS
@given(st.sampled_from(SEEDS), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans())
def test_any_line_ending_and_bom(seed: str, ending: str, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + seed.lstrip("\ufeff").replace("\r\n", "\n")
    text = text.replace("\n", ending)
    formatted = format_text(text)

    assert formatted.startswith("\ufeff") == bom
    assert formatted.endswith(ending)
    assert not formatted.endswith(ending * 2)
    assert format_text(formatted) == formatted
