"""The model a file reads into: every item, with the span it came from.

One test per shape of `docs/language.md`: header fields, questions (text,
hint, when, yes/no and multiple-choice answers), outcomes and their
properties, elimination lists, the routes section, comments and the older
form. Spans are 0-based lines and character columns, end exclusive.
"""

from __future__ import annotations

from dag_lsp import syntax
from dag_lsp.model import Kind, Span, Tree
from dag_lsp.reader import read

from .helpers import findings, lines


def span_of(tree: Tree, line: int, text: str, nth: int = 0) -> Span:
    """The span of `text` on a 0-based line of the tree's source."""
    row = tree.source.lines[line]
    start = -1
    for _ in range(nth + 1):
        start = row.index(text, start + 1)
    return Span(line, start, start + len(text))


DECISION = lines(
    "# Which bike should I buy?",
    "dag: Which bike?",
    "version: 2.1.0",
    "tags: bikes, commuting",
    "locale: es-MX",
    "entry: Q1",
    "",
    "Q1: ¿Dónde vas a rodar?",
    "  hint: Piensa en el 80% de tus viajes.",
    '  A: Ciudad — asfalto: "liso" -> Q2',
    "  B: **Montaña** -> [MTB]",
    "  C: 砂利道 -> [GRAVEL]",
    "",
    "Q2: Will you carry loads?",
    "  # a comment inside a block",
    "  yes -> [CARGO]",
    "  no  -> [ROAD]",
    "",
    "[MTB]: Mountain bike",
    "  color: #22c55e",
    "  description: Wide tyres -> more grip.",
    "  code: BIKE_MTB",
    "  image: https://example.org/mtb.png",
    "  url: https://example.org/mtb",
    "",
    "[GRAVEL]: Gravel bike",
    "  weight: 9.5 kg",
    "[CARGO]: -",
    "[ROAD]: Road bike",
)


def test_header_fields_in_order_with_spans() -> None:
    tree = read(DECISION)

    assert [(p.key.value, p.value.value) for p in tree.header] == [
        ("dag", "Which bike?"),
        ("version", "2.1.0"),
        ("tags", "bikes, commuting"),
        ("locale", "es-MX"),
        ("entry", "Q1"),
    ]
    assert tree.header[1].key.span == Span(2, 0, 7)
    assert tree.header[1].value.span == Span(2, 9, 14)
    assert (tree.title, tree.entry, tree.mode) == ("Which bike?", "Q1", "decision")
    assert tree.entry_ref is not None
    assert tree.entry_ref.span == Span(5, 7, 9)


def test_question_text_hint_and_answers() -> None:
    tree = read(DECISION)
    q1 = tree.questions[0]

    assert (q1.id.value, q1.id.span) == ("Q1", Span(7, 0, 2))
    assert (q1.text.value, q1.text.span) == ("¿Dónde vas a rodar?", Span(7, 4, 23))
    assert q1.hint is not None
    assert q1.hint.value == "Piensa en el 80% de tus viajes."
    assert q1.hint.span == span_of(tree, 8, q1.hint.value)
    assert q1.when == []


def test_multiple_choice_answers_keep_the_whole_label() -> None:
    tree = read(DECISION)
    answers = tree.questions[0].answers

    assert [a.label.value for a in answers] == [
        'A: Ciudad — asfalto: "liso"',
        "B: **Montaña**",
        "C: 砂利道",
    ]
    assert [a.name.value for a in answers] == ["A", "B", "C"]
    assert answers[0].label.span == span_of(tree, 9, answers[0].label.value)
    assert answers[0].name.span == Span(9, 2, 3)
    assert [(t.id, t.outcome) for a in answers for t in a.targets] == [
        ("Q2", False),
        ("MTB", True),
        ("GRAVEL", True),
    ]
    assert answers[2].targets[0].span == span_of(tree, 11, "GRAVEL")
    assert all(a.arrow for a in answers)
    assert [a.listed for a in answers] == [False, True, True]


def test_yes_no_answers_are_named_by_their_label() -> None:
    tree = read(DECISION)
    answers = tree.questions[1].answers

    assert [(a.label.value, a.name.value) for a in answers] == [
        ("yes", "yes"),
        ("no", "no"),
    ]
    assert answers[1].label.span == Span(16, 2, 4)
    assert answers[1].targets[0].span == Span(16, 10, 14)


