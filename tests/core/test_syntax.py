"""The line grammar: `syntax.parse_line` on one line at a time, table-driven.

Each row is a line, the place it stands in (which picks the grammar rule)
and what it must read as: a node with its tokens' columns (0-based, end
exclusive), or a syntax error at a column with a message.
"""

from __future__ import annotations

import pytest

from dag_lsp.syntax import (
    Answer,
    Blank,
    Comment,
    Condition,
    Field,
    Invalid,
    LineNode,
    OutcomeHead,
    Place,
    Property,
    Route,
    Target,
    Token,
    When,
    parse_line,
)

TOP, QUESTION, OUTCOME, ROUTES = Place.TOP, Place.QUESTION, Place.OUTCOME, Place.ROUTES


def parse(text: str, place: Place) -> LineNode:
    indent = len(text) - len(text.lstrip(" \t"))
    return parse_line(text, indent, place)


def tok(line: str, text: str, nth: int = 0) -> Token:
    """The token of `text` where it occurs (the `nth` time) in `line`."""
    start = -1
    for _ in range(nth + 1):
        start = line.index(text, start + 1)
    return Token(text, start, start + len(text))


# ---------------------------------------------------------------- top level

TOP_LINES = [
    (
        "dag: Which database?",
        Field(Token("dag", 0, 3), Token("Which database?", 5, 20)),
    ),
    (
        "Q1: Is it? Yes: really",
        Field(Token("Q1", 0, 2), Token("Is it? Yes: really", 4, 22)),
    ),
    ("Q1:no space", Field(Token("Q1", 0, 2), Token("no space", 3, 11))),
    ("Q_2-b: text   ", Field(Token("Q_2-b", 0, 5), Token("text", 7, 11))),
    ("routes:", Field(Token("routes", 0, 6), Token("", 7, 7))),
    ("entry:\tQ1", Field(Token("entry", 0, 5), Token("Q1", 7, 9))),
    ("[OUT]: Label", OutcomeHead(Token("OUT", 1, 4), Token("Label", 7, 12))),
    ("[ A ]: x", OutcomeHead(Token("A", 2, 3), Token("x", 7, 8))),
    ("[NO-CACHE]: -", OutcomeHead(Token("NO-CACHE", 1, 9), Token("-", 12, 13))),
    ("# a comment -> [x]", Comment(Token("# a comment -> [x]", 0, 18))),
    ("#", Comment(Token("#", 0, 1))),
]


@pytest.mark.parametrize(("line", "expected"), TOP_LINES)
def test_top_level_lines(line: str, expected: LineNode) -> None:
    assert parse(line, TOP) == expected


# ---------------------------------------------------------------- questions

ANSWER_LINES = [
    ("  yes -> Q2", ("yes", "yes", "Q2")),
    ("  no  -> [SQLITE]", ("no", "no", "[SQLITE]")),
    ("  yes->Q2", ("yes", "yes", "Q2")),
    ("  yes ->[OUT]", ("yes", "yes", "[OUT]")),
    ("\tyes -> Q2", ("yes", "yes", "Q2")),
    ("      no -> Q3", ("no", "no", "Q3")),
    ("  A: Sí, claro -> Q2", ("A: Sí, claro", "A", "Q2")),
    (
        '  B: **Bold**: "quoted" — yes -> [OUT]',
        ('B: **Bold**: "quoted" — yes', "B", "[OUT]"),
    ),
    ("  C: 命令行工具 -> Q9", ("C: 命令行工具", "C", "Q9")),
    ("  是: はい -> Q9", ("是: はい", "是", "Q9")),
    ("  Ü: über -> [OUT]", ("Ü: über", "Ü", "[OUT]")),
    ("  a-b -> Q2", ("a-b", "a-b", "Q2")),
    ("  a - b -> Q2", ("a - b", "a - b", "Q2")),
    ("  Not a key: x -> Q2", ("Not a key: x", "Not a key: x", "Q2")),
    ("  ABCDEFGHIJKL: x -> Q2", ("ABCDEFGHIJKL: x", "ABCDEFGHIJKL", "Q2")),
    ("  ABCDEFGHIJKLM: x -> Q2", ("ABCDEFGHIJKLM: x", "ABCDEFGHIJKLM: x", "Q2")),
    ("  A:no-space -> Q2", ("A:no-space", "A:no-space", "Q2")),
    ("  Case #5 -> Q2", ("Case #5", "Case #5", "Q2")),
]


@pytest.mark.parametrize(("line", "parts"), ANSWER_LINES)
def test_answers(line: str, parts: tuple[str, str, str]) -> None:
    label, name, target = parts
    node = parse(line, QUESTION)

    assert isinstance(node, Answer)
    assert node.label == tok(line, label)
    assert node.name == tok(line, name)
    outcome = target.startswith("[")
    ident = target.strip("[]")
    at = line.rindex(ident)
    assert node.targets == (Target(Token(ident, at, at + len(ident)), outcome),)
    assert (node.arrow, node.listed) == (True, outcome)


