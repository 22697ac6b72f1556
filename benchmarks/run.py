"""Benchmark runner: how fast `dag-lsp` is on big trees, beside its targets.

This stands outside the product's flow: it drives the installed `dag-lsp`
as a user or an editor would and prints one table per part, then every
figure beside the project's target for it (docs/performance.md explains
each) with PASS or MISS:

1. `dag-lsp --check` on trees of 100 to 20,000 questions, whole-process wall
   time, beside a floor: a bare Python process that reads the same file
   and matches every line against one compiled regular expression.
2. Start-up: `dag-lsp --check` on a small tree beside
   `python -c "import parsimonious"`.
3. The language server over stdio, through pygls's `LanguageClient`, on the
   5,000-question tree: open to diagnostics, single-character edits to the
   diagnostics of their version, completion and hover (on one version, and
   as the first request after an edit).
4. The server's peak resident memory (VmHWM) once it has served all that.

Process times are the fastest of several runs, with the median and the
CPU time beside them; server latencies are the median of 20 requests. It
is not a test: nothing fails when a target is missed. Run it with the
project's Python (docs/performance.md says more):

    python benchmarks/run.py
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.client import LanguageClient

SIZES = generate.SIZES
LSP_SIZE = 5_000
SMALL_SIZE = 12
REPEATS = {100: 7, 1_000: 5, 5_000: 5, 20_000: 3}
FLOOR_REPEATS = 9
STARTUP_REPEATS = 15
REQUESTS = 20
EDIT_TIMEOUT = 5.0
OPEN_TIMEOUT = 30.0
REQUEST_TIMEOUT = 10.0
START_TIMEOUT = 30.0

# The project's targets (docs/performance.md says what each one means).
CHECK_VS_FLOOR = 8.0
GROWTH = 4.0
STARTUP_VS_IMPORT = 2.0
EDIT_MS = 50.0
OPEN_S = 1.0
REQUEST_MS = 20.0
MEMORY_MB = 150.0

# The floor: read the file, match each line with one regular expression
# that splits indentation, key and value.
FLOOR_CODE = """\
import re, sys
line_re = re.compile(r"([ \\t]*)([^:]*?)(?::[ \\t]*(.*))?")
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f.read().splitlines():
        line_re.fullmatch(line)
"""


# ---------------------------------------------------------------- figures


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure and its target (`value <= limit`), if it has one."""

    name: str
    value: float | None
    unit: str
    limit: float | None = None
    note: str = ""


