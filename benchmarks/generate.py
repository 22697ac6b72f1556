"""Benchmark inputs: large, valid decision trees made from a seed.

This stands outside the product's flow: it writes `.dag` files that the
benchmark runner (`run.py`) feeds to `dag-lsp`. A tree of N questions has
long hints with em-dashes, answers that share targets (several answers lead
to the same question or outcome), one outcome per four questions with a
color, a description and a code, a few `when:` conditions and a routes
section. Answers only lead forward (to a later question or an outcome) and
every question's first answer leads to the next one, so the tree has no
cycle and everything is reachable from the entry.

    python benchmarks/generate.py                 # all sizes, default folder
    python benchmarks/generate.py --sizes 100 --out /tmp/trees
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

SIZES = (100, 1_000, 5_000, 20_000)
SEED = 20_240_611
DEFAULT_FOLDER = Path(__file__).resolve().parent / "generated"

_SUBJECTS = (
    "the greenhouse",
    "the seedlings",
    "the compost heap",
    "the irrigation line",
    "the soil",
    "the orchard",
    "the raised bed",
    "the rain barrel",
    "the tomato vines",
    "the herb spiral",
    "the cold frame",
    "the hedge",
)
_VERBS = (
    "need",
    "tolerate",
    "benefit from",
    "suffer under",
    "call for",
    "survive",
    "depend on",
    "recover after",
    "show signs of",
    "respond to",
)
_OBJECTS = (
    "more shade",
    "a deeper watering",
    "a frost cover",
    "fresh mulch",
    "a nitrogen feed",
    "a lighter pruning",
    "better drainage",
    "a wind break",
    "an early harvest",
    "a second sowing",
    "a pest barrier",
    "less handling",
)
_CLAUSES = (
    "check the leaves at dawn, when the signs are clearest",
    "a wet spring changes the answer more than most people expect",
    "look at the roots before blaming the weather",
    "the same symptom can come from too much water or too little",
    "older plants forgive mistakes that young ones do not",
    "write down what you see so the next season starts from facts",
    "a soil test costs less than a lost crop",
    "ask a neighbour who grows the same variety on similar ground",
    "slow changes are safer than sudden ones in the middle of summer",
    "if in doubt, wait a week and look again before acting",
)
_ASIDES = (
    "especially on clay",
    "even in a mild year",
    "above all in pots",
    "whatever the label says",
    "as long as nights stay cold",
    "unless the bed faces north",
    "for most common varieties",
)
_LABELS = (
    "Clearly",
    "Partly",
    "Not at all",
    "Only after rain",
    "Mostly in the morning",
    "Hard to tell",
    "On the older plants",
    "Only in pots",
    "Since last week",
)
_OUTCOME_WORDS = (
    "MULCH",
    "PRUNE",
    "WATER",
    "FEED",
    "SHADE",
    "WAIT",
    "MOVE",
    "DRAIN",
    "COVER",
    "HARVEST",
    "SOW",
    "TEST",
)
_COLORS = ("#22c55e", "#3b82f6", "#f59e0b", "#ef4444", "#a855f7", "#14b8a6", "#888")


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: its label, its name (for `when:` and routes), its target."""

    label: str
    name: str
    target: str


