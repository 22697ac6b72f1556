"""A line that cannot be read costs one finding, not a cascade of them."""

from __future__ import annotations

from .helpers import located

PASTA = """\
dag: What is for dinner?
entry: Q1

Q1: How long can you cook tonight?
  A: 15 minutes => [PASTA]
  B: An hour -> [ROAST]

[PASTA]: Pasta
[ROAST]: Roast vegetables
[SOUP]: Soup nobody can reach
"""


def test_ids_on_an_unread_answer_still_count_as_reached() -> None:
    assert located(PASTA) == [(5, 17, "DAG001"), (10, 2, "DAG003")]


def test_an_unindented_answer_says_to_indent_it() -> None:
    text = "dag: T\nentry: Q1\n\nQ1: Is it raining?\nyes -> [BUS]\n  no -> [BUS]\n"

    found = located(text)

    assert (5, 1, "DAG001") in found


def test_unindented_answers_still_lead_where_they_say() -> None:
    unindented = "A: 15 minutes -> [PASTA]\nB:"
    text = PASTA.replace("  A: 15 minutes => [PASTA]\n  B:", unindented)

    assert located(text) == [
        (4, 1, "DAG009"),
        (5, 1, "DAG001"),
        (6, 1, "DAG001"),
        (10, 2, "DAG003"),
    ]


def test_other_arrows_are_reported_where_they_stand() -> None:
    text = PASTA.replace("=>", "->").replace("B: An hour ->", "B: An hour →")

    assert located(text) == [(6, 14, "DAG001"), (10, 2, "DAG003")]


def test_dashes_running_into_an_arrow_are_a_mistyped_arrow() -> None:
    text = PASTA.replace("A: 15 minutes => [PASTA]", "A: 15 minutes-->[PASTA]")

    assert located(text) == [(5, 16, "DAG001"), (10, 2, "DAG003")]


def test_a_head_cut_short_by_a_letter_outside_ascii_is_one_finding() -> None:
    text = PASTA.replace("=>", "->").replace("[SOUP]: Soup nobody can reach\n", "")
    text += "\nQé: Which soup?\n  yes -> [PASTA]\n"

    assert located(text) == [(11, 2, "DAG001")]


def test_answers_indented_under_an_unindented_one_are_no_orphans() -> None:
    text = PASTA.replace(
        "  A: 15 minutes => [PASTA]\n  B:", "A: 15 minutes -> [PASTA]\n  B:"
    )

    assert located(text) == [(4, 1, "DAG009"), (5, 1, "DAG001"), (10, 2, "DAG003")]


def test_an_indented_line_above_every_block_is_one_finding() -> None:
    """Read where no block is open, it is not also judged as an answer."""
    text = "  a stray line of notes\n" + PASTA

    assert located(text)[:2] == [(1, 1, "DAG001"), (6, 17, "DAG001")]
