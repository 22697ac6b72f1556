"""Queries: what the editor features ask of one version of a tree.

This sits after the model in the flow, beside the checks and the formatter,
and knows nothing of the Language Server Protocol: lines and columns are the
model's (zero-based, columns in code points), and the answers are plain
data that `dag_lsp.lsp` converts. The questions it answers: which id stands
at a position, where an id is defined and used, what may be typed at a
position, whether a new name is acceptable, what to show on hover, in inlay
hints and in the outline.

`Queries` is built once per version of a document. Its indexes (the ids and
answers on each line, the candidates for completion) are built on first
use, so each lookup by position costs the items of one line.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property

from dag_lsp import graph, paths
from dag_lsp.heap import collector_paused
from dag_lsp.model import (
    Answer,
    Block,
    Condition,
    Kind,
    Outcome,
    Question,
    Ref,
    Span,
    Tree,
)

ID = re.compile(r"[A-Za-z0-9_-]+")
_ID_BEFORE = re.compile(r"[A-Za-z0-9_-]*\Z")
_ID_AFTER = re.compile(r"[A-Za-z0-9_-]*")
_OPEN_LIST = re.compile(r"\[[ \t]*(?:[A-Za-z0-9_-]+[ \t]*,[ \t]*)*\Z")
_ENTRY = re.compile(r"entry[ \t]*:[ \t]*\Z")
_QUESTION_NUMBER = re.compile(r"Q(\d+)")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|~])")
_BLANKS = " \t"

HINT_WIDTH = 40
COMPLETION_LIMIT = 100
_SNIPPET_COLOR = "#22c55e"
HOVER_PATHS = 5
HOVER_STEPS = 4  # a longer path shows its first and last four answers
_NONE_COUNTED = "no path counted: a cycle stops the count"
_EXACT_BELOW = 2**50  # larger counts are shown as a power of ten


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An id where it is defined (its block's head) or used."""

    id: str
    span: Span
    definition: bool


@dataclass(frozen=True, slots=True)
class AnswerSpot:
    """An answer's label in its question, or its name in a condition."""

    span: Span
    question: str
    name: str
    answer: Answer | None


@dataclass(frozen=True, slots=True)
class HoverText:
    """Markdown about the item at a position, and the span it describes."""

    span: Span
    markdown: str


@dataclass(frozen=True, slots=True)
class Lens:
    """A title over an outcome's definition: how many paths reach it."""

    span: Span
    title: str


@dataclass(frozen=True, slots=True)
class Inlay:
    """A short text shown after a target: what it leads to."""

    line: int
    column: int
    text: str


@dataclass(frozen=True, slots=True)
class Symbol:
    """A question or an outcome, for the outline."""

    name: str
    detail: str
    outcome: bool
    first_line: int
    last_line: int
    span: Span


class Want(Enum):
    """What may be typed at a completion spot."""

    TARGET = "a question id or an [OUTCOME] after an arrow"
    LIST = "an [OUTCOME] after an arrow, where a question cannot stand"
    OUTCOME = "an outcome id inside brackets"
    QUESTION = "a question id"
    ANSWER = "an answer name of a question"
    QUESTION_KEY = "a property of a question"
    OUTCOME_KEY = "a property of an outcome"
    HEADER_KEY = "a header key"
    BLOCK = "a new question or outcome block"
    HEAD = "a header key or a new block, on an empty line of the header"


@dataclass(frozen=True, slots=True)
class Spot:
    """Where completion stands: what is wanted and the columns it replaces.

    `typed` is the part of the replaced text before the cursor; `close`
    asks for a `]` after an outcome id; `colon` asks for `: ` after a key;
    `lead` is written before an id that would touch `->` or `:`; `listed`
    are the ids already in the list being completed.
    """

    want: Want
    line: int
    start: int
    end: int
    typed: str = ""
    question: str = ""
    close: bool = False
    colon: bool = True
    lead: str = ""
    listed: tuple[str, ...] = ()


