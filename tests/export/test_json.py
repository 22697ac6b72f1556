"""The JSON export and its import: schema, shape, round trips, refusals.

An export must validate against the schema shipped in the package, keep
the field names of the publishing website's JSON export (see
docs/language.md), and come back through `--import` as the same tree: byte
for byte when it carries its source, equal in meaning (and clean) when it
is rebuilt from the model alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dag_lsp.checks import check
from dag_lsp.export import export_text, schema_text
from dag_lsp.export.canonical import disagreement
from dag_lsp.export.importer import ImportProblem, import_export, write_tree
from dag_lsp.formatter import format_text
from dag_lsp.reader import read

from .helpers import dag_lsp, write
from .trees import BIKE, DIAMOND, HOSTING, OLDER

CLEAN = {"bike": BIKE, "hosting": HOSTING}
ALL = {**CLEAN, "diamond": DIAMOND, "older": OLDER}


def exported(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_text(text, "json"))
    return data


def without_source(model: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in model.items() if key != "dsl"}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


# ---------------------------------------------------------------- shape


@pytest.mark.parametrize("name", ALL)
def test_exports_validate_against_the_schema(
    name: str, validator: jsonschema.Draft202012Validator
) -> None:
    errors = [error.message for error in validator.iter_errors(exported(ALL[name]))]

    assert errors == []


def test_the_schema_rejects_what_it_does_not_describe(
    validator: jsonschema.Draft202012Validator,
) -> None:
    model = exported(BIKE)
    model["questions"][0]["answers"][0]["outcome"] = "ROAD"
    model["outcomes"][0]["colour"] = "#fff"
    model["meta"]["mode"] = "guess"

    problems = sorted(error.json_path for error in validator.iter_errors(model))

    assert problems == [
        "$.meta.mode",
        "$.outcomes[0]",
        "$.questions[0].answers[0]",
    ]


def test_the_website_shape_is_kept() -> None:
    model = exported(BIKE)

    assert model["meta"] == {
        "title": 'Which bike should I buy — for "real" riding?',
        "version": "2.1.0",
        "description": (
            "Pick a bike by where you ride & how far; #1 rule: try it first."
        ),
        "mode": "decision",
        "entry": "Q1",
        "tags": ["bikes", "commuting", "sport"],
        "image": "https://example.org/bike.png",
        "locale": "en",
    }
    assert model["questions"][1] == {
        "id": "Q2",
        "text": "Is your ride longer than 20 km? 🚲",
        "answers": [
            {"label": "yes", "name": "yes", "outcome": "ROAD"},
            {"label": "no", "name": "no", "outcome": "CITY"},
        ],
    }
    assert model["dsl"] == BIKE
    assert list(model) == ["meta", "questions", "outcomes", "routes", "dsl"]


def test_answers_hints_outcomes_and_routes_are_exported() -> None:
    model = exported(BIKE)

    first = model["questions"][0]
    assert first["hint"] == 'Count the last ten rides; "mostly" means seven or more.'
    assert first["answers"][0] == {"label": "A: Roads", "name": "A", "next": "Q2"}
    assert model["outcomes"][1] == {
        "id": "CITY",
        "label": "City bike",
        "color": "#eee",
        "description": "Upright, fenders, a rack.",
        "code": "BIKE_CITY",
        "url": "https://example.org/city",
    }
    assert model["routes"][0] == {
        "name": "long-road",
        "steps": [
            {"question": "Q1", "answer": "A"},
            {"question": "Q2", "answer": "yes"},
        ],
        "outcomes": ["ROAD"],
    }


def test_elimination_answers_keep_outcome_lists_and_when() -> None:
    model = exported(HOSTING)

    assert model["meta"]["mode"] == "elimination"
    assert model["questions"][0]["answers"][1] == {
        "label": "B: GitLab",
        "name": "B",
        "outcomes": ["GITLAB", "NETLIFY", "BUCKET"],
    }
    assert model["questions"][1]["when"] == [{"question": "Q1", "answer": "A"}]


def test_older_form_targets_read_as_questions_and_outcomes() -> None:
    model = exported(OLDER)

    assert model["meta"]["title"] == "Which backup?"
    assert model["questions"][0]["answers"] == [
        {"label": "A: Weekly", "name": "A", "next": "Q2"},
        {"label": "B: Only on demand", "name": "B", "outcome": "MANUAL-COPIES"},
    ]
    assert [o["id"] for o in model["outcomes"]] == ["MANUAL-COPIES", "CLOUD-SYNC"]


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", ALL)
def test_an_export_with_its_source_imports_byte_for_byte(name: str) -> None:
    text = ALL[name]

    assert import_export(export_text(text, "json")).text == text


def test_line_endings_and_byte_order_mark_survive_the_round_trip() -> None:
    text = "\ufeff" + BIKE.replace("\n", "\r\n")

    imported = import_export(export_text(text, "json"))

    assert imported.text == text
    assert imported.notes == []


@pytest.mark.parametrize("name", ALL)
def test_an_export_without_source_is_rebuilt_equal_in_meaning(name: str) -> None:
    model = without_source(exported(ALL[name]))

    rebuilt = import_export(json.dumps(model)).text

    assert without_source(exported(rebuilt)) == model
    assert format_text(rebuilt) == rebuilt


@pytest.mark.parametrize("name", CLEAN)
def test_a_rebuilt_clean_tree_checks_clean(name: str) -> None:
    rebuilt = import_export(json.dumps(without_source(exported(CLEAN[name])))).text

    assert check(read(rebuilt)) == []


def test_the_rebuilt_layout_is_canonical() -> None:
    model = without_source(exported(HOSTING))

    assert write_tree(model).splitlines()[:12] == [
        "dag: Where should the static site live?",
        "mode: elimination",
        "entry: Q1",
        "",
        "Q1: Where is the code?",
        "  A: GitHub -> [PAGES, NETLIFY, BUCKET]",
        "  B: GitLab -> [GITLAB, NETLIFY, BUCKET]",
        "",
        "Q2: Do you need server-side redirects?",
        "  when: Q1=A",
        "  yes -> [NETLIFY, BUCKET]",
        "  no  -> [PAGES, NETLIFY, BUCKET]",
    ]


def test_a_website_export_without_answers_uses_its_source() -> None:
    model = exported(BIKE)
    website = {
        "_meta": {"schema": "elsewhere"},
        "author": {"handle": "someone"},
        "meta": {k: model["meta"][k] for k in ("description", "mode", "entry", "tags")},
        "questions": [{"id": q["id"], "text": q["text"]} for q in model["questions"]],
        "outcomes": [{"id": o["id"], "label": o["label"]} for o in model["outcomes"]],
        "dsl": BIKE,
    }

    assert import_export(json.dumps(website, ensure_ascii=False)).text == BIKE


def test_a_website_export_without_source_takes_its_title_from_the_file() -> None:
    model = without_source(exported(DIAMOND))
    del model["meta"]["title"]
    model["file"] = {"name": "Should the meeting happen?", "public_slug": "meeting"}

    rebuilt = import_export(json.dumps(model)).text

    assert rebuilt.startswith("dag: Should the meeting happen?\nentry: Q1\n")


def test_a_source_that_disagrees_with_the_model_is_not_used() -> None:
    model = exported(DIAMOND)
    model["questions"][0]["text"] = "Is there a written agenda?"

    imported = import_export(json.dumps(model))

    assert "Q1: Is there a written agenda?" in imported.text
    assert imported.notes == [
        "the source under 'dsl' does not match the export at 'questions[0].text'; "
        "the tree is written from the model instead"
    ]


def test_a_source_with_a_syntax_error_is_not_used() -> None:
    model = exported(DIAMOND)
    model["dsl"] = model["dsl"].replace("yes -> Q2", "yes => Q2")

    imported = import_export(json.dumps(model))

    assert "  yes -> Q2" in imported.text
    assert imported.notes[0].startswith(
        "the source under 'dsl' has a syntax error at line 5, column 7"
    )


def test_the_comparison_ignores_unknown_fields_and_empty_lists() -> None:
    ours = {"meta": {"mode": "decision", "tags": []}, "questions": []}
    given = {"meta": {"mode": "decision", "extra": 1}, "file": {}, "questions": None}

    assert disagreement(given, ours) is None
    assert disagreement({"meta": {"mode": "elimination"}}, ours) == "meta.mode"


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{", "not valid JSON at line 1, column 2"),
        ("[]", "the export is not a JSON object"),
        ('{"meta": {}, "questions": []}', "the export has no 'outcomes'"),
        (
            '{"meta": {}, "questions": [1], "outcomes": []}',
            "'questions' is not a list of JSON objects",
        ),
        (
            '{"meta": {"title": "a\\nb"}, "questions": [], "outcomes": []}',
            "'meta.title' holds a line break",
        ),
        (
            '{"meta": {}, "questions": [{"id": "Q1", "text": "t", "answers": '
            '[{"label": "go", "name": "go"}]}], "outcomes": []}',
            "'questions[0].answers[0]' has no 'next', 'outcome' or 'outcomes'",
        ),
        (
            '{"meta": {}, "questions": [{"id": "Q1", "text": "t", "answers": '
            '[{"label": "a => b", "name": "a => b", "next": "Q1"}]}], "outcomes": []}',
            "'questions[0].answers[0]' cannot be written as a .dag line: '=>'",
        ),
        (
            '{"meta": {}, "questions": [{"id": "Q1", "text": "t", "answers": '
            '[{"label": "yes", "name": "y", "next": "Q1"}]}], "outcomes": []}',
            "'questions[0].answers[0].name' does not read back the same",
        ),
    ],
)
def test_exports_that_cannot_be_imported_are_refused(data: str, message: str) -> None:
    with pytest.raises(ImportProblem) as raised:
        import_export(data)

    assert message in str(raised.value)


# ---------------------------------------------------------------- command line


def test_export_and_import_on_the_command_line(tmp_path: Path) -> None:
    source = write(tmp_path, "bike.dag", BIKE.replace("\n", "\r\n"))

    exported_run = dag_lsp("--export", "json", source)
    export_file = write(tmp_path, "bike.json", exported_run.out)
    imported_run = dag_lsp("--import", export_file)

    assert (exported_run.status, exported_run.err) == (0, "")
    assert json.loads(exported_run.out)["meta"]["entry"] == "Q1"
    assert imported_run.status == 0
    assert imported_run.out.encode() == Path(source).read_bytes()


def test_export_reads_standard_input() -> None:
    run = dag_lsp("--export", "json", "-", stdin=DIAMOND)

    assert run.status == 0
    assert json.loads(run.out)["dsl"] == DIAMOND


@pytest.mark.parametrize("output_format", ["json", "mermaid", "dot"])
def test_files_with_syntax_errors_are_refused(
    tmp_path: Path, output_format: str
) -> None:
    broken = write(tmp_path, "broken.dag", DIAMOND.replace("no  -> Q3", "no  => Q3"))

    run = dag_lsp("--export", output_format, broken)

    assert run.status == 1
    assert run.out == ""
    assert run.err == f"{broken}:6:7: syntax error: '=>' is not an arrow: write '->'\n"


def test_import_problems_are_reported_without_a_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", '{"meta": 3, "questions": [], "outcomes": []}')

    run = dag_lsp("--import", bad)

    assert (run.status, run.out) == (1, "")
    assert run.err == f"{bad}: 'meta' is not a JSON object\n"


def test_one_tree_modes_take_one_file(tmp_path: Path) -> None:
    one = write(tmp_path, "one.dag", DIAMOND)

    assert dag_lsp("--export", "json", one, one).status == 2
    assert dag_lsp("--export", "json").status == 2
    assert dag_lsp("--export", "svg", one).status == 2
    assert dag_lsp("--export", "json", "--check", one).status == 2
    assert dag_lsp("--export", "json", str(tmp_path / "missing.dag")).status == 2


def test_an_import_whose_tree_has_errors_says_so(tmp_path: Path) -> None:
    """The tree is written all the same: the export is what it is."""
    model = json.loads(dag_lsp("--export", "json", "-", stdin=DIAMOND).out)
    del model["dsl"]
    model["questions"][0]["answers"][0]["next"] = "Q9"
    export_file = write(tmp_path, "diamond.json", json.dumps(model))

    run = dag_lsp("--import", export_file)

    assert run.status == 0
    assert "  yes -> Q9\n" in run.out
    assert run.err == (
        f"{export_file}: the tree has 1 error, the first on line 5: the question "
        "'Q9' is not defined (dag-lsp --check on the imported file lists them)\n"
    )