def verdict(value: float | None, limit: float | None) -> str:
    """PASS or MISS against a limit; `n/a` when nothing was measured."""
    if value is None:
        return "n/a"
    if limit is None:
        return ""
    return "PASS" if value <= limit else "MISS"


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """`numerator / denominator`, or None when either is missing or zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def middle(values: Sequence[float]) -> float | None:
    """The median, or None for no values."""
    return statistics.median(values) if values else None


def shown(value: float | None, unit: str) -> str:
    """A value with its unit, in a width that suits it."""
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.3f} s"
    return f"{value:.1f} {unit}"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Rows in aligned columns: the first left-aligned, the others right."""
    widths = [max(len(row[n]) for row in [header, *rows]) for n in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [row[0].ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def figure_rows(figures: Sequence[Figure]) -> list[list[str]]:
    """The summary table's rows: figure, measured, target, result, note."""
    return [
        [
            figure.name,
            shown(figure.value, figure.unit),
            f"<= {shown(figure.limit, figure.unit)}" if figure.limit else "",
            verdict(figure.value, figure.limit),
            figure.note,
        ]
        for figure in figures
    ]


# ---------------------------------------------------------------- processes


def dag_lsp() -> str:
    """The `dag-lsp` beside this Python, else the one on the PATH."""
    beside = Path(sys.executable).parent / "dag-lsp"
    if beside.exists():
        return str(beside)
    return shutil.which("dag-lsp") or "dag-lsp"


@dataclass(frozen=True, slots=True)
class Timing:
    """Runs of one command: the wall and CPU seconds of each, its last status.

    The machine may be shared, and other work only ever adds time, so the
    figures use the fastest run (`best`); the median is shown beside it.
    """

    walls: tuple[float, ...]
    cpus: tuple[float, ...]
    status: int = 0
    said: str = ""

    @property
    def best(self) -> float:
        return min(self.walls)

    @property
    def typical(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return min(self.cpus)


def timed_runs(command: Sequence[str], repeats: int) -> Timing:
    """Time `repeats` runs of a command, output thrown away."""
    runs = [_one_run(command) for _ in range(repeats)]
    walls = tuple(wall for wall, _cpu, _done in runs)
    cpus = tuple(cpu for _wall, cpu, _done in runs)
    last = runs[-1][2]
    said = last.stderr.decode(errors="replace").strip().splitlines()
    return Timing(walls, cpus, last.returncode, said[-1][:160] if said else "")


def _one_run(
    command: Sequence[str],
) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Wall seconds and CPU seconds (user + system) of one run, and the run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start

    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done


@dataclass(frozen=True, slots=True)
class SizeRun:
    """Part 1 for one tree: the check's runs and the floor's."""

    questions: int
    size: int
    check: Timing
    floor: Timing


def run_size(path: Path, questions: int) -> SizeRun:
    """Time `dag-lsp --check` and the floor on one tree."""
    repeats = REPEATS.get(questions, 3)
    check = timed_runs([dag_lsp(), "--check", str(path)], repeats)
    floor = timed_runs([sys.executable, "-c", FLOOR_CODE, str(path)], FLOOR_REPEATS)
    return SizeRun(questions, path.stat().st_size, check, floor)


def size_table(runs: Sequence[SizeRun]) -> str:
    rows = [
        [
            f"{run.questions:,}",
            f"{run.size / 1e6:.2f} MB",
            shown(run.check.best, "s"),
            shown(run.check.typical, "s"),
            shown(run.check.cpu, "s"),
            shown(run.floor.best, "s"),
            shown(run.floor.cpu, "s"),
            shown(ratio(run.check.best, run.floor.best), "x"),
            shown(ratio(run.check.cpu, run.floor.cpu), "x"),
            "clean" if run.check.status == 0 else f"exit {run.check.status}",
        ]
        for run in runs
    ]
    header = [
        "questions",
        "file",
        "check min",
        "median",
        "CPU",
        "floor min",
        "CPU",
        "check/floor",
        "on CPU",
        "check says",
    ]
    return table(header, rows)


def size_figures(runs: Sequence[SizeRun]) -> list[Figure]:
    """Part 1's figures: check against floor at 5,000, growth to 20,000."""
    by_size = {run.questions: run for run in runs}
    mid, big = by_size.get(5_000), by_size.get(20_000)
    figures = []
    if mid is not None:
        value = ratio(_valid(mid.check), mid.floor.best)
        note = _failure(mid.check) or _on_cpu(mid.check, mid.floor, CHECK_VS_FLOOR)
        name = "check / floor, 5,000 questions"
        figures.append(Figure(name, value, "x", CHECK_VS_FLOOR, note))
    if mid is not None and big is not None:
        figures += _growth(mid, big)
    return figures


def _growth(mid: SizeRun, big: SizeRun) -> list[Figure]:
    """How the check and the floor grow from one tree to the next."""
    check = ratio(_valid(big.check), _valid(mid.check))
    note = _failure(big.check) or _failure(mid.check)
    note = note or _on_cpu(big.check, mid.check, GROWTH)
    floor = ratio(big.floor.best, mid.floor.best)
    floor_note = _on_cpu(big.floor, mid.floor, GROWTH)
    return [
        Figure("check growth, 5,000 -> 20,000", check, "x", GROWTH, note),
        Figure("floor growth, 5,000 -> 20,000", floor, "x", GROWTH, floor_note),
    ]


def _on_cpu(numerator: Timing, denominator: Timing, limit: float) -> str:
    """The same ratio on CPU time, which other work on the machine disturbs less."""
    value = ratio(numerator.cpu, denominator.cpu)
    return f"on CPU time: {shown(value, 'x')} {verdict(value, limit)}"


def _valid(timing: Timing) -> float | None:
    """The fastest run of a check that ran clean; a failed check gives none."""
    return timing.best if timing.status == 0 else None


def _failure(timing: Timing) -> str:
    if timing.status == 0:
        return ""
    return f"check exited {timing.status}: {timing.said}"


def startup_figures(small: Path) -> tuple[str, list[Figure]]:
    """Part 2: `dag-lsp --check` on a small tree beside importing parsimonious."""
    check = timed_runs([dag_lsp(), "--check", str(small)], STARTUP_REPEATS)
    bare = timed_runs([sys.executable, "-c", "import parsimonious"], STARTUP_REPEATS)
    rows = [
        [f"dag-lsp --check ({SMALL_SIZE} questions)", *_columns(check)],
        ['python -c "import parsimonious"', *_columns(bare)],
    ]
    value = ratio(_valid(check), bare.best)
    figure = Figure(
        "start-up / parsimonious import",
        value,
        "x",
        STARTUP_VS_IMPORT,
        _failure(check) or _on_cpu(check, bare, STARTUP_VS_IMPORT),
    )
    return table(["command", "min", "median", "CPU"], rows), [figure]


def _columns(timing: Timing) -> list[str]:
    return [shown(timing.best, "s"), shown(timing.typical, "s"), shown(timing.cpu, "s")]


# ---------------------------------------------------------------- editing


@dataclass(frozen=True, slots=True)
class Edit:
    """A change of one line: columns `start` to `end` become `text`."""

    line: int
    start: int
    end: int
    text: str
    kind: str


def apply_edit(lines: list[str], edit: Edit) -> None:
    """Apply an edit to a document held as a list of lines."""
    line = lines[edit.line]
    lines[edit.line] = line[: edit.start] + edit.text + line[edit.end :]


_TARGET = re.compile(r"-> Q(\d+)$")


def _hint_pair(lines: Sequence[str], n: int) -> list[Edit]:
    """Type an `x` in the middle of a hint, then delete it."""
    column = len(lines[n]) // 2
    return [
        Edit(n, column, column, "x", "type in a hint"),
        Edit(n, column, column + 1, "", "delete in a hint"),
    ]


def _question_pair(lines: Sequence[str], n: int) -> list[Edit]:
    """Type an `x` in the middle of a question's text, then delete it."""
    column = len(lines[n]) // 2
    return [
        Edit(n, column, column, "x", "type in a question"),
        Edit(n, column, column + 1, "", "delete in a question"),
    ]


def _target_pair(lines: Sequence[str], n: int) -> list[Edit]:
    """Change the last digit of a question target, then change it back."""
    column = len(lines[n]) - 1
    digit = lines[n][column]
    other = str((int(digit) + 1) % 10)
    return [
        Edit(n, column, column + 1, other, "change a target"),
        Edit(n, column, column + 1, digit, "change it back"),
    ]


_KINDS = (
    (lambda line: line.startswith("  hint: "), _hint_pair),
    (lambda line: line.startswith("Q"), _question_pair),
    (lambda line: _TARGET.search(line) is not None, _target_pair),
)


def plan_edits(lines: Sequence[str], count: int = REQUESTS) -> list[Edit]:
    """`count` single-character edits in pairs that undo each other.

    The pairs stand at places spread evenly over the file, and take turns
    between a hint, a question's text and a target.
    """
    edits: list[Edit] = []
    pairs = count // 2
    for k in range(pairs):
        wanted, make = _KINDS[k % len(_KINDS)]
        start = len(lines) * (2 * k + 1) // (2 * pairs)
        n = _next_line(lines, start, wanted)
        edits += make(lines, n)
    return edits


def _next_line(lines: Sequence[str], start: int, wanted: Callable[[str], bool]) -> int:
    """The first line from `start` on (wrapping round) that `wanted` accepts."""
    for offset in range(len(lines)):
        n = (start + offset) % len(lines)
        if wanted(lines[n]):
            return n
    raise ValueError("the document has no line to edit of that kind")


def request_positions(
    lines: Sequence[str], count: int = REQUESTS
) -> list[types.Position]:
    """Positions at the end of `count` question targets spread over the file.

    Completion asks there (as after typing an id) and hover one column
    back, on the id.
    """
    positions = []
    for k in range(count):
        start = len(lines) * (2 * k + 1) // (2 * count)
        n = _next_line(lines, start, lambda line: _TARGET.search(line) is not None)
        positions.append(types.Position(line=n, character=len(lines[n])))
    return positions


def peak_memory_mb(status: str) -> float | None:
    """VmHWM (peak resident memory) from a /proc/PID/status text, in MB."""
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) * 1024 / 1e6 if match else None


# ---------------------------------------------------------------- server


@dataclass(slots=True)
class ServerRun:
    """Part 3 and 4: what the server did on one tree."""

    opened: float | None = None
    edits: list[float] = field(default_factory=list)
    edits_missed: int = 0
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    completions: list[float] = field(default_factory=list)
    hovers: list[float] = field(default_factory=list)
    fresh_completions: list[float] = field(default_factory=list)
    fresh_hovers: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    sync: str = ""
    problem: str = ""


class Probe:
    """A language client that times what the server answers."""

    def __init__(self) -> None:
        self.client = LanguageClient("dag-lsp-benchmark", "1")
        self._published: asyncio.Queue[tuple[float, int | None]] = asyncio.Queue()
        self._stderr: deque[str] = deque(maxlen=12)
        self.incremental = True
        self._stderr_task: asyncio.Task[None] | None = None
        self.refused: dict[str, str] = {}
        self._register()

    def _register(self) -> None:
        """Handle what the server sends; pygls wants a plain function for each."""
        published = self._published

        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            published.put_nowait((time.perf_counter(), params.version))

        def on_configuration(params: types.ConfigurationParams) -> list[None]:
            return [None for _ in params.items]

        self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)(on_diagnostics)
        self.client.feature(types.WORKSPACE_CONFIGURATION)(on_configuration)
        for name in (
            types.WINDOW_LOG_MESSAGE,
            types.WINDOW_SHOW_MESSAGE,
            types.CLIENT_REGISTER_CAPABILITY,
            types.WINDOW_WORK_DONE_PROGRESS_CREATE,
            types.PROGRESS,
        ):
            self.client.feature(name)(_ignored())

    # ------------------------------------------------------------ lifetime

    async def start(self, command: Sequence[str]) -> None:
        """Start the server and initialize it; raises when it cannot serve."""
        await self.client.start_io(*command)
        self._drain_stderr()
        capabilities = types.ClientCapabilities(
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                    version_support=True
                )
            )
        )
        params = types.InitializeParams(
            capabilities=capabilities, process_id=os.getpid()
        )
        result = await asyncio.wait_for(
            self.client.initialize_async(params), START_TIMEOUT
        )
        self.client.initialized(types.InitializedParams())
        self.incremental = _incremental(result.capabilities.text_document_sync)

    def _drain_stderr(self) -> None:
        """Read the server's standard error so that it never blocks on it.

        pygls's `start_io` pipes standard error and reads nothing of it; the
        benchmark keeps its last lines to explain a server that fails.
        """
        process = self.client._server
        if process is None or process.stderr is None:
            return

        async def drain(stream: asyncio.StreamReader) -> None:
            async for raw in stream:
                self._stderr.append(raw.decode(errors="replace").rstrip())

        self._stderr_task = asyncio.create_task(drain(process.stderr))

    def pid(self) -> int | None:
        # pygls keeps the server's process in `_server` and has no public
        # accessor; the probe reads it for the pid, standard error and exit.
        process = self.client._server
        return process.pid if process is not None else None

    def _check_alive(self) -> None:
        """Raise when the server has exited, rather than wait on it."""
        process = self.client._server
        if process is not None and process.returncode is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")

    def stderr_tail(self) -> str:
        """The server's last non-blank line on standard error, if any."""
        said = [line.strip() for line in self._stderr if line.strip()]
        return said[-1][:200] if said else ""

    async def close(self, polite: bool) -> None:
        """Stop the server: ask it to shut down first when `polite`.

        A server that does not go within seconds (or that is not asked) is
        killed: only this process, which the probe started.
        """
        process = self.client._server
        try:
            if polite:
                await asyncio.wait_for(self.client.shutdown_async(None), 5)
                self.client.exit(None)
            if process is not None:
                await asyncio.wait_for(process.wait(), 5 if polite else 0.1)
        except Exception as error:
            logging.getLogger(__name__).debug("the server did not stop: %s", error)
        if process is not None and process.returncode is None:
            process.kill()
        # pygls leaves `stop` untyped.
        await asyncio.wait_for(self.client.stop(), 5)  # type: ignore[no-untyped-call]

    # ------------------------------------------------------------ documents

    async def open(self, uri: str, text: str) -> float | None:
        """Seconds from didOpen to the diagnostics of version 1."""
        item = types.TextDocumentItem(uri=uri, language_id="dag", version=1, text=text)
        start = time.perf_counter()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        arrived = await self._diagnostics_of(1, OPEN_TIMEOUT)
        return None if arrived is None else arrived - start

    async def change(
        self, uri: str, version: int, edit: Edit, lines: list[str]
    ) -> float | None:
        """Seconds from didChange to the diagnostics of that version."""
        self._check_alive()
        apply_edit(lines, edit)
        self._forget_published()
        params = types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(
                uri=uri, version=version
            ),
            content_changes=[self._content_change(edit, lines)],
        )
        start = time.perf_counter()
        self.client.text_document_did_change(params)
        arrived = await self._diagnostics_of(version, EDIT_TIMEOUT)
        return None if arrived is None else arrived - start

    def _content_change(
        self, edit: Edit, lines: list[str]
    ) -> types.TextDocumentContentChangeEvent:
        if not self.incremental:
            return types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))
        where = types.Range(
            start=types.Position(line=edit.line, character=edit.start),
            end=types.Position(line=edit.line, character=edit.end),
        )
        return types.TextDocumentContentChangePartial(range=where, text=edit.text)

    def _forget_published(self) -> None:
        while not self._published.empty():
            self._published.get_nowait()

    async def _diagnostics_of(self, version: int, timeout: float) -> float | None:
        """When diagnostics for `version` (or of no stated version) arrived."""
        deadline = time.perf_counter() + timeout
        while (left := deadline - time.perf_counter()) > 0:
            try:
                arrived, given = await asyncio.wait_for(self._published.get(), left)
            except asyncio.TimeoutError:
                return None
            if given is None or given == version:
                return arrived
        return None

    async def completion(self, uri: str, position: types.Position) -> float | None:
        """Seconds for one completion request; None when the server refuses."""
        self._check_alive()
        params = types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position
        )
        request = self.client.text_document_completion_async(params)
        return await self._timed("completion", request)

    async def hover(self, uri: str, position: types.Position) -> float | None:
        """Seconds for one hover request; None when the server refuses."""
        self._check_alive()
        params = types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position
        )
        return await self._timed("hover", self.client.text_document_hover_async(params))

    async def _timed(self, name: str, request: Awaitable[object]) -> float | None:
        """Seconds until a request is answered; a refusal is noted in `refused`."""
        start = time.perf_counter()
        try:
            await asyncio.wait_for(request, REQUEST_TIMEOUT)
        except JsonRpcException as error:
            self.refused.setdefault(name, str(error))
            return None
        return time.perf_counter() - start


