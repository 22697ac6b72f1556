"""The command line, run as a user runs it: a subprocess, real files, stdin.

`dag-lsp --check` and `dag-lsp --format` over files, folders and standard
input; output formats; exit statuses; files never half-written; and the
check path staying free of the language-server libraries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dag_lsp.cli import main

from .helpers import Run, dag_lsp, lines

CLEAN = lines(
    "dag: Should I water the garden?",
    "entry: Q1",
    "",
    "Q1: Did it rain today?",
    "  yes -> [SKIP]",
    "  no  -> [WATER]",
    "",
    "[SKIP]: Skip today",
    "",
    "[WATER]: Water in the evening",
)
ERROR = CLEAN.replace("  no  -> [WATER]", "  no  -> [WATR]")
WARNING = CLEAN.replace("entry: Q1", "entry: Q1\nauthor: Sam")
MESSY = CLEAN.replace("  yes -> [SKIP]", "     yes->[SKIP]").replace(
    "\n\n[WATER]", "\n[WATER]"
)
BROKEN = CLEAN.replace("  yes -> [SKIP]", "  yes => [SKIP]")


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(data)
    return path


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err
    assert "Traceback" not in run.out


# ---------------------------------------------------------------- --check


def test_check_a_clean_file(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", CLEAN)
    run = dag_lsp("--check", "garden.dag", cwd=tmp_path)

    assert (run.status, run.out) == (0, "")
    assert run.err == "no problems in 1 file\n"


def test_check_prints_one_finding_a_line(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", ERROR)
    run = dag_lsp("--check", "garden.dag", cwd=tmp_path)

    assert run.status == 1
    assert run.out.splitlines() == [
        "garden.dag:6:11: error DAG002 the outcome 'WATR' is not defined; "
        "did you mean 'WATER'?",
        "garden.dag:10:2: warning DAG003 the outcome 'WATER' cannot be reached "
        "from the entry",
    ]
    assert run.err == "1 error, 1 warning in 1 file\n"


def test_check_exits_0_when_nothing_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "warned.dag", WARNING)
    write(tmp_path, "noted.dag", CLEAN.split("\n[SKIP]")[0])
    run = dag_lsp("--check", "warned.dag", "noted.dag", cwd=tmp_path)

    assert run.status == 0
    assert "warning DAG013 unknown header key 'author'" in run.out
    assert "note DAG019" in run.out
    assert run.err == "1 warning, 2 notes in 2 files\n"


def test_check_a_folder_finds_dag_files_recursively(tmp_path: Path) -> None:
    write(tmp_path, "trees/b.dag", ERROR)
    write(tmp_path, "trees/deep/er/a.dag", CLEAN)
    write(tmp_path, "trees/notes.txt", "not a tree")
    write(tmp_path, "trees/deep/c.dag.bak", ERROR)
    run = dag_lsp("--check", "trees", cwd=tmp_path)

    assert run.status == 1
    assert {line.split(":")[0] for line in run.out.splitlines()} == {
        str(Path("trees/b.dag"))
    }
    assert run.err == "1 error, 1 warning in 1 of 2 files\n"


def test_a_folder_walk_passes_over_hidden_folders_and_packages(
    tmp_path: Path,
) -> None:
    write(tmp_path, "trees/a.dag", CLEAN)
    write(tmp_path, "trees/.venv/lib/b.dag", ERROR)
    write(tmp_path, "trees/node_modules/pkg/c.dag", ERROR)
    write(tmp_path, ".hidden/d.dag", ERROR)

    walked = dag_lsp("--check", "trees", cwd=tmp_path)
    named = dag_lsp("--check", ".hidden", cwd=tmp_path)

    assert (walked.status, walked.err) == (0, "no problems in 1 file\n")
    assert named.status == 1


def test_check_standard_input(tmp_path: Path) -> None:
    run = dag_lsp("--check", "-", stdin=ERROR, cwd=tmp_path)

    assert run.status == 1
    assert run.out.startswith("-:6:11: error DAG002 ")


def test_check_columns_count_characters(tmp_path: Path) -> None:
    text = CLEAN.replace("  yes -> [SKIP]", "  sí 🌧️ 雨 => [SKIP]")
    write(tmp_path, "rain.dag", text)
    run = dag_lsp("--check", "rain.dag", cwd=tmp_path)

    # s, í, space, 🌧, U+FE0F, space, 雨, space: '=>' is the 11th character
    assert run.out.startswith("rain.dag:5:11: error DAG001 '=>' is not an arrow")


def test_check_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    write(
        tmp_path,
        "latin1.dag",
        CLEAN.replace("today", "hoy, ma\xf1ana").encode("latin-1"),
    )
    run = dag_lsp("--check", "latin1.dag", cwd=tmp_path)

    assert run.status == 1
    assert run.out.startswith(
        "latin1.dag:4:24: error DAG001 the file is not valid UTF-8"
    )
    assert_no_traceback(run)


def test_check_an_unreadable_path_exits_2(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", CLEAN)
    run = dag_lsp("--check", "missing.dag", "garden.dag", cwd=tmp_path)

    assert run.status == 2
    assert "cannot read 'missing.dag'" in run.err
    assert_no_traceback(run)


def test_check_an_unreadable_path_is_not_counted_as_checked(tmp_path: Path) -> None:
    run = dag_lsp("--check", "missing.dag", cwd=tmp_path)

    assert run.status == 2
    assert run.err.splitlines() == [
        "cannot read 'missing.dag': No such file or directory",
        "no problems in 0 files; 1 path could not be read",
    ]


def test_check_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", ERROR)
    read_end, write_end = os.pipe()
    os.close(read_end)
    done = subprocess.run(
        [sys.executable, "-m", "dag_lsp", "--check", "garden.dag"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        timeout=60,
    )
    os.close(write_end)

    assert done.returncode == 141
    assert b"Error" not in done.stderr


def big_tree(questions: int) -> str:
    """A clean tree of a chain of questions, each also leading to one outcome."""
    blocks = ["dag: Long\nentry: Q0"]
    for n in range(questions):
        following = f"Q{n + 1}" if n + 1 < questions else "[END]"
        blocks.append(f"Q{n}: Question {n}?\n  yes -> {following}\n  no  -> [END]")
    return "\n\n".join([*blocks, "[END]: The end"]) + "\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "-"],
        ["--paths", "tree.dag"],
        ["--export", "json", "tree.dag"],
        ["--export", "mermaid", "tree.dag"],
    ],
)
def test_output_cut_off_by_its_reader_exits_141(
    tmp_path: Path, args: list[str]
) -> None:
    """A reader that takes the first bytes and goes, as `| head -c 10` does."""
    path = write(tmp_path, "tree.dag", big_tree(3000))
    with path.open("rb") as given:
        process = subprocess.Popen(
            [sys.executable, "-m", "dag_lsp", *args],
            cwd=tmp_path,
            stdin=given,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        said = process.stderr.read()

    assert process.wait(timeout=60) == 141
    assert b"Error" not in said


def test_an_empty_folder_passes_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    run = dag_lsp("--check", "empty", cwd=tmp_path)

    assert run.status == 0
    assert run.err == "dag-lsp: no .dag files in 'empty'\nno problems in 0 files\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--check"],
        ["--format"],
        ["garden.dag"],
        ["--diff", "garden.dag"],
        ["--check", "--output-format", "xml", "garden.dag"],
        ["--no-such-option"],
        ["--format", "--output-format", "json", "garden.dag"],
        ["--format", "--check", "--output-format", "json", "garden.dag"],
        ["--export", "json", "--output-format", "json", "garden.dag"],
        ["--port", "8766"],
        ["--host", "0.0.0.0"],
        ["--tcp", "--ws"],
        ["--tcp", "--check", "garden.dag"],
    ],
)
def test_usage_errors_exit_2_with_a_message(tmp_path: Path, args: list[str]) -> None:
    write(tmp_path, "garden.dag", CLEAN)
    run = dag_lsp(*args, cwd=tmp_path)

    assert run.status == 2
    assert "error:" in run.err
    assert_no_traceback(run)


# ---------------------------------------------------------------- formats


def test_check_json(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", ERROR)
    run = dag_lsp("--check", "--output-format", "json", "garden.dag", cwd=tmp_path)
    records = json.loads(run.out)

    assert run.status == 1
    assert records[0] == {
        "path": "garden.dag",
        "line": 6,
        "column": 11,
        "end_line": 6,
        "end_column": 15,
        "severity": "error",
        "code": "DAG002",
        "name": "undefined-target",
        "message": "the outcome 'WATR' is not defined; did you mean 'WATER'?",
    }
    assert [r["code"] for r in records] == ["DAG002", "DAG003"]


def test_check_json_of_a_clean_file_is_an_empty_list(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", CLEAN)
    run = dag_lsp("--check", "--output-format", "json", "garden.dag", cwd=tmp_path)

    assert json.loads(run.out) == []


def test_check_github(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", ERROR)
    run = dag_lsp("--check", "--output-format", "github", "garden.dag", cwd=tmp_path)
    first, second = run.out.splitlines()

    assert first.startswith("::error file=garden.dag,line=6,col=11,")
    assert first.endswith("::the outcome 'WATR' is not defined; did you mean 'WATER'?")
    assert "title=DAG002 undefined-target" in first
    assert second.startswith("::warning file=garden.dag,line=10,col=2,")


# ---------------------------------------------------------------- --format


def test_format_rewrites_files_in_place(tmp_path: Path) -> None:
    messy = write(tmp_path, "messy.dag", MESSY)
    clean = write(tmp_path, "sub/clean.dag", CLEAN)
    run = dag_lsp("--format", "messy.dag", "sub", cwd=tmp_path)

    assert run.status == 0
    assert messy.read_text(encoding="utf-8") == CLEAN
    assert clean.read_text(encoding="utf-8") == CLEAN
    assert "reformatted messy.dag" in run.err
    assert "clean.dag" not in run.err


def test_format_keeps_crlf_and_the_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.dag", "\ufeff" + MESSY.replace("\n", "\r\n"))
    dag_lsp("--format", "crlf.dag", cwd=tmp_path)

    assert path.read_bytes() == ("\ufeff" + CLEAN.replace("\n", "\r\n")).encode("utf-8")


def test_format_refuses_a_file_with_syntax_errors_and_leaves_it(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.dag", BROKEN)
    messy = write(tmp_path, "messy.dag", MESSY)
    run = dag_lsp("--format", "broken.dag", "messy.dag", cwd=tmp_path)

    assert run.status == 1
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert messy.read_text(encoding="utf-8") == CLEAN
    assert (
        "broken.dag:5:7: cannot format: syntax error: '=>' is not an arrow: write '->'"
    ) in run.err
    assert_no_traceback(run)


def test_format_leaves_no_temporary_file(tmp_path: Path) -> None:
    write(tmp_path, "messy.dag", MESSY)
    dag_lsp("--format", "messy.dag", cwd=tmp_path)

    assert [p.name for p in tmp_path.iterdir()] == ["messy.dag"]


def test_format_keeps_the_file_mode(tmp_path: Path) -> None:
    path = write(tmp_path, "messy.dag", MESSY)
    path.chmod(0o640)
    dag_lsp("--format", "messy.dag", cwd=tmp_path)

    assert path.stat().st_mode & 0o777 == 0o640


def test_format_through_a_symbolic_link_keeps_the_link(tmp_path: Path) -> None:
    real = write(tmp_path, "real.dag", MESSY)
    link = tmp_path / "link.dag"
    link.symlink_to("real.dag")
    run = dag_lsp("--format", "link.dag", cwd=tmp_path)

    assert run.status == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == CLEAN


def test_format_a_file_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In-process, to make the final rename fail even for root."""
    path = write(tmp_path, "messy.dag", MESSY)

    def refuse(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    status = main(["--format", str(path)])

    assert status == 2
    assert f"cannot write '{path}': Permission denied" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == MESSY
    assert [p.name for p in tmp_path.iterdir()] == ["messy.dag"]


def test_format_leaves_a_file_no_one_may_write_even_as_root(tmp_path: Path) -> None:
    path = write(tmp_path, "messy.dag", MESSY)
    path.chmod(0o444)

    run = dag_lsp("--format", str(path))

    assert run.status == 2
    assert f"cannot write '{path}': the file is read-only" in run.err
    assert path.read_text(encoding="utf-8") == MESSY


@pytest.mark.parametrize("mode", ["--check", "--format"])
def test_a_folder_that_cannot_be_listed_fails_with_its_name(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    mode: str,
) -> None:
    """In-process, so that listing fails even for root (who may list any folder)."""
    write(tmp_path, "garden.dag", CLEAN)
    locked = tmp_path / "locked"
    locked.mkdir()
    walk = os.walk

    def refusing_walk(top: str, onerror: Callable[[OSError], None]) -> Any:
        for parent, folders, names in walk(top):
            if parent == str(locked):
                onerror(PermissionError(13, "Permission denied", parent))
                folders[:] = []
                continue
            yield parent, folders, names

    monkeypatch.setattr(os, "walk", refusing_walk)
    status = main([mode, str(tmp_path)])

    said = capsys.readouterr().err
    assert status == 2
    assert f"cannot read '{locked}': Permission denied" in said
    assert "no .dag files" not in said


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8:surrogateescape"])
def test_a_file_name_that_is_not_utf8_is_printed_escaped(
    tmp_path: Path, encoding: str
) -> None:
    name = os.fsdecode(b"x\xff.dag")
    (tmp_path / name).write_text("dag: Broken\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONIOENCODING": encoding}

    done = subprocess.run(
        [sys.executable, "-m", "dag_lsp", "--check", "--output-format", "json", "."],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
    )

    assert done.returncode == 1
    (finding,) = json.loads(done.stdout.decode("utf-8"))
    assert finding["path"] == name
    assert b"Traceback" not in done.stderr


def test_format_refuses_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    data = MESSY.encode("utf-8").replace(b"rain", b"r\xff")
    path = write(tmp_path, "bad.dag", data)
    run = dag_lsp("--format", "bad.dag", cwd=tmp_path)

    assert run.status == 1
    assert path.read_bytes() == data
    assert "bad.dag:4:13: not valid UTF-8" in run.err
    assert_no_traceback(run)


def test_format_standard_input_to_standard_output(tmp_path: Path) -> None:
    run = dag_lsp("--format", "-", stdin=MESSY, cwd=tmp_path)

    assert (run.status, run.out) == (0, CLEAN)


def test_format_standard_input_with_syntax_errors(tmp_path: Path) -> None:
    run = dag_lsp("--format", "-", stdin=BROKEN, cwd=tmp_path)

    assert (run.status, run.out) == (1, "")
    assert "-:5:7: cannot format" in run.err


def test_format_check_lists_files_and_changes_nothing(tmp_path: Path) -> None:
    messy = write(tmp_path, "messy.dag", MESSY)
    write(tmp_path, "clean.dag", CLEAN)
    run = dag_lsp("--format", "--check", "messy.dag", "clean.dag", cwd=tmp_path)

    assert run.status == 1
    assert run.out == "would reformat messy.dag\n"
    assert messy.read_text(encoding="utf-8") == MESSY


def test_format_check_of_clean_files_exits_0(tmp_path: Path) -> None:
    write(tmp_path, "clean.dag", CLEAN)
    run = dag_lsp("--format", "--check", "clean.dag", cwd=tmp_path)

    assert (run.status, run.out) == (0, "")


def test_format_diff_prints_a_unified_diff(tmp_path: Path) -> None:
    messy = write(tmp_path, "messy.dag", MESSY)
    run = dag_lsp("--format", "--diff", "messy.dag", cwd=tmp_path)

    assert run.status == 1
    assert messy.read_text(encoding="utf-8") == MESSY
    assert run.out.startswith(
        "--- messy.dag (original)\n+++ messy.dag (formatted)\n@@ "
    )
    assert "-     yes->[SKIP]\n+  yes -> [SKIP]\n" in run.out
    assert "+\n" in run.out


# ---------------------------------------------------------------- the process


def test_the_console_script(tmp_path: Path) -> None:
    write(tmp_path, "garden.dag", ERROR)
    run = dag_lsp("--check", "garden.dag", cwd=tmp_path, script=True)

    assert run.status == 1
    assert run.out.startswith("garden.dag:6:11: error DAG002 ")


def test_version(tmp_path: Path) -> None:
    run = dag_lsp("--version", cwd=tmp_path)

    assert run.status == 0
    assert run.out.startswith("dag-lsp ")


@pytest.mark.parametrize("mode", ["--check", "--format"])
def test_check_and_format_do_not_import_the_server_libraries(
    tmp_path: Path, mode: str
) -> None:
    path = write(tmp_path, "garden.dag", MESSY)
    script = (
        "import sys\n"
        "from dag_lsp.cli import main\n"
        f"main([{mode!r}, {str(path)!r}])\n"
        "print('pygls' in sys.modules or 'lsprotocol' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "False"


def test_a_tree_in_a_folder_that_cannot_be_entered_is_not_passed_over(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A folder that may be listed but not entered (mode 644): its trees'
    names are seen, but they cannot be looked at. In-process, as for root
    every folder may be entered."""
    path = write(tmp_path, "garden.dag", CLEAN)
    real_stat = os.stat

    def refusing_stat(name: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_stat(name, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refusing_stat)
    status = main(["--check", str(tmp_path)])

    said = capsys.readouterr().err
    assert status == 2
    assert f"cannot read '{path}': Permission denied" in said
