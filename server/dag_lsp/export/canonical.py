"""The canonical model: a tree as JSON-ready data, and comparing two of them.

An adapter at the end of the flow (text → syntax → model → here). The shape
follows the JSON export of the publishing website (the site the language
comes from, see docs/language.md), whose fields it keeps: `meta` (with
`description`, `mode`, `entry`, `tags` as a list, `image`), `questions`
(each with `id` and `text`), `outcomes` (each with `id` and `label`) and
the source under `dsl`. It adds what that export leaves out, so a tree can
be rebuilt from the model alone:

- `meta.title`, `meta.version` and `meta.locale`;
- for each question its `hint`, its `when` conditions (`{question,
  answer}`) and its `answers`: each with its `label`, its `name` and one
  of `next` (the question it leads to), `outcome` (the outcome it leads to)
  or `outcomes` (the outcome list it keeps, in elimination mode);
- for each outcome its `color`, `description`, `code`, `image` and `url`;
- `routes`, each with its `name`, `steps` (`{question, answer}`) and
  `outcomes`.

Optional fields are left out when the tree does not give them. The file
`schema/decision-dag.schema.json` describes this shape (JSON Schema, draft
2020-12). Unknown header keys and properties (warnings) and comments are
not part of the model.
"""

from __future__ import annotations

from typing import Any

from dag_lsp.model import Answer, Condition, Outcome, Question, Route, Tree

META_KEYS = ("title", "version", "description", "mode", "entry", "tags", "image")
OUTCOME_KEYS = ("color", "description", "code", "image", "url")

# Every field name the model uses; `disagreement` compares only these, so
# the publishing website's own additions to its export (`_meta`, `author`,
# `file`) are passed over.
KNOWN = frozenset(
    {
        *META_KEYS,
        *OUTCOME_KEYS,
        "meta",
        "locale",
        "questions",
        "outcomes",
        "routes",
        "id",
        "text",
        "label",
        "hint",
        "when",
        "answers",
        "name",
        "next",
        "outcome",
        "question",
        "answer",
        "steps",
    }
)

Model = dict[str, Any]


def to_model(tree: Tree, source: str | None) -> Model:
    """The model of a tree; `source` (the file's text) goes under `dsl`."""
    model: Model = {
        "meta": _meta(tree),
        "questions": [_question(tree, q) for q in tree.questions],
        "outcomes": [_outcome(o) for o in tree.outcomes],
        "routes": [_route(route) for route in tree.routes],
    }
    if source is not None:
        model["dsl"] = source
    return model


def split_tags(value: str) -> list[str]:
    """`a, b,c` as `["a", "b", "c"]`, empty tags dropped."""
    return [tag.strip() for tag in value.split(",") if tag.strip()]


def _meta(tree: Tree) -> Model:
    values: dict[str, Any] = {
        "title": tree.title,
        "version": tree.value("version"),
        "description": tree.value("description"),
        "mode": tree.mode,
        "entry": tree.entry,
        "tags": split_tags(tree.value("tags") or ""),
        "image": tree.value("image"),
        "locale": tree.value("locale"),
    }
    return {key: value for key, value in values.items() if value is not None}


def _question(tree: Tree, question: Question) -> Model:
    model: Model = {"id": question.id.value, "text": question.text.value}
    if question.hint is not None:
        model["hint"] = question.hint.value
    if question.when:
        model["when"] = [_condition(c) for c in question.when]
    model["answers"] = [_answer(tree, a) for a in question.answers]
    return model


def _answer(tree: Tree, answer: Answer) -> Model:
    model: Model = {"label": answer.label.value, "name": answer.name.value}
    ids = [target.id for target in answer.targets]
    listed = answer.listed and tree.elimination
    if listed or len(ids) > 1:
        model["outcomes"] = ids
    elif ids:
        model["outcome" if answer.targets[0].outcome else "next"] = ids[0]
    return model


def _condition(condition: Condition) -> Model:
    return {"question": condition.question.id, "answer": condition.answer.value}


def _outcome(outcome: Outcome) -> Model:
    model: Model = {"id": outcome.id.value, "label": outcome.label.value}
    for key in OUTCOME_KEYS:
        value = outcome.property(key)
        if value is not None:
            model[key] = value
    return model


def _route(route: Route) -> Model:
    return {
        "name": route.name.value,
        "steps": [_condition(step) for step in route.steps],
        "outcomes": [ref.id for ref in route.outcomes],
    }


# ---------------------------------------------------------------- comparing


def disagreement(given: Any, ours: Any, where: str = "") -> str | None:
    """Where `given` says something `ours` does not, or None when they agree.

    Only the fields of the model are compared, and only those `given` has:
    an export that leaves the answers out agrees with any answers. A field
    that is absent, null or an empty list counts as absent.
    """
    if isinstance(given, dict) and isinstance(ours, dict):
        return _dicts(given, ours, where)
    if isinstance(given, list) and isinstance(ours, list):
        return _lists(given, ours, where)
    return None if given == ours else where or "the whole export"


def _dicts(given: dict[str, Any], ours: dict[str, Any], where: str) -> str | None:
    for key, value in given.items():
        if key not in KNOWN:
            continue
        place = f"{where}.{key}" if where else key
        mine = ours.get(key)
        if _absent(value) or _absent(mine):
            if not (_absent(value) and _absent(mine)):
                return place
            continue
        found = disagreement(value, mine, place)
        if found:
            return found
    return None


def _lists(given: list[Any], ours: list[Any], where: str) -> str | None:
    if len(given) != len(ours):
        return f"{where} (the number of items)"
    for index, (value, mine) in enumerate(zip(given, ours, strict=True)):
        found = disagreement(value, mine, f"{where}[{index}]")
        if found:
            return found
    return None


def _absent(value: Any) -> bool:
    return value is None or value == []
