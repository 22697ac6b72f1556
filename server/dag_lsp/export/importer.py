"""Import: a JSON export, ours or the publishing website's, back to `.dag`.

(The publishing website is the site the language comes from, whose JSON
export holds a tree's source beside a model of it: see docs/language.md.)
The reverse of `canonical.py`, an adapter at the start of the flow: it
makes text, which the reader then reads like any file. When the export
carries its source under `dsl`, and that source reads to the model the
rest of the export describes, the source comes back unchanged, byte for
byte. Otherwise the tree is written from the model, in the canonical
layout (the formatter finishes it), and read back to make sure it says
what the export says.

Comments, unknown header keys and unknown properties are not in the model,
so a tree written from the model has none of them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dag_lsp.checks import check
from dag_lsp.export.canonical import OUTCOME_KEYS, Model, disagreement, to_model
from dag_lsp.findings import Severity
from dag_lsp.formatter import FormatError, format_text
from dag_lsp.reader import read

_HEADER = ("version", "description", "tags", "image", "locale", "mode", "entry")


class ImportProblem(ValueError):
    """An export that cannot be turned into a `.dag` file, and why."""


@dataclass(slots=True)
class Imported:
    """The `.dag` text of an export, and notes on how it was made."""

    text: str
    notes: list[str] = field(default_factory=list)


def import_export(data: str) -> Imported:
    """The `.dag` text of a JSON export; raises `ImportProblem`.

    A tree that imports but has errors (an answer leading to a question the
    export does not hold) comes with a note saying so.
    """
    imported = _encodable(_imported(_load(data.removeprefix("\ufeff"))))

    errors = [f for f in check(read(imported.text)) if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        count = f"{len(errors)} error" + ("" if len(errors) == 1 else "s")
        imported.notes.append(
            f"the tree has {count}, the first on line {first.span.line + 1}: "
            f"{first.message} (dag-lsp --check on the imported file lists them)"
        )
    return imported


def _imported(model: Model) -> Imported:
    source = model.get("dsl")
    if not isinstance(source, str):
        return Imported(write_tree(model))

    problem = _source_problem(model, source)
    if problem is None:
        return Imported(source)
    note = f"{problem}; the tree is written from the model instead"
    return Imported(write_tree(model), [note])


def _encodable(imported: Imported) -> Imported:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate)."""
    try:
        imported.text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ImportProblem(
            f"the export holds a character that is not text "
            f"({error.object[error.start]!a}), so no .dag file can hold it"
        ) from None
    return imported


def _load(data: str) -> Model:
    try:
        model = json.loads(data)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise ImportProblem("the JSON is nested too deeply to be an export") from None
    except ValueError:
        raise ImportProblem("the JSON holds a number with too many digits") from None

    if not isinstance(model, dict):
        raise ImportProblem("the export is not a JSON object")
    for key in ("meta", "questions", "outcomes"):
        if key not in model:
            raise ImportProblem(f"the export has no '{key}'")
    return model


def _source_problem(model: Model, source: str) -> str | None:
    """Why the source under `dsl` cannot stand for the export, if it cannot."""
    tree = read(source)
    if tree.syntax:
        span = tree.syntax[0].span
        return (
            f"the source under 'dsl' has a syntax error at line {span.line + 1}, "
            f"column {span.start + 1}"
        )

    place = disagreement(model, to_model(tree, None))
    if place is not None:
        return f"the source under 'dsl' does not match the export at '{place}'"
    return None


# ---------------------------------------------------------------- writing


@dataclass(slots=True)
class _Lines:
    """The lines of a `.dag` file and, for each, the field it was made from."""

    text: list[str] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)

    def add(self, line: str, origin: str) -> None:
        self.text.append(line)
        self.origins.append(origin)

    def blank(self) -> None:
        if self.text and self.text[-1]:
            self.add("", "")


def write_tree(model: Model) -> str:
    """A model written as a `.dag` file in the canonical layout.

    Raises `ImportProblem` when a value cannot be written so that it reads
    back the same (a label holding `->`, an id with a space, ...).
    """
    lines = _Lines()
    _header(lines, _meta(model))
    for index, question in enumerate(_items(model, "questions")):
        _question(lines, question, f"questions[{index}]")
    for index, outcome in enumerate(_items(model, "outcomes")):
        _outcome(lines, outcome, f"outcomes[{index}]")
    _routes(lines, _items(model, "routes"))
    return _finish(model, lines)


def _finish(model: Model, lines: _Lines) -> str:
    raw = "".join(line + "\n" for line in lines.text)
    try:
        text = format_text(raw)
    except FormatError as error:
        origin = lines.origins[error.line]
        message = str(error).split(": ", 2)[-1]
        raise ImportProblem(
            f"'{origin}' cannot be written as a .dag line: {message}"
        ) from None

    place = disagreement(model, to_model(read(text), None))
    if place is not None:
        raise ImportProblem(f"'{place}' does not read back the same from a .dag file")
    return text


