"""Every check, DAG001 to DAG025: where it fires, what it says, when it must not.

Each test starts from a clean tree, changes a line or two the way an author
might, and expects the finding at the exact line and column (1-based, as
`dag-lsp --check` prints them) with a message quoting the name at fault.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dag_lsp.checks import check
from dag_lsp.findings import CHECKS, Finding, Severity
from dag_lsp.reader import read

from .helpers import apply_edits, codes, findings, lines, only

BASE = lines(
    "dag: Repair or replace my phone?",  # 1
    "entry: Q1",  # 2
    "",  # 3
    "Q1: Is the screen cracked?",  # 4
    "  yes -> Q2",  # 5
    "  no  -> [KEEP]",  # 6
    "",  # 7
    "Q2: Does it still turn on?",  # 8
    "  yes -> [REPAIR]",  # 9
    "  no  -> [REPLACE]",  # 10
    "",  # 11
    "[KEEP]: Keep using it",  # 12
    "  color: #22c55e",  # 13
    "[REPAIR]: Repair the screen",  # 14
    "[REPLACE]: Buy a new phone",  # 15
)

ELIMINATION = lines(
    "dag: Which houseplant?",  # 1
    "mode: elimination",  # 2
    "entry: Q1",  # 3
    "",  # 4
    "Q1: How much light?",  # 5
    "  A: Bright [FICUS, CACTUS]",  # 6
    "  B: Dim -> [FERN, POTHOS]",  # 7
    "  C: Some -> [POTHOS, FICUS]",  # 8
    "",  # 9
    "Q2: Do you forget to water?",  # 10
    "  when: Q1=A",  # 11
    "  yes -> [CACTUS]",  # 12
    "  no  -> [FICUS]",  # 13
    "",  # 14
    "[FICUS]: Ficus",  # 15
    "[CACTUS]: Cactus",  # 16
    "[FERN]: Fern",  # 17
    "[POTHOS]: Pothos",  # 18
)


def edit(text: str, old: str, new: str) -> str:
    """The text with one exact occurrence of `old` replaced."""
    assert text.count(old) == 1, f"{old!r} must occur once"
    return text.replace(old, new)


def at(found: list[Finding]) -> list[tuple[int, int, int]]:
    """Line, start and end column (1-based, end exclusive) of each finding."""
    return [(f.span.line + 1, f.span.start + 1, f.span.end + 1) for f in found]


def test_the_clean_examples_give_no_finding() -> None:
    assert findings(BASE) == []
    assert findings(ELIMINATION) == []


def test_every_check_is_listed_once_with_its_documented_severity() -> None:
    assert [c.code for c in CHECKS] == [f"DAG{n:03}" for n in range(1, 27)]
    notes = {c.code for c in CHECKS if c.severity is Severity.NOTE}
    warnings = {c.code for c in CHECKS if c.severity is Severity.WARNING}
    assert notes == {"DAG018", "DAG019"}
    assert warnings == {
        "DAG003",
        "DAG013",
        "DAG014",
        "DAG021",
        "DAG022",
        "DAG023",
        "DAG024",
        "DAG025",
    }


def test_findings_are_sorted_by_position() -> None:
    text = edit(BASE, "entry: Q1", "entry: Q1\nauthor: me")
    text = edit(text, "[KEEP]\n", "[KEPT]\n")
    found = findings(text)

    assert found == sorted(found, key=lambda f: (f.span.line, f.span.start))


# ---------------------------------------------------------------- DAG001


def test_dag001_syntax_error_at_the_mistyped_arrow() -> None:
    text = edit(BASE, "  yes -> Q2", "  yes => Q2")
    [found] = only(text, "DAG001")

    assert at([found]) == [(5, 7, 9)]
    assert found.message == "'=>' is not an arrow: write '->'"


@pytest.mark.parametrize("arrow", ["=>", "-->", "~>"])
def test_dag001_mistyped_arrow_in_a_multiple_choice_answer(arrow: str) -> None:
    """Once read as a question property named 'A' (a warning, exit status 0)
    or reported at the target: it is a syntax error at the arrow."""
    text = edit(BASE, "  yes -> Q2", f"  A: Cracked {arrow} Q2")
    [found] = only(text, "DAG001")

    assert at([found]) == [(5, 14, 14 + len(arrow))]
    assert found.message == f"'{arrow}' is not an arrow: write '->'"


def test_dag001_missing_colon_after_a_question_id() -> None:
    text = edit(BASE, "Q2: Does", "Q2 Does")
    [found] = only(text, "DAG001")

    assert at([found])[0][:2] == (8, 3)
    assert "expected ':'" in found.message
    assert codes(text) == ["DAG001"]


def test_dag001_reports_every_bad_line_in_one_run() -> None:
    text = edit(BASE, "  yes -> Q2", "  yes => Q2")
    text = edit(text, "  no  -> [REPLACE]", "  no  -> [REPLACE")
    text = edit(text, "  color: #22c55e", "  color #22c55e")

    assert [f.span.line + 1 for f in only(text, "DAG001")] == [5, 10, 13]


# ---------------------------------------------------------------- DAG002


def test_dag002_undefined_outcome_with_did_you_mean_and_fixes() -> None:
    text = edit(BASE, "  no  -> [KEEP]", "  no  -> [KEPP]")
    [found] = only(text, "DAG002")

    assert at([found]) == [(6, 11, 15)]
    assert found.message == "the outcome 'KEPP' is not defined; did you mean 'KEEP'?"
    change, create = found.fixes
    assert apply_edits(text, change.edits) == BASE
    created = apply_edits(text, create.edits)
    assert created.endswith("[REPLACE]: Buy a new phone\n\n[KEPP]: KEPP\n")
    assert only(created, "DAG002") == []


def test_dag002_create_question_fix_adds_a_block_after_the_last_question() -> None:
    text = edit(BASE, "  yes -> Q2", "  yes -> Q3")
    [found] = only(text, "DAG002")
    created = apply_edits(text, found.fixes[-1].edits)

    assert found.message == "the question 'Q3' is not defined"
    assert "  no  -> [REPLACE]\n\nQ3: New question?\n\n[KEEP]" in created
    assert only(created, "DAG002") == []


def test_dag002_undefined_question_differing_in_case() -> None:
    text = edit(BASE, "  yes -> Q2", "  yes -> q2")
    [found] = only(text, "DAG002")

    assert at([found]) == [(5, 10, 12)]
    assert found.message == "the question 'q2' is not defined; did you mean 'Q2'?"


def test_dag002_no_suggestion_when_nothing_is_close() -> None:
    text = edit(BASE, "  no  -> [KEEP]", "  no  -> [WARRANTY]")
    [found] = only(text, "DAG002")

    assert found.message == (
        "the outcome 'WARRANTY' is not defined; add '[WARRANTY]: label' "
        "(once a file has outcome blocks, every outcome it uses needs one)"
    )
    assert [fix.title for fix in found.fixes] == ["Create outcome 'WARRANTY'"]


def test_dag002_suggestions_stop_at_a_budget_of_comparisons() -> None:
    """Thousands of undefined targets among thousands of ids: the first few
    get a "did you mean", the rest none, and every fix still creates the id."""
    blocks = ["dag: Chain\nentry: Q0"]
    for n in range(2000):
        following = f"Q{n + 1}" if n < 1999 else "[END]"
        blocks.append(f"Q{n}: Q{n}?\n  yes -> {following}\n  no  -> Q{n}x")
    text = "\n\n".join([*blocks, "[END]: End"]) + "\n"

    found = only(text, "DAG002")

    suggested = [f for f in found if "did you mean" in f.message]
    assert len(found) == 2000
    assert len(suggested) == 100  # 200,000 comparisons over 2,000 questions
    assert all(f.fixes[-1].title.startswith("Create question") for f in found)


def test_dag002_outcome_written_without_brackets() -> None:
    text = edit(BASE, "  no  -> [KEEP]", "  no  -> KEEP")
    [found] = only(text, "DAG002")

    assert at([found]) == [(6, 10, 14)]
    assert found.message == "'KEEP' is an outcome: write it in brackets, [KEEP]"
    assert apply_edits(text, found.fixes[0].edits) == BASE


def test_dag002_question_written_in_brackets() -> None:
    text = edit(BASE, "  yes -> Q2", "  yes -> [Q2]")
    [found] = only(text, "DAG002")

    assert at([found]) == [(5, 11, 13)]
    assert found.message == "'Q2' is a question: write it without brackets"


def test_dag002_implicit_outcome_is_an_error_when_the_file_has_outcome_blocks() -> None:
    text = edit(BASE, "  no  -> [REPLACE]", "  no  -> [RECYCLE]")

    assert at(only(text, "DAG002")) == [(10, 11, 18)]
    assert only(text, "DAG019") == []


def test_dag002_not_for_defined_targets_or_notes_only_without_blocks() -> None:
    without_blocks = BASE.split("\n[KEEP]:")[0]

    assert only(BASE, "DAG002") == []
    assert set(codes(without_blocks)) == {"DAG019"}


# ---------------------------------------------------------------- DAG003


def test_dag003_unreachable_outcome_and_question() -> None:
    text = BASE + lines("[SPARE]: Use a spare", "", "Q3: Orphan?", "  yes -> [KEEP]")
    found = only(text, "DAG003")

    assert at(found) == [(16, 2, 7), (18, 1, 3)]
    assert found[0].message == "the outcome 'SPARE' cannot be reached from the entry"
    assert found[1].message == "the question 'Q3' cannot be reached from the entry"
    assert all(f.unnecessary and f.severity is Severity.WARNING for f in found)


def test_dag003_fix_removes_the_block() -> None:
    text = edit(BASE, "[REPAIR]:", "[SPARE]: Use a spare\n[REPAIR]:")
    [found] = only(text, "DAG003")

    assert apply_edits(text, found.fixes[0].edits) == BASE


@pytest.mark.parametrize("odd", ["\x0c", "\u00a0", "\u3000"])
def test_dag003_fix_keeps_a_line_of_other_blank_characters(odd: str) -> None:
    """Only spaces and tabs make a blank line; a form feed or a no-break
    space after the block is text the fix must not take with it."""
    text = BASE + "\n[SPARE]: Spare phone\n" + odd
    [found] = only(text, "DAG003")

    assert apply_edits(text, found.fixes[0].edits) == BASE + "\n" + odd


def test_dag003_outcome_no_answer_keeps_in_elimination() -> None:
    text = edit(ELIMINATION, "  B: Dim -> [FERN, POTHOS]", "  B: Dim -> [POTHOS]")
    [found] = only(text, "DAG003")

    assert at([found]) == [(17, 2, 6)]
    assert found.message == "the outcome 'FERN' can never survive the answers"


def test_dag003_a_question_without_answers_eliminates_nothing() -> None:
    """Its DAG009 is the finding; every outcome must not be reported too."""
    text = ELIMINATION + lines("", "Q3: Unfinished question?")

    assert codes(text) == ["DAG009"]


def test_dag003_not_when_the_entry_is_unknown() -> None:
    text = edit(BASE, "entry: Q1", "entry: Q0")

    assert only(text, "DAG003") == []


# ---------------------------------------------------------------- DAG004-006


def test_dag004_missing_title() -> None:
    text = edit(BASE, "dag: Repair or replace my phone?\n", "")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG004", [(1, 1, 1)])
    assert "dag: Title" in found.message


def test_dag004_empty_title_points_at_its_key() -> None:
    text = edit(BASE, "dag: Repair or replace my phone?", "dag:")

    assert at(only(text, "DAG004")) == [(1, 1, 4)]


def test_dag005_missing_entry() -> None:
    text = edit(BASE, "entry: Q1\n", "")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG005", [(1, 1, 1)])
    assert "entry: ID" in found.message


def test_dag006_unknown_entry_with_did_you_mean() -> None:
    text = edit(BASE, "entry: Q1", "entry: q1")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG006", [(2, 8, 10)])
    assert found.message == "the entry 'q1' names no question; did you mean 'Q1'?"


def test_dag006_entry_naming_an_outcome() -> None:
    text = edit(BASE, "entry: Q1", "entry: KEEP")
    [found] = only(text, "DAG006")

    assert found.message == (
        "the entry 'KEEP' is an outcome: it must name the first question"
    )


def test_dag006_empty_entry() -> None:
    text = edit(BASE, "entry: Q1", "entry:")

    assert at(only(text, "DAG006")) == [(2, 1, 6)]
    assert only(text, "DAG005") == []


# ---------------------------------------------------------------- DAG007


def test_dag007_duplicate_question_at_the_second_naming_the_first() -> None:
    text = BASE + lines("", "Q2: Again?", "  yes -> [KEEP]", "  no  -> [KEEP]")
    [found] = only(text, "DAG007")

    assert at([found]) == [(17, 1, 3)]
    assert found.message == "'Q2' is defined twice; first defined on line 8"
    assert found.related[0].span.line + 1 == 8


def test_dag007_question_and_outcome_share_one_namespace() -> None:
    text = edit(BASE, "[REPLACE]: Buy", "[Q2]: Buy")
    found = only(text, "DAG007")

    assert at(found) == [(15, 2, 4)]
    assert "first defined on line 8" in found[0].message


# ---------------------------------------------------------------- DAG008


def test_dag008_cycle_names_its_path() -> None:
    text = edit(BASE, "  yes -> [REPAIR]", "  yes -> Q1")
    [found] = only(text, "DAG008")

    assert at([found]) == [(9, 10, 12)]
    assert found.message == "this answer closes a cycle: Q1 -> Q2 -> Q1"
    assert [r.span.line + 1 for r in found.related] == [5, 9]


def test_dag008_cycle_is_walked_from_the_entry() -> None:
    text = lines(
        "dag: Loop",
        "entry: Q1",
        "",
        "Q2: Second?",
        "  yes -> Q3",
        "  no  -> [OUT]",
        "",
        "Q1: First?",
        "  yes -> Q2",
        "  no  -> [OUT]",
        "",
        "Q3: Third?",
        "  yes -> Q1",
        "  no  -> [OUT]",
        "",
        "[OUT]: Out",
    )
    [found] = only(text, "DAG008")

    assert at([found]) == [(13, 10, 12)]
    assert found.message == "this answer closes a cycle: Q1 -> Q2 -> Q3 -> Q1"


def test_dag008_an_answer_leading_to_its_own_question() -> None:
    text = edit(BASE, "  no  -> [REPLACE]", "  no  -> Q2")
    [found] = only(text, "DAG008")

    assert found.message == "this answer closes a cycle: Q2 -> Q2"


def test_dag008_not_for_two_answers_to_the_same_question() -> None:
    text = edit(BASE, "  no  -> [KEEP]", "  no  -> Q2")

    assert only(text, "DAG008") == []


# ---------------------------------------------------------------- DAG009-012


def test_dag009_question_without_answers() -> None:
    text = edit(
        BASE, "  yes -> [REPAIR]\n  no  -> [REPLACE]\n", "  hint: Hold power.\n"
    )
    [found] = only(text, "DAG009")

    assert at([found]) == [(8, 1, 3)]
    assert found.message == "the question 'Q2' has no answers"


def test_dag009_not_when_every_answer_is_a_syntax_error() -> None:
    """`yes => [REPAIR]` is no answer, but the author wrote one: the DAG001
    on each line says what is wrong."""
    text = edit(BASE, "  yes -> [REPAIR]\n  no  -> [REPLACE]\n", "  yes => [REPAIR]\n")

    assert [code for code in codes(text) if code in ("DAG001", "DAG009")] == ["DAG001"]


@pytest.mark.parametrize(
    ("old", "new"),
    [("dag: Repair", "dag Repair"), ("entry: Q1", "entry Q1"), ("Q2: Does", "Q2 Does")],
)
def test_dag009_not_for_a_malformed_head_line(old: str, new: str) -> None:
    """Its DAG001 says what is wrong; 'the question 'dag' has no answers'
    would only repeat it in words that do not fit."""
    text = edit(BASE, old, new)
    if old.startswith("Q2"):
        text = edit(text, "  yes -> [REPAIR]\n  no  -> [REPLACE]\n", "")

    assert only(text, "DAG001") != []
    assert only(text, "DAG009") == []


def test_dag010_duplicate_label() -> None:
    text = edit(BASE, "  no  -> [REPLACE]", "  no  -> [REPLACE]\n  yes -> [KEEP]")
    [found] = only(text, "DAG010")

    assert at([found]) == [(11, 3, 6)]
    assert found.message == "the answer 'yes' is given twice in 'Q2'; first on line 9"


def test_dag010_same_answer_key_with_different_text() -> None:
    text = edit(BASE, "  yes -> [REPAIR]", "  A: Yes -> [REPAIR]")
    text = edit(text, "  no  -> [REPLACE]", "  A: No -> [REPLACE]")
    [found] = only(text, "DAG010")

    assert at([found]) == [(10, 3, 8)]
    assert "'A'" in found.message


def test_dag011_outcome_list_in_a_decision_tree() -> None:
    text = edit(BASE, "  yes -> [REPAIR]", "  yes -> [REPAIR, KEEP]")
    [found] = only(text, "DAG011")

    assert at([found]) == [(9, 11, 23)]
    assert "mode: elimination" in found.message


def test_dag012_answer_leading_to_a_question_in_elimination() -> None:
    text = edit(ELIMINATION, "  C: Some -> [POTHOS, FICUS]", "  C: Some -> Q2")
    [found] = only(text, "DAG012")

    assert at([found]) == [(8, 14, 16)]
    assert "'Q2'" in found.message


def test_dag012_a_question_listed_in_brackets_in_elimination() -> None:
    """Not 'the outcome Q2 is not defined' with a fix that would make one."""
    text = edit(ELIMINATION, "  C: Some -> [POTHOS, FICUS]", "  C: Some [Q2]")
    [found] = only(text, "DAG012")

    assert at([found]) == [(8, 12, 14)]
    assert "'Q2'" in found.message
    assert only(text, "DAG002") == []


def test_dag012_does_not_make_listed_outcomes_never_survive() -> None:
    """What the answer keeps is not known, so no DAG003 follows from it."""
    asked = "Q3: Pets at home?\n  yes -> Q1\n  no  -> [FICUS]\n\n[FICUS]: Ficus"
    text = edit(ELIMINATION, "[FICUS]: Ficus", asked)

    assert [f.message for f in only(text, "DAG012")] == [
        "in elimination mode an answer keeps a list of outcomes, not the question 'Q1'"
    ]
    assert only(text, "DAG003") == []


def test_dag011_and_dag012_not_in_their_own_mode() -> None:
    assert only(ELIMINATION, "DAG011") == []
    assert only(BASE, "DAG012") == []


# ---------------------------------------------------------------- DAG013-015


def test_dag013_unknown_header_key() -> None:
    text = edit(BASE, "entry: Q1", "entry: Q1\nauthor: Ana")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG013", [(3, 1, 7)])
    assert found.message == "unknown header key 'author'"


@pytest.mark.parametrize(("key", "meant"), [("title", "dag"), ("Start", "entry")])
def test_dag013_a_key_other_tools_use_names_ours(key: str, meant: str) -> None:
    text = edit(BASE, "entry: Q1", f"entry: Q1\n{key}: x")
    [found] = findings(text)

    assert found.message == f"unknown header key '{key}'; did you mean '{meant}'?"
    assert [fix.title for fix in found.fixes] == [f"Change to '{meant}'"]


def test_dag014_unknown_outcome_property() -> None:
    text = edit(BASE, "  color: #22c55e", "  colour: #22c55e")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG014", [(13, 3, 9)])
    assert found.message.startswith("unknown outcome property 'colour'")


def test_dag014_unknown_question_property() -> None:
    """Reading an unknown question property once raised ValueError."""
    text = edit(
        BASE, "Q2: Does it still turn on?", "Q2: Does it still turn on?\n  level: 2"
    )
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG014", [(9, 3, 8)])
    assert found.message.startswith("unknown question property 'level'")


@pytest.mark.parametrize("color", ["green", "#12345", "#12G", "22c55e", "#1234567"])
def test_dag015_invalid_color(color: str) -> None:
    text = edit(BASE, "#22c55e", color)
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG015", [(13, 10, 10 + len(color))])
    assert found.message == f"'{color}' is not a color: write #rgb or #rrggbb"


@pytest.mark.parametrize("color", ["#abc", "#ABC", "#22C55E", "#000000"])
def test_dag015_not_for_valid_colors(color: str) -> None:
    assert findings(edit(BASE, "#22c55e", color)) == []


# ---------------------------------------------------------------- DAG016


def test_dag016_when_names_an_unknown_question() -> None:
    text = edit(ELIMINATION, "  when: Q1=A", "  when: Q9=A")
    [found] = only(text, "DAG016")

    assert at([found]) == [(11, 9, 11)]
    assert found.message == "'when' names the question 'Q9', which is not defined"


def test_dag016_when_names_an_unknown_answer() -> None:
    text = edit(ELIMINATION, "  when: Q1=A", "  when: Q1=Bright")
    [found] = only(text, "DAG016")

    assert at([found]) == [(11, 12, 18)]
    assert found.message == (
        "the question 'Q1' has no answer named 'Bright'; its answers are 'A', 'B', 'C'"
    )


def test_dag016_and_dag023_not_when_the_answer_is_on_an_unread_line() -> None:
    """`no => [KEEP]` is the one mistake: the `when:` naming `no` is fine."""
    text = edit(BASE, "  no  -> [KEEP]", "  no  => [KEEP]")
    text = edit(text, "turn on?\n", "turn on?\n  when: Q1=no\n")

    assert [code for code in codes(text) if code != "DAG003"] == ["DAG001"]


def test_dag016_not_for_a_whole_label() -> None:
    text = edit(ELIMINATION, "  when: Q1=A", "  when: Q1=A: Bright")

    assert findings(text) == []


# ---------------------------------------------------------------- DAG017

ROUTED = BASE + lines("", "routes:", "  broken: Q1=yes, Q2=no -> [REPLACE]")


def test_dag017_clean_route() -> None:
    assert findings(ROUTED) == []


@pytest.mark.parametrize(
    ("route", "where", "message"),
    [
        (
            "  broken: Q2=no -> [REPLACE]",
            (18, 11, 13),
            "route 'broken': the path starts at the entry 'Q1', not 'Q2'",
        ),
        (
            "  broken: Q1=maybe -> [KEEP]",
            (18, 14, 19),
            "route 'broken': the question 'Q1' has no answer named 'maybe'",
        ),
        (
            "  broken: Q1=yes, Q2=no -> [REPAIR]",
            (18, 29, 35),
            "route 'broken' ends at [REPLACE], not at [REPAIR]",
        ),
        (
            "  broken: Q1=yes -> [REPAIR]",
            (18, 22, 28),
            "route 'broken' ends at the question 'Q2', not at [REPAIR]",
        ),
        (
            "  broken: Q1=no, Q2=no -> [KEEP]",
            (18, 18, 20),
            "route 'broken': the path has already ended at [KEEP] before 'Q2'",
        ),
        (
            "  broken: Q7=no -> [KEEP]",
            (18, 11, 13),
            "route 'broken': the question 'Q7' is not defined",
        ),
    ],
)
def test_dag017_broken_route(
    route: str, where: tuple[int, int, int], message: str
) -> None:
    text = edit(ROUTED, "  broken: Q1=yes, Q2=no -> [REPLACE]", route)
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG017", [where])
    assert found.message == message


@pytest.mark.parametrize("entry", ["", "entry: Q0\n", "entry:\n"])
def test_dag017_not_when_the_entry_is_missing_or_unknown(entry: str) -> None:
    """DAG005 or DAG006 says what is wrong; a route cannot be walked."""
    text = edit(ROUTED, "entry: Q1\n", entry)

    assert only(text, "DAG017") == []
    assert len(findings(text)) == 1


def test_dag017_elimination_route_must_list_the_survivors() -> None:
    good = ELIMINATION + lines("", "routes:", "  dry: Q1=A, Q2=yes -> [CACTUS]")
    bad = edit(good, "Q2=yes -> [CACTUS]", "Q2=yes -> [CACTUS, FICUS]")
    [found] = findings(bad)

    assert findings(good) == []
    assert (found.code, at([found])) == ("DAG017", [(21, 25, 38)])
    assert found.message == "route 'dry' leaves [CACTUS], not [CACTUS, FICUS]"


def test_dag017_lists_outcomes_in_file_order_and_as_the_route_wrote_them() -> None:
    text = ELIMINATION + lines("", "routes:", "  sunny: Q1=A -> [POTHOS, CACTUS]")
    [found] = findings(text)

    assert found.message == (
        "route 'sunny' leaves [FICUS, CACTUS], not [POTHOS, CACTUS]"
    )


@pytest.mark.parametrize(
    ("route", "place", "message"),
    [
        (
            "  dry: Q1=A, Q2=yes, Q1=B -> [CACTUS]",
            (21, 22, 24),
            "route 'dry': 'Q1' is asked before 'Q2', so it cannot be answered after it",
        ),
        (
            "  dim: Q1=B, Q2=yes -> [FERN]",
            (21, 14, 16),
            "route 'dim': 'Q2' is asked only when Q1=A, which the answers "
            "before it do not give",
        ),
        (
            "  skip: Q2=no -> [FICUS]",
            (21, 9, 11),
            "route 'skip': 'Q2' is asked only when Q1=A, which the answers "
            "before it do not give",
        ),
    ],
)
def test_dag017_elimination_route_in_the_asked_order_and_its_when(
    route: str, place: tuple[int, int, int], message: str
) -> None:
    [found] = findings(ELIMINATION + lines("", "routes:", route))

    assert (found.code, at([found])) == ("DAG017", [place])
    assert found.message == message


# ---------------------------------------------------------------- DAG018-021

OLDER = lines(
    "name: Which backup?",
    "version: 1",
    "entry: Q1",
    "",
    "Q1: What is it for?",
    "  A: Weekly [Q2]",
    "  C: Only on demand [MANUAL-COPIES]",
    "",
    "Q2: Do you travel?",
    "  yes -> [THIN]",
    "  no  -> [TOWER]",
)


def test_dag018_older_form_notes_carry_their_rewrite() -> None:
    found = only(OLDER, "DAG018")

    assert at(found) == [(1, 1, 5), (6, 3, 17), (7, 3, 36)]
    assert [f.message for f in found] == [
        "'name:' is the older form of the title: write 'dag:'",
        "'label [target]' is the older form of an answer: write 'A: Weekly -> Q2'",
        "'label [target]' is the older form of an answer: "
        "write 'C: Only on demand -> [MANUAL-COPIES]'",
    ]
    assert all(f.severity is Severity.NOTE for f in found)


def test_dag018_fixes_rewrite_to_the_current_form() -> None:
    edits = tuple(e for f in only(OLDER, "DAG018") for e in f.fixes[0].edits)
    fixed = apply_edits(OLDER, edits)

    assert fixed.splitlines()[0] == "dag: Which backup?"
    assert "  A: Weekly -> Q2\n  C: Only on demand -> [MANUAL-COPIES]\n" in fixed
    assert set(codes(fixed)) == {"DAG019"}


@pytest.mark.parametrize("end", ["\n", ""])
def test_dag018_name_beside_dag_is_removed(end: str) -> None:
    text = "dag: Title\nname: Older title" + end
    [found] = only(text, "DAG018")

    assert at([found]) == [(2, 1, 5)]
    assert found.message == (
        "'name:' is the older form of the title, which 'dag:' gives: remove it"
    )
    assert apply_edits(text, found.fixes[0].edits).rstrip("\n") == "dag: Title"


def test_dag018_not_for_lists_in_elimination_mode() -> None:
    assert only(ELIMINATION, "DAG018") == []


def test_dag019_implicit_outcome_is_a_note_in_a_file_without_blocks() -> None:
    found = only(OLDER, "DAG019")

    assert at(found) == [(7, 22, 35), (10, 11, 15), (11, 11, 16)]
    assert found[0].message == (
        "the outcome 'MANUAL-COPIES' has no definition block; "
        "add '[MANUAL-COPIES]: label' to give it a label"
    )
    assert {f.code for f in findings(OLDER)} == {"DAG018", "DAG019"}


def test_dag019_once_per_outcome() -> None:
    text = edit(OLDER, "  no  -> [TOWER]", "  no  -> [THIN]")

    assert [f.span.line + 1 for f in only(text, "DAG019")] == [7, 10]


def test_dag020_invalid_mode() -> None:
    text = edit(BASE, "entry: Q1", "entry: Q1\nmode: quiz")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG020", [(3, 7, 11)])
    assert found.message == "unknown mode 'quiz': use 'decision' or 'elimination'"


def test_dag020_empty_mode_points_at_its_key() -> None:
    text = edit(BASE, "entry: Q1", "entry: Q1\nmode:")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG020", [(3, 1, 5)])
    assert found.message == "the mode is empty: use 'decision' or 'elimination'"


def test_dag021_duplicate_header_key() -> None:
    text = edit(BASE, "entry: Q1", "entry: Q1\nentry: Q2")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG021", [(3, 1, 6)])
    assert found.message == "the header key 'entry' is given twice; first on line 2"


def test_dag022_a_property_given_twice() -> None:
    text = edit(BASE, "  color: #22c55e", "  color: #22c55e\n  color: #000")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG022", [(14, 3, 8)])
    assert found.message == "'color' is given twice; the first, on line 13, is used"
    assert [r.span.line + 1 for r in found.related] == [13]


def test_dag022_a_hint_given_twice() -> None:
    text = edit(BASE, "  yes -> Q2", "  hint: one\n  hint: two\n  yes -> Q2")

    assert [(f.code, f.span.line + 1) for f in findings(text)] == [("DAG022", 6)]


def test_dag022_not_for_several_when_lines() -> None:
    text = edit(ELIMINATION, "  when: Q1=A", "  when: Q1=A\n  when: Q1=A")

    assert findings(text) == []


def test_dag023_a_when_that_an_answer_contradicts() -> None:
    text = edit(BASE, "  yes -> [REPAIR]", "  when: Q1=no\n  yes -> [REPAIR]")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG023", [(9, 12, 14)])
    assert found.message == (
        "'Q1=yes' leads to 'Q2', but its 'when' asks for 'no': in a decision "
        "tree the answers decide which question comes next"
    )


def test_dag023_not_for_a_when_that_the_way_in_agrees_with() -> None:
    text = edit(BASE, "  yes -> [REPAIR]", "  when: Q1=yes\n  yes -> [REPAIR]")

    assert findings(text) == []


def test_dag024_an_outcome_listed_twice() -> None:
    text = edit(ELIMINATION, "[FICUS, CACTUS]", "[FICUS, CACTUS, FICUS]")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG024", [(6, 29, 34)])
    assert found.message == "the outcome 'FICUS' is listed twice in this answer"


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (
            "Q2=yes",
            "'when' looks at 'Q2', which is this one: the condition never holds, "
            "so 'Q2' is never asked",
        ),
        (
            "Q3=yes",
            "'when' looks at 'Q3', which is asked after it: the condition never "
            "holds, so 'Q2' is never asked",
        ),
    ],
)
def test_dag026_when_looks_at_a_question_not_yet_answered(
    when: str, message: str
) -> None:
    later = "\n\nQ3: Pets?\n  yes [FICUS]\n  no  [FERN]\n\n[FICUS]: Ficus"
    text = edit(ELIMINATION, "  when: Q1=A", f"  when: {when}")
    text = edit(text, "\n\n[FICUS]: Ficus", later)
    [found] = only(text, "DAG026")

    assert at([found]) == [(11, 9, 11)]
    assert found.message == message


def test_dag026_not_for_a_question_asked_before() -> None:
    assert only(ELIMINATION, "DAG026") == []


def test_dag025_an_outcome_without_a_label() -> None:
    text = edit(BASE, "[REPAIR]: Repair the screen", "[REPAIR]:")
    [found] = findings(text)

    assert (found.code, at([found])) == ("DAG025", [(14, 2, 8)])
    assert found.message == "the outcome has no label: write it after '[REPAIR]:'"


def test_dag025_a_question_without_text() -> None:
    text = edit(BASE, "Q2: Does it still turn on?", "Q2:")

    assert [(f.code, f.span.line + 1) for f in findings(text)] == [("DAG025", 8)]


def test_dag025_not_for_a_label_of_a_dash() -> None:
    text = edit(BASE, "[REPAIR]: Repair the screen", "[REPAIR]: -")

    assert findings(text) == []


def test_known_keys_and_properties_give_no_warning() -> None:
    text = edit(
        BASE,
        "entry: Q1",
        "entry: Q1\nmode: decision\nversion: 1.0.0\ndescription: d\ntags: a, b\n"
        "image: https://example.org/p.png\nlocale: en",
    )
    text = edit(
        text, "Q1: Is the screen cracked?", "Q1: Is the screen cracked?\n  hint: h"
    )
    text = edit(
        text,
        "  color: #22c55e",
        "  color: #22c55e\n  description: d\n  code: C\n  image: i\n  url: u",
    )

    assert findings(text) == []


def test_name_gives_the_title_of_an_older_file() -> None:
    text = edit(BASE, "dag: Repair", "name: Repair")

    assert codes(text) == ["DAG018"]


def test_every_code_is_covered_by_this_file() -> None:
    """A guard: a new check must come with its tests here."""
    source = Path(__file__).read_text(encoding="utf-8")
    missing = [c.code for c in CHECKS if f"test_{c.code.lower()}_" not in source]

    assert missing == []


def test_check_is_a_function_of_the_tree() -> None:
    tree = read(BASE)

    assert check(tree) == check(tree) == []