class ItemKind(Enum):
    """What a completion candidate is."""

    QUESTION = "question"
    OUTCOME = "outcome"
    ANSWER = "answer"
    KEY = "key"
    SNIPPET = "snippet"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One completion: its label, the text it inserts, how it is matched.

    `snippet` is the same insertion with tab stops, for clients that take
    snippets (only block candidates have one).
    """

    label: str
    insert: str
    kind: ItemKind
    detail: str = ""
    filter: str = ""
    snippet: str = ""


@dataclass(frozen=True, slots=True)
class Completions:
    """The candidates of a spot; `complete` is false when some were left out."""

    spot: Spot
    candidates: list[Candidate]
    complete: bool


@dataclass(frozen=True, slots=True)
class _Place:
    """A defined id and its line, as completion ranks it."""

    id: str
    line: int
    outcome: bool
    detail: str
    folded: str


# ---------------------------------------------------------------- helpers


def shorten(text: str, width: int = HINT_WIDTH) -> str:
    """`text`, cut to `width` characters with an ellipsis when longer."""
    if len(text) <= width:
        return text
    return text[:width].rstrip() + "…"


def escape(text: str) -> str:
    """Text shown literally in Markdown."""
    return _MARKDOWN.sub(r"\\\1", text)


def id_bounds(text: str, column: int) -> tuple[int, int]:
    """The columns of the run of id characters around `column`."""
    before = _ID_BEFORE.search(text, 0, column)
    after = _ID_AFTER.match(text, column)
    start = before.start() if before else column
    return start, after.end() if after else column


def _blank(text: str) -> bool:
    return not text.strip(_BLANKS)


# ---------------------------------------------------------------- queries


class Queries:
    """Answers about one version of a tree, with indexes built on first use."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def text(self, line: int) -> str:
        """The text of a line; empty past the last line."""
        lines = self.tree.source.lines
        return lines[line] if 0 <= line < len(lines) else ""

    # ------------------------------------------------------------ indexes

    @cached_property
    def _occurrences(self) -> dict[int, list[Occurrence]]:
        """The ids on each line."""
        by_line: dict[int, list[Occurrence]] = {}
        for occurrence in self._all_occurrences():
            by_line.setdefault(occurrence.span.line, []).append(occurrence)
        return by_line

    @cached_property
    def _by_id(self) -> dict[str, list[Occurrence]]:
        """Every occurrence of each id, in the order of the file."""
        by_id: dict[str, list[Occurrence]] = {}
        for occurrence in self._all_occurrences():
            by_id.setdefault(occurrence.id, []).append(occurrence)
        for found in by_id.values():
            found.sort(key=lambda o: (o.span.line, o.span.start))
        return by_id

    def _all_occurrences(self) -> Iterator[Occurrence]:
        tree = self.tree
        for question in tree.questions:
            yield Occurrence(question.id.value, question.id.span, True)
        for outcome in tree.outcomes:
            if not outcome.implicit:
                yield Occurrence(outcome.id.value, outcome.id.span, True)
        for ref in tree.refs():
            yield Occurrence(ref.id, ref.span, False)

    @cached_property
    def _answers(self) -> dict[int, list[AnswerSpot]]:
        """The answer labels and condition answers on each line."""
        by_line: dict[int, list[AnswerSpot]] = {}
        for spot in self._all_answer_spots():
            by_line.setdefault(spot.span.line, []).append(spot)
        return by_line

    def _all_answer_spots(self) -> Iterator[AnswerSpot]:
        tree = self.tree
        for question in tree.questions:
            for answer in question.answers:
                label = answer.label
                yield AnswerSpot(label.span, question.id.value, label.value, answer)
            yield from (self._condition_spot(c) for c in question.when)
        for route in tree.routes:
            yield from (self._condition_spot(step) for step in route.steps)

    def _condition_spot(self, condition: Condition) -> AnswerSpot:
        ident, name = condition.question.id, condition.answer.value
        question = self.tree.question_ids.get(ident)
        answer = graph.answer_named(question, name) if question else None
        return AnswerSpot(condition.answer.span, ident, name, answer)

    @cached_property
    def _targets(self) -> tuple[list[int], list[tuple[Ref, Answer]]]:
        """Every answer target, with its line for bisection."""
        found = [
            (target, answer)
            for question in self.tree.questions
            for answer in question.answers
            for target in answer.targets
        ]
        found.sort(key=lambda pair: (pair[0].span.line, pair[0].span.start))
        return [ref.span.line for ref, _ in found], found

    @cached_property
    def _places(self) -> dict[Want, list[_Place]]:
        """The ids each kind of spot may take, in the order of the file."""
        tree = self.tree
        questions = [
            _Place(
                q.id.value, q.id.span.line, False, q.text.value, q.id.value.casefold()
            )
            for q in tree.questions
        ]
        outcomes = [
            _Place(
                o.id.value, o.id.span.line, True, o.label.value, o.id.value.casefold()
            )
            for o in tree.outcomes
            if not o.implicit
        ]
        outcomes.sort(key=lambda place: place.line)
        both = sorted(questions + outcomes, key=lambda place: place.line)
        return {
            Want.TARGET: both,
            Want.LIST: outcomes,
            Want.OUTCOME: outcomes,
            Want.QUESTION: questions,
        }

    @cached_property
    def _first_item_line(self) -> int:
        """The line of the first question, outcome or routes section."""
        items = (Kind.QUESTION, Kind.OUTCOME, Kind.ROUTES, Kind.INVALID)
        lines = (b.first_line for b in self.tree.blocks if b.kind in items)
        return min(lines, default=len(self.tree.source.lines))

    # ------------------------------------------------------------ navigation

    def at(self, line: int, column: int) -> Occurrence | None:
        """The id at a position, from its first character to just after it."""
        for occurrence in self._occurrences.get(line, ()):
            if occurrence.span.contains(line, column):
                return occurrence
        return None

    def answer_at(self, line: int, column: int) -> AnswerSpot | None:
        """The answer label or condition answer at a position."""
        for spot in self._answers.get(line, ()):
            if spot.span.contains(line, column):
                return spot
        return None

    def occurrences(self, ident: str) -> list[Occurrence]:
        """Where `ident` is defined and used, in the order of the file."""
        return list(self._by_id.get(ident, ()))

    def definitions(self, ident: str) -> list[Span]:
        """The spans of the blocks' ids that define `ident`."""
        return [o.span for o in self._by_id.get(ident, ()) if o.definition]

    def references(self, ident: str, include_definition: bool) -> list[Span]:
        """The spans of every use of `ident`, and its definitions if asked."""
        return [
            o.span
            for o in self._by_id.get(ident, ())
            if include_definition or not o.definition
        ]

    # ------------------------------------------------------------ rename

    def rename_problem(self, old: str, new: str) -> str | None:
        """Why `old` cannot be renamed to `new`, or None when it can."""
        if not ID.fullmatch(new):
            return f"'{new}' is not a valid id: use only letters, digits, '_' and '-'"
        if new == old or new not in self._by_id:
            return None

        found = self._by_id[new]
        first = next((o for o in found if o.definition), found[0])
        where = f"on line {first.span.line + 1}"
        if not first.definition:
            return f"'{new}' is already used {where}"
        kind = "a question" if new in self.tree.question_ids else "an outcome"
        return f"'{new}' is already used by {kind} {where}"

    # ------------------------------------------------------------ hover

    def hover(self, line: int, column: int) -> HoverText | None:
        """What the id or answer at a position means, in Markdown."""
        occurrence = self.at(line, column)
        if occurrence is not None:
            return HoverText(occurrence.span, self.describe(occurrence.id))

        spot = self.answer_at(line, column)
        if spot is not None:
            return HoverText(spot.span, self._describe_answer(spot))
        return None

    def describe(self, ident: str) -> str:
        """Markdown about a question or outcome id."""
        question = self.tree.question_ids.get(ident)
        if question is not None:
            return _describe_question(question)

        outcome = self.tree.outcome_ids.get(ident)
        if outcome is not None:
            return _describe_outcome(outcome) + "\n\n" + self._paths_text(ident)
        return f"**{escape(ident)}** is not defined"

    def _describe_answer(self, spot: AnswerSpot) -> str:
        name, question = escape(spot.name), escape(spot.question)
        if spot.question not in self.tree.question_ids:
            return f"**{question}** is not defined"
        if spot.answer is None:
            return f"**{question}** has no answer named **{name}**"

        verb = "keeps" if self.tree.elimination else "leads to"
        lines = [f"Answer **{name}** of **{question}** {verb}:", ""]
        lines += [f"- {self._summary(target)}" for target in spot.answer.targets]
        return "\n".join(lines)

    def _summary(self, target: Ref) -> str:
        """One line about a target: its id and its text or label."""
        shown = f"[{target.id}]" if target.outcome else target.id
        text = self._text_of(target)
        if text is None:
            return f"**{escape(shown)}** (not defined)"
        return f"**{escape(shown)}**: {escape(text)}"

    def _text_of(self, target: Ref) -> str | None:
        """The question text or outcome label a target leads to."""
        question = self.tree.question_ids.get(target.id)
        if question is not None and not target.outcome:
            return question.text.value

        outcome = self.tree.outcome_ids.get(target.id)
        if outcome is not None and not outcome.implicit:
            return outcome.label.value
        if question is not None:
            return question.text.value
        return None

    # ------------------------------------------------------------ paths

    @cached_property
    def _reach(self) -> tuple[dict[str, int], bool]:
        """The paths reaching each outcome, and whether the counts are exact.

        Counted once per version, in time linear in the tree (`paths.py`),
        with the cyclic collector paused as while reading: its passes over
        a large tree's objects would cost more than the counting.

        Known cost: in elimination mode `count_paths` makes one pass per
        outcome, about 2 s for 5,000 questions and 20 outcomes, which holds
        the server up once per version; counting every outcome in one pass
        over the questions would make it linear.
        """
        with collector_paused():
            exact = self.tree.elimination or not _cycle_reached(self.tree)
            return paths.count_paths(self.tree), exact

    def reach(self, outcome_id: str) -> str:
        """`3 paths reach this outcome`, `no path reaches this outcome`, ..."""
        counts, exact = self._reach
        return _reach_text(counts.get(outcome_id, 0), exact)

    def lenses(self) -> list[Lens]:
        """Over each outcome's definition, how many paths reach it."""
        return [
            Lens(o.id.span, self.reach(o.id.value))
            for o in self.tree.outcomes
            if not o.implicit
        ]

    def _paths_text(self, outcome_id: str) -> str:
        """Markdown: how many paths reach an outcome and the first of them."""
        counts, exact = self._reach
        count = counts.get(outcome_id, 0)
        heading = self.reach(outcome_id).capitalize()
        if not count:
            return heading + "."

        with collector_paused():
            found = paths.paths_to(self.tree, outcome_id, HOVER_PATHS)
        lines = [heading + ":", ""]
        lines += [f"- {_code(_path_text(path))}" for path in found]
        if count > len(found):
            rest = _amount(count - len(found), exact)
            lines.append(f"- … and {rest} more")
        return "\n".join(lines)

    # ------------------------------------------------------------ inlay hints

    def inlays(self, first: int, last: int) -> list[Inlay]:
        """What each answer target on lines `first` to `last` leads to."""
        lines, targets = self._targets
        found: list[Inlay] = []
        for index in range(bisect_left(lines, first), bisect_right(lines, last)):
            target, answer = targets[index]
            text = self._text_of(target)
            if text:
                column = self._after_target(target, answer)
                found.append(Inlay(target.span.line, column, shorten(text)))
        return found

    def _after_target(self, target: Ref, answer: Answer) -> int:
        """Where the hint of a target goes: after the `]` of a one-id list."""
        end = target.span.end
        if len(answer.targets) != 1 or not answer.listed:
            return end

        text = self.text(target.span.line)
        close = len(text) - len(text[end:].lstrip(_BLANKS))
        return close + 1 if text[close : close + 1] == "]" else end

    # ------------------------------------------------------------ outline

    def outline(self) -> list[Symbol]:
        """The questions and outcomes defined, in the order of the file."""
        symbols = [_question_symbol(q) for q in self.tree.questions]
        symbols += [_outcome_symbol(o, o.block) for o in self.tree.outcomes if o.block]
        symbols.sort(key=lambda symbol: symbol.first_line)
        return symbols

    def folds(self) -> list[tuple[int, int]]:
        """The first and last lines of each block of more than one line."""
        kinds = (Kind.QUESTION, Kind.OUTCOME, Kind.ROUTES, Kind.INVALID)
        return [
            (block.first_line, block.last_line)
            for block in self.tree.blocks
            if block.kind in kinds and block.last_line > block.first_line
        ]

    # ------------------------------------------------------------ completion

    def completion_spot(self, line: int, column: int) -> Spot | None:
        """What may be typed at a position, or None in free text."""
        text = self.text(line)
        column = min(max(column, 0), len(text))
        if text[:1] not in (" ", "\t"):
            return self._top_spot(line, text, column)
        return self._body_spot(line, text, column) if column else None

    def complete(self, spot: Spot) -> Completions:
        """The candidates for a spot, the most likely first."""
        if spot.want in _ID_WANTS:
            return self._id_candidates(spot)
        return Completions(spot, self._other_candidates(spot), True)

    # top level

    def _top_spot(self, line: int, text: str, column: int) -> Spot | None:
        start, end = id_bounds(text, column)
        before, rest = text[:start], text[end:]
        if before in ("", "["):
            return self._head_spot(line, start, end, text[:column], rest)

        if _ENTRY.match(before):
            lead = _lead(before)
            return Spot(Want.QUESTION, line, start, end, text[start:column], lead=lead)
        return None

    def _head_spot(
        self, line: int, start: int, end: int, typed: str, rest: str
    ) -> Spot | None:
        """The first word of a column-0 line: a header key or a new block."""
        in_header = line <= self._first_item_line
        if typed.startswith("["):
            return Spot(Want.BLOCK, line, 0, end, typed) if _blank(rest) else None
        if in_header and (_blank(rest) or rest.startswith(":")):
            colon = not rest.startswith(":")
            want = Want.HEAD if _blank(self.text(line)) else Want.HEADER_KEY
            return Spot(want, line, start, end, typed, colon=colon)
        return Spot(Want.BLOCK, line, 0, end, typed) if _blank(rest) else None

    # inside blocks

    def _owner(self, line: int) -> Kind | None:
        """The kind of block an indented line belongs to, from the text above."""
        for number in range(min(line, len(self.tree.source.lines)) - 1, -1, -1):
            head = self.text(number)
            if head[:1] in ("", " ", "\t", "#"):
                continue
            if head.startswith("["):
                return Kind.OUTCOME
            return Kind.ROUTES if head.rstrip(_BLANKS) == "routes:" else Kind.QUESTION
        return None

    def _key_spot(self, line: int, text: str, start: int, column: int) -> Spot | None:
        """A property key at the start of an indented line."""
        owner = self._owner(line)
        end = id_bounds(text, column)[1]
        rest = text[end:].lstrip(_BLANKS)
        if owner not in (Kind.QUESTION, Kind.OUTCOME) or rest[:1] not in ("", ":"):
            return None

        want = Want.QUESTION_KEY if owner is Kind.QUESTION else Want.OUTCOME_KEY
        typed = text[start:column]
        return Spot(want, line, start, end, typed, colon=not rest.startswith(":"))

    def _body_spot(self, line: int, text: str, column: int) -> Spot | None:
        start = id_bounds(text, column)[0]
        if _blank(text[:start]):
            return self._key_spot(line, text, start, column)

        owner = self._owner(line)
        if owner is Kind.ROUTES:
            return self._route_spot(line, text, column)
        if owner is not Kind.QUESTION:
            return None
        return self._question_line_spot(line, text, column)

    def _question_line_spot(self, line: int, text: str, column: int) -> Spot | None:
        body = text.lstrip(_BLANKS)
        indent = len(text) - len(body)
        if body.startswith(("#", "hint:")):
            return None
        if body.startswith("when:"):
            return _condition_spot(line, text, column, indent + 5, len(text))
        return _target_spot(line, text, column, self.tree.elimination)

    def _route_spot(self, line: int, text: str, column: int) -> Spot | None:
        colon = text.find(":")
        if colon == -1 or column <= colon:
            return None

        arrow = text.find("->", colon)
        if arrow != -1 and column >= arrow + 2:
            return _target_spot(line, text, column, elimination=True)
        stop = arrow if arrow != -1 else len(text)
        return _condition_spot(line, text, column, colon + 1, stop)

    # candidates

    def _id_candidates(self, spot: Spot) -> Completions:
        """All ids when few; otherwise the nearest of those matching what is typed.

        Ids are ordered by how well they match what is typed (a prefix, then
        a part), then by nearness to the cursor, the lines below it first:
        answers usually lead forward. Only the ids shown become candidates,
        so a tree of thousands of questions costs one pass over their ids.
        """
        pool = self._places[spot.want]
        if spot.listed:
            pool = [p for p in pool if p.id not in spot.listed]
        typed = spot.typed.lstrip("[").casefold()

        few = len(pool) <= COMPLETION_LIMIT
        chosen = _ranked(pool if few else _matching(pool, typed), typed, spot.line)
        candidates = [_candidate(p, spot) for p in chosen[:COMPLETION_LIMIT]]
        return Completions(spot, candidates, few)

    def _other_candidates(self, spot: Spot) -> list[Candidate]:
        if spot.want is Want.ANSWER:
            return self._answer_candidates(spot.question)
        if spot.want is Want.BLOCK:
            return self._block_candidates()
        if spot.want is Want.HEAD:
            header = replace(spot, want=Want.HEADER_KEY)
            return self._other_candidates(header) + self._block_candidates()

        keys = _KEYS[spot.want]
        used = {p.key.value for p in self.tree.header if p.key.span.line != spot.line}
        if spot.want is not Want.HEADER_KEY:
            used = set()
        suffix = ": " if spot.colon else ""
        return [
            Candidate(key, key + suffix, ItemKind.KEY, detail)
            for key, detail in keys.items()
            if key not in used
        ]

    def _answer_candidates(self, ident: str) -> list[Candidate]:
        question = self.tree.question_ids.get(ident)
        if question is None:
            return []
        return [
            Candidate(
                answer.name.value,
                answer.name.value,
                ItemKind.ANSWER,
                f"{answer.label.value} -> {_targets_text(answer)}",
            )
            for answer in question.answers
        ]

    def _block_candidates(self) -> list[Candidate]:
        ident = self._next_question_id()
        newline = self.tree.source.newline
        question = [f"{ident}: ", "  yes -> ", "  no -> "]
        question_snippet = [
            f"${{1:{ident}}}: ${{2:Question text?}}",
            "  ${3:yes} -> $4",
            "  ${5:no} -> $0",
        ]
        outcome = ["[ID]: ", f"  color: {_SNIPPET_COLOR}", "  description: "]
        outcome_snippet = [
            "[${1:ID}]: ${2:Label}",
            f"  color: ${{3:{_SNIPPET_COLOR}}}",
            "  description: $0",
        ]
        return [
            _block("question block", ident, newline, question, question_snippet),
            _block("outcome block", "[ID]", newline, outcome, outcome_snippet),
        ]

    def _next_question_id(self) -> str:
        numbers = [
            int(match.group(1))
            for ident in self.tree.question_ids
            if (match := _QUESTION_NUMBER.fullmatch(ident))
        ]
        return f"Q{max(numbers, default=0) + 1}"


