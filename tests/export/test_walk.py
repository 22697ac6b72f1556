"""The walk: `dag-lsp --walk` driven through a pipe, and `--answers`.

Scripted input stands in for a person at a terminal: each test feeds lines
to standard input and reads the transcript (the walk echoes each line read
from a pipe after its prompt, so a transcript reads as typed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dag_lsp.graph import asked_order
from dag_lsp.reader import read
from dag_lsp.walk import Walk, WalkError, resolve, walk_answers

from .helpers import Run, dag_lsp, write
from .trees import BIKE, DIAMOND, HOSTING, lines


def walked(tmp_path: Path, text: str, typed: str, *options: str) -> Run:
    path = write(tmp_path, "tree.dag", text)
    return dag_lsp("--walk", *options, path, stdin=typed)


def shown(run: Run) -> list[str]:
    """The transcript's lines, the first two (title and legend) left out."""
    return run.out.splitlines()[2:]


Q1_BIKE = [
    "",
    "Q1: Where do you ride most — roads, [trails] or {both}?",
    "  1. A: Roads",
    "  2. B: Trails | mud <deep>",
    "  3. C: Both \\ mixed",
    "  (? shows a hint)",
    "  (b picks an answer here: type back in full)",
]
Q2_BIKE = [
    "",
    "Q2: Is your ride longer than 20 km? 🚲",
    "  1. yes",
    "  2. no",
]


# ---------------------------------------------------------------- terminal


def test_a_walk_with_hint_numbers_labels_back_and_restart(tmp_path: Path) -> None:
    typed = "?\n1\nhint\nperhaps\nback\nback\nc: both \\ mixed\nrestart\nroads\nNO\n"

    run = walked(tmp_path, BIKE, typed)

    assert (run.status, run.err) == (0, "")
    assert run.out.splitlines()[:2] == [
        'Which bike should I buy — for "real" riding?',
        "Answer with a number, a label or its key; ? hint, and back, restart, "
        "quit in full (a letter may name an answer).",
    ]
    assert shown(run) == [
        *Q1_BIKE,
        "> ?",
        'hint: Count the last ten rides; "mostly" means seven or more.',
        "> 1",
        *Q2_BIKE,
        "> hint",
        "Q2 has no hint",
        "> perhaps",
        "Q2 has no answer 'perhaps': give a label, a key or a number from 1 to 2",
        "> back",
        *Q1_BIKE,
        "> back",
        "this is the first question: there is nothing to go back to",
        "> c: both \\ mixed",
        "",
        "Q3: Do you carry loads (kids, shopping)?",
        "  1. yes",
        "  2. no",
        "> restart",
        *Q1_BIKE,
        "> roads",
        *Q2_BIKE,
        "> NO",
        "",
        "outcome: [CITY] City bike",
        "  Upright, fenders, a rack.",
        "  code: BIKE_CITY",
        "(b back, r restart, q quit)",
        "> ",
    ]


def test_one_letter_commands_work_where_no_answer_takes_them(tmp_path: Path) -> None:
    run = walked(tmp_path, BIKE, "A\nb\nr\nq\n")

    assert run.status == 0
    assert [line for line in shown(run) if line.startswith(">")] == [
        "> A",
        "> b",
        "> r",
        "> q",
    ]
    assert shown(run).count(Q1_BIKE[1]) == 3


def test_the_legend_names_letter_commands_where_no_answer_takes_them(
    tmp_path: Path,
) -> None:
    run = walked(tmp_path, DIAMOND, "q\n")

    assert "? hint, b back, r restart, q quit." in run.out


def test_bytes_that_are_not_utf8_are_an_unknown_answer(tmp_path: Path) -> None:
    path = write(tmp_path, "tree.dag", BIKE)

    run = dag_lsp("--walk", path, stdin=b"\xff\nq\n")

    assert run.status == 0
    assert "Q1 has no answer '\ufffd'" in run.out


def test_a_label_with_a_comma_is_named_by_key_in_answers(tmp_path: Path) -> None:
    tree = BIKE.replace("Trails | mud <deep>", "Trails, mud")

    refused = walked(tmp_path, tree, "", "--answers", "Trails, mud")
    keyed = walked(tmp_path, tree, "", "--answers", "B")

    assert refused.status == 1
    assert "split at commas: name an answer whose label holds" in refused.err
    assert keyed.status == 0


def test_after_the_outcome_only_commands_are_taken(tmp_path: Path) -> None:
    run = walked(tmp_path, DIAMOND, "no\nno\nyes\n?\nb\nq\n")

    assert run.status == 0
    assert shown(run)[-12:] == [
        "(b back, r restart, q quit)",
        "> yes",
        "the walk is over: b back, r restart, q quit",
        "> ?",
        "the walk is over: there is no question to give a hint for",
        "> b",
        "",
        "Q3: Can someone write one in ten minutes?",
        "  1. yes",
        "  2. maybe",
        "  3. no",
        "> q",
    ]


