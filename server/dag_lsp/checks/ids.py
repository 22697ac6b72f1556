"""Checks of ids: each defined once, each target defined."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter

from dag_lsp.checks.blocks import question_kept
from dag_lsp.findings import (
    DUPLICATE_ID,
    IMPLICIT_OUTCOME,
    UNDEFINED,
    Edit,
    Finding,
    Fix,
    Related,
)
from dag_lsp.model import Ref, Text, Tree
from dag_lsp.suggest import closest

# "Did you mean" compares a misspelled id with every defined id of its kind
# (about 2 µs each). Past this many comparisons in one file (some 0.4 s),
# the rest of its undefined targets get no suggestion: a file with that many
# is not a tree with a few typos.
_SUGGESTION_BUDGET = 200_000


def duplicates(tree: Tree) -> Iterator[Finding]:
    """An id defined twice, at the second definition."""
    first: dict[str, Text] = {}
    defined = [q.id for q in tree.questions]
    defined += [o.id for o in tree.outcomes if not o.implicit]
    defined.sort(key=attrgetter("line", "start"))

    for ident in defined:
        if ident.value not in first:
            first[ident.value] = ident
            continue

        line = first[ident.value].span.line + 1
        message = f"'{ident.value}' is defined twice; first defined on line {line}"
        related = (
            Related(first[ident.value].span, f"'{ident.value}' first defined here"),
        )
        yield Finding(DUPLICATE_ID, ident.span, message, related)


def undefined(tree: Tree) -> Iterator[Finding]:
    """Answer targets that name nothing, and outcomes used without a block."""
    compared = 0
    noted: set[str] = set()
    places = _Places(tree)
    for target in _targets(tree):
        finding = _undefined(places, target, compared < _SUGGESTION_BUDGET)
        if finding is not None:
            pool = tree.outcome_ids if target.outcome else tree.question_ids
            compared += len(pool)
            yield finding
        elif _implicit(tree, target) and target.id not in noted:
            noted.add(target.id)
            yield _implicit_note(target)


def _targets(tree: Tree) -> list[Ref]:
    """The answer targets that are not plainly defined, in file order.

    A question target naming a question, or an outcome target naming an
    outcome with a block, is fine: the commonest case, passed over here.
    """
    questions, outcomes = tree.question_ids, tree.outcome_ids
    found: list[Ref] = []
    for question in tree.questions:
        for answer in question.answers:
            for target in answer.targets:
                if target.outcome:
                    outcome = outcomes.get(target.id)
                    if outcome is None or outcome.block is None:
                        found.append(target)
                elif target.id not in questions:
                    found.append(target)
    return found


def _implicit(tree: Tree, target: Ref) -> bool:
    outcome = tree.outcome_ids.get(target.id)
    return target.outcome and outcome is not None and outcome.implicit


def _implicit_note(target: Ref) -> Finding:
    message = (
        f"the outcome '{target.id}' has no definition block; "
        f"add '[{target.id}]: label' to give it a label"
    )
    return Finding(IMPLICIT_OUTCOME, target.span, message)


class _Places:
    """Where a block for a missing id goes: after the last block of its kind.

    Worked out once per kind, not once per missing id: a file with thousands
    of undefined targets would otherwise cost time growing as its square.
    """

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self._after: dict[str, int] = {}

    def after(self, kind: str) -> int:
        """The line after which a new block of `kind` goes."""
        if kind not in self._after:
            self._after[kind] = self._last_line(kind)
        return self._after[kind]

    def _last_line(self, kind: str) -> int:
        tree = self.tree
        if kind == "question":
            blocks = [q.block for q in tree.questions]
        else:
            blocks = [o.block for o in tree.outcomes if o.block is not None]
        return max((b.last_line for b in blocks), default=len(tree.source.lines) - 1)


def _undefined(places: _Places, target: Ref, suggest: bool) -> Finding | None:
    tree = places.tree
    if target.outcome:
        return _undefined_outcome(places, target, suggest)
    if target.id in tree.question_ids:
        return None

    if target.id in tree.outcome_ids:
        message = f"'{target.id}' is an outcome: write it in brackets, [{target.id}]"
        fix = Fix(f"Write [{target.id}]", (Edit.on(target.span, f"[{target.id}]"),))
        return Finding(UNDEFINED, target.span, message, fixes=(fix,))

    hint = closest(target.id, tree.question_ids) if suggest else None
    return _missing(places, target, "question", hint)


def _undefined_outcome(places: _Places, target: Ref, suggest: bool) -> Finding | None:
    tree = places.tree
    if target.id in tree.outcome_ids:
        return None

    if target.id in tree.question_ids and tree.elimination:
        return question_kept(target)
    if target.id in tree.question_ids:
        message = f"'{target.id}' is a question: write it without brackets"
        return Finding(UNDEFINED, target.span, message)

    hint = closest(target.id, tree.outcome_ids) if suggest else None
    return _missing(places, target, "outcome", hint)


def _missing(places: _Places, target: Ref, kind: str, hint: str | None) -> Finding:
    message = f"the {kind} '{target.id}' is not defined"
    fixes: list[Fix] = []
    if hint is not None:
        message += f"; did you mean '{hint}'?"
        fixes.append(Fix(f"Change to '{hint}'", (Edit.on(target.span, hint),)))
    elif kind == "outcome":
        # Only a file with outcome blocks gets here: without any, an
        # outcome used in brackets is implicit (DAG019), which surprises
        # an author of the older form who has just added the first block.
        message += (
            f"; add '[{target.id}]: label' (once a file has outcome blocks, "
            "every outcome it uses needs one)"
        )

    fixes.append(_create(places, target, kind))
    return Finding(UNDEFINED, target.span, message, fixes=tuple(fixes))


def _create(places: _Places, target: Ref, kind: str) -> Fix:
    """Add a block for the missing id after the last block of its kind."""
    if kind == "question":
        text = f"{target.id}: New question?\n"
    else:
        text = f"[{target.id}]: {target.id}\n"

    lines = places.tree.source.lines
    after = places.after(kind)
    if after + 1 < len(lines):
        edit = Edit(after + 1, 0, after + 1, 0, "\n" + text)
    else:
        end = len(lines[after]) if lines else 0
        edit = Edit(after, end, after, end, "\n\n" + text.rstrip("\n"))
    return Fix(f"Create {kind} '{target.id}'", (edit,))
