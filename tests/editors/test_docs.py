"""The set-ups that docs/editors.md and docs/ci.md show are the tested ones.

The far end of the flow for a reader is a block copied from the docs. Each
Neovim block must be one of editors/nvim/setup/ (run by test_neovim.py),
the Emacs block part of editors/emacs/dag-mode.el (run by test_emacs.py),
and the Helix and Sublime Text blocks parts of their files under editors/,
which are parsed here: neither editor is in the package registries the
test machine reaches (Debian's, PyPI, npm), so neither is run. The
CI example's output must be what `dag-lsp` prints for the example tree.
"""

from __future__ import annotations

import json
import plistlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from editors.markdown import ROOT, block_with, blocks

# Python 3.10 has no tomllib; mypy, a test dependency, brings tomli there.
tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")

EDITORS = ROOT / "editors"
DAG_LSP = Path(sys.executable).parent / "dag-lsp"


def test_every_neovim_block_is_a_tested_setup_file() -> None:
    files = {path.read_text(encoding="utf-8") for path in EDITORS.glob("nvim/setup/*")}
    shown = {block.text for block in blocks("editors.md", "lua")}

    assert shown == files


def test_the_emacs_block_is_part_of_the_tested_file() -> None:
    mode = block_with("editors.md", "elisp", "define-derived-mode").text
    source = (EDITORS / "emacs" / "dag-mode.el").read_text(encoding="utf-8")

    assert mode in source
    assert "(add-to-list 'eglot-server-programs '(dag-mode . (\"dag-lsp\")))" in mode


def test_the_helix_block_is_the_helix_file_and_configures_the_server() -> None:
    shown = block_with("editors.md", "toml", "[language-server.dag-lsp]").text
    source = (EDITORS / "helix" / "languages.toml").read_text(encoding="utf-8")
    config = tomllib.loads(source)

    assert shown in source
    assert config["language-server"]["dag-lsp"] == {"command": "dag-lsp"}
    [language] = config["language"]
    assert language["file-types"] == ["dag"]
    assert language["language-servers"] == ["dag-lsp"]


def test_every_toml_block_parses() -> None:
    for block in blocks("editors.md", "toml"):
        assert tomllib.loads(block.text), block.text


def test_the_zed_extension_builds_a_webassembly_library() -> None:
    cargo = tomllib.loads(block_with("editors.md", "toml", "[lib]").text)

    assert cargo["lib"]["crate-type"] == ["cdylib"]
    assert "zed_extension_api" in cargo["dependencies"]


def without_line_comments(text: str) -> str:
    """Sublime Text's JSON with its `//` comment lines removed."""
    return "".join(
        line
        for line in text.splitlines(keepends=True)
        if not line.lstrip().startswith("//")
    )


def sublime_syntax() -> dict[str, Any]:
    text = (EDITORS / "sublime" / "DAG.sublime-syntax").read_text(encoding="utf-8")
    syntax: dict[str, Any] = yaml.safe_load(text)
    return syntax


def test_the_sublime_client_selects_the_sublime_syntax() -> None:
    shown = block_with("editors.md", "json", '"clients"').text
    source = (EDITORS / "sublime" / "LSP.sublime-settings").read_text(encoding="utf-8")
    client = json.loads(without_line_comments(source))["clients"]["dag-lsp"]

    assert shown in source
    assert client["command"] == ["dag-lsp"]
    assert client["selector"] == sublime_syntax()["scope"] == "source.dag"


def test_the_sublime_syntax_reads_dag_files_and_its_patterns_compile() -> None:
    syntax = sublime_syntax()
    patterns = [rule["match"] for rule in syntax["contexts"]["main"]]

    assert syntax["file_extensions"] == ["dag"]
    for pattern in patterns:
        re.compile(pattern)
    comment = re.compile(patterns[0])
    assert comment.match("  # a comment")
    assert not comment.match("  color: #22c55e")


def test_the_sublime_comment_settings_use_a_hash() -> None:
    path = EDITORS / "sublime" / "Comments.tmPreferences"
    preferences = plistlib.loads(path.read_bytes())

    assert preferences["scope"] == "source.dag"
    assert preferences["settings"]["shellVariables"] == [
        {"name": "TM_COMMENT_START", "value": "# "}
    ]


def test_the_workflow_checks_with_github_annotations() -> None:
    workflow = yaml.safe_load(block_with("ci.md", "yaml", "actions/checkout").text)
    runs = [step.get("run") for step in workflow["jobs"]["dag-lsp"]["steps"]]

    assert "dag-lsp --check --output-format github ." in runs
    assert "dag-lsp --format --check ." in runs


def test_the_workflow_checks_the_layout_after_a_failed_check() -> None:
    """Without an `if:` a step is skipped once one before it failed."""
    workflow = yaml.safe_load(block_with("ci.md", "yaml", "actions/checkout").text)
    steps = {step.get("name"): step for step in workflow["jobs"]["dag-lsp"]["steps"]}

    assert steps["Install dag-lsp"]["id"] == "install"
    assert steps["Check the trees"].get("if") is None
    assert steps["Check the layout"]["if"] == (
        "${{ !cancelled() && steps.install.outcome == 'success' }}"
    )


def test_the_workflow_installs_dag_lsp_at_a_commit_not_a_tag() -> None:
    """dag-lsp's repository has no tags: the docs name a commit to fill in."""
    workflow = yaml.safe_load(block_with("ci.md", "yaml", "actions/checkout").text)
    steps = {step.get("name"): step for step in workflow["jobs"]["dag-lsp"]["steps"]}

    assert steps["Install dag-lsp"]["run"].endswith('/OWNER/dag-lsp@COMMIT"')
    assert "v0.1.0" not in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def test_the_github_output_shown_is_what_dag_lsp_prints(tmp_path: Path) -> None:
    tree = blocks("ci.md", "dag")[0].text
    shown = block_with("ci.md", "text", "::error").text
    (tmp_path / "trees").mkdir()
    (tmp_path / "trees" / "tea.dag").write_text(tree, encoding="utf-8")

    done = subprocess.run(
        [str(DAG_LSP), "--check", "--output-format", "github", "trees"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )

    assert done.returncode == 1, done.stderr
    assert done.stdout == shown