def _ignored() -> Any:
    """A handler that accepts a message the benchmark has no use for."""

    def ignore(params: object) -> None:
        return None

    return ignore


def _incremental(sync: Any) -> bool:
    """Whether the server's `textDocumentSync` accepts ranged changes."""
    kind = getattr(sync, "change", sync)
    return kind in (types.TextDocumentSyncKind.Incremental, 2)


async def serve_tree(command: Sequence[str], path: Path) -> ServerRun:
    """Parts 3 and 4 on one tree; `problem` says why a part has no figure."""
    run = ServerRun()
    probe = Probe()
    try:
        await probe.start(command)
    except Exception as error:
        run.problem = f"server not available ({_reason(error, probe)})"
        await probe.close(polite=False)
        return run

    try:
        await _session(probe, path, run)
    except Exception as error:
        run.problem = f"the session broke off ({_reason(error, probe)})"
    finally:
        await probe.close(polite=True)
    return run


def _reason(error: Exception, probe: Probe) -> str:
    said = str(error) or type(error).__name__
    tail = probe.stderr_tail()
    return f"{said}; server said: {tail}" if tail else said


async def _session(probe: Probe, path: Path, run: ServerRun) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    uri = path.resolve().as_uri()
    run.sync = "incremental" if probe.incremental else "full (server asks for it)"

    run.opened = await probe.open(uri, text)
    if run.opened is None:
        run.problem = "no diagnostics came after didOpen; the edits were skipped"
    else:
        await _edits(probe, uri, lines, run)

    positions = request_positions(lines)
    for position in positions:
        _keep(run.completions, await probe.completion(uri, position))
        _keep(run.hovers, await probe.hover(uri, _on_id(position)))

    if run.edits:
        await _after_edits(probe, uri, lines, positions, run)
    run.peak_mb = _peak(probe.pid())
    refused = [f"{name} refused ({said})" for name, said in probe.refused.items()]
    run.problem = "; ".join([run.problem, *refused] if run.problem else refused)


