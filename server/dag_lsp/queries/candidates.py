"""Candidates: what completion offers at a spot, the most likely first.

Second step of completion in the queries package, after `spots.py`: ids are
ranked by how well they match what is typed and by nearness to the cursor;
answers, keys and new blocks come from the tree and fixed tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property

from dag_lsp.model import Answer, Outcome, Question, Tree
from dag_lsp.queries.spots import Spot, Want

COMPLETION_LIMIT = 100
_SNIPPET_COLOR = "#22c55e"
_QUESTION_NUMBER = re.compile(r"Q(\d+)")


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


_ID_WANTS = (Want.TARGET, Want.LIST, Want.OUTCOME, Want.QUESTION)


def _place(item: Question | Outcome) -> _Place:
    """A question or outcome as completion ranks it, kept with its block."""
    place = item.derived.get("completion")
    if place is None:
        outcome = isinstance(item, Outcome)
        detail = item.label.value if isinstance(item, Outcome) else item.text.value
        ident = item.id
        place = _Place(ident.value, ident.line, outcome, detail, ident.value.casefold())
        item.derived["completion"] = place
    return place  # type: ignore[return-value]


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


class Candidates:
    """The completions of one version of a tree, its ids gathered on first use."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def complete(self, spot: Spot) -> Completions:
        """The candidates for a spot, the most likely first."""
        if spot.want in _ID_WANTS:
            return self._id_candidates(spot)
        return Completions(spot, self._other_candidates(spot), True)

    @cached_property
    def _places(self) -> dict[Want, list[_Place]]:
        """The ids each kind of spot may take, in the order of the file."""
        tree = self.tree
        questions = [_place(question) for question in tree.questions]
        outcomes = [
            _place(outcome) for outcome in tree.outcomes if not outcome.implicit
        ]
        outcomes.sort(key=lambda place: place.line)
        both = sorted(questions + outcomes, key=lambda place: place.line)
        return {
            Want.TARGET: both,
            Want.LIST: outcomes,
            Want.OUTCOME: outcomes,
            Want.QUESTION: questions,
        }

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
