"""Command line: `dag-lsp`, the adapter between a terminal and the core.

With no mode it serves the language server (on stdio, or TCP / WebSocket);
`--check` and `--format` run the core on files; `--export`, `--import`,
`--walk` and `--paths` work on one tree. The check and format paths
import neither pygls nor lsprotocol: pre-commit runs them often, and those
imports alone cost a third of a second.

Exit status: 0 when all is well, 1 when a check finds an error or a file
needs (or refuses) formatting, has syntax errors (one-tree modes) or cannot
be walked, 2 for a usage error, an unreadable path or a file that cannot be
written, 141 when the reader of standard output goes away (as if SIGPIPE had
ended the process).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence

from dag_lsp import __version__, files
from dag_lsp.checks import check
from dag_lsp.findings import SYNTAX, Finding, Severity
from dag_lsp.heap import collector_paused
from dag_lsp.model import Span
from dag_lsp.reader import read
from dag_lsp.report import FORMATS, Located, render, summary
from dag_lsp.source import DecodeError, split_keeping_ends

OK, FAILED, USAGE = 0, 1, 2
# What a shell reports for a process that SIGPIPE ended (128 + 13).
BROKEN_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    _escape_undecodable_names()
    try:
        return _dispatch(parser, args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _drop_output()
        return BROKEN_PIPE


def _escape_undecodable_names() -> None:
    """Print a file name that is not UTF-8 with escapes (`x\\udcff.dag`).

    Python holds such a name with surrogates, which a UTF-8 stream refuses
    (a traceback) or, in the C locale, writes back as the raw bytes (which
    breaks JSON output). Escaped, every line printed stays valid UTF-8.
    """
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dag-lsp",
        description="Language server, checker and formatter for Decision DAG "
        "(.dag) files. With no option it runs the language server on stdio.",
    )

    modes = parser.add_argument_group("modes")
    modes.add_argument("--check", action="store_true", help="check files for problems")
    modes.add_argument(
        "--format",
        action="store_true",
        help="format files in place (with --check: only list files that would change)",
    )
    modes.add_argument(
        "--diff",
        action="store_true",
        help="with --format: print a diff, change nothing",
    )

    parser.add_argument(
        "--output-format",
        choices=FORMATS,
        help="how --check prints findings (text, json or github), and --paths or "
        "--walk --answers print their results (text or json); default: text",
    )
    _one_tree_options(parser)

    server = parser.add_argument_group("language server")
    server.add_argument("--tcp", action="store_true", help="serve over TCP")
    server.add_argument("--ws", action="store_true", help="serve over WebSocket")
    server.add_argument(
        "--host", help="with --tcp or --ws: address to serve on (127.0.0.1)"
    )
    server.add_argument(
        "--port",
        type=_port,
        help="with --tcp or --ws: port to serve on (2087; 0 for any free one)",
    )

    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders; - for standard input",
    )
    return parser


def _port(text: str) -> int:
    """A TCP port number, 0 (any free port) to 65535."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: give 0 to 65535")
    return number


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    problem = _misplaced_option(args) or _closed_stream(args)
    if problem:
        parser.error(problem)
    args.output_format = args.output_format or "text"

    mode = _one_tree_mode(parser, args)
    if mode is not None:
        from dag_lsp import one_tree

        return one_tree.run(mode, args)
    if args.format:
        return _need_paths(parser, args, _format)
    if args.diff:
        parser.error("--diff goes with --format")
    if args.check:
        return _need_paths(parser, args, _check)
    if args.paths:
        parser.error("give a mode for the paths: --check or --format")
    return _serve(args)


def _misplaced_option(args: argparse.Namespace) -> str | None:
    """An option given to a mode it does nothing for, said as a usage error."""
    checks = args.check and not args.format
    prints = args.list_paths or args.answers is not None
    if args.output_format and not (checks or prints):
        return "--output-format goes with --check, --paths or --walk --answers"
    if args.output_format == "github" and not args.check:
        return "--output-format github goes with --check"

    served = args.tcp or args.ws
    if served and (args.paths or _one_tree_flag(args) or args.check or args.format):
        return "--tcp and --ws serve the language server: they take no other mode"
    if args.tcp and args.ws:
        return "give one of --tcp and --ws"
    if not served and (args.host is not None or args.port is not None):
        return "--host and --port go with --tcp or --ws"
    return None


def _closed_stream(args: argparse.Namespace) -> str | None:
    """A standard stream the mode needs that the shell closed (`>&-`)."""
    if sys.stdout is None:
        return "standard output is closed: dag-lsp writes its results there"
    serving = not (args.check or args.format or _one_tree_flag(args))
    if serving and not (args.tcp or args.ws) and sys.stdin is None:
        return "standard input is closed: the language server reads it"
    return None


def _one_tree_flag(args: argparse.Namespace) -> bool:
    return bool(args.export or args.import_json or args.walk or args.list_paths)


def _need_paths(
    parser: argparse.ArgumentParser,
    args: argparse.Namespace,
    run: Callable[[argparse.Namespace], int],
) -> int:
    if not args.paths:
        parser.error("give at least one file or folder (or - for standard input)")
    return run(args)


# ---------------------------------------------------------------- --check


def _check(args: argparse.Namespace) -> int:
    found: list[Located] = []
    unreadable: list[files.Unreadable] = []
    names = list(files.expand(args.paths, _no_trees, unreadable.append))
    checked = 0
    for name in names:
        try:
            found.extend(Located(name, f) for f in lint(files.read(name)))
            checked += 1
        except files.Unreadable as problem:
            unreadable.append(problem)

    for each in unreadable:
        _say(str(each))
    output = render(found, args.output_format)
    if output:
        print(output)
    _say(summary(found, checked, len(unreadable)))

    if unreadable:
        return USAGE
    errors = any(item.finding.severity is Severity.ERROR for item in found)
    return FAILED if errors else OK


