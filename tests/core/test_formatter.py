"""The formatter: one canonical layout, the same meaning, nothing lost.

Golden before/after pairs live in `golden/format` (see test_golden.py);
these tests pin the rules one at a time: line endings, byte-order mark,
final newline, alignment, comments and values kept character for
character, and refusal of a file with syntax errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dag_lsp.formatter import ALIGN_WIDTH, FormatError, format_text
from dag_lsp.reader import read

from .helpers import GOLDEN, lines, text_meaning

TREE = lines(
    "dag: Which sleeping bag?",
    "entry: Q1",
    "",
    "Q1: Will nights drop below 0 °C?",
    "  yes -> [WINTER]",
    "  no  -> [SUMMER]",
    "",
    "[WINTER]: A winter bag",
    "",
    "[SUMMER]: A summer bag",
)


def test_a_canonical_tree_is_unchanged() -> None:
    assert format_text(TREE) == TREE


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*/*.dag")), ids=lambda p: p.name)
def test_formatting_is_idempotent_on_every_golden_file(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    if read(text).syntax:
        with pytest.raises(FormatError):
            format_text(text)
        return

    once = format_text(text)
    assert format_text(once) == once
    assert text_meaning(once) == text_meaning(text)


# ---------------------------------------------------------------- endings


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_keeps_the_line_ending(ending: str) -> None:
    text = TREE.replace("\n", ending)

    assert format_text(text) == text


def test_mixed_endings_become_the_most_common_one() -> None:
    text = TREE.replace("\n", "\r\n", 6) + "\n"

    assert format_text(text) == TREE.replace("\n", "\r\n")


def test_keeps_the_byte_order_mark() -> None:
    assert format_text("\ufeff" + TREE) == "\ufeff" + TREE


@pytest.mark.parametrize("tail", ["", "\n\n", "\n\n\n   \n", "\n \t"])
def test_exactly_one_newline_at_the_end(tail: str) -> None:
    text = TREE.rstrip("\n") + tail

    assert format_text(text) == TREE


def test_an_empty_file_stays_empty() -> None:
    assert format_text("") == ""
    assert format_text("\n\n  \n") == ""


def test_no_trailing_blanks() -> None:
    text = TREE.replace("\n", "  \t\n")

    assert format_text(text) == TREE


# ---------------------------------------------------------------- alignment


def question(*answers: str) -> str:
    return lines("dag: T", "entry: Q1", "", "Q1: Pick one?", *answers)


def test_short_labels_are_aligned() -> None:
    text = question("  yes -> [A]", "  no -> [B]", "  12345678 -> [C]")

    assert format_text(text).splitlines()[4:] == [
        "  yes      -> [A]",
        "  no       -> [B]",
        "  12345678 -> [C]",
    ]


def test_long_labels_are_not_padded() -> None:
    text = question("  yes    -> [A]", "  no  -> [B]", "  123456789 -> [C]")

    assert format_text(text).splitlines()[4:] == [
        "  yes -> [A]",
        "  no -> [B]",
        "  123456789 -> [C]",
    ]


def test_alignment_counts_the_columns_an_editor_shows() -> None:
    """A CJK character or an emoji takes two columns, a combining accent none."""
    text = question(
        "  はい -> [A]", "  いいえ -> [B]", "  🎉 -> [C]", "  ne\u0301 -> [D]"
    )

    assert format_text(text).splitlines()[4:] == [
        "  はい   -> [A]",
        "  いいえ -> [B]",
        "  🎉     -> [C]",
        "  ne\u0301     -> [D]",
    ]
    assert ALIGN_WIDTH == 8


def test_a_label_of_more_than_eight_columns_stops_the_alignment() -> None:
    text = question("  はい -> [A]", "  いいえ、です -> [B]")

    assert format_text(text).splitlines()[4:] == [
        "  はい -> [A]",
        "  いいえ、です -> [B]",
    ]


def test_answers_without_an_arrow_are_not_padded() -> None:
    text = question("  A: Cat [X]", "  B: Dog   [Y]", "  yes  -> [Z]")

    assert format_text(text).splitlines()[4:] == [
        "  A: Cat [X]",
        "  B: Dog [Y]",
        "  yes -> [Z]",
    ]


# ---------------------------------------------------------------- nothing lost

AWKWARD = lines(
    "#!  a comment   with   inner   spaces",
    "dag:  Title: with a colon -> and an arrow [and brackets]",
    "tags: a,b ,  c",
    "entry: Q1",
    "description: tabs\tinside\tand a # hash",
    "",
    "Q1: ¿Qué?  — «comillas» “curly” **bold** `code`",
    "  hint:   keep -> [this] as text",
    "\t# a tabbed comment",
    '  A: "Quoted": with: colons — and ** -> Q2',
    "  B: 100% sure -> [ONE, TWO]",
    "",
    "Q2: Emoji 🎉 and CJK 中文",
    "  when: Q1=A",
    "  yes please -> [ONE]",
    "  no - thanks -> [TWO]",
    "",
    "[ONE]: -",
    "  description:  a  b   c",
    "  color: #ABCDEF",
    "[TWO]: Two #2",
    "routes:",
    "  r-1: Q1=A, Q2=yes please -> [ONE]",
)


def test_keeps_every_comment_and_every_character_of_every_value() -> None:
    formatted = format_text(AWKWARD)

    assert text_meaning(formatted) == text_meaning(AWKWARD)
    for kept in [
        "#!  a comment   with   inner   spaces",
        "dag: Title: with a colon -> and an arrow [and brackets]",
        "tags: a,b ,  c",
        "description: tabs\tinside\tand a # hash",
        "Q1: ¿Qué?  — «comillas» “curly” **bold** `code`",
        "  hint: keep -> [this] as text",
        "  # a tabbed comment",
        '  A: "Quoted": with: colons — and ** -> Q2',
        "  B: 100% sure -> [ONE, TWO]",
        "  description: a  b   c",
        "[TWO]: Two #2",
    ]:
        assert kept in formatted.splitlines()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  # at the top\n" + TREE, "# at the top\n" + TREE),
        (
            TREE.replace("entry: Q1\n", "entry: Q1\n  # under a header field\n"),
            TREE.replace("entry: Q1\n", "entry: Q1\n# under a header field\n"),
        ),
    ],
)
def test_keeps_an_indented_comment_with_no_block_above(
    text: str, expected: str
) -> None:
    assert format_text(text) == expected


def test_keeps_the_order_of_comments_around_the_end_of_a_block() -> None:
    text = TREE.replace(
        "\n\n[WINTER]", "\n\n# floating\n    # indented below it\n\n[WINTER]"
    )
    formatted = format_text(text)

    assert "  no  -> [SUMMER]\n  # floating\n  # indented below it\n" in formatted
    assert text_meaning(formatted) == text_meaning(text)


def test_formatting_keeps_the_meaning_of_the_model_examples() -> None:
    for text in (AWKWARD, TREE, question("  yes -> [A]", "  no -> [A]")):
        assert text_meaning(format_text(text)) == text_meaning(text)


# ---------------------------------------------------------------- refusal


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (TREE.replace("  yes -> [WINTER]", "  yes => [WINTER]"), 4, 6),
        (TREE.replace("Q1: Will", "Q1 Will"), 3, 2),
        ("  yes -> [A]\n" + TREE, 0, 0),
        (TREE.replace("[SUMMER]: A", "[SUMMER A"), 9, 7),
    ],
)
def test_refuses_a_file_with_syntax_errors(text: str, line: int, column: int) -> None:
    with pytest.raises(FormatError) as raised:
        format_text(text)

    assert (raised.value.line, raised.value.column) == (line, column)
    assert str(raised.value).startswith(
        f"cannot format: syntax error at line {line + 1}, column {column + 1}: "
    )


def test_refusal_names_the_first_of_several_errors() -> None:
    text = TREE.replace("  no  -> [SUMMER]", "  no  ~> [SUMMER]")
    text = text.replace("  yes -> [WINTER]", "  yes => [WINTER]")

    with pytest.raises(FormatError, match="line 5, column 7: '=>' is not an arrow"):
        format_text(text)
