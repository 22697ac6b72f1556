"""One-tree commands: `--export`, `--import`, `--walk` and `--paths`.

The command line's adapter for what is worked out from one whole tree
(`export/`, `walk`, `paths`). It is imported only when one of these modes is
asked for, so that `--check` and `--format` start without it.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import TextIO

from dag_lsp import files, paths, walk
from dag_lsp.export import ExportError, export_text, whole_tree
from dag_lsp.export.importer import ImportProblem, import_export

OK, FAILED, USAGE = 0, 1, 2

TreeRun = Callable[[argparse.Namespace, str, str], int]


def run(mode: str, args: argparse.Namespace) -> int:
    """Run one of the modes `export`, `import`, `walk` or `paths` on its file."""
    return _on_one_tree(args, _RUNS[mode])


def _on_one_tree(args: argparse.Namespace, run: TreeRun) -> int:
    name = args.paths[0]
    try:
        given = files.read(name)
    except files.Unreadable as error:
        _say(str(error))
        return USAGE

    if given.text is None:
        assert given.error is not None
        _say(f"{name}:{given.error.line + 1}:{given.error.column + 1}: {given.error}")
        return FAILED
    return run(args, name, given.text)


def _export(args: argparse.Namespace, name: str, text: str) -> int:
    try:
        files.emit(export_text(text, args.export))
    except ExportError as error:
        return _refused(name, error)
    return OK


def _refused(name: str, error: ExportError) -> int:
    """Say where a tree with syntax errors goes wrong; the exit status."""
    _say(f"{name}:{error.line + 1}:{error.column + 1}: {error}")
    return FAILED


def _import(args: argparse.Namespace, name: str, text: str) -> int:
    try:
        imported = import_export(text)
    except ImportProblem as error:
        _say(f"{name}: {error}")
        return FAILED

    for note in imported.notes:
        _say(f"{name}: {note}")
    files.emit(imported.text)
    return OK


def _walk(args: argparse.Namespace, name: str, text: str) -> int:
    try:
        tree = whole_tree(text)
        if args.answers is None and sys.stdin is None:
            _say("there is no standard input to read answers from")
            return USAGE
        if args.answers is None:
            return walk.run_terminal(tree, _lenient(sys.stdin), sys.stdout, sys.stderr)
        walked = walk.walk_answers(tree, [a.strip() for a in args.answers.split(",")])
    except ExportError as error:
        return _refused(name, error)
    except walk.WalkError as error:
        _say(f"{name}: {error}")
        return FAILED

    json_output = args.output_format == "json"
    files.emit(walk.path_json(walked) if json_output else walk.path_text(walked))
    return OK


def _paths(args: argparse.Namespace, name: str, text: str) -> int:
    try:
        tree = whole_tree(text)
    except ExportError as error:
        return _refused(name, error)

    found = paths.report(tree)
    for note in paths.notes(tree, found):
        _say(f"{name}: {note}")

    json_output = args.output_format == "json"
    files.emit(paths.report_json(found) if json_output else paths.report_text(found))
    return OK


def _lenient(given: TextIO) -> TextIO:
    """Standard input that reads a byte it cannot decode as a replacement mark."""
    if isinstance(given, io.TextIOWrapper):
        given.reconfigure(errors="replace")
    return given


def _say(message: str) -> None:
    print(message, file=sys.stderr)


_RUNS: dict[str, TreeRun] = {
    "export": _export,
    "import": _import,
    "walk": _walk,
    "paths": _paths,
}
