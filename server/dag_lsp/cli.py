"""Command line: `dag-lsp`, the adapter between a terminal and the core.

With no mode it serves the language server (on stdio, or TCP / WebSocket);
`--check` and `--format` run the core on files. The check and format paths
import neither pygls nor lsprotocol: pre-commit runs them often, and those
imports alone cost a third of a second.

Exit status: 0 when all is well, 1 when a check finds an error or a file
needs (or refuses) formatting, 2 for a usage error or an unreadable path.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from dag_lsp import __version__, files
from dag_lsp.checks import check
from dag_lsp.findings import SYNTAX, Finding, Severity
from dag_lsp.formatter import FormatError, format_text
from dag_lsp.heap import collector_paused
from dag_lsp.model import Span
from dag_lsp.reader import read
from dag_lsp.report import FORMATS, Located, render, summary
from dag_lsp.source import DecodeError

OK, FAILED, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(parser, args)
    except KeyboardInterrupt:
        return 130


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
        "--diff", action="store_true", help="with --format: print a diff, change nothing"
    )
    parser.add_argument(
        "--output-format",
        choices=FORMATS,
        default="text",
        help="how --check prints findings (default: text)",
    )
    server = parser.add_argument_group("language server")
    server.add_argument("--tcp", action="store_true", help="serve over TCP")
    server.add_argument("--ws", action="store_true", help="serve over WebSocket")
    server.add_argument("--host", default="127.0.0.1", help="address to serve on")
    server.add_argument("--port", type=int, default=2087, help="port to serve on")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders; - for standard input"
    )
    return parser


def _dispatch(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.format:
        return _need_paths(parser, args, _format)
    if args.diff:
        parser.error("--diff goes with --format")
    if args.check:
        return _need_paths(parser, args, _check)
    if args.paths:
        parser.error("give a mode for the paths: --check or --format")
    return _serve(args)


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
    status = OK
    names = list(files.expand(args.paths))
    for name in names:
        try:
            found.extend(Located(name, f) for f in lint(files.read(name)))
        except files.Unreadable as error:
            _say(str(error))
            status = USAGE

    output = render(found, args.output_format)
    if output:
        print(output)
    _say(summary(found, len(names)))

    errors = any(item.finding.severity is Severity.ERROR for item in found)
    return status or (FAILED if errors else OK)


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
    for name in files.expand(args.paths):
        try:
            status = max(status, _format_one(name, args))
        except files.Unreadable as error:
            _say(str(error))
            status = USAGE
    return status


def _format_one(name: str, args: argparse.Namespace) -> int:
    given = files.read(name)
    if given.text is None:
        assert given.error is not None
        _say(f"{name}:{given.error.line + 1}:{given.error.column + 1}: {given.error}")
        return FAILED

    try:
        formatted = format_text(given.text)
    except FormatError as error:
        _say(f"{name}:{error.line + 1}:{error.column + 1}: {error}")
        return FAILED

    return _deliver(name, given.text, formatted, args)


def _deliver(name: str, original: str, formatted: str, args: argparse.Namespace) -> int:
    """Write, list or diff one formatted file."""
    if name == files.STDIN and not (args.check or args.diff):
        sys.stdout.write(formatted)
        return OK
    if formatted == original:
        return OK

    if args.diff:
        sys.stdout.write(_diff(name, original, formatted))
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
        original.splitlines(keepends=True),
        formatted.splitlines(keepends=True),
        fromfile=f"{name} (original)",
        tofile=f"{name} (formatted)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


# ---------------------------------------------------------------- server


def _serve(args: argparse.Namespace) -> int:
    from dag_lsp.lsp.server import serve

    return serve(tcp=args.tcp, ws=args.ws, host=args.host, port=args.port)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
