"""Describe: the Markdown of hovers and the texts of inlay hints.

Part of the queries package, after the index in the flow: given a question,
an outcome, an answer spot or the targets on some lines, it writes what the
editor shows about them. Path counts come from `reach.py`.
"""

from __future__ import annotations

from dag_lsp.model import Answer, Outcome, Question, Ref, Tree
from dag_lsp.queries.results import AnswerSpot, Inlay
from dag_lsp.queries.text import BLANKS, code, escape, line_text, shorten


def describe_question(question: Question) -> str:
    """Markdown about a question: its id, text and hint."""
    parts = [f"**{escape(question.id.value)}**: {escape(question.text.value)}"]
    if question.hint is not None:
        parts.append(f"*Hint:* {escape(question.hint.value)}")
    return "\n\n".join(parts)


def describe_outcome(outcome: Outcome) -> str:
    """Markdown about an outcome: its id, label, description, code and color."""
    ident = escape(f"[{outcome.id.value}]")
    if outcome.implicit:
        return f"**{ident}**: an outcome used without a definition block"

    parts = [f"**{ident}**: {escape(outcome.label.value)}"]
    description = outcome.property("description")
    if description:
        parts.append(escape(description))
    extras = [
        f"*{key.capitalize()}:* {code(value)}"
        for key in ("code", "color")
        if (value := outcome.property(key))
    ]
    if extras:
        parts.append(" · ".join(extras))
    return "\n\n".join(parts)


def describe_answer(tree: Tree, spot: AnswerSpot) -> str:
    """Markdown about an answer: what each of its targets is."""
    name, question = escape(spot.name), escape(spot.question)
    if spot.question not in tree.question_ids:
        return f"**{question}** is not defined"
    if spot.answer is None:
        return f"**{question}** has no answer named **{name}**"

    verb = "keeps" if tree.elimination else "leads to"
    lines = [f"Answer **{name}** of **{question}** {verb}:", ""]
    lines += [f"- {_summary(tree, target)}" for target in spot.answer.targets]
    return "\n".join(lines)


def _summary(tree: Tree, target: Ref) -> str:
    """One line about a target: its id and its text or label."""
    shown = f"[{target.id}]" if target.outcome else target.id
    text = text_of(tree, target)
    if text is None:
        return f"**{escape(shown)}** (not defined)"
    return f"**{escape(shown)}**: {escape(text)}"


def text_of(tree: Tree, target: Ref) -> str | None:
    """The question text or outcome label a target leads to."""
    question = tree.question_ids.get(target.id)
    if question is not None and not target.outcome:
        return question.text.value

    outcome = tree.outcome_ids.get(target.id)
    if outcome is not None and not outcome.implicit:
        return outcome.label.value
    if question is not None:
        return question.text.value
    return None


def inlays(tree: Tree, targets: list[tuple[Ref, Answer]]) -> list[Inlay]:
    """What each of `targets` leads to, shortened, placed after the target."""
    found: list[Inlay] = []
    for target, answer in targets:
        text = text_of(tree, target)
        if text:
            column = _after_target(tree, target, answer)
            found.append(Inlay(target.span.line, column, shorten(text)))
    return found


def _after_target(tree: Tree, target: Ref, answer: Answer) -> int:
    """Where the hint of a target goes: after the `]` of a one-id list."""
    end = target.span.end
    if len(answer.targets) != 1 or not answer.listed:
        return end

    text = line_text(tree, target.span.line)
    close = len(text) - len(text[end:].lstrip(BLANKS))
    return close + 1 if text[close : close + 1] == "]" else end