# ---------------------------------------------------------------- spots


def _target_spot(line: int, text: str, column: int, elimination: bool) -> Spot | None:
    """After an arrow, or inside the brackets of an outcome list.

    Known shortcoming: in the older form's brackets (`A: Gaming [Q2]`), which
    may name a question, only outcomes are offered; the fix is a spot that
    knows the line has no arrow in decision mode.
    """
    start, end = id_bounds(text, column)
    before, rest = text[:start], text[end:]
    typed = text[start:column]
    arrow = before.rfind("->")
    bracket = _OPEN_LIST.search(before)
    if bracket is not None and bracket.start() > arrow:
        listed = ID.findall(before, bracket.start()) + ID.findall(rest.split("]")[0])
        close = "]" not in rest
        return Spot(
            Want.OUTCOME, line, start, end, typed, close=close, listed=tuple(listed)
        )

    if arrow == -1 or not _blank(before[arrow + 2 :]):
        return None
    want = Want.LIST if elimination else Want.TARGET
    close = not rest.lstrip(_BLANKS).startswith("]")
    return Spot(want, line, start, end, typed, close=close, lead=_lead(before))


def _condition_spot(
    line: int, text: str, column: int, first: int, stop: int
) -> Spot | None:
    """In `Q1=A, Q2=B` (from column `first` to `stop`): a question or an answer."""
    begin = max(text.rfind(",", first, column) + 1, first)
    segment = text[begin:column]
    if "=" not in segment:
        start, end = id_bounds(text, column)
        if not _blank(text[begin:start]):
            return None
        lead = _lead(text[:start])
        return Spot(Want.QUESTION, line, start, end, text[start:column], lead=lead)

    equals = begin + segment.index("=")
    question = text[begin:equals].strip(_BLANKS)
    comma = text.find(",", column, stop)
    name_end = comma if comma != -1 else stop
    name_start = min(len(text) - len(text[equals + 1 :].lstrip(_BLANKS)), column)
    name_end = max(len(text[:name_end].rstrip(_BLANKS)), column)
    typed = text[name_start:column]
    return Spot(Want.ANSWER, line, name_start, name_end, typed, question)


