"""Emacs: a real batch Emacs with Eglot attached to `dag-lsp`, end to end.

The far end of the flow as an Emacs user meets it: `emacs_driver.el` loads
editors/emacs/dag-mode.el (the set-up docs/editors.md shows), opens a
broken tree, starts Eglot, reads the diagnostic from Flymake, jumps to an
outcome's definition as M-. does, and formats a messy tree; before that it
comments lines of a good tree with M-; and the other comment commands. It
writes what it saw to a JSON file that these tests check.

These run where an Emacs with Eglot is installed (Emacs 29+, or Emacs 28
with Debian's elpa-eglot); elsewhere they are skipped saying so.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from editors.trees import BROKEN, GOOD, MESSY_FORMATTED, lay_out_project, place

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "editors" / "emacs" / "dag-mode.el"
DRIVER = Path(__file__).with_name("emacs_driver.el")

REFERENCE = place(BROKEN, "ROOIBOS")  # inside `yes -> [ROOIBOS]`
DEFINITION = place(BROKEN, "ROOIBOS]:")  # the id in `[ROOIBOS]: Rooibos, ...`
UNDEFINED = place(BROKEN, "Q7")


@cache
def emacs_with_eglot() -> str | None:
    """The path of an Emacs that can load Eglot, or None."""
    emacs = shutil.which("emacs")
    if emacs is None:
        return None
    probe = [emacs, "--batch", "--eval", "(require 'eglot)"]
    done = subprocess.run(probe, capture_output=True, timeout=60)
    return emacs if done.returncode == 0 else None


pytestmark = pytest.mark.skipif(
    emacs_with_eglot() is None,
    reason="no emacs with eglot: install Debian's emacs-nox and elpa-eglot "
    "(or any Emacs 29+)",
)


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    emacs = emacs_with_eglot()
    assert emacs is not None
    tmp = tmp_path_factory.mktemp("emacs")
    project = lay_out_project(tmp)
    (project / "good.dag").write_text(GOOD, encoding="utf-8")
    out = tmp / "results.json"
    env = {
        **os.environ,
        "HOME": str(tmp),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DAG_TEST_SETUP": str(SETUP),
        "DAG_TEST_BROKEN": "broken.dag",
        "DAG_TEST_MESSY": "messy.dag",
        "DAG_TEST_GOOD": "good.dag",
        "DAG_TEST_REF_LINE": str(REFERENCE.line),
        "DAG_TEST_REF_COLUMN": str(REFERENCE.column),
        "DAG_TEST_OUT": str(out),
    }

    done = subprocess.run(
        [emacs, "--batch", "-l", str(DRIVER)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert out.exists(), f"the driver wrote no results\n{done.stderr}"
    results: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    results["log"] = done.stdout + done.stderr
    return results


def test_dag_files_open_in_dag_mode_managed_by_eglot(seen: dict[str, Any]) -> None:
    assert seen.get("mode") == "dag-mode", seen
    assert seen.get("managed") is True, seen


def test_an_undefined_target_is_reported_at_its_exact_position(
    seen: dict[str, Any],
) -> None:
    start = {"line": UNDEFINED.line, "column": UNDEFINED.column}
    end = {"line": UNDEFINED.line, "column": UNDEFINED.column + len("Q7")}

    [diagnostic] = seen.get("diagnostics", [None])
    assert diagnostic is not None, seen
    assert (diagnostic["start"], diagnostic["end"]) == (start, end), seen
    assert diagnostic["type"] == "eglot-error", seen
    # How Eglot words a diagnostic varies by version; the code and message stay.
    assert "DAG002" in diagnostic["text"], seen
    assert "the question 'Q7' is not defined" in diagnostic["text"], seen


def test_go_to_definition_of_an_outcome_lands_on_its_block(
    seen: dict[str, Any],
) -> None:
    expected = {"line": DEFINITION.line, "column": DEFINITION.column}

    assert seen.get("definition") == expected, seen


def test_formatting_gives_the_canonical_layout(seen: dict[str, Any]) -> None:
    assert seen.get("formatted") == MESSY_FORMATTED, seen


def good_with(line: int, text: str) -> str:
    """GOOD with its 0-based `line` replaced by `text`."""
    lines = GOOD.splitlines(keepends=True)
    lines[line] = text + "\n"
    return "".join(lines)


# A .dag comment is a whole line: `#` as its first non-blank character
# (docs/language.md). M-; must never add one at the end of a line.
def test_m_semicolon_comments_the_whole_answer_line(seen: dict[str, Any]) -> None:
    assert seen.get("comment-key") == "dag-comment-dwim", seen
    assert GOOD.splitlines()[6] == "  yes -> Q2"

    assert seen.get("comment-answer") == good_with(6, "  # yes -> Q2"), seen


def test_m_semicolon_leaves_a_hash_inside_a_value_alone(seen: dict[str, Any]) -> None:
    assert GOOD.splitlines()[14] == "  color: #7c2d12"

    assert seen.get("comment-value") == good_with(14, "  # color: #7c2d12"), seen


def test_m_semicolon_comments_every_line_a_region_touches(
    seen: dict[str, Any],
) -> None:
    expected = good_with(6, "  # yes -> Q2").replace(
        "  no  -> [BLACK]\n", "  # no  -> [BLACK]\n", 1
    )

    assert seen.get("comment-region") == expected, seen


def test_m_semicolon_on_a_blank_line_starts_a_comment(seen: dict[str, Any]) -> None:
    assert seen.get("comment-blank") == good_with(4, "# note"), seen


def test_the_other_comment_commands_comment_whole_lines(
    seen: dict[str, Any],
) -> None:
    """M-x comment-indent, C-x C-; (comment-line) and M-x comment-region."""
    answer = good_with(6, "  # yes -> Q2")
    region = answer.replace("  no  -> [BLACK]\n", "  # no  -> [BLACK]\n", 1)

    assert seen.get("comment-indent") == answer, seen
    assert seen.get("comment-line") == answer, seen
    assert seen.get("comment-region-command") == region, seen


def test_m_semicolon_uncomments_a_comment_line(seen: dict[str, Any]) -> None:
    assert GOOD.splitlines()[0] == "# Which tea suits this afternoon?"

    assert seen.get("uncomment-header") == good_with(
        0, "Which tea suits this afternoon?"
    ), seen


def test_quotes_and_hashes_in_values_are_plain_text(seen: dict[str, Any]) -> None:
    """A lone `"` starts no string; a `#` inside a value starts no comment."""
    faces = seen.get("faces", {})

    assert faces.get("answer") == "nil", seen
    assert faces.get("comment") == "font-lock-comment-face", seen
    assert "comment" not in faces.get("colour", "comment"), seen
