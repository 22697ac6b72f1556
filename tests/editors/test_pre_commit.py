"""pre-commit: the hooks of `.pre-commit-hooks.yaml`, run by the real tool.

The far end of the flow as a team meets it: `pre-commit` installs this
checkout into a hook environment (with pip) and runs `dag-lsp --check` /
`dag-lsp --format` on the files of a scratch git repository, as it would
before a commit.

What each hook does is tried as a hook author tries a hook repository:
`pre-commit try-repo <this checkout> <hook id> --files ...` in the scratch
repository. try-repo commits any changes of the checkout not yet committed
to a temporary clone itself, and installs the hook environment afresh in a
temporary store on every run (so each of those tests pays for one
install).

`pre-commit install` and the configurations of docs/ci.md need a
`.pre-commit-config.yaml` whose `rev` pins a commit, which try-repo does
not give: for those tests the working tree of this checkout (tracked
files, with any changes not yet committed) is committed to a scratch
clone, as try-repo does, once per module, and the configuration points at
that commit.

`scripts/test.sh` fills `.wheelhouse/` at the top of the checkout with the
wheels that install needs, and pip is then kept to it: the tests download
nothing. Without it (pytest run on its own), pip uses its package index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from editors.markdown import block_with
from editors.trees import BROKEN, GOOD, MESSY, MESSY_FORMATTED

ROOT = Path(__file__).resolve().parents[2]

IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


WHEELHOUSE = Path(__file__).resolve().parents[2] / ".wheelhouse"


def offline_pip() -> dict[str, str]:
    """Keep pip to the local wheelhouse, when `scripts/test.sh` made one."""
    if not WHEELHOUSE.is_dir():
        return {}
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(WHEELHOUSE)}


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` with a fixed identity; returns its standard output."""
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env={**os.environ, **IDENTITY},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def snapshot(root: Path, into: Path) -> str:
    """Commit the tracked files of `root`, as they are now, in a clone at `into`.

    The clone has no tags, as dag-lsp's repository has none yet.
    """
    git(root.parent, "clone", "--quiet", "--no-tags", str(root), str(into))

    for name in git(root, "ls-files", "-z").split("\0"):
        if not name:
            continue
        source, target = root / name, into / name
        if source.is_file():
            shutil.copy2(source, target)
        else:
            target.unlink(missing_ok=True)

    git(into, "add", "--all")
    git(into, "commit", "--quiet", "--allow-empty", "-m", "snapshot for the tests")
    return git(into, "rev-parse", "HEAD").strip()


@dataclass(frozen=True)
class Hooks:
    """Where pre-commit finds the hooks, and where it keeps their environments."""

    repo: Path
    rev: str
    home: Path


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> Hooks:
    base = tmp_path_factory.mktemp("pre-commit")
    repo = base / "dag-lsp"
    rev = snapshot(ROOT, repo)
    return Hooks(repo, rev, base / "home")


def pinned_config(hooks: Hooks) -> str:
    """A `.pre-commit-config.yaml` using both hooks of the snapshot."""
    return (
        "repos:\n"
        f"  - repo: {hooks.repo}\n"
        f"    rev: {hooks.rev}\n"
        "    hooks:\n"
        "      - id: dag-lsp-check\n"
        "      - id: dag-lsp-format\n"
    )


@dataclass(frozen=True)
class Run:
    """What one pre-commit command did."""

    status: int
    output: str