def test_outcome_list_after_the_arrow() -> None:
    line = "  B: GitLab -> [GITLAB-CI,JENKINS ,  X]"
    node = parse(line, QUESTION)

    assert isinstance(node, Answer)
    assert [t.id for t in node.targets] == [
        tok(line, "GITLAB-CI"),
        tok(line, "JENKINS"),
        tok(line, "X"),
    ]
    assert all(t.outcome for t in node.targets)
    assert (node.arrow, node.listed) == (True, True)


@pytest.mark.parametrize(
    ("line", "label", "ids"),
    [
        ("  A: Weekly [Q2]", "A: Weekly", ["Q2"]),
        (
            "  A: GitHub [GITHUB-ACTIONS, JENKINS]",
            "A: GitHub",
            ["GITHUB-ACTIONS", "JENKINS"],
        ),
        ("  C: Only on demand [MANUAL-COPIES]", "C: Only on demand", ["MANUAL-COPIES"]),
    ],
)
def test_answers_without_an_arrow(line: str, label: str, ids: list[str]) -> None:
    node = parse(line, QUESTION)

    assert isinstance(node, Answer)
    assert node.label == tok(line, label)
    assert node.name == tok(line, "A" if label.startswith("A") else "C")
    assert [t.id for t in node.targets] == [tok(line, i) for i in ids]
    assert (node.arrow, node.listed) == (False, True)


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("  hint: Look at -> the [bracket]", "hint", "Look at -> the [bracket]"),
        ("  hint:", "hint", ""),
        ("\thint:   spaced   ", "hint", "spaced"),
    ],
)
def test_question_properties(line: str, key: str, value: str) -> None:
    node = parse(line, QUESTION)

    assert isinstance(node, Property)
    assert node.key == tok(line, key)
    assert node.value.text == value
    if value:
        assert node.value == tok(line, value)


def test_when_with_several_conditions() -> None:
    line = "  when: Q1=A, Q3 = yes please,Q4=B"
    node = parse(line, QUESTION)

    assert node == When(
        tok(line, "when"),
        (
            Condition(tok(line, "Q1"), tok(line, "A")),
            Condition(tok(line, "Q3"), tok(line, "yes please")),
            Condition(tok(line, "Q4"), tok(line, "B")),
        ),
    )


def test_comment_inside_a_block() -> None:
    line = "    # yes -> Q2"
    assert parse(line, QUESTION) == Comment(Token("# yes -> Q2", 4, 15))


@pytest.mark.parametrize("place", list(Place))
@pytest.mark.parametrize("line", ["", " ", "\t \t", "        "])
def test_blank_lines(line: str, place: Place) -> None:
    assert parse_line(line, len(line), place) == Blank()


def test_unknown_question_property_is_read_as_a_property() -> None:
    """It once raised ValueError: the `other` rule had four children and its
    builder took three."""
    line = "  difficulty: hard"
    node = parse(line, QUESTION)

    assert node == Property(tok(line, "difficulty"), tok(line, "hard"))


# ---------------------------------------------------------------- outcomes


@pytest.mark.parametrize(
    ("line", "key", "value"),
    [
        ("  color: #22c55e", "color", "#22c55e"),
        (
            "  description: What to do -> now [really]",
            "description",
            "What to do -> now [really]",
        ),
        ("  code: DB_SQLITE", "code", "DB_SQLITE"),
        ("\turl: https://example.org/a?b=c#d", "url", "https://example.org/a?b=c#d"),
        ("  flavour: mint", "flavour", "mint"),
    ],
)
def test_outcome_properties(line: str, key: str, value: str) -> None:
    assert parse(line, OUTCOME) == Property(tok(line, key), tok(line, value))


# ---------------------------------------------------------------- routes


def test_route() -> None:
    line = "  existing-pg: Q1=yes, Q2=A -> [POSTGRES, MANAGED]"
    node = parse(line, ROUTES)

    assert node == Route(
        tok(line, "existing-pg"),
        (
            Condition(tok(line, "Q1"), tok(line, "yes")),
            Condition(tok(line, "Q2"), tok(line, "A")),
        ),
        (tok(line, "POSTGRES"), tok(line, "MANAGED")),
    )


# ---------------------------------------------------------------- errors