def _lead(before: str) -> str:
    """A space between `->` or `:` and the id about to be written."""
    return " " if before.endswith((">", ":")) else ""


# ---------------------------------------------------------------- candidates

_ID_WANTS = (Want.TARGET, Want.LIST, Want.OUTCOME, Want.QUESTION)

_KEYS: dict[Want, dict[str, str]] = {
    Want.QUESTION_KEY: {
        "hint": "help shown beside the question",
        "when": "ask only after these answers: Q1=A, Q2=B",
    },
    Want.OUTCOME_KEY: {
        "color": "#rgb or #rrggbb",
        "description": "what the outcome means for the reader",
        "code": "a code for other systems",
        "image": "the URL of a picture",
        "url": "a link",
    },
    Want.HEADER_KEY: {
        "dag": "the title of the tree",
        "entry": "the id of the first question",
        "mode": "decision (the default) or elimination",
        "version": "the tree's version, such as 1.0.0",
        "description": "a longer description",
        "tags": "comma-separated tags",
        "image": "the URL of a picture for the tree",
        "locale": "the language of the tree, such as en or es-MX",
    },
}


def _matching(pool: list[_Place], typed: str) -> list[_Place]:
    """The ids that hold what is typed (all of them when nothing is)."""
    return [p for p in pool if typed in p.folded] if typed else pool