def _meta(model: Model) -> Model:
    """`meta`, with the title the website's JSON export keeps under `file.name`."""
    meta = _object(model, "meta", "meta")
    site = model.get("file")
    if "title" not in meta and isinstance(site, dict) and "name" in site:
        return {"title": site["name"], **meta}
    return meta


def _header(lines: _Lines, meta: Model) -> None:
    title = _string(meta, "title", "meta")
    if title is not None:
        lines.add(f"dag: {title}", "meta.title")
    for key in _HEADER:
        value = _header_value(meta, key)
        if value is not None:
            lines.add(f"{key}: {value}", f"meta.{key}")


def _header_value(meta: Model, key: str) -> str | None:
    if key == "tags":
        tags = meta.get("tags")
        if tags is None or tags == []:
            return None
        return ", ".join(_string_list(tags, "meta.tags"))

    value = _string(meta, key, "meta")
    if key == "mode" and value == "decision":
        return None
    return value


def _question(lines: _Lines, question: Model, where: str) -> None:
    lines.blank()
    text = _string(question, "text", where) or ""
    lines.add(f"{_id(question, where)}: {text}".rstrip(), where)
    hint = _string(question, "hint", where)
    if hint is not None:
        lines.add(f"  hint: {hint}", f"{where}.hint")

    when = _items(question, "when", where)
    if when:
        conditions = [_condition(c, f"{where}.when[{i}]") for i, c in enumerate(when)]
        lines.add("  when: " + ", ".join(conditions), f"{where}.when")
    for index, answer in enumerate(_items(question, "answers", where)):
        place = f"{where}.answers[{index}]"
        lines.add(f"  {_answer(answer, place)}", place)


def _answer(answer: Model, where: str) -> str:
    label = _string(answer, "label", where) or ""
    listed = answer.get("outcomes")
    if listed is not None:
        return f"{label} -> [{', '.join(_string_list(listed, where + '.outcomes'))}]"

    outcome = _string(answer, "outcome", where)
    if outcome is not None:
        return f"{label} -> [{outcome}]"
    following = _string(answer, "next", where)
    if following is None:
        raise ImportProblem(f"'{where}' has no 'next', 'outcome' or 'outcomes'")
    return f"{label} -> {following}"


def _condition(condition: Model, where: str) -> str:
    question = _string(condition, "question", where) or ""
    return f"{question}={_string(condition, 'answer', where) or ''}"


def _outcome(lines: _Lines, outcome: Model, where: str) -> None:
    lines.blank()
    label = _string(outcome, "label", where) or ""
    lines.add(f"[{_id(outcome, where)}]: {label}".rstrip(), where)
    for key in OUTCOME_KEYS:
        value = _string(outcome, key, where)
        if value is not None:
            lines.add(f"  {key}: {value}", f"{where}.{key}")


def _routes(lines: _Lines, routes: list[Model]) -> None:
    if not routes:
        return
    lines.blank()
    lines.add("routes:", "routes")
    for index, route in enumerate(routes):
        where = f"routes[{index}]"
        steps = [
            _condition(step, f"{where}.steps[{i}]")
            for i, step in enumerate(_items(route, "steps", where))
        ]
        ends = _string_list(route.get("outcomes", []), f"{where}.outcomes")
        name = _string(route, "name", where) or ""
        lines.add(f"  {name}: {', '.join(steps)} -> [{', '.join(ends)}]", where)


# ---------------------------------------------------------------- values


def _object(model: Model, key: str, where: str) -> Model:
    value = model.get(key, {})
    if not isinstance(value, dict):
        raise ImportProblem(f"'{where}' is not a JSON object")
    return value


def _items(model: Model, key: str, where: str = "") -> list[Model]:
    place = f"{where}.{key}" if where else key
    value = model.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ImportProblem(f"'{place}' is not a list of JSON objects")
    return value


def _id(model: Model, where: str) -> str:
    value = _string(model, "id", where)
    if not value:
        raise ImportProblem(f"'{where}' has no 'id'")
    return value


def _string(model: Model, key: str, where: str) -> str | None:
    value = model.get(key)
    if value is None:
        return None
    return _line(value, f"{where}.{key}")


def _string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list):
        raise ImportProblem(f"'{where}' is not a list of strings")
    return [_line(item, f"{where}[{index}]") for index, item in enumerate(value)]


def _line(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ImportProblem(f"'{where}' is not a string")
    if "\n" in value or "\r" in value:
        raise ImportProblem(f"'{where}' holds a line break, which a .dag line cannot")
    return value
