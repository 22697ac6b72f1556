"""The reader on any text: it never raises, keeps positions, and goes on.

Edge cases of the input (empty, byte-order mark, line endings, tabs, very
long lines, very many lines), recovery after a malformed line, the block a
line of any indentation belongs to, and no recursion that grows with the
size of a file.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from dag_lsp.checks import check
from dag_lsp.model import Kind
from dag_lsp.reader import read
from dag_lsp.source import DecodeError, decode, from_text, split_lines

from .helpers import codes, findings, lines, located, text_meaning

SMALL = lines(
    "dag: Tea or coffee?",
    "entry: Q1",
    "",
    "Q1: Do you want caffeine?",
    "  yes -> [COFFEE]",
    "  no  -> [TEA]",
    "",
    "[COFFEE]: Coffee",
    "[TEA]: Herbal tea",
)


# ---------------------------------------------------------------- edge input


@pytest.mark.parametrize("text", ["", "\n", "\r\n", "\r", "   ", "\t\n \n", "\ufeff"])
def test_empty_files_read_as_empty_trees(text: str) -> None:
    tree = read(text)

    assert (tree.questions, tree.outcomes, tree.header, tree.syntax) == ([], [], [], [])
    assert codes(text) == ["DAG004", "DAG005"]


def test_byte_order_mark_is_dropped_and_remembered() -> None:
    tree = read("\ufeff" + SMALL)

    assert tree.source.has_bom
    assert tree.value("dag") == "Tea or coffee?"
    assert tree.header[0].key.span.start == 0
    assert findings("\ufeff" + SMALL) == []


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_every_line_ending_reads_the_same(ending: str) -> None:
    text = SMALL.replace("\n", ending)

    assert text_meaning(text) == text_meaning(SMALL)
    assert read(text).source.newline == ending
    assert findings(text) == []


def test_mixed_line_endings_count_lines_like_an_editor() -> None:
    text = "dag: T\r\nentry: Q1\r\rQ1: q?\n  yes => [A]\r\n  no -> [B]\n"

    assert split_lines(text)[4] == "  yes => [A]"
    assert located(text) == [(5, 7, "DAG001"), (6, 10, "DAG019")]
    assert read(text).source.newline == "\r\n"


def test_other_unicode_separators_stay_inside_a_line() -> None:
    text = "dag: A\u2028B\x0cC\nentry: Q1\n"

    assert split_lines(text) == ["dag: A\u2028B\x0cC", "entry: Q1"]
    assert read(text).value("dag") == "A\u2028B\x0cC"


def test_tabs_indent_and_stay_inside_values() -> None:
    text = "dag:\tTabs\there\nentry: Q1\n\nQ1:\tq?\n\tyes\t->\t[A]\n\t \tno -> [B]\n"
    tree = read(text)

    assert tree.value("dag") == "Tabs\there"
    assert [a.label.value for a in tree.questions[0].answers] == ["yes", "no"]
    assert tree.questions[0].answers[0].targets[0].span.start == 9


def test_lines_of_a_hundred_thousand_characters() -> None:
    long = "x" * 100_000
    text = lines(
        "dag: " + long,
        "entry: Q1",
        "",
        "Q1: " + long,
        "  " + "word " * 20_000 + "-> [A]",
        "  " + long + " => Q2",
        "  no -> [A]",
        "",
        "[A]: " + long,
        "  description: " + long,
    )
    tree = read(text)

    assert tree.questions[0].text.value == long
    assert tree.outcomes[0].properties[0].value.span.end == 15 + 100_000
    assert located(text) == [(6, 100_004, "DAG001")]


@pytest.mark.parametrize(
    "line",
    [
        "a" * 100_000,
        " " * 100_000 + "x",
        "Q1: x\n  " + "- " * 50_000,
        "  " + "a -" * 30_000,
    ],
)
def test_long_junk_lines_do_not_raise(line: str) -> None:
    assert "DAG001" in codes(line + "\n")


def test_ten_thousand_questions() -> None:
    count = 10_000
    text = _chain(count)
    tree = read(text)

    assert len(tree.questions) == count
    assert tree.questions[-1].id.span.line == 3 + 4 * (count - 1)
    assert check(tree) == []


def _chain(count: int) -> str:
    """A chain Q1 -> Q2 -> ... -> Q{count}, each also leading to [STOP]."""
    parts = ["dag: A long chain", "entry: Q1", ""]
    for number in range(1, count + 1):
        target = f"Q{number + 1}" if number < count else "[DONE]"
        parts += [
            f"Q{number}: Step {number}?",
            f"  yes -> {target}",
            "  no  -> [STOP]",
            "",
        ]
    parts += ["[STOP]: Stop", "", "[DONE]: Done"]
    return lines(*parts)


def test_no_recursion_grows_with_the_size_of_a_file() -> None:
    """Read, check and format long chains and a long cycle under a low limit."""
    script = textwrap.dedent(
        """
        import sys
        from dag_lsp.checks import check
        from dag_lsp.formatter import format_text
        from dag_lsp.reader import read

        parts = ["dag: Chain", "entry: Q1", ""]
        for n in range(1, 10001):
            parts += [f"Q{n}: Step {n}?", f"  yes -> Q{n % 10000 + 1}", "  no -> [X]"]
        parts += ["[X]: Out"]
        text = "\\n".join(parts) + "\\n"
        format_text("dag: warm\\n")
        sys.setrecursionlimit(120)
        found = check(read(text))
        format_text(text)
        print(sorted({f.code for f in found}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['DAG008']"


# ---------------------------------------------------------------- bytes


def test_bytes_that_are_not_utf8_give_a_position() -> None:
    data = b"dag: T\nQ1: caf\xe9 \xff\n"

    with pytest.raises(DecodeError, match="line 2, column 8") as raised:
        decode(data)
    assert (raised.value.line, raised.value.column) == (1, 7)


def test_utf8_decodes_with_its_byte_order_mark_kept_for_the_source() -> None:
    text = decode("\ufeffdag: Ñandú 🐦\r\n".encode())

    assert from_text(text).lines == ("dag: Ñandú 🐦",)
    assert from_text(text).has_bom


# ---------------------------------------------------------------- recovery


def test_a_malformed_line_does_not_stop_the_reading() -> None:
    text = lines(
        "dag: Pets",
        "entry: Q1",
        "",
        "Q1: Do you have a garden?",
        "  yes => Q2",
        "  no -> [CAT]",
        "",
        "Q2 Do you walk every day?",
        "  yes -> [DOG]",
        "  no -> [CAAT]",
        "",
        "[DOG]: A dog",
        "[CAT]: A cat",
    )

    found = [f for f in located(text) if f[2] != "DAG003"]
    assert found == [(5, 7, "DAG001"), (8, 3, "DAG001"), (10, 10, "DAG002")]
    assert [q.id.value for q in read(text).questions] == ["Q1", "Q2"]


def test_the_lines_after_a_malformed_head_join_its_block() -> None:
    text = lines("dag: T", "entry: Q1", "", "Q1 What?", "  yes -> [A]", "  no -> [B]")
    question = read(text).questions[0]

    assert question.id.value == "Q1"
    assert [a.name.value for a in question.answers] == ["yes", "no"]
    assert located(text) == [(4, 3, "DAG001"), (5, 11, "DAG019"), (6, 10, "DAG019")]


def test_an_indented_line_with_no_block_above_is_an_error() -> None:
    text = lines("  yes -> Q2", "dag: T", "entry: Q1")

    assert read(text).syntax[0].span.line == 0
    assert located(text)[0] == (1, 1, "DAG001")


# ---------------------------------------------------------------- blocks


@pytest.mark.parametrize("indent", [" ", "  ", "    ", "\t", "\t\t", " \t ", " " * 17])
def test_any_indentation_places_a_line_in_the_block_above(indent: str) -> None:
    text = SMALL.replace("  yes", indent + "yes").replace("  no ", indent + "no ")
    tree = read(text)

    assert [a.label.value for a in tree.questions[0].answers] == ["yes", "no"]
    assert findings(text) == []


def test_blocks_run_across_blank_lines_and_comments() -> None:
    text = lines(
        "dag: T",
        "entry: Q1",
        "",
        "Q1: q?",
        "",
        "# about yes",
        "  yes -> [A]",
        "   ",
        "  # about no",
        "  no -> [B]",
    )
    tree = read(text)
    block = tree.questions[0].block

    assert len(tree.questions[0].answers) == 2
    assert block.lines == [3, 5, 6, 8, 9]
    assert [b.kind for b in tree.blocks] == [Kind.HEADER, Kind.HEADER, Kind.QUESTION]


def test_a_comment_before_the_next_item_is_its_own_block() -> None:
    text = lines(
        "dag: T", "entry: Q1", "", "Q1: q?", "  yes -> [A]", "# next", "[A]: a"
    )
    tree = read(text)

    assert tree.questions[0].block.lines == [3, 4]
    assert [b.kind for b in tree.blocks][-2:] == [Kind.COMMENT, Kind.OUTCOME]


# ---------------------------------------------------------------- a table

HEAD = "dag: T\nentry: Q1\n\n"

READINGS = [
    # text, then (kind, id) of every question and outcome, in file order
    (HEAD + "Q1: q?\n  yes -> [A]\n", ["Q1", "(A)"]),
    (HEAD + "Q1: q?\n\n\n  yes -> [A]\n", ["Q1", "(A)"]),
    (HEAD + "Q1: q?\n# c\n  yes -> [A]\n[A]: a\n", ["Q1", "[A]"]),
    (HEAD + "Q1: q?\n  yes -> Q2\nQ2: r?\n  no -> [A]\n", ["Q1", "Q2", "(A)"]),
    (HEAD + "[A]: a\n  color: #fff\nQ1: q?\n  yes -> [A]\n", ["[A]", "Q1"]),
    (HEAD + "Q1:\n  yes -> [A]\n", ["Q1", "(A)"]),
    (HEAD + "Q1 q?\n  yes -> [A]\n", ["Q1", "(A)"]),
    (HEAD + "[A a\n  color: #fff\n", ["[A]"]),
    (HEAD + "version: 2\nQ1: q?\n  yes -> [A]\n", ["Q1", "(A)"]),
    (HEAD + "later: no body\n\nQ1: q?\n  yes -> [A]\n", ["later", "Q1", "(A)"]),
    ("dag: T\nQ0: in the header\nentry: Q1\n\nQ1: q?\n  no -> [B]\n", ["Q1", "(B)"]),
]


@pytest.mark.parametrize(("text", "items"), READINGS)
def test_what_each_column_0_line_becomes(text: str, items: list[str]) -> None:
    tree = read(text)
    found = [q.id for q in tree.questions] + [o.id for o in tree.outcomes]
    found.sort(key=lambda ident: (ident.span.line, ident.span.start))
    outcomes = {o.id.value: o for o in tree.outcomes}

    def shown(value: str) -> str:
        if value not in outcomes:
            return value
        return f"({value})" if outcomes[value].implicit else f"[{value}]"

    assert [shown(ident.value) for ident in found] == items


HEADERS = [
    # text, then the header keys read, in order
    ("dag: T\nentry: Q1\nfoo: bar\n", ["dag", "entry", "foo"]),
    ("# c\n\ndag: T\nentry: Q1\n", ["dag", "entry"]),
    ("dag: T\n\nentry: Q1\n\nversion: 2\n", ["dag", "entry", "version"]),
    ("dag: T\n\nfoo: bar\n", ["dag"]),
    ("dag: T\n  yes -> [A]\nentry: Q1\n", ["dag", "entry"]),
    ("Q1: q?\n  yes -> [A]\n\nname: T\nentry: Q1\n", ["name", "entry"]),
]


@pytest.mark.parametrize(("text", "keys"), HEADERS)
def test_which_lines_are_header_fields(text: str, keys: list[str]) -> None:
    tree = read(text)
    fields = sorted([*tree.header, *tree.unknown_header], key=lambda p: p.key.span.line)

    assert [p.key.value for p in fields] == keys