def _ranked(places: list[_Place], typed: str, line: int) -> list[_Place]:
    """Ids starting with what is typed, then the others, each nearest first."""
    prefix = [p for p in places if p.folded.startswith(typed)]
    if len(prefix) == len(places):
        return _nearest(places, line, COMPLETION_LIMIT)
    others = [p for p in places if not p.folded.startswith(typed)]
    limit = COMPLETION_LIMIT
    return _nearest(prefix, line, limit) + _nearest(others, line, limit)


def _nearest(places: list[_Place], line: int, count: int) -> list[_Place]:
    """Up to `count` places nearest to `line`: those below first, then above.

    `places` are in the order of the file.
    """
    split = bisect_right([place.line for place in places], line)
    below = places[split : split + count]
    above = places[max(split - (count - len(below)), 0) : split]
    return below + above[::-1]


def _candidate(place: _Place, spot: Spot) -> Candidate:
    if place.outcome:
        return _outcome_candidate(place, spot)
    return _question_candidate(place, spot)


def _question_candidate(place: _Place, spot: Spot) -> Candidate:
    insert = spot.lead + place.id
    return Candidate(place.id, insert, ItemKind.QUESTION, place.detail, place.id)


def _outcome_candidate(place: _Place, spot: Spot) -> Candidate:
    if spot.want is Want.OUTCOME:
        insert = place.id + ("]" if spot.close else "")
        return Candidate(place.id, insert, ItemKind.OUTCOME, place.detail, place.id)

    insert = f"{spot.lead}[{place.id}" + ("]" if spot.close else "")
    label = f"[{place.id}]"
    return Candidate(label, insert, ItemKind.OUTCOME, place.detail, place.id)


