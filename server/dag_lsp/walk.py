"""Walk: a reader going through a tree, one answer at a time.

A query over the model, beside `graph.py`, with two adapters of its own at
the end: `dag-lsp --walk` in a terminal (plain text on any pair of streams,
so a pipe works as well as a person) and `--answers`, which walks a given
list of answers without asking.

In decision mode the walk starts at the entry question and follows each
answer to its target. In elimination mode every question is asked in turn,
the entry first and then the others in the order of the file, skipping a
question whose `when:` does not hold; the result is the outcomes that
every answer given keeps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TextIO

from dag_lsp import graph
from dag_lsp.model import Answer, Outcome, Question, Ref, Tree


class WalkError(ValueError):
    """A walk that cannot go on: a broken tree or an answer it does not have."""


# ---------------------------------------------------------------- the walk


@dataclass(frozen=True, slots=True)
class Taken:
    """An answer given to a question.

    In elimination mode, `position` is the question's place in the order of
    asking and `alive` the outcomes that this answer and those before keep.
    """

    question: Question
    answer: Answer
    position: int = 0
    alive: frozenset[str] = frozenset()


class Walk:
    """Where a reader stands in a tree: the answers given so far."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.taken: list[Taken] = []
        self._order = graph.asked_order(tree) if tree.elimination else []
        self._entry = _entry(tree)

    @property
    def question(self) -> Question | None:
        """The question to answer now; None when the walk is over."""
        if self.tree.elimination:
            found = self._next_asked()
            return found[1] if found else None
        if not self.taken:
            return self._entry
        target = _single(self.taken[-1].answer)
        return None if target.outcome else self.tree.question_ids.get(target.id)

    def answer(self, answer: Answer) -> None:
        """Give an answer to the current question; raises `WalkError`."""
        found = self._next_asked() if self.tree.elimination else None
        question = found[1] if found else self.question
        if question is None:
            raise WalkError("the walk is over: there is no question to answer")
        if not any(answer is mine for mine in question.answers):
            raise WalkError(
                f"'{answer.label.value}' is not an answer of {question.id.value}"
            )

        if not self.tree.elimination:
            _follow(self.tree, question, answer)
            self.taken.append(Taken(question, answer))
            return

        before = (
            self.taken[-1].alive if self.taken else frozenset(self.tree.outcome_ids)
        )
        alive = before & {target.id for target in answer.targets}
        position = found[0] if found else 0
        self.taken.append(Taken(question, answer, position, alive))

    def back(self) -> bool:
        """Take back the last answer; false when there is none."""
        if not self.taken:
            return False
        self.taken.pop()
        return True

    def restart(self) -> None:
        """Take back every answer."""
        self.taken.clear()

    def outcomes(self) -> list[Outcome]:
        """The result once the walk is over (decision mode: one outcome)."""
        if self.question is not None:
            return []
        if self.tree.elimination:
            alive = self.taken[-1].alive if self.taken else self.tree.outcome_ids
            return [o for o in _defined_outcomes(self.tree) if o.id.value in alive]
        targets = self.taken[-1].answer.targets
        return [self.tree.outcome_ids[t.id] for t in targets]

    def next_ids(self) -> list[str | None]:
        """For each answer given, where it led: a target or the next question."""
        if not self.tree.elimination:
            return [_single(t.answer).id for t in self.taken]
        following: list[str | None] = [t.question.id.value for t in self.taken[1:]]
        current = self.question
        following.append(current.id.value if current else None)
        return following

    def _next_asked(self) -> tuple[int, Question] | None:
        """The next question asked; None at the end, or once the answers
        given leave no outcome, as nothing further could bring one back."""
        if self.taken and not self.taken[-1].alive:
            return None
        start = self.taken[-1].position + 1 if self.taken else 0
        given = {t.question.id.value: t.answer for t in self.taken}
        for position in range(start, len(self._order)):
            question = self._order[position]
            if graph.is_asked(self.tree, question, given):
                return position, question
        return None


def _entry(tree: Tree) -> Question:
    entry = tree.entry
    if not entry:
        raise WalkError("the tree has no 'entry:' question to start from")
    question = tree.question_ids.get(entry)
    if question is None:
        raise WalkError(f"the entry '{entry}' is not a question of the tree")
    return question


def _single(answer: Answer) -> Ref:
    return answer.targets[0]


def _follow(tree: Tree, question: Question, answer: Answer) -> None:
    """Check that a decision-mode answer leads somewhere defined."""
    for target in answer.targets:
        known = tree.outcome_ids if target.outcome else tree.question_ids
        if target.id not in known:
            raise WalkError(
                f"the answer '{answer.label.value}' of {question.id.value} "
                f"leads to '{target.id}', which is not defined"
            )


def _defined_outcomes(tree: Tree) -> list[Outcome]:
    """Each outcome once, as first defined, in the order of the file."""
    return [o for o in tree.outcomes if tree.outcome_ids.get(o.id.value) is o]