class Project:
    """A scratch git repository, with pre-commit's store kept at `home`."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.home = home
        git(path, "init", "--quiet")

    def configure(self, config: str) -> None:
        self.write(".pre-commit-config.yaml", config)

    def write(self, name: str, text: str) -> None:
        """Write a file (bytes as given, no newline translation) and stage it."""
        (self.path / name).write_bytes(text.encode())
        git(self.path, "add", name)

    def read(self, name: str) -> str:
        return (self.path / name).read_bytes().decode()

    def pre_commit(self, *args: str) -> Run:
        """Run the real pre-commit tool in this repository.

        The `dag-lsp` beside this Python is on the PATH, for local hooks.
        """
        env = {**os.environ, **IDENTITY, "PRE_COMMIT_HOME": str(self.home)}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
        env.update(offline_pip())
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
            cwd=self.path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return Run(done.returncode, done.stdout + done.stderr)

    def try_repo(self, hook: str, *files: str) -> Run:
        """`pre-commit try-repo` of one hook of this checkout, on some files."""
        return self.pre_commit("try-repo", str(ROOT), hook, "--files", *files)


@pytest.fixture
def scratch(tmp_path: Path) -> Project:
    """A scratch repository with no pre-commit configuration."""
    (tmp_path / "repo").mkdir()
    return Project(tmp_path / "repo", tmp_path / "home")


@pytest.fixture
def project(tmp_path: Path, hooks: Hooks) -> Project:
    """A scratch repository configured to use the hooks of the snapshot."""
    project = Project(tmp_path, hooks.home)
    project.configure(pinned_config(hooks))
    return project


def test_check_hook_fails_on_a_broken_tree_and_says_where(scratch: Project) -> None:
    scratch.write("good.dag", GOOD)
    scratch.write("broken.dag", BROKEN)

    run = scratch.try_repo("dag-lsp-check", "good.dag", "broken.dag")

    assert run.status == 1, run.output
    assert "broken.dag:10:18: error DAG002 the question 'Q7' is not defined" in (
        run.output
    )
    assert "good.dag:" not in run.output


def test_check_hook_passes_a_good_tree(scratch: Project) -> None:
    scratch.write("good.dag", GOOD)

    run = scratch.try_repo("dag-lsp-check", "good.dag")

    assert run.status == 0, run.output
    assert "check decision trees" in run.output
    assert "Passed" in run.output


def test_format_hook_rewrites_a_misformatted_file(scratch: Project) -> None:
    scratch.write("messy.dag", MESSY)
    scratch.write("good.dag", GOOD)

    run = scratch.try_repo("dag-lsp-format", "messy.dag", "good.dag")

    assert run.status == 1, run.output
    assert "files were modified by this hook" in run.output
    assert scratch.read("messy.dag") == MESSY_FORMATTED
    assert scratch.read("good.dag") == GOOD


def test_format_hook_leaves_a_formatted_file_alone(scratch: Project) -> None:
    scratch.write("good.dag", GOOD)

    run = scratch.try_repo("dag-lsp-format", "good.dag")

    assert run.status == 0, run.output
    assert scratch.read("good.dag") == GOOD


def test_format_hook_keeps_windows_line_endings(scratch: Project) -> None:
    scratch.write("messy.dag", MESSY.replace("\n", "\r\n"))

    scratch.try_repo("dag-lsp-format", "messy.dag")

    assert scratch.read("messy.dag") == MESSY_FORMATTED.replace("\n", "\r\n")


def test_installed_hook_refuses_a_commit_of_a_broken_tree(project: Project) -> None:
    assert project.pre_commit("install").status == 0
    project.write("broken.dag", BROKEN)

    refused = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "commit", "-m", "add a broken tree"],
        cwd=project.path,
        env={
            **os.environ,
            **IDENTITY,
            **offline_pip(),
            "PRE_COMMIT_HOME": str(project.home),
        },
        capture_output=True,
        text=True,
    )

    assert refused.returncode != 0
    assert "broken.dag:10:18: error DAG002" in refused.stdout + refused.stderr
    assert git(project.path, "rev-list", "--all") == ""


DOCUMENTED_URL = "https://github.com/OWNER/dag-lsp"


def test_the_documented_config_pins_a_commit_then_checks_and_formats(
    project: Project, hooks: Hooks
) -> None:
    """The config of docs/ci.md, pinned by the command it gives, as it says."""
    documented = block_with("ci.md", "yaml", f"repo: {DOCUMENTED_URL}").text
    pin = block_with("ci.md", "sh", "pre-commit autoupdate").text.split()
    assert pin[:2] == ["pre-commit", "autoupdate"]
    here = str(hooks.repo)
    project.configure(documented.replace(DOCUMENTED_URL, here))

    pinned = project.pre_commit(*[here if a == DOCUMENTED_URL else a for a in pin[1:]])

    assert pinned.status == 0, pinned.output
    config = yaml.safe_load(project.read(".pre-commit-config.yaml"))
    assert config["repos"][0]["rev"] == hooks.rev, pinned.output
    git(project.path, "add", ".pre-commit-config.yaml")
    project.write("broken.dag", BROKEN)
    project.write("messy.dag", MESSY)

    run = project.pre_commit("run", "--all-files")

    assert run.status == 1, run.output
    assert "broken.dag:10:18: error DAG002" in run.output
    assert project.read("messy.dag") == MESSY_FORMATTED


def test_the_documented_local_hooks_check_and_format(project: Project) -> None:
    project.configure(block_with("ci.md", "yaml", "repo: local").text)
    project.write("broken.dag", BROKEN)
    project.write("messy.dag", MESSY)

    run = project.pre_commit("run", "--all-files")

    assert run.status == 1, run.output
    assert "broken.dag:10:18: error DAG002" in run.output
    assert project.read("messy.dag") == MESSY_FORMATTED
