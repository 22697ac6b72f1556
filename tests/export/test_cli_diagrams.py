"""`dag-lsp --export mermaid|dot PATH`, as typed, read by the real tools.

The `dag-lsp` console script runs on files written to disk, as a user
would run it, and what it prints is handed to the tools that draw it:
Mermaid's own parser (`check.mjs` in the npm project beside this file,
as in test_diagrams.py), which must find every box and arrow of the tree
(its title is in YAML front matter, which Mermaid only reads when it
draws, so a YAML parser reads it here), and Graphviz's `dot`, which must
draw it as SVG with no warning and read it as JSON with every box, arrow
and the title.
A Windows copy of one tree (byte-order mark, CRLF endings) must give the
same diagram. Each group is skipped only when its tool is not installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from dag_lsp.export import export_text

from .test_diagrams import (
    NODE,
    TREES,
    dot_reads,
    dot_text,
    expected,
    flat,
    mermaid_understands,
    needs_dot,
    needs_mermaid,
)
from .trees import BIKE

DAG_LSP = Path(sys.executable).with_name("dag-lsp")

# Each case: the bytes of the file, and the tree its diagram must show.
CASES: dict[str, tuple[bytes, str]] = {
    name: (text.encode("utf-8"), text) for name, text in TREES.items()
}
CASES["bike-windows"] = (b"\xef\xbb\xbf" + BIKE.replace("\n", "\r\n").encode(), BIKE)


def exported(folder: Path, name: str, output_format: str) -> str:
    """What `dag-lsp --export FORMAT PATH` prints for a case's file."""
    path = folder / f"{name}.dag"
    path.write_bytes(CASES[name][0])
    done = subprocess.run(
        [str(DAG_LSP), "--export", output_format, str(path)],
        capture_output=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, b""), done.stderr.decode()
    return done.stdout.decode("utf-8")


def title(name: str) -> str:
    """The title of a case's tree, as its JSON export gives it."""
    return str(json.loads(export_text(CASES[name][1], "json"))["meta"]["title"])


# ---------------------------------------------------------------- Mermaid


@pytest.fixture(scope="module")
def mermaid_read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What Mermaid understood of each case's CLI export (one run of node)."""
    assert NODE is not None
    folder = tmp_path_factory.mktemp("mermaid")
    diagrams = {name: exported(folder, name, "mermaid") for name in CASES}
    return mermaid_understands(diagrams)


@needs_mermaid
@pytest.mark.parametrize("name", CASES)
def test_mermaid_parses_what_the_command_prints(
    name: str, mermaid_read: dict[str, Any]
) -> None:
    read = mermaid_read[name]

    assert "error" not in read, read
    texts = {v["id"]: flat(v["text"]) for v in read["vertices"]}
    arrows = [
        (texts[e["start"]], texts[e["end"]], flat(e["text"])) for e in read["edges"]
    ]
    assert read["type"] == "flowchart-v2"
    assert (sorted(texts.values()), sorted(arrows)) == expected(CASES[name][1])


@pytest.mark.parametrize("name", CASES)
def test_the_mermaid_front_matter_is_yaml_holding_the_title(
    name: str, tmp_path: Path
) -> None:
    printed = exported(tmp_path, name, "mermaid")

    before, front, diagram = printed.split("---\n", 2)
    assert before == ""
    assert yaml.safe_load(front) == {"title": title(name)}
    assert diagram.startswith("flowchart TD\n")


# ---------------------------------------------------------------- Graphviz


@needs_dot
@pytest.mark.parametrize("name", CASES)
def test_dot_draws_what_the_command_prints_without_a_warning(
    name: str, tmp_path: Path
) -> None:
    printed = exported(tmp_path, name, "dot")

    done = subprocess.run(
        ["dot", "-Tsvg"], input=printed.encode(), capture_output=True, timeout=120
    )

    assert (done.returncode, done.stderr.decode()) == (0, "")
    assert done.stdout.startswith(b"<?xml") and done.stdout.rstrip().endswith(b"</svg>")


@needs_dot
@pytest.mark.parametrize("name", CASES)
def test_dot_reads_every_box_and_arrow_the_command_prints(
    name: str, tmp_path: Path
) -> None:
    read = dot_reads(exported(tmp_path, name, "dot"))

    texts = [flat(dot_text(o["label"])) for o in read["objects"]]
    arrows = [
        (texts[e["tail"]], texts[e["head"]], flat(dot_text(e.get("label", ""))))
        for e in read["edges"]
    ]
    assert dot_text(read["label"]) == title(name)
    assert (sorted(texts), sorted(arrows)) == expected(CASES[name][1])