ERRORS = [
    # line, place, 0-based column of the error, words of the message
    ("  yes => Q2", QUESTION, 6, "'=>' is not an arrow"),
    ("  yes --> Q2", QUESTION, 6, "'-->' is not an arrow"),
    ("  yes ==> Q2", QUESTION, 6, "'==>' is not an arrow"),
    ("  yes ~> Q2", QUESTION, 6, "'~>' is not an arrow"),
    ("Q1 Question?", TOP, 2, "expected ':'"),
    ("dag Pick a laptop", TOP, 3, "expected ':'"),
    ("[X: label", TOP, 2, "expected ']'"),
    ("[]: x", TOP, 1, "expected an id"),
    (":foo", TOP, 0, "expected a header field"),
    ("  yes -> ", QUESTION, 9, "expected a target"),
    ("  yes Q2", QUESTION, 8, "expected '->'"),
    ("  yes -> [A, B", QUESTION, 14, "expected ']'"),
    ("  yes -> Q2 extra", QUESTION, 12, "unexpected text, found 'extra'"),
    (
        "  Use A -> B -> [A]",
        QUESTION,
        13,
        "expected the end of the line after the target (a label ends at its "
        "'->'), found '->'",
    ),
    ("  -> Q2", QUESTION, 2, "expected an answer"),
    ("  when: Q1=", QUESTION, 11, "expected an answer name"),
    ("  when: Q1", QUESTION, 10, "expected '='"),
    ("  color #fff", OUTCOME, 7, "expected ':'"),
    ("  r1 Q1=no -> [A]", ROUTES, 4, "expected ':'"),
    ("  yes -> [A]", ROUTES, 5, "expected"),
    ("  yes -> Qé", QUESTION, 10, "ids are ASCII"),
    ("Qé: Why?", TOP, 1, "ids are ASCII"),
    ("[ÉTÉ]: Summer", TOP, 1, "ids are ASCII"),
    ("  C: three [B, Ç]", QUESTION, 15, "ids are ASCII"),
    ("  B: Web [Ç]", QUESTION, 10, "ids are ASCII"),
]


@pytest.mark.parametrize(("line", "place", "column", "words"), ERRORS)
def test_errors_point_where_the_line_goes_wrong(
    line: str, place: Place, column: int, words: str
) -> None:
    node = parse(line, place)

    assert isinstance(node, Invalid)
    assert node.start == column
    assert words in node.message
    assert node.start <= node.end <= len(line)


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("  A: Weekly => [X]", 12),
        ("  A: Sí — claro => Q2", 16),
        ("  B: No --> [Y]", 8),
        ("  B: Two → Q2", 9),
        ("  C: Three ⇒ [Z]", 11),
    ],
)
def test_mistyped_arrow_after_a_keyed_label_is_reported_at_the_arrow(
    line: str, column: int
) -> None:
    """After `A:` the line is also tried as a property, which once failed
    further right and put the error on the target ("unexpected text")."""
    node = parse(line, QUESTION)

    assert isinstance(node, Invalid)
    assert (node.start, node.message) == (
        column,
        f"'{line.split()[-2]}' is not an arrow: write '->'",
    )


def test_malformed_question_head_keeps_its_id() -> None:
    node = parse("Q7 Is it late?", TOP)

    assert isinstance(node, Invalid)
    assert (node.head, node.outcome) == (Token("Q7", 0, 2), False)


def test_malformed_outcome_head_keeps_its_id() -> None:
    node = parse("[LATE] Too late", TOP)

    assert isinstance(node, Invalid)
    assert (node.head, node.outcome) == (Token("LATE", 1, 5), True)


# ---------------------------------------------------------------- messages
# Each of these once gave a wrong or misleading message.


def test_blanks_before_the_colon_are_allowed() -> None:
    """`Q1 : x` is read as `Q1: x`; the formatter removes the blank."""
    node = parse("Q1 : Is it late?", TOP)

    assert isinstance(node, Field)
    assert (node.key.text, node.value.text, node.value.start) == (
        "Q1",
        "Is it late?",
        5,
    )


def test_unclosed_outcome_head_does_not_speak_of_a_list() -> None:
    """A column-0 `[X]` is an outcome's head, not a list of outcomes."""
    node = parse("[CAT-FOOD: Cat food", TOP)

    assert isinstance(node, Invalid)
    assert node.start == 9
    assert "list of outcomes" not in node.message


def test_route_target_without_brackets_asks_for_brackets() -> None:
    """The arrow is there; what is missing is `[`."""
    line = "  team: Q1=yes -> FOOTBALL"
    node = parse(line, ROUTES)

    assert isinstance(node, Invalid)
    assert node.start == line.index("FOOTBALL")
    assert "'['" in node.message
    assert "expected '->'" not in node.message


@pytest.mark.parametrize("line", ["  solo: Q1=no, -> [R]", "  r: -> [X]"])
def test_arrow_where_a_condition_should_be_is_reported_at_the_arrow(line: str) -> None:
    """The `-` of `->` must not be read as a question id named '-'."""
    node = parse(line, ROUTES)

    assert isinstance(node, Invalid)
    assert node.start == line.index("->")


def test_when_with_a_trailing_comma_gets_a_when_message() -> None:
    """Not the generic "expected an answer (label -> target), ..."."""
    line = "  when: Q1 = warm,"
    node = parse(line, QUESTION)

    assert isinstance(node, Invalid)
    assert node.start == len(line)
    assert "expected an answer (label -> target)" not in node.message