def lint(given: files.Input) -> list[Finding]:
    """The findings of one file as read from disk."""
    if given.text is None:
        return [_not_utf8(given.error)] if given.error else []

    with collector_paused():
        return check(read(given.text))


def _not_utf8(error: DecodeError) -> Finding:
    span = Span(error.line, error.column, error.column + 1)
    return Finding(SYNTAX, span, f"the file is not valid UTF-8 here ({error.reason})")


# ---------------------------------------------------------------- --format


def _format(args: argparse.Namespace) -> int:
    status = OK

    def unlisted(error: files.Unreadable) -> None:
        nonlocal status
        _say(str(error))
        status = USAGE

    for name in files.expand(args.paths, _no_trees, unlisted):
        try:
            status = max(status, _format_one(name, args))
        except (files.Unreadable, files.Unwritable) as error:
            _say(str(error))
            status = USAGE
    return status


def _format_one(name: str, args: argparse.Namespace) -> int:
    given = files.read(name)
    if given.text is None:
        assert given.error is not None
        _say(f"{name}:{given.error.line + 1}:{given.error.column + 1}: {given.error}")
        return FAILED

    from dag_lsp.formatter import FormatError, format_text

    try:
        formatted = format_text(given.text)
    except FormatError as error:
        where = f"{name}:{error.line + 1}:{error.column + 1}"
        _say(f"{where}: cannot format: syntax error: {error.reason}")
        return FAILED

    return _deliver(name, given.text, formatted, args)


def _deliver(name: str, original: str, formatted: str, args: argparse.Namespace) -> int:
    """Write, list or diff one formatted file."""
    if name == files.STDIN and not (args.check or args.diff):
        files.emit(formatted)
        return OK
    if formatted == original:
        return OK

    if args.diff:
        files.emit(_diff(name, original, formatted))
    elif args.check:
        print(f"would reformat {name}")
    else:
        files.write(name, formatted)
        _say(f"reformatted {name}")
        return OK
    return FAILED


def _diff(name: str, original: str, formatted: str) -> str:
    from difflib import unified_diff

    lines = unified_diff(
        _diff_lines(original),
        _diff_lines(formatted),
        fromfile=f"{name} (original)",
        tofile=f"{name} (formatted)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _diff_lines(text: str) -> list[str]:
    """The lines of a text with their endings; no empty line after the last."""
    lines = split_keeping_ends(text)
    return lines[:-1] if lines and not lines[-1] else lines


# ---------------------------------------------------------------- one tree


def _one_tree_options(parser: argparse.ArgumentParser) -> None:
    tree = parser.add_argument_group(
        "one tree",
        "work on one tree (PATH, or - for standard input). Exit status: 0 when "
        "done (--walk: at the result, or on q), 1 for a file with syntax errors, "
        "an export that cannot be imported, or a walk that cannot reach its end "
        "(an unknown answer, too few or too many answers, input that ends "
        "early), 2 for a usage error or an unreadable file.",
    )
    tree.add_argument(
        "--export", choices=EXPORTS, help="print the tree as json, mermaid or dot"
    )
    tree.add_argument(
        "--import",
        dest="import_json",
        action="store_true",
        help="print the .dag file of a JSON export",
    )
    tree.add_argument(
        "--walk",
        action="store_true",
        help="walk the tree, reading answers (a label, a key or a number; "
        "? hint, b back, r restart, q quit) from standard input",
    )
    tree.add_argument(
        "--answers",
        metavar="A,B,...",
        help="with --walk: walk these answers without asking, and print the result",
    )
    tree.add_argument(
        "--paths",
        dest="list_paths",
        action="store_true",
        help="list the answer paths that reach each outcome",
    )


# The formats of `--export` (`export.FORMATS`), written out here so that
# building the parser does not import the exporters.
EXPORTS = ("json", "mermaid", "dot")


def _one_tree_mode(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> str | None:
    """The one-tree mode asked for, if any, once its usage is checked."""
    modes: dict[str, str] = {}
    for flag, given in (
        ("--export", args.export),
        ("--import", args.import_json),
        ("--walk", args.walk),
        ("--paths", args.list_paths),
    ):
        if given:
            modes[flag] = flag.removeprefix("--")
    if args.answers is not None and not args.walk:
        parser.error("--answers goes with --walk")
    if not modes:
        return None

    problem = _one_tree_usage(args, list(modes))
    if problem:
        parser.error(problem)
    return next(iter(modes.values()))


def _one_tree_usage(args: argparse.Namespace, flags: list[str]) -> str | None:
    if len(flags) > 1 or args.check or args.format or args.diff:
        return f"{flags[0]} goes with no other mode"
    if len(args.paths) != 1:
        return f"{flags[0]} takes one file (or - for standard input)"
    if args.walk and args.answers is None and args.paths == [files.STDIN]:
        return "--walk reads answers from standard input: give the tree as a file"
    return None


# ---------------------------------------------------------------- server


def _serve(args: argparse.Namespace) -> int:
    from dag_lsp.lsp.server import serve

    host = "127.0.0.1" if args.host is None else args.host
    port = 2087 if args.port is None else args.port
    return serve(tcp=args.tcp, ws=args.ws, host=host, port=port)


def _drop_output() -> None:
    """Whoever read our output went away (`| head`): send the rest nowhere.

    Standard output is pointed at the null device, so that the flush at
    exit does not raise again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _no_trees(folder: str) -> None:
    _say(f"dag-lsp: no .dag files in '{folder}'")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