def _keep(values: list[float], took: float | None) -> None:
    if took is not None:
        values.append(took)


async def _edits(probe: Probe, uri: str, lines: list[str], run: ServerRun) -> None:
    """Time the planned edits; give up after three that get no diagnostics."""
    for version, edit in enumerate(plan_edits(lines), start=2):
        took = await probe.change(uri, version, edit, lines)
        if took is None:
            run.edits_missed += 1
            if run.edits_missed >= 3 and not run.edits:
                run.problem = "the first edits got no diagnostics; the rest skipped"
                return
        else:
            run.edits.append(took)
            run.by_kind.setdefault(edit.kind, []).append(took)


async def _after_edits(
    probe: Probe,
    uri: str,
    lines: list[str],
    positions: list[types.Position],
    run: ServerRun,
) -> None:
    """The same edits again, each followed by one request on the new version.

    An editor asks for hover or completion right after typing; whatever the
    server derives once per version is paid by that first request. Even
    edits are followed by a completion, odd ones by a hover.
    """
    first = 2 + REQUESTS
    pairs = zip(plan_edits(lines), positions, strict=True)
    for n, (edit, position) in enumerate(pairs):
        if await probe.change(uri, first + n, edit, lines) is None:
            continue
        if n % 2 == 0:
            _keep(run.fresh_completions, await probe.completion(uri, position))
        else:
            _keep(run.fresh_hovers, await probe.hover(uri, _on_id(position)))