def test_input_that_ends_before_the_outcome_fails(tmp_path: Path) -> None:
    run = walked(tmp_path, DIAMOND, "yes\n")

    assert run.status == 1
    assert run.err == "the input ended before the walk reached its end\n"
    assert run.out.endswith(
        "> yes\n\nQ2: Does it need a decision today?\n  1. yes\n  2. no\n> \n"
    )


def test_elimination_asks_every_question_but_those_when_skips(tmp_path: Path) -> None:
    run = walked(tmp_path, HOSTING, "2\n?\nyes\n")

    assert run.status == 0
    assert shown(run) == [
        "",
        "Q1: Where is the code?",
        "  1. A: GitHub",
        "  2. B: GitLab",
        "  (b picks an answer here: type back in full)",
        "> 2",
        "",
        "Q3: Is a custom build image needed?",
        "  1. yes",
        "  2. no",
        "  (? shows a hint)",
        "> ?",
        "hint: A static site generator that needs system packages counts as yes.",
        "> yes",
        "",
        "2 outcomes survive:",
        "  [NETLIFY] Netlify",
        "    Builds, previews and redirects in one place.",
        "  [GITLAB] GitLab Pages",
        "(b back, r restart, q quit)",
        "> ",
    ]


def test_elimination_back_returns_to_the_question_before(tmp_path: Path) -> None:
    run = walked(tmp_path, HOSTING, "A\nyes\nback\nno\nyes\n")

    assert run.status == 0
    asked = [line for line in shown(run) if line.startswith("Q")]
    assert asked == [
        "Q1: Where is the code?",
        "Q2: Do you need server-side redirects?",
        "Q3: Is a custom build image needed?",
        "Q2: Do you need server-side redirects?",
        "Q3: Is a custom build image needed?",
    ]
    assert shown(run)[-6:] == [
        "",
        "1 outcome survives:",
        "  [NETLIFY] Netlify",
        "    Builds, previews and redirects in one place.",
        "(b back, r restart, q quit)",
        "> ",
    ]


def test_an_answer_to_an_undefined_target_is_refused(tmp_path: Path) -> None:
    broken = DIAMOND.replace("no  -> [EMAIL]", "no  -> [MAIL]")

    run = walked(tmp_path, broken, "yes\nno\nyes\nyes\n")

    assert run.status == 0
    assert "the answer 'no' of Q2 leads to 'MAIL', which is not defined" in run.out
    assert "outcome: [MEET] Meet" in run.out


def test_a_tree_without_entry_cannot_be_walked(tmp_path: Path) -> None:
    run = walked(tmp_path, DIAMOND.replace("entry: Q1\n", ""), "yes\n")

    assert (run.status, run.out) == (1, "")
    assert run.err == "the tree has no 'entry:' question to start from\n"


def test_a_file_with_syntax_errors_is_not_walked(tmp_path: Path) -> None:
    run = walked(tmp_path, DIAMOND.replace("yes -> Q2", "yes => Q2"), "")

    assert (run.status, run.out) == (1, "")
    assert run.err.endswith(":5:7: syntax error: '=>' is not an arrow: write '->'\n")


# ---------------------------------------------------------------- --answers


def test_answers_walk_without_asking(tmp_path: Path) -> None:
    run = walked(tmp_path, BIKE, "", "--answers", "a, Yes")

    assert (run.status, run.err) == (0, "")
    assert run.out == (
        "Q1: Where do you ride most — roads, [trails] or {both}? -> A: Roads\n"
        "Q2: Is your ride longer than 20 km? 🚲 -> yes\n"
        "\n"
        'outcome: [ROAD] Road bike "fast"\n'
        "  Light, drop bars, thin tyres.\n"
        "  code: BIKE_ROAD\n"
    )


def test_answers_as_json_give_the_path_and_the_outcome(tmp_path: Path) -> None:
    options = ("--answers", "1,2", "--output-format", "json")

    run = walked(tmp_path, BIKE, "", *options)

    assert run.status == 0
    assert json.loads(run.out) == {
        "mode": "decision",
        "path": [
            {"question": "Q1", "answer": "A", "label": "A: Roads", "next": "Q2"},
            {"question": "Q2", "answer": "no", "label": "no", "next": "CITY"},
        ],
        "outcome": {
            "id": "CITY",
            "label": "City bike",
            "description": "Upright, fenders, a rack.",
            "code": "BIKE_CITY",
            "color": "#eee",
        },
    }