def _targets_text(answer: Answer) -> str:
    if not answer.listed:
        return ", ".join(target.id for target in answer.targets)
    return "[" + ", ".join(target.id for target in answer.targets) + "]"


def _block(
    label: str, typed: str, newline: str, plain: list[str], snippet: list[str]
) -> Candidate:
    """A new block; matched against what starts it (`Q4`, `[`)."""
    return Candidate(
        label,
        newline.join(plain),
        ItemKind.SNIPPET,
        "a new " + label,
        typed,
        newline.join(snippet),
    )


# ---------------------------------------------------------------- hover text


def _describe_question(question: Question) -> str:
    parts = [f"**{escape(question.id.value)}**: {escape(question.text.value)}"]
    if question.hint is not None:
        parts.append(f"*Hint:* {escape(question.hint.value)}")
    return "\n\n".join(parts)


def _describe_outcome(outcome: Outcome) -> str:
    ident = escape(f"[{outcome.id.value}]")
    if outcome.implicit:
        return f"**{ident}**: an outcome used without a definition block"

    parts = [f"**{ident}**: {escape(outcome.label.value)}"]
    description = outcome.property("description")
    if description:
        parts.append(escape(description))
    extras = [
        f"*{key.capitalize()}:* {_code(value)}"
        for key in ("code", "color")
        if (value := outcome.property(key))
    ]
    if extras:
        parts.append(" · ".join(extras))
    return "\n\n".join(parts)


