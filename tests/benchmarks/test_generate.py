"""The benchmark's generator makes valid trees; the runner's helpers work.

The benchmark itself (`benchmarks/run.py`) times things and is not a test;
here only small trees are made, and no time is asserted.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from dag_lsp.checks import check
from dag_lsp.reader import read

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str) -> ModuleType:
    """Import a benchmark script by path (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


generate = _load("generate")
run = _load("run")


# ---------------------------------------------------------------- generator


@pytest.mark.parametrize("questions", [4, 37, 100, 400])
def test_a_generated_tree_checks_clean_with_the_right_size(questions: int) -> None:
    tree = read(generate.generate(questions))

    assert check(tree) == []
    assert len(tree.questions) == questions
    assert len(tree.outcomes) == (questions + 3) // 4


def test_generation_is_deterministic_and_follows_the_seed() -> None:
    first = generate.generate(60, seed=1)

    assert generate.generate(60, seed=1) == first
    assert generate.generate(60, seed=2) != first


def test_answers_share_targets_and_lead_only_forward() -> None:
    tree = read(generate.generate(200))
    order = {question.id.value: n for n, question in enumerate(tree.questions)}
    targets: Counter[str] = Counter()

    for question in tree.questions:
        for answer in question.answers:
            target = answer.targets[0]
            targets[target.id] += 1
            if not target.outcome:
                assert order[target.id] > order[question.id.value]

    shared_questions = [id_ for id_, n in targets.items() if n > 1 and id_ in order]
    shared_outcomes = [id_ for id_, n in targets.items() if n > 1 and id_ not in order]
    assert shared_questions
    assert shared_outcomes


def test_hints_are_long_with_em_dashes_and_outcomes_are_complete() -> None:
    text = generate.generate(100)
    hints = [line for line in text.splitlines() if line.startswith("  hint: ")]

    assert len(hints) == 100
    assert all("\u2014" in hint and len(hint) > 150 for hint in hints)
    for key in ("color", "description", "code"):
        assert text.count(f"\n  {key}: ") == 25


def test_a_tree_too_small_to_hold_its_parts_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 4"):
        generate.generate(3)


def test_write_puts_the_tree_in_the_folder(tmp_path: Path) -> None:
    path = generate.write(20, tmp_path / "trees")

    assert path == tmp_path / "trees" / "tree-20.dag"
    assert path.read_text(encoding="utf-8") == generate.generate(20)


# ---------------------------------------------------------------- runner


def test_verdict_ratio_and_median() -> None:
    assert run.verdict(8.0, 8.0) == "PASS"
    assert run.verdict(8.1, 8.0) == "MISS"
    assert run.verdict(None, 8.0) == "n/a"
    assert run.verdict(3.0, None) == ""
    assert run.ratio(6.0, 2.0) == 3.0
    assert run.ratio(6.0, 0.0) is None
    assert run.ratio(None, 2.0) is None
    assert run.middle([3.0, 1.0, 2.0]) == 2.0
    assert run.middle([]) is None


def test_values_are_shown_with_their_units() -> None:
    assert run.shown(2.5, "x") == "2.50x"
    assert run.shown(0.1234, "s") == "0.123 s"
    assert run.shown(12.34, "ms") == "12.3 ms"
    assert run.shown(None, "ms") == "-"


def test_table_aligns_its_columns() -> None:
    text = run.table(["name", "value"], [["a", "1.0 s"], ["longer", "10.0 s"]])

    assert text.splitlines() == [
        "name     value",
        "------  ------",
        "a        1.0 s",
        "longer  10.0 s",
    ]


def test_figures_of_part_one_compare_the_two_biggest_trees() -> None:
    runs = [
        run.SizeRun(5_000, 1, _timing(2.0, 2.5), _timing(0.1, 0.2)),
        run.SizeRun(20_000, 4, _timing(10.0, 11.0), _timing(0.3, 0.3)),
    ]
    figures = {f.name: f for f in run.size_figures(runs)}

    assert figures["check / floor, 5,000 questions"].value == pytest.approx(20.0)
    assert figures["check / floor, 5,000 questions"].note == "on CPU time: 20.00x MISS"
    assert figures["check growth, 5,000 -> 20,000"].value == pytest.approx(5.0)
    assert figures["floor growth, 5,000 -> 20,000"].value == pytest.approx(3.0)


def test_a_check_that_fails_gives_no_figure() -> None:
    failed = run.Timing((0.1,), (0.1,), status=1, said="NameError: oops")
    runs = [run.SizeRun(5_000, 1, failed, _timing(0.1))]
    (figure,) = run.size_figures(runs)

    assert figure.value is None
    assert run.verdict(figure.value, figure.limit) == "n/a"
    assert figure.note == "check exited 1: NameError: oops"


def _timing(*walls: float) -> object:
    return run.Timing(walls, walls)


def test_timing_takes_the_fastest_run_and_shows_the_median() -> None:
    timing = run.Timing((0.5, 0.3, 0.4), (0.25, 0.2, 0.3), status=1)

    assert timing.best == 0.3
    assert timing.typical == 0.4
    assert timing.cpu == 0.2


def test_timed_runs_measures_a_real_process() -> None:
    timing = run.timed_runs([sys.executable, "-c", "raise SystemExit(3)"], 2)

    assert len(timing.walls) == len(timing.cpus) == 2
    assert all(wall > 0 for wall in timing.walls)
    assert timing.status == 3


def test_planned_edits_are_single_characters_that_undo_each_other() -> None:
    lines = generate.generate(200).split("\n")
    edits = run.plan_edits(lines)
    edited = list(lines)

    for edit in edits:
        assert len(edit.text) + (edit.end - edit.start) in (1, 2)
        run.apply_edit(edited, edit)

    assert len(edits) == 20
    assert len({edit.line for edit in edits}) == 10
    assert {edit.kind for edit in edits} >= {"type in a hint", "change a target"}
    assert edited == lines


def test_a_target_edit_changes_the_id_it_stands_on() -> None:
    lines = ["Q1: Go?", "  hint: Look \u2014 first.", "  yes -> Q19", "  no  -> [END]"]
    change, back = run.plan_edits(lines, count=6)[4:6]
    edited = list(lines)

    run.apply_edit(edited, change)
    assert edited[2] == "  yes -> Q10"
    run.apply_edit(edited, back)
    assert edited == lines


def test_request_positions_stand_at_the_end_of_question_targets() -> None:
    lines = generate.generate(100).split("\n")
    positions = run.request_positions(lines)

    assert len(positions) == 20
    for position in positions:
        line = lines[position.line]
        assert " -> Q" in line
        assert position.character == len(line)


def test_peak_memory_is_read_from_proc_status() -> None:
    status = "Name:\tpython\nVmPeak:\t  300000 kB\nVmHWM:\t  100000 kB\n"

    assert run.peak_memory_mb(status) == pytest.approx(102.4)
    assert run.peak_memory_mb("Name:\tpython\n") is None


def test_server_figures_are_missing_when_most_edits_got_nothing() -> None:
    served = run.ServerRun(opened=0.5, edits=[0.01] * 5, edits_missed=15)
    figures = {f.name: f for f in run.server_figures(served)}

    assert figures["didOpen -> diagnostics, 5,000"].value == 0.5
    assert figures["edit -> diagnostics, median"].value is None
    assert "15 edits" in figures["edit -> diagnostics, median"].note


def test_the_client_drives_the_real_server_through_every_step(tmp_path: Path) -> None:
    path = generate.write(12, tmp_path)

    served = asyncio.run(run.serve_tree([run.dag_lsp()], path))

    assert served.problem == ""
    assert served.sync == "incremental"
    assert served.opened is not None
    assert len(served.edits) == 20
    assert served.edits_missed == 0
    assert len(served.completions) == len(served.hovers) == 20
    assert len(served.fresh_completions) == len(served.fresh_hovers) == 10
    assert served.peak_mb is not None and served.peak_mb > 0
