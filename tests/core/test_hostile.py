"""Hostile input found by trying to break the tool: each stays handled."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from dag_lsp.formatter import format_text
from dag_lsp.reader import read

from .helpers import dag_lsp, lines, located, only

WHEN_TREE = lines(
    "dag: T",
    "entry: Q1",
    "",
    "Q1: First?",
    "  yes -> Q2",
    "  no  -> Q2",
    "",
    "Q2: Second?",
    "  when : Q1=no",
    "  yes -> [A]",
    "  no  -> [A]",
    "",
    "[A]: A",
)


def test_a_blank_before_the_colon_of_when_still_makes_a_condition() -> None:
    [question] = [q for q in read(WHEN_TREE).questions if q.id.value == "Q2"]

    assert [(c.question.id, c.answer.value) for c in question.when] == [("Q1", "no")]
    assert format_text(WHEN_TREE) == WHEN_TREE.replace("when : ", "when: ")


def test_conditions_with_odd_blanks_format_in_one_step() -> None:
    text = WHEN_TREE.replace("when : Q1=no", "when :Q1=yes ,  Q1=no")
    once = format_text(text)

    assert "  when: Q1=yes, Q1=no\n" in once
    assert format_text(once) == once


def test_a_mistyped_arrow_right_after_a_colon_is_an_error() -> None:
    text = WHEN_TREE.replace("  when : Q1=no", "  note:=> x")

    assert (9, 8, "DAG001") in located(text)


def test_a_byte_order_mark_is_not_counted_before_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.dag"
    path.write_bytes(b"\xef\xbb\xbf\xffdag: T\n")

    run = dag_lsp("--check", str(path))

    assert run.out.startswith(f"{path}:1:1: error DAG001")


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.dag"
    os.mkfifo(fifo)

    run = dag_lsp("--check", str(tmp_path), str(fifo))

    assert run.status == 2
    assert f"cannot read '{fifo}': not a regular file" in run.err


def test_the_diff_splits_lines_where_the_tool_does(tmp_path: Path) -> None:
    path = tmp_path / "sep.dag"
    path.write_text(WHEN_TREE.replace("First?", "First\u2028part?  "), encoding="utf-8")

    run = dag_lsp("--format", "--diff", str(path))

    assert "\n-Q1: First\u2028part?  \n+Q1: First\u2028part?\n" in run.out
    assert re.search(r"^@@ -1,12 \+1,12 @@$", run.out, re.MULTILINE)


def test_hostile_exports_are_refused_with_a_message(tmp_path: Path) -> None:
    exports = {
        "deep.json": "[" * 100_000,
        "big.json": json.dumps({"meta": {}, "n": 1}).replace("1", "9" * 5000),
        "surrogate.json": '{"meta": {"title": "t\\ud800"}, "questions": [],'
        ' "outcomes": []}',
    }
    for name, content in exports.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
        run = dag_lsp("--import", str(tmp_path / name))

        assert run.status == 1, name
        assert "Traceback" not in run.err, name
        assert run.err.startswith(f"{tmp_path / name}: "), name


def test_a_diff_reaching_the_end_of_the_file_counts_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "end.dag"
    path.write_text(WHEN_TREE.replace("[A]: A", "[A]:  A"), encoding="utf-8")

    run = dag_lsp("--format", "--diff", str(path))

    assert run.out.endswith("-[A]:  A\n+[A]: A\n")
    assert re.search(r"^@@ -6,8 \+6,8 @@$", run.out, re.MULTILINE)


def test_characters_no_one_can_see_are_named_by_code_point() -> None:
    text = lines("dag: T", "\u2028", "\x0cQ1 x", "Q2\x0bx: y", "\x00", "Q3 a\x85")

    said = [f.message.split("found ")[-1] for f in only(text, "DAG001")]

    assert said == [
        "U+2028 (line separator)",
        "U+000C (a form feed)",
        "U+000B (a vertical tab)",
        "U+0000 (a control character)",
        "'a'",
    ]


def test_long_runs_of_dashes_and_equals_signs_are_read_in_one_pass() -> None:
    """Each run is tried once from its start (these lines took seconds when
    every dash looked ahead over the rest of its run)."""
    run = 50_000
    text = lines(
        "dag: T",
        "entry: Q1",
        "",
        "Q1: q",
        "  a " + "-" * run + " b -> [A]",
        "  c " + "=" * run + "x -> [A]",
        "  note: " + "-" * run,
        "",
        "[A]: a",
    )

    [question] = read(text).questions
    assert [len(a.label.value) for a in question.answers] == [run + 4, run + 3]
    assert located(text) == [(7, 3, "DAG014")]
