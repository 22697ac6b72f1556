"""The Mermaid and DOT exports, read back by the tools that draw them.

Mermaid's own parser (the `mermaid` npm package under jsdom, in the small
npm project beside this file: `npm ci` there installs it) and Graphviz's
`dot` (Debian's `graphviz` package) read each export; the tests compare
the boxes, arrows and texts they understood with the tree's. Each group of
tests is skipped only when its tool is not installed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from dag_lsp.export import export_text
from dag_lsp.export.diagram import fill, ink, wrap
from dag_lsp.export.mermaid import label

from .trees import BIKE, DIAMOND, HOSTING, OLDER, lines

MERMAID = Path(__file__).with_name("mermaid")
NODE = shutil.which("node")
needs_mermaid = pytest.mark.skipif(
    NODE is None or not (MERMAID / "node_modules" / "mermaid").is_dir(),
    reason="Mermaid's parser is not installed: run `npm ci` in tests/export/mermaid",
)
needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None,
    reason="Graphviz is not installed: `apt-get install graphviz` gives `dot`",
)

# A tree whose ids and texts could break a diagram: a Mermaid keyword as
# an id, ids that differ only by `-` and `_`, entities, quotes, brackets,
# backslashes, and a target that is not defined.
AWKWARD = lines(
    'dag: Edge cases: "quotes", #hash, <tags> & `ticks` \\ back',
    "entry: end",
    "",
    'end: Is "end" a keyword? [x] (y) {z} #35; &amp; a|b \\n no newline',
    "  A-1: 😀 emoji -> SELF-K8S",
    "  B: ends here -> [SELF_K8S]",
    "  C: nowhere -> [MISSING]",
    "",
    "SELF-K8S: Run it yourself on Kubernetes — really?",
    "  yes -> [SELF_K8S]",
    "  no  -> [o]",
    "",
    '[SELF_K8S]: Self-hosted "k8s"',
    "  color: #000",
    "",
    "[o]: -",
    "  color: not-a-color",
)
# Characters Mermaid's reader takes for the end of a line, each followed by
# `%%`, which at the start of a line opens a comment.
BREAKS = lines(
    "dag: Breaks\u2028in the title",
    "entry: Q1",
    "",
    "Q1: A line\u2028%% separator?",
    "  y\u2029%% es -> [A]",
    "  no -> [A]",
    "",
    "[A]: Next\x85%% line",
)
TREES = {
    "bike": BIKE,
    "breaks": BREAKS,
    "hosting": HOSTING,
    "diamond": DIAMOND,
    "older": OLDER,
    "awkward": AWKWARD,
}


def flat(text: str) -> str:
    """Text with its runs of blanks as single spaces, as wrapping leaves it."""
    return " ".join(text.split())


def box_texts(model: dict[str, Any]) -> dict[str, str]:
    """The text of each box of a tree's diagram, by id, not defined ones too."""
    boxes = {q["id"]: f"{q['id']}: {q['text']}" for q in model["questions"]}
    boxes.update({o["id"]: o["label"] for o in model["outcomes"]})
    for question in model["questions"]:
        for answer in question["answers"]:
            for target in targets(answer):
                boxes.setdefault(target, f"{target} (not defined)")
    return {key: flat(value) for key, value in boxes.items()}


def targets(answer: dict[str, Any]) -> list[str]:
    return answer.get("outcomes") or [answer.get("next") or answer["outcome"]]


def expected(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The texts of a tree's boxes and its arrows as (from, to, label) texts."""
    model = json.loads(export_text(text, "json"))
    boxes = box_texts(model)
    arrows = [
        (boxes[question["id"]], boxes[target], flat(answer["label"]))
        for question in model["questions"]
        for answer in question["answers"]
        for target in targets(answer)
    ]
    if model["meta"]["mode"] == "elimination":
        order = [boxes[q["id"]] for q in model["questions"]]
        arrows += [(a, b, "") for a, b in pairwise(order)]
    return sorted(boxes.values()), sorted(arrows)


# ---------------------------------------------------------------- helpers


def test_wrapping_keeps_words_whole() -> None:
    assert wrap("a " * 30, 10) == ("a a a a a",) * 6
    assert wrap("x" * 50, 10) == ("x" * 50,)
    assert wrap("") == ("",)


def test_colors_are_normalized_and_get_readable_ink() -> None:
    assert fill("#ABC") == "#aabbcc"
    assert fill("#22c55e") == "#22c55e"
    assert fill("green") is None
    assert fill("#12345") is None
    assert ink("#000000") == "#ffffff"
    assert ink("#ffff00") == "#000000"


def test_mermaid_labels_use_entities() -> None:
    assert label(('say "hi" #1 <b> & a|b `x`',)) == (
        '"say #quot;hi#quot; #35;1 #lt;b#gt; #amp; a#124;b #96;x#96;"'
    )
    assert label(("one", "two — 🎉")) == '"one<br>two — 🎉"'


def test_the_mermaid_title_is_a_quoted_front_matter_string() -> None:
    head = export_text(AWKWARD, "mermaid").splitlines()[:4]

    assert head[0] == head[2] == "---"
    assert head[3] == "flowchart TD"
    assert json.loads(head[1].removeprefix("title: ")) == (
        'Edge cases: "quotes", #hash, <tags> & `ticks` \\ back'
    )


def test_mermaid_ids_are_safe_and_distinct() -> None:
    text = export_text(AWKWARD, "mermaid")

    assert 'q_end["end: Is' in text
    assert "q_SELF_K8S[" in text
    assert "r_SELF_K8S([" in text
    assert "u_MISSING{{" in text
    assert "r_o([" in text
    assert "style r_SELF_K8S fill:#000000,stroke:#000000,color:#ffffff" in text
    assert "style r_o" not in text


def test_dot_quotes_and_escapes() -> None:
    text = export_text(AWKWARD, "dot")

    assert text.startswith(
        'digraph "Edge cases: \\"quotes\\", #hash, <tags> & `ticks` \\\\ back" {'
    )
    assert '"end" -> "SELF-K8S" [label="A-1: 😀 emoji"];' in text
    assert '"MISSING" [label="MISSING (not defined)", shape="hexagon"' in text


# ---------------------------------------------------------------- Mermaid


@pytest.fixture(scope="module")
def mermaid_read() -> dict[str, Any]:
    """What Mermaid understood of each example's export (one run of node)."""
    assert NODE is not None
    diagrams = {name: export_text(text, "mermaid") for name, text in TREES.items()}
    diagrams["broken"] = 'flowchart TD\n    a["x" -->\n'
    return mermaid_understands(diagrams)


def mermaid_understands(diagrams: dict[str, str]) -> dict[str, Any]:
    """What Mermaid's parser understood of each diagram, by name."""
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(MERMAID / "check.mjs")],
        input=json.dumps(diagrams).encode("utf-8"),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@needs_mermaid