def test_outcomes_with_every_property() -> None:
    tree = read(DECISION)
    mtb = tree.outcomes[0]

    assert (mtb.id.value, mtb.id.span) == ("MTB", Span(18, 1, 4))
    assert (mtb.label.value, mtb.label.span) == ("Mountain bike", Span(18, 7, 20))
    assert [(p.key.value, p.value.value) for p in mtb.properties] == [
        ("color", "#22c55e"),
        ("description", "Wide tyres -> more grip."),
        ("code", "BIKE_MTB"),
        ("image", "https://example.org/mtb.png"),
        ("url", "https://example.org/mtb"),
    ]
    assert mtb.property("code") == "BIKE_MTB"
    assert mtb.properties[0].value.span == Span(19, 9, 16)
    assert tree.outcome_ids["CARGO"].label.value == "-"
    gravel = tree.outcome_ids["GRAVEL"]
    assert [(p.key.value, p.value.value) for p in gravel.properties] == [
        ("weight", "9.5 kg")
    ]
    assert gravel.property("weight") == "9.5 kg"
    assert not any(o.implicit for o in tree.outcomes)


def test_comments_and_blocks() -> None:
    tree = read(DECISION)
    comments = [n.text.text for n in tree.nodes if isinstance(n, syntax.Comment)]

    assert comments == ["# Which bike should I buy?", "# a comment inside a block"]
    assert [b.kind for b in tree.blocks][:7] == [Kind.COMMENT] + [Kind.HEADER] * 5 + [
        Kind.QUESTION
    ]
    assert tree.questions[1].block.lines == [13, 14, 15, 16]
    assert tree.outcomes[0].block is not None
    assert tree.outcomes[0].block.lines == list(range(18, 24))


def test_the_decision_example_gives_only_the_unknown_property() -> None:
    assert [(f.code, f.span.line) for f in findings(DECISION)] == [("DAG014", 26)]


ELIMINATION = lines(
    "dag: Which CI service?",
    "mode: elimination",
    "entry: Q1",
    "",
    "Q1: Where does your code live?",
    "  A: GitHub [GH-ACTIONS, JENKINS, BUILDKITE]",
    "  B: GitLab -> [GITLAB-CI, JENKINS]",
    "",
    "Q2: Do you host your own runners?",
    "  yes -> [JENKINS, BUILDKITE, GITLAB-CI]",
    "  no  -> [GH-ACTIONS, GITLAB-CI]",
    "",
    "Q3: Do you need a large plugin ecosystem?",
    "  when: Q1=A, Q2=yes",
    "  yes -> [JENKINS]",
    "  no  -> [BUILDKITE]",
    "",
    "[GH-ACTIONS]: GitHub Actions",
    "[JENKINS]: Jenkins",
    "[BUILDKITE]: Buildkite",
    "[GITLAB-CI]: GitLab CI",
)


def test_elimination_lists_after_the_label_and_after_the_arrow() -> None:
    tree = read(ELIMINATION)
    first, second = tree.questions[0].answers

    assert tree.elimination
    assert [t.id for t in first.targets] == ["GH-ACTIONS", "JENKINS", "BUILDKITE"]
    assert (first.arrow, first.listed) == (False, True)
    assert [t.id for t in second.targets] == ["GITLAB-CI", "JENKINS"]
    assert (second.arrow, second.listed) == (True, True)
    assert all(t.outcome for t in first.targets + second.targets)
    assert first.targets[1].span == span_of(tree, 5, "JENKINS")


def test_when_conditions() -> None:
    tree = read(ELIMINATION)
    when = tree.questions[2].when

    assert [(c.question.id, c.answer.value) for c in when] == [
        ("Q1", "A"),
        ("Q2", "yes"),
    ]
    assert when[1].question.span == span_of(tree, 13, "Q2")
    assert when[1].answer.span == span_of(tree, 13, "yes")


def test_the_elimination_example_is_clean() -> None:
    assert findings(ELIMINATION) == []