def generate(questions: int, seed: int = SEED) -> str:
    """The text of a valid tree of `questions` questions (at least 4)."""
    if questions < 4:
        raise ValueError(
            f"a benchmark tree needs at least 4 questions, not {questions}"
        )

    rng = random.Random(f"{seed}:{questions}")
    outcomes = [_outcome_id(rng, k) for k in range((questions + 3) // 4)]
    answers = [_answers(rng, i, questions, outcomes) for i in range(1, questions + 1)]

    parts = [_header(questions)]
    parts += [_question(rng, i, answers) for i in range(1, questions + 1)]
    parts += [_outcome(rng, id_) for id_ in outcomes]
    parts.append(_routes(rng, answers))
    return "\n".join(parts)


def _header(questions: int) -> str:
    return (
        f"# A generated tree of {questions} questions for the benchmarks.\n"
        "dag: What should the garden get this week?\n"
        "version: 1.0.0\n"
        "description: A long garden check-up — generated, not written by hand.\n"
        "tags: garden, benchmark\n"
        "locale: en\n"
        "entry: Q1\n"
    )


def _outcome_id(rng: random.Random, k: int) -> str:
    return f"{rng.choice(_OUTCOME_WORDS)}_{k + 1}"


def _answers(
    rng: random.Random, i: int, total: int, outcomes: list[str]
) -> list[Answer]:
    """Question `i`'s answers: on to the next question, to its outcome, maybe more.

    Outcome `k` is the second answer's target of questions 4k+1 to 4k+4, and
    the extra answers pick a later question or any outcome: shared targets.
    """
    shared = f"[{outcomes[(i - 1) // 4]}]"
    first = f"Q{i + 1}" if i < total else f"[{rng.choice(outcomes)}]"
    targets = [first, shared]
    for _ in range(rng.choice((0, 0, 1, 2))):
        targets.append(_extra_target(rng, i, total, outcomes))

    if len(targets) == 2 and rng.random() < 0.5:
        return [Answer("yes", "yes", targets[0]), Answer("no", "no", targets[1])]
    labels = rng.sample(_LABELS, len(targets))
    keys = "ABCD"
    return [
        Answer(f"{keys[n]}: {label}", keys[n], target)
        for n, (label, target) in enumerate(zip(labels, targets, strict=True))
    ]


def _extra_target(rng: random.Random, i: int, total: int, outcomes: list[str]) -> str:
    if i + 2 <= total and rng.random() < 0.6:
        return f"Q{rng.randint(i + 2, min(total, i + 60))}"
    return f"[{rng.choice(outcomes)}]"


def _question(rng: random.Random, i: int, answers: list[list[Answer]]) -> str:
    subject, verb, thing = (
        rng.choice(words) for words in (_SUBJECTS, _VERBS, _OBJECTS)
    )
    lines = [f"Q{i}: Does {subject} {verb} {thing} — step {i}?"]
    if i % 3 == 0:
        lines.insert(0, f"# Step {i} of the check-up")
    lines.append(f"  hint: {_prose(rng, 3, 7)}")
    if i > 2 and i % 20 == 0:
        lines.append(f"  when: Q{i - 1}={answers[i - 2][0].name}")

    own = answers[i - 1]
    width = max(len(a.label) for a in own)
    aligned = width <= 8
    lines += [
        f"  {a.label.ljust(width) if aligned else a.label} -> {a.target}" for a in own
    ]
    return "\n".join(lines) + "\n"


def _prose(rng: random.Random, least: int, most: int) -> str:
    """A few sentences joined by em-dashes and full stops."""
    sentences = []
    for _ in range(rng.randint(least, most)):
        clause = rng.choice(_CLAUSES)
        aside = rng.choice(_ASIDES)
        sentences.append(f"{clause[0].upper()}{clause[1:]} — {aside}.")
    return " ".join(sentences)


def _outcome(rng: random.Random, id_: str) -> str:
    verb, thing = rng.choice(_VERBS), rng.choice(_OBJECTS)
    return (
        f"[{id_}]: Plan for plants that {verb} {thing}\n"
        f"  color: {rng.choice(_COLORS)}\n"
        f"  description: {_prose(rng, 2, 5)}\n"
        f"  code: GARDEN_{id_}\n"
    )


def _routes(rng: random.Random, answers: list[list[Answer]]) -> str:
    """Three routes from the entry, each following answers until an outcome."""
    lines = ["routes:"]
    for n in range(1, 4):
        steps, outcome = _walk(rng, answers, stop=0.5 if n < 3 else 0.1)
        lines.append(f"  path-{n}: {', '.join(steps)} -> {outcome}")
    return "\n".join(lines) + "\n"


def _walk(
    rng: random.Random, answers: list[list[Answer]], stop: float
) -> tuple[list[str], str]:
    """Steps from Q1 to an outcome, leaving the chain with chance `stop`."""
    steps: list[str] = []
    question = 1
    while True:
        own = answers[question - 1]
        answer = own[0] if rng.random() >= stop else rng.choice(own)
        steps.append(f"Q{question}={answer.name}")
        if answer.target.startswith("[") or len(steps) >= 40:
            break
        question = int(answer.target[1:])

    last = answers[question - 1]
    final = next(a for a in last if a.target.startswith("["))
    steps[-1] = f"Q{question}={final.name}"
    return steps, final.target


def write(questions: int, folder: Path, seed: int = SEED) -> Path:
    """Write the tree of `questions` questions into `folder`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"tree-{questions}.dag"
    path.write_text(generate(questions, seed), encoding="utf-8", newline="\n")
    return path


def main() -> None:
    """Write the trees named on the command line (all sizes by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--out", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for size in args.sizes:
        path = write(size, args.out, args.seed)
        print(f"{path} ({path.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