@pytest.mark.parametrize("name", TREES)
def test_mermaid_parses_the_export_with_every_box_and_arrow(
    name: str, mermaid_read: dict[str, Any]
) -> None:
    read = mermaid_read[name]

    texts = {v["id"]: flat(v["text"]) for v in read["vertices"]}
    arrows = [
        (texts[e["start"]], texts[e["end"]], flat(e["text"])) for e in read["edges"]
    ]
    assert read["type"] == "flowchart-v2"
    assert (sorted(texts.values()), sorted(arrows)) == expected(TREES[name])


@needs_mermaid
def test_mermaid_reads_awkward_labels_exactly(mermaid_read: dict[str, Any]) -> None:
    read = mermaid_read["awkward"]

    texts = {v["id"]: flat(v["text"]) for v in read["vertices"]}
    assert texts == {
        "q_end": 'end: Is "end" a keyword? [x] (y) {z} #35; &amp; a|b \\n no newline',
        "q_SELF_K8S": "SELF-K8S: Run it yourself on Kubernetes — really?",
        "r_SELF_K8S": 'Self-hosted "k8s"',
        "r_o": "-",
        "u_MISSING": "MISSING (not defined)",
    }
    assert [e["text"] for e in read["edges"]][:3] == [
        "A-1: 😀 emoji",
        "B: ends here",
        "C: nowhere",
    ]
    styled = {v["id"]: v["styles"] for v in read["vertices"] if v["styles"]}
    assert styled == {"r_SELF_K8S": ["fill:#000000", "stroke:#000000", "color:#ffffff"]}


@needs_mermaid
def test_elimination_arrows_are_dashed_and_questions_chained(
    mermaid_read: dict[str, Any],
) -> None:
    read = mermaid_read["hosting"]

    chain = [(e["start"], e["end"]) for e in read["edges"] if not e["text"]]
    assert chain == [("q_Q1", "q_Q2"), ("q_Q2", "q_Q3")]
    assert {e["stroke"] for e in read["edges"] if e["text"]} == {"dotted"}


@needs_mermaid
def test_the_mermaid_checker_reports_a_broken_diagram(
    mermaid_read: dict[str, Any],
) -> None:
    assert mermaid_read["broken"]["error"].startswith("Parse error on line")


# ---------------------------------------------------------------- Graphviz


def dot_reads(text: str) -> dict[str, Any]:
    done = subprocess.run(
        ["dot", "-Tjson"], input=text.encode("utf-8"), capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def dot_text(value: str) -> str:
    """A DOT label as drawn: `\\n` a line break, `\\\\` a backslash."""
    return re.sub(r"\\(.)", lambda m: " " if m[1] == "n" else m[1], value)


@needs_dot
@pytest.mark.parametrize("name", TREES)
def test_dot_parses_the_export_with_every_box_and_arrow(name: str) -> None:
    model = json.loads(export_text(TREES[name], "json"))

    read = dot_reads(export_text(TREES[name], "dot"))

    texts = [flat(dot_text(o["label"])) for o in read["objects"]]
    arrows = [
        (texts[e["tail"]], texts[e["head"]], flat(dot_text(e.get("label", ""))))
        for e in read["edges"]
    ]
    assert dot_text(read["label"]) == model["meta"]["title"]
    assert (sorted(texts), sorted(arrows)) == expected(TREES[name])


@needs_dot
def test_dot_fills_outcomes_with_their_colors() -> None:
    read = dot_reads(export_text(BIKE, "dot"))

    fills = {o["name"]: o.get("fillcolor") for o in read["objects"]}
    assert fills["ROAD"] == "#3b82f6"
    assert fills["CITY"] == "#eeeeee"
    assert fills["CARGO"] == "#f1f5f9"
    assert "fillcolor" not in [
        k for o in read["objects"] if o["name"] == "Q1" for k in o
    ]