def _on_id(position: types.Position) -> types.Position:
    """One column back from the end of a target: on its id."""
    return types.Position(line=position.line, character=position.character - 1)


def _peak(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        return peak_memory_mb(Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return None


def server_table(run: ServerRun) -> str:
    opened = [run.opened] if run.opened is not None else []
    rows = [
        _spread("didOpen -> diagnostics", opened),
        _spread("didChange -> diagnostics", run.edits),
        *(_spread(f"  {kind}", took) for kind, took in run.by_kind.items()),
        _spread("completion", run.completions),
        _spread("hover", run.hovers),
        _spread("completion, first after an edit", run.fresh_completions),
        _spread("hover, first after an edit", run.fresh_hovers),
    ]
    return table(["request", "median", "min", "max", "count"], rows)


def _spread(name: str, seconds: list[float]) -> list[str]:
    """A row of milliseconds: median, least, most and how many."""
    if not seconds:
        return [name, "-", "-", "-", "0"]
    ms = [value * 1e3 for value in seconds]
    spread = (middle(ms), min(ms), max(ms))
    return [name, *(shown(value, "ms") for value in spread), str(len(ms))]


def server_figures(run: ServerRun) -> list[Figure]:
    """Parts 3 and 4 as figures beside their targets."""
    missed = f"{run.edits_missed} edits got no diagnostics" if run.edits_missed else ""
    edits = run.edits if run.edits_missed * 2 < REQUESTS else []
    return [
        Figure("didOpen -> diagnostics, 5,000", run.opened, "s", OPEN_S),
        _median_ms("edit -> diagnostics, median", edits, EDIT_MS, missed),
        _median_ms("completion, median", run.completions, REQUEST_MS),
        _median_ms("hover, median", run.hovers, REQUEST_MS),
        _median_ms("completion after an edit, median", run.fresh_completions),
        _median_ms("hover after an edit, median", run.fresh_hovers),
        Figure("server peak memory (VmHWM)", run.peak_mb, "MB", MEMORY_MB),
    ]


def _median_ms(
    name: str, seconds: list[float], limit: float = REQUEST_MS, note: str = ""
) -> Figure:
    value = middle(seconds)
    return Figure(name, None if value is None else value * 1e3, "ms", limit, note)


# ---------------------------------------------------------------- main


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=generate.DEFAULT_FOLDER,
        help="where trees are written",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(SIZES),
        help="tree sizes for part 1",
    )
    parser.add_argument(
        "--server",
        nargs="+",
        default=None,
        help="the command that serves LSP on stdio (default: dag-lsp)",
    )
    parser.add_argument("--no-server", action="store_true", help="skip parts 3 and 4")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Run every part and print the tables."""
    args = _arguments(argv)
    logging.getLogger("pygls").setLevel(logging.CRITICAL)
    began = time.perf_counter()
    paths = {size: generate.write(size, args.out) for size in args.sizes}
    small = generate.write(SMALL_SIZE, args.out)
    _say(f"dag-lsp benchmark: {dag_lsp()}, Python {sys.version.split()[0]}")
    _say(_code_state())
    _say(_bytecode_state())
    _say(_load("at the start"))
    busy = _busy()

    runs = [run_size(path, size) for size, path in paths.items()]
    _part("1. dag-lsp --check beside the floor (wall time, s)", size_table(runs))
    figures = size_figures(runs)

    startup, more = startup_figures(small)
    _part("2. start-up (wall time, s)", startup)
    figures += more

    if not args.no_server:
        figures += _server_part(args, LSP_SIZE)

    _part("figures beside their targets", _summary(figures))
    took = time.perf_counter() - began
    _say(f"\nthe benchmark took {took:.0f} s; {_load('at the end', ours=True)}")
    if busy:
        _say(
            "the machine was busy: wall times of parts 1 and 2 carry other work's "
            "waits, so trust the CPU-time notes over their PASS or MISS"
        )


def _code_state() -> str:
    """The commit measured, and whether the core had uncommitted changes."""
    root = Path(__file__).resolve().parent.parent
    git = ["git", "-C", str(root)]
    head = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    if head.returncode != 0:
        return "code: not a git checkout"
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--", "server", "grammar"],
        capture_output=True,
        text=True,
    )
    dirty = " with uncommitted changes in server/ or grammar/" if changed.stdout else ""
    return f"code: commit {head.stdout.strip()}{dirty}"


# Run by the Python of the measured `dag-lsp`: is dag_lsp imported from
# cached bytecode, or compiled from source on every start?
_BYTECODE_PROBE = """
import importlib.util, os, sys
import dag_lsp
cached = importlib.util.cache_from_source(dag_lsp.__file__)
print("cached" if os.path.exists(cached) else "source")
"""


def _bytecode_state() -> str:
    """Whether the measured package starts from bytecode, as an installed one does.

    An editable install run with PYTHONDONTWRITEBYTECODE set (as some
    sandboxes and containers do) compiles every module from source on every
    start, which adds about 15 ms to start-up that no user's install pays.
    """
    python = Path(dag_lsp()).resolve().parent / "python"
    if not python.exists():
        python = Path(sys.executable)
    probe = subprocess.run(
        [str(python), "-c", _BYTECODE_PROBE], capture_output=True, text=True
    )
    if probe.stdout.strip() != "source":
        return "bytecode: dag_lsp is imported from compiled modules"
    return (
        "bytecode: dag_lsp is compiled from source on every start (an editable "
        "install without __pycache__); start-up reads slower than a user's "
        "install: measure `pip install .`"
    )


def _busy() -> bool:
    """Whether work keeps more than half the cores busy (before ours starts)."""
    return os.getloadavg()[0] > (os.cpu_count() or 1) / 2


def _load(when: str, ours: bool = False) -> str:
    """The load average beside the number of cores: is the machine shared?

    With `ours`, the benchmark's own work is in the load, so it says nothing
    of other work.
    """
    one, five, _fifteen = os.getloadavg()
    cores = os.cpu_count() or 1
    busy = "; other work shares the machine" if _busy() and not ours else ""
    return (
        f"load average {when}: {one:.2f} (1 min), {five:.2f} (5 min) "
        f"on {cores} cores{busy}"
    )


def _server_part(args: argparse.Namespace, size: int) -> list[Figure]:
    path = generate.write(size, args.out)
    command = args.server or [dag_lsp()]
    run = asyncio.run(serve_tree(command, path))
    title = f"3. the language server on {size:,} questions, over stdio"
    if run.problem and run.sync == "":
        _part(title, run.problem)
        return server_figures(run)

    body = server_table(run) + f"\ndocument sync: {run.sync}"
    _part(title, f"{run.problem}\n{body}" if run.problem else body)
    return server_figures(run)


def _summary(figures: Sequence[Figure]) -> str:
    header = ["figure", "measured", "target", "result", "note"]
    return table(header, figure_rows(figures))


def _part(title: str, body: str) -> None:
    _say(f"\n{title}\n{body}")


def _say(text: str) -> None:
    print(text, flush=True)


if __name__ == "__main__":
    main()