def test_elimination_answers_as_json_give_the_survivors(tmp_path: Path) -> None:
    options = ("--answers", "B,no", "--output-format", "json")

    run = walked(tmp_path, HOSTING, "", *options)

    assert run.status == 0
    result = json.loads(run.out)
    assert result["path"] == [
        {"question": "Q1", "answer": "B", "label": "B: GitLab", "next": "Q3"},
        {"question": "Q3", "answer": "no", "label": "no", "next": None},
    ]
    assert [o["id"] for o in result["outcomes"]] == ["NETLIFY", "GITLAB", "BUCKET"]


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("A,maybe", "Q2 has no answer 'maybe': give a label, a key or a number"),
        ("A", "the answers stop before the end: Q2 ('Is your ride longer"),
        ("B,yes", "2 answers given, but the walk ends after 1"),
        ("4", "Q1 has no answer '4'"),
        ("²", "Q1 has no answer '²': give a label, a key or a number from 1 to 3"),
        ("1" * 5000, "Q1 has no answer '" + "1" * 39 + "…'"),
    ],
)
def test_answers_that_do_not_fit_fail(
    tmp_path: Path, answers: str, message: str
) -> None:
    run = walked(tmp_path, BIKE, "", "--answers", answers)

    assert (run.status, run.out) == (1, "")
    assert message in run.err


@pytest.mark.parametrize(
    "arguments",
    [
        ["--answers", "yes"],
        ["--walk", "-"],
        ["--walk", "--output-format", "github"],
        ["--walk", "--paths"],
        ["--walk", "--output-format", "json"],
    ],
)
def test_walk_usage_errors(tmp_path: Path, arguments: list[str]) -> None:
    path = write(tmp_path, "tree.dag", DIAMOND)
    paths = [] if "-" in arguments else [path]

    run = dag_lsp(*arguments, *paths)

    assert run.status == 2
    assert "usage:" in run.err


def test_the_exit_statuses_are_in_the_help() -> None:
    run = dag_lsp("--help")

    assert "Exit status: 0 when done (--walk: at the result, or on q)" in " ".join(
        run.out.split()
    )


# ---------------------------------------------------------------- the model


def test_answers_resolve_by_label_name_text_and_number() -> None:
    question = read(BIKE).question_ids["Q1"]

    assert resolve(question, "A: Roads").name.value == "A"
    assert resolve(question, "b").name.value == "B"
    assert resolve(question, "TRAILS | MUD <DEEP>").name.value == "B"
    assert resolve(question, "3").name.value == "C"
    with pytest.raises(WalkError, match="no answer '0'"):
        resolve(question, "0")


def test_an_exact_match_wins_over_a_case_folded_one() -> None:
    tree = read(
        lines(
            "dag: t",
            "entry: Q1",
            "",
            "Q1: q",
            "  Yes -> [A]",
            "  yes -> [B]",
            "",
            "[A]: a",
            "",
            "[B]: b",
        )
    )
    question = tree.question_ids["Q1"]

    assert resolve(question, "yes").targets[0].id == "B"
    with pytest.raises(WalkError, match="names more than one answer"):
        resolve(question, "YES")


def test_the_elimination_order_starts_at_the_entry() -> None:
    tree = read(HOSTING.replace("entry: Q1", "entry: Q3"))

    assert [q.id.value for q in asked_order(tree)] == ["Q3", "Q1", "Q2"]


def test_a_walk_goes_back_and_restarts() -> None:
    walk = walk_answers(read(DIAMOND), ["no", "maybe", "yes"])

    assert [o.id.value for o in walk.outcomes()] == ["MEET"]
    assert walk.back()
    assert walk.question is not None and walk.question.id.value == "Q4"
    walk.restart()
    assert walk.question is not None and walk.question.id.value == "Q1"
    assert not walk.back()
    assert walk.outcomes() == []


def test_a_finished_walk_takes_no_answer() -> None:
    tree = read(DIAMOND)
    walk = Walk(tree)
    walk.answer(tree.question_ids["Q1"].answers[0])
    walk.answer(tree.question_ids["Q2"].answers[1])

    with pytest.raises(WalkError, match="the walk is over"):
        walk.answer(tree.question_ids["Q4"].answers[0])


def test_an_elimination_walk_ends_once_no_outcome_survives(tmp_path: Path) -> None:
    tree = lines(
        "dag: Which pet?",
        "mode: elimination",
        "entry: Q1",
        "",
        "Q1: A garden?",
        "  yes [DOG, CAT]",
        "  no  [CAT]",
        "",
        "Q2: Away all day?",
        "  yes [FISH]",
        "  no  [DOG, CAT]",
        "",
        "Q3: Allergic?",
        "  yes [FISH]",
        "  no  [DOG, CAT, FISH]",
        "",
        "[DOG]: A dog",
        "[CAT]: A cat",
        "[FISH]: A fish",
    )

    ended = walked(tmp_path, tree, "", "--answers", "no,yes")
    too_many = walked(tmp_path, tree, "", "--answers", "no,yes,no")

    assert (ended.status, ended.out.splitlines()[-1]) == (
        0,
        "no outcome survives these answers",
    )
    assert too_many.status == 1
    assert "3 answers given, but the walk ends after 2" in too_many.err
