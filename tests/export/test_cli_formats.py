"""The formats `dag-lsp --help` offers for `--export` are the exporters'.

The command line writes its list of formats out by hand, so that building
its parser does not import the exporters; this test reads the list a user
sees in `dag-lsp --help`, checks it names every exporter and nothing else,
and runs each listed format on a small tree file, which must print exactly
what that exporter writes.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from dag_lsp.export import FORMATS, export_text

from .helpers import write
from .trees import DIAMOND

DAG_LSP = Path(sys.executable).with_name("dag-lsp")


def typed(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run the `dag-lsp` console script as a user types it."""
    return subprocess.run([str(DAG_LSP), *args], capture_output=True, timeout=120)


def listed_formats() -> list[str]:
    """The choices `dag-lsp --help` shows for `--export`."""
    done = typed("--help")
    assert done.returncode == 0, done.stderr.decode()
    usage: list[str] = re.findall(r"--export \{([^}]*)\}", done.stdout.decode())
    assert len(usage) == 2, done.stdout.decode()  # the usage line and the option
    assert usage[0] == usage[1]
    return usage[0].split(",")


def test_help_lists_every_export_format_and_no_other() -> None:
    listed = listed_formats()

    assert sorted(listed) == sorted(FORMATS)
    assert len(listed) == len(set(listed))


def test_each_listed_format_prints_what_its_exporter_writes(tmp_path: Path) -> None:
    tree = write(tmp_path, "meeting.dag", DIAMOND)

    listed = listed_formats()
    runs = {name: typed("--export", name, tree) for name in listed}

    printed = {
        name: (done.returncode, done.stderr.decode(), done.stdout.decode())
        for name, done in runs.items()
    }
    assert printed == {name: (0, "", export_text(DIAMOND, name)) for name in listed}