# ---------------------------------------------------------------- answers


def resolve(question: Question, text: str) -> Answer:
    """The answer a reader means by `text`; raises `WalkError`.

    Tried in order: the exact label or name, then the label, the name or
    the label's text after its key (`Roads` for `A: Roads`) ignoring case,
    then a number counting the answers from 1.
    """
    exact = graph.answer_named(question, text)
    if exact is not None:
        return exact

    folded = text.casefold()
    matches = [a for a in question.answers if folded in _spellings(a)]
    if len(matches) == 1:
        return matches[0]
    number = _number(text)
    if number is not None and 1 <= number <= len(question.answers):
        return question.answers[number - 1]
    raise WalkError(_no_answer(question, text, len(matches) > 1))


def _number(text: str) -> int | None:
    """The answer number `text` gives, if it is a short run of ASCII digits."""
    if text.isascii() and text.isdigit() and len(text) <= 9:
        return int(text)
    return None


def _spellings(answer: Answer) -> set[str]:
    """The ways to name an answer, case folded."""
    label, name = answer.label.value, answer.name.value
    found = {label.casefold(), name.casefold()}
    if label != name:
        found.add(label[len(name) + 1 :].strip().casefold())
    return found


def _no_answer(question: Question, text: str, ambiguous: bool) -> str:
    text = text if len(text) <= 40 else text[:39] + "…"
    if ambiguous:
        return f"'{text}' names more than one answer of {question.id.value}"
    count = len(question.answers)
    if count == 0:
        return f"{question.id.value} has no answers"
    return (
        f"{question.id.value} has no answer '{text}': give a label, a key "
        f"or a number from 1 to {count}"
    )


def walk_answers(tree: Tree, texts: list[str]) -> Walk:
    """Walk the given answers to the end; raises `WalkError` when they do not fit."""
    walk = Walk(tree)
    for number, text in enumerate(texts, start=1):
        question = walk.question
        if question is None:
            raise WalkError(
                f"{len(texts)} answers given, but the walk ends after {number - 1}"
            )
        walk.answer(_resolve_listed(question, text))

    question = walk.question
    if question is not None:
        raise WalkError(
            f"the answers stop before the end: {question.id.value} "
            f"('{question.text.value}') needs an answer"
        )
    return walk


def _resolve_listed(question: Question, text: str) -> Answer:
    """`resolve` for one of a comma-separated list of answers."""
    try:
        return resolve(question, text)
    except WalkError as error:
        if any("," in answer.label.value for answer in question.answers):
            raise WalkError(
                f"{error} (the answers are split at commas: name an answer "
                "whose label holds a comma by its key or number)"
            ) from None
        raise


# ---------------------------------------------------------------- rendering


def outcome_lines(outcome: Outcome) -> list[str]:
    """An outcome for a person: id, label, description and code."""
    found = [f"[{outcome.id.value}] {outcome.label.value}"]
    description = outcome.property("description")
    if description:
        found.append(f"  {description}")
    code = outcome.property("code")
    if code:
        found.append(f"  code: {code}")
    return found


def result_lines(walk: Walk) -> list[str]:
    """The end of a walk: its outcome, or the outcomes that survive."""
    outcomes = walk.outcomes()
    if not walk.tree.elimination:
        found: list[str] = []
        for outcome in outcomes:
            first, *rest = outcome_lines(outcome)
            found += [f"outcome: {first}", *rest]
        return found
    if not outcomes:
        return ["no outcome survives these answers"]

    count = len(outcomes)
    head = "1 outcome survives:" if count == 1 else f"{count} outcomes survive:"
    return [head] + ["  " + line for line in _flat(outcomes)]


def _flat(outcomes: list[Outcome]) -> list[str]:
    return [line for outcome in outcomes for line in outcome_lines(outcome)]


def path_text(walk: Walk) -> str:
    """A finished walk as text: each answer given, then the result."""
    found = [
        f"{t.question.id.value}: {t.question.text.value} -> {t.answer.label.value}"
        for t in walk.taken
    ]
    return "\n".join([*found, "", *result_lines(walk)]) + "\n"


def path_json(walk: Walk) -> str:
    """A finished walk as JSON: the path and the outcome (or the survivors)."""
    path = [
        {
            "question": taken.question.id.value,
            "answer": taken.answer.name.value,
            "label": taken.answer.label.value,
            "next": following,
        }
        for taken, following in zip(walk.taken, walk.next_ids(), strict=True)
    ]
    outcomes = [_outcome_record(o) for o in walk.outcomes()]
    record: dict[str, object] = {"mode": walk.tree.mode, "path": path}
    if walk.tree.elimination:
        record["outcomes"] = outcomes
    else:
        record["outcome"] = outcomes[0] if outcomes else None
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def _outcome_record(outcome: Outcome) -> dict[str, str]:
    record = {"id": outcome.id.value, "label": outcome.label.value}
    for key in ("description", "code", "color"):
        value = outcome.property(key)
        if value is not None:
            record[key] = value
    return record