def _reach_text(count: int, exact: bool) -> str:
    """How many paths reach an outcome; a count cut short by a cycle is a floor."""
    if not count:
        return "no path reaches this outcome" if exact else _NONE_COUNTED
    noun = "path reaches" if count == 1 else "paths reach"
    return f"{_amount(count, exact)} {noun} this outcome"


def _amount(count: int, exact: bool) -> str:
    """`12`, `at least 12` (a floor), or `over 10^15` for a huge count.

    A tree's path counts can have thousands of digits, more than Python
    turns into a string by default; the power of ten comes from the bit
    length instead.
    """
    if count >= _EXACT_BELOW:
        return f"over 10^{int((count.bit_length() - 1) * math.log10(2))}"
    return str(count) if exact else f"at least {count}"


def _path_text(path: list[paths.Step]) -> str:
    """A path as routes write it, its middle left out when it is long."""
    if len(path) <= 2 * HOVER_STEPS + 1:
        return paths.format_path(path)
    first = paths.format_path(path[:HOVER_STEPS])
    last = paths.format_path(path[-HOVER_STEPS:])
    return f"{first}, … {len(path) - 2 * HOVER_STEPS} more …, {last}"


def _cycle_reached(tree: Tree) -> bool:
    """Whether a question on a cycle can be reached from the entry."""
    reached = graph.reachable(tree)
    return any(cycle[0].question.id.value in reached for cycle in graph.cycles(tree))


def _code(value: str) -> str:
    """A value shown as code, unless a backtick would end the code span."""
    return escape(value) if "`" in value else f"`{value}`"


# ---------------------------------------------------------------- outline


def _question_symbol(question: Question) -> Symbol:
    block = question.block
    return Symbol(
        question.id.value,
        question.text.value,
        False,
        block.first_line,
        block.last_line,
        question.id.span,
    )


def _outcome_symbol(outcome: Outcome, block: Block) -> Symbol:
    return Symbol(
        outcome.id.value,
        outcome.label.value,
        True,
        block.first_line,
        block.last_line,
        outcome.id.span,
    )
