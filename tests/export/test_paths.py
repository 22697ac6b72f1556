"""Answer paths per outcome: exact paths, exact counts, and the cap.

Counts come from dynamic programming and must equal what walking every
answer combination finds; listing stops at its limit however many paths a
tree has (2^40 here), and neither grows Python's call stack.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dag_lsp.model import Tree
from dag_lsp.paths import (
    OutcomePaths,
    Step,
    TooManyCombinations,
    count_paths,
    format_path,
    paths_to,
    report,
)
from dag_lsp.reader import read
from dag_lsp.walk import Walk

from .helpers import dag_lsp, write
from .trees import DIAMOND, HOSTING, chain, lines


def listed(tree: Tree, outcome: str, limit: int = 1000) -> list[str]:
    return [format_path(path) for path in paths_to(tree, outcome, limit)]


def every_walk(tree: Tree) -> Counter[str]:
    """How many answer sequences end at (or leave) each outcome, by brute force."""
    found: Counter[str] = Counter()
    pending = [Walk(tree)]
    while pending:
        walk = pending.pop()
        question = walk.question
        if question is None:
            found.update(outcome.id.value for outcome in walk.outcomes())
            continue
        for answer in question.answers:
            following = Walk(tree)
            following.taken = [*walk.taken]
            following.answer(answer)
            pending.append(following)
    return found


# ---------------------------------------------------------------- decision


def test_a_diamond_has_every_path_counted_and_listed() -> None:
    tree = read(DIAMOND)

    assert count_paths(tree) == {"MEET": 3, "EMAIL": 1, "CANCEL": 4, "NEVER": 0}
    assert listed(tree, "MEET") == [
        "Q1=yes, Q2=yes, Q4=yes",
        "Q1=no, Q3=yes, Q4=yes",
        "Q1=no, Q3=maybe, Q4=yes",
    ]
    assert listed(tree, "CANCEL") == [
        "Q1=yes, Q2=yes, Q4=no",
        "Q1=no, Q3=yes, Q4=no",
        "Q1=no, Q3=maybe, Q4=no",
        "Q1=no, Q3=no",
    ]
    assert listed(tree, "NEVER") == []
    assert listed(tree, "UNKNOWN") == []


def test_paths_are_steps_of_question_and_answer_name() -> None:
    tree = read(DIAMOND)

    assert paths_to(tree, "EMAIL") == [[Step("Q1", "yes"), Step("Q2", "no")]]


def test_the_limit_keeps_the_first_paths() -> None:
    tree = read(DIAMOND)

    assert listed(tree, "CANCEL", 2) == listed(tree, "CANCEL")[:2]
    assert listed(tree, "CANCEL", 0) == []


def test_exponentially_many_paths_are_counted_exactly_and_listed_to_the_cap() -> None:
    tree = read(chain(40))

    counts = count_paths(tree)
    first = paths_to(tree, "END", 1000)

    assert counts == {"END": 2**40, "ASIDE": 0}
    assert len(first) == 1000
    assert format_path(first[0]) == ", ".join(f"Q{n}=yes" for n in range(1, 41))
    assert format_path(first[1]).endswith("Q39=yes, Q40=no")
    assert len(set(map(format_path, first))) == 1000


def test_a_deep_tree_needs_no_deep_stack() -> None:
    tree = read(chain(3000))

    assert count_paths(tree)["END"] == 2**3000
    assert len(paths_to(tree, "END", 3)[2]) == 3000


def test_a_cycle_does_not_hang_and_counts_the_paths_that_do_not_go_round() -> None:
    """Q4=no leads to Q3, whose answers lead back to Q4. Walking from the
    entry, Q1=yes, Q2=yes, Q4=no reaches Q3 first, so the answers of Q3
    that go back to Q4 close the cycle: paths that take them are not
    counted, and only the outcomes a question on the cycle leads to have a
    floor for a count."""
    cyclic = DIAMOND.replace("  no  -> [CANCEL]\n\n[MEET]", "  no  -> Q3\n\n[MEET]")
    tree = read(cyclic)

    found = {item.outcome: item for item in report(tree)}

    assert count_paths(tree) == {"MEET": 1, "EMAIL": 1, "CANCEL": 2, "NEVER": 0}
    assert listed(tree, "CANCEL") == ["Q1=yes, Q2=yes, Q4=no, Q3=no", "Q1=no, Q3=no"]
    assert found["MEET"].describe() == "at least 1 path"
    assert found["CANCEL"].describe() == "at least 2 paths"
    assert found["EMAIL"].describe() == "1 path"
    assert found["NEVER"].describe() == "no path"


def test_descriptions_say_when_paths_are_left_out() -> None:
    assert OutcomePaths("A", "a", 0, []).describe() == "no path"
    assert OutcomePaths("A", "a", 1, [[]]).describe() == "1 path"
    many = OutcomePaths("A", "a", 2**40, [[]] * 1000)
    assert many.describe() == "1099511627776 paths, the first 1000 listed"


# ---------------------------------------------------------------- elimination


def test_elimination_paths_are_the_answers_that_leave_the_outcome() -> None:
    tree = read(HOSTING)

    assert count_paths(tree) == {"PAGES": 1, "NETLIFY": 6, "GITLAB": 2, "BUCKET": 3}
    assert listed(tree, "PAGES") == ["Q1=A, Q2=no, Q3=no"]
    assert listed(tree, "BUCKET") == [
        "Q1=A, Q2=yes, Q3=no",
        "Q1=A, Q2=no, Q3=no",
        "Q1=B, Q3=no",
    ]
    assert listed(tree, "NETLIFY", 3) == [
        "Q1=A, Q2=yes, Q3=yes",
        "Q1=A, Q2=yes, Q3=no",
        "Q1=A, Q2=no, Q3=yes",
    ]


def test_elimination_counts_agree_with_walking_every_combination() -> None:
    tree = read(HOSTING)

    counts = count_paths(tree)

    assert {k: v for k, v in counts.items() if v} == dict(every_walk(tree))
    assert all(len(paths_to(tree, o)) == counts[o] for o in counts)


def test_many_elimination_questions_count_without_listing_them_all() -> None:
    rows = ["dag: Many", "mode: elimination", "entry: Q1", ""]
    for number in range(1, 41):
        rows += [f"Q{number}: Step {number}?", "  yes -> [A, B]", "  no  -> [A]", ""]
    rows += ["[A]: a", "", "[B]: b"]
    tree = read(lines(*rows))

    assert count_paths(tree) == {"A": 2**40, "B": 1}
    assert len(paths_to(tree, "A", 1000)) == 1000
    assert listed(tree, "B") == [", ".join(f"Q{n}=yes" for n in range(1, 41))]


# ---------------------------------------------------------------- any DAG


@st.composite
def dags(draw: st.DrawFn) -> str:
    """A random decision tree: answers lead to later questions or outcomes."""
    size = draw(st.integers(1, 7))
    rows = ["dag: Random", "entry: Q0", ""]
    for number in range(size):
        later = [f"Q{n}" for n in range(number + 1, size)]
        targets = st.sampled_from([*later, "[X]", "[Y]"])
        chosen = draw(st.lists(targets, min_size=1, max_size=3))
        rows.append(f"Q{number}: Question {number}?")
        rows += [f"  a{i} -> {target}" for i, target in enumerate(chosen)]
        rows.append("")
    rows += ["[X]: x", "", "[Y]: y"]
    return lines(*rows)


@settings(max_examples=60, deadline=None)
@given(dags())
def test_counts_and_paths_agree_with_walking_every_combination(text: str) -> None:
    tree = read(text)

    counts = count_paths(tree)

    assert counts == {"X": every_walk(tree)["X"], "Y": every_walk(tree)["Y"]}
    for outcome, count in counts.items():
        found = listed(tree, outcome)
        assert len(found) == len(set(found)) == count


# ---------------------------------------------------------------- command line


def test_paths_on_the_command_line(tmp_path: Path) -> None:
    run = dag_lsp("--paths", write(tmp_path, "diamond.dag", DIAMOND))

    assert (run.status, run.err) == (0, "")
    assert run.out == (
        "[MEET] (3 paths)\n"
        "  Q1=yes, Q2=yes, Q4=yes\n"
        "  Q1=no, Q3=yes, Q4=yes\n"
        "  Q1=no, Q3=maybe, Q4=yes\n"
        "[EMAIL] (1 path)\n"
        "  Q1=yes, Q2=no\n"
        "[CANCEL] (4 paths)\n"
        "  Q1=yes, Q2=yes, Q4=no\n"
        "  Q1=no, Q3=yes, Q4=no\n"
        "  Q1=no, Q3=maybe, Q4=no\n"
        "  Q1=no, Q3=no\n"
        "[NEVER] (no path)\n"
    )


def test_paths_as_json_on_the_command_line(tmp_path: Path) -> None:
    path = write(tmp_path, "chain.dag", chain(12))

    run = dag_lsp("--paths", "--output-format", "json", path)

    found = json.loads(run.out)
    assert run.status == 0
    assert [(item["outcome"], item["count"]) for item in found] == [
        ("END", 4096),
        ("ASIDE", 0),
    ]
    assert len(found[0]["paths"]) == 1000
    assert found[0]["paths"][0][0] == {"question": "Q1", "answer": "yes"}


def test_paths_name_the_cycle_that_stops_the_count(tmp_path: Path) -> None:
    cyclic = DIAMOND.replace("  no  -> [CANCEL]\n\n[MEET]", "  no  -> Q3\n\n[MEET]")

    run = dag_lsp("--paths", write(tmp_path, "cyclic.dag", cyclic))

    assert run.status == 0
    assert "[MEET] (at least 1 path)\n" in run.out
    assert "[EMAIL] (1 path)\n" in run.out
    assert "the tree has a cycle (Q4 -> Q3 -> Q4, DAG008)" in run.err
    assert "the counts are a floor" in run.err


def test_paths_say_when_a_tree_has_no_outcome(tmp_path: Path) -> None:
    text = "dag: Loop\nentry: Q1\n\nQ1: Again?\n  yes -> Q1\n  no  -> Q1\n"

    run = dag_lsp("--paths", write(tmp_path, "none.dag", text))

    assert (run.status, run.out) == (0, "")
    assert "the tree defines no outcome, so no path is listed" in run.err


def tangled(watched: int) -> str:
    """An elimination tree where each of `watched` questions is looked at by
    a `when:` further on, so the answers that matter multiply."""
    blocks = ["dag: Tangled\nmode: elimination\nentry: Q0"]
    blocks += [f"Q{n}: Q{n}?\n  yes -> [A, B]\n  no  -> [A, B]" for n in range(watched)]
    blocks += [
        f"W{n}: W{n}?\n  when: Q{n}=yes\n  yes -> [A, B]\n  no  -> [A]"
        for n in range(watched)
    ]
    return "\n\n".join([*blocks, "[A]: A", "[B]: B"]) + "\n"


def test_paths_too_tangled_to_count_are_said_to_be_so(tmp_path: Path) -> None:
    """2^18 combinations of watched answers: the count gives up, and says so."""
    run = dag_lsp("--paths", write(tmp_path, "tangled.dag", tangled(18)))

    assert run.status == 0
    assert run.out == "[A] (not counted)\n[B] (not counted)\n"
    assert "too many earlier answers at once for the paths to be counted" in run.err


def test_a_few_watched_questions_are_counted_exactly() -> None:
    tree = read(tangled(3))

    # Each Qn=no skips Wn; each Qn=yes asks it, and both its answers keep A.
    assert count_paths(tree) == {"A": 3**3, "B": 2**3}
    assert count_paths(tree) == dict(every_walk(tree))


def test_the_state_budget_is_shared_by_every_outcome() -> None:
    """Some 6,000 states are countable for one outcome, not for sixty."""
    many = [f"O{n}" for n in range(60)]
    text = tangled(11).replace(
        "[A]: A\n\n[B]: B\n", "".join(f"[{o}]: O\n" for o in many)
    )
    text = text.replace("[A, B]", f"[{', '.join(many)}]").replace("[A]", "[O0]")

    with pytest.raises(TooManyCombinations):
        count_paths(read(text))
    assert count_paths(read(tangled(11)))["B"] == 2**11


def test_a_cycle_the_entry_is_not_on_is_closed_as_met_from_the_entry() -> None:
    """Q1 stands first in the file, but a reader meets Q2 first: the answer
    back to Q2 closes the cycle, and the path through Q1 to [A] counts."""
    text = lines(
        "dag: T",
        "entry: Q0",
        "",
        "Q0: Start?",
        "  go -> Q2",
        "",
        "Q1: One?",
        "  x -> Q2",
        "  y -> [A]",
        "",
        "Q2: Two?",
        "  x -> Q1",
        "  y -> [B]",
        "",
        "[A]: A",
        "[B]: B",
    )
    tree = read(text)

    assert count_paths(tree) == {"A": 1, "B": 1}
    assert listed(tree, "A") == ["Q0=go, Q2=x, Q1=y"]