ROUTES = lines(
    "dag: Which database?",
    "entry: Q1",
    "",
    "Q1: More than one writer?",
    "  yes -> Q2",
    "  no  -> [SQLITE]",
    "",
    "Q2: Already run PostgreSQL?",
    "  yes -> [POSTGRES]",
    "  no  -> [MANAGED]",
    "",
    "[SQLITE]: SQLite",
    "[POSTGRES]: PostgreSQL",
    "[MANAGED]: Managed PostgreSQL",
    "",
    "routes:",
    "  # documented paths",
    "  single-writer: Q1=no -> [SQLITE]",
    "  existing-pg: Q1=yes, Q2=yes -> [POSTGRES]",
)


def test_routes_section() -> None:
    tree = read(ROUTES)
    single, existing = tree.routes

    assert (single.name.value, single.name.span) == ("single-writer", Span(17, 2, 15))
    assert [(s.question.id, s.answer.value) for s in existing.steps] == [
        ("Q1", "yes"),
        ("Q2", "yes"),
    ]
    assert existing.steps[1].question.span == span_of(tree, 18, "Q2")
    assert [(o.id, o.outcome) for o in existing.outcomes] == [("POSTGRES", True)]
    assert existing.outcomes[0].span == span_of(tree, 18, "POSTGRES")
    assert tree.blocks[-1].kind is Kind.ROUTES
    assert findings(ROUTES) == []


def test_refs_list_every_use_of_an_id_in_order() -> None:
    ids = [ref.id for ref in read(ROUTES).refs()]

    decision = ["Q1", "Q2", "SQLITE", "POSTGRES", "MANAGED"]
    routes = ["Q1", "SQLITE", "Q1", "Q2", "POSTGRES"]
    assert ids == [*decision, *routes]


OLDER = lines(
    "name: Which backup?",
    "version: 1",
    "entry: Q1",
    "",
    "Q1: What is it for?",
    "  A: Weekly [Q2]",
    "  B: Only on demand [MANUAL-COPIES]",
    "",
    "Q2: Do you travel?",
    "  A: Yes [THIN]",
    "  B: No [TOWER]",
)


def test_older_form_reads_into_the_current_model() -> None:
    tree = read(OLDER)
    gaming, browsing = tree.questions[0].answers

    assert tree.title == "Which backup?"
    assert [(t.id, t.outcome) for t in gaming.targets] == [("Q2", False)]
    assert [(t.id, t.outcome) for t in browsing.targets] == [("MANUAL-COPIES", True)]
    assert not gaming.arrow
    assert [o.id.value for o in tree.outcomes] == ["MANUAL-COPIES", "THIN", "TOWER"]
    assert all(o.implicit and o.block is None for o in tree.outcomes)
    assert tree.outcomes[0].id.span == span_of(tree, 6, "MANUAL-COPIES")


def test_implicit_outcomes_only_when_the_file_defines_none() -> None:
    text = OLDER + lines("", "[THIN]: A spare disk")
    tree = read(text)

    assert [o.id.value for o in tree.outcomes] == ["THIN"]


def test_comments_anywhere() -> None:
    text = lines(
        "# before the header",
        "dag: T",
        "# inside the header",
        "entry: Q1",
        "",
        "Q1: q?",
        "# at column 0 inside a block",
        "  yes -> [A]",
        "  # indented",
        "  no -> [A]",
        "# between blocks",
        "",
        "[A]: a",
        "  # in an outcome",
        "routes:",
        "  # in routes",
        "  r: Q1=yes -> [A]",
        "# at the end",
    )
    tree = read(text)
    comments = [n.text.text for n in tree.nodes if isinstance(n, syntax.Comment)]

    assert len(comments) == 8
    assert len(tree.questions[0].answers) == 2
    assert len(tree.routes) == 1
    assert findings(text) == []


def test_header_fields_after_the_header_and_questions_without_bodies() -> None:
    text = lines(
        "dag: T",
        "entry: Q1",
        "",
        "Q1: q?",
        "  yes -> [A]",
        "  no -> [A]",
        "",
        "version: 3",
        "Q9: no answers",
        "",
        "[A]: a",
    )
    tree = read(text)

    assert tree.value("version") == "3"
    assert [q.id.value for q in tree.questions] == ["Q1", "Q9"]