# ---------------------------------------------------------------- terminal

_HINT, _BACK, _RESTART, _QUIT = "hint", "back", "restart", "quit"
COMMANDS = {
    "?": _HINT,
    "h": _HINT,
    _HINT: _HINT,
    "b": _BACK,
    _BACK: _BACK,
    "r": _RESTART,
    _RESTART: _RESTART,
    "q": _QUIT,
    _QUIT: _QUIT,
}
# The one-letter commands, which give way to an answer they name.
_LETTERS = "bhrq"
LEGEND = "Answer with a number, a label or its key; ? hint, b back, r restart, q quit."
# The legend of a tree where one of the letters b, h, r, q names an answer.
LEGEND_IN_FULL = (
    "Answer with a number, a label or its key; ? hint, and back, restart, quit "
    "in full (a letter may name an answer)."
)


class Session:
    """An interactive walk on a pair of text streams.

    `echo` writes each line read after its prompt, so that a transcript of
    a walk fed from a pipe reads like one typed at a terminal.
    """

    def __init__(
        self, walk: Walk, given: TextIO, shown: TextIO, problems: TextIO, echo: bool
    ) -> None:
        self.walk = walk
        self.given = given
        self.shown = shown
        self.problems = problems
        self.echo = echo

    def run(self) -> int:
        """Walk until the reader quits or the input ends; returns the exit status."""
        title = self.walk.tree.title
        self._say(*([title] if title else []), _legend(self.walk.tree))
        self._show()
        while True:
            line = self._read()
            if line is None:
                return self._ended()

            if self._handle(line.strip()):
                return 0

    def _read(self) -> str | None:
        self.shown.write("> ")
        self.shown.flush()
        line = self.given.readline()
        if not line:
            self.shown.write("\n")
            return None

        if self.echo:
            self.shown.write(line if line.endswith("\n") else line + "\n")
        return line

    def _ended(self) -> int:
        if self.walk.question is None:
            return 0
        self.problems.write("the input ended before the walk reached its end\n")
        return 1

    def _handle(self, text: str) -> bool:
        """Act on one line; true when the reader quits."""
        if not text:
            return False
        question = self.walk.question
        command = COMMANDS.get(text.casefold())
        if question is not None and (command is None or _names_answer(question, text)):
            self._answer(question, text)
            return False
        if command is None:
            self._say("the walk is over: b back, r restart, q quit")
            return False
        return self._command(command, question)

    def _answer(self, question: Question, text: str) -> None:
        try:
            self.walk.answer(resolve(question, text))
        except WalkError as error:
            self._say(str(error))
            return
        self._show()

    def _command(self, command: str, question: Question | None) -> bool:
        if command == _QUIT:
            return True
        if command == _HINT:
            self._say(_hint(question))
        elif command == _BACK and not self.walk.back():
            self._say("this is the first question: there is nothing to go back to")
        else:
            if command == _RESTART:
                self.walk.restart()
            self._show()
        return False

    def _show(self) -> None:
        question = self.walk.question
        if question is None:
            self._say("", *result_lines(self.walk), "(b back, r restart, q quit)")
            return

        lines = ["", f"{question.id.value}: {question.text.value}"]
        lines += [f"  {n}. {a.label.value}" for n, a in enumerate(question.answers, 1)]
        if question.hint is not None:
            lines.append("  (? shows a hint)")
        taken = [letter for letter in _LETTERS if _names_answer(question, letter)]
        if taken:
            verb = "picks an answer" if len(taken) == 1 else "pick answers"
            words = " or ".join(COMMANDS[letter] for letter in taken)
            lines.append(f"  ({', '.join(taken)} {verb} here: type {words} in full)")
        self._say(*lines)

    def _say(self, *lines: str) -> None:
        self.shown.write("".join(line + "\n" for line in lines))


def _legend(tree: Tree) -> str:
    """The legend, naming commands in full where a letter names an answer."""
    for question in tree.questions:
        if any(_names_answer(question, letter) for letter in _LETTERS):
            return LEGEND_IN_FULL
    return LEGEND


def _names_answer(question: Question, text: str) -> bool:
    """Whether `text` names an answer (so a one-letter key wins over a command)."""
    try:
        resolve(question, text)
    except WalkError:
        return False
    return True


def _hint(question: Question | None) -> str:
    if question is None:
        return "the walk is over: there is no question to give a hint for"
    if question.hint is None:
        return f"{question.id.value} has no hint"
    return f"hint: {question.hint.value}"


def run_terminal(tree: Tree, given: TextIO, shown: TextIO, problems: TextIO) -> int:
    """An interactive walk on standard streams; returns the exit status.

    0 when the walk ends at its result or the reader quits, 1 when the tree
    cannot be walked or the input ends before the result.
    """
    try:
        session = Session(Walk(tree), given, shown, problems, not given.isatty())
    except WalkError as error:
        problems.write(f"{error}\n")
        return 1
    return session.run()
