"""Where `dag-lsp --check` spends its time on a big tree.

This stands outside the product's flow, beside the benchmark runner: it
times the steps of a check (start-up and imports, the grammar, splitting
the text, reading lines into the model, the checks) without a profiler,
then profiles one whole check in this process with cProfile and prints the
functions and the modules that take the most time.

    python benchmarks/hotspots.py                  # the 5,000-question tree
    python benchmarks/hotspots.py --size 20000 --top 25
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import pstats
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import generate

from dag_lsp import cli, syntax
from dag_lsp.checks import check
from dag_lsp.reader import read
from dag_lsp.source import from_text

REPEATS = 3

# A pstats entry: (file, line, function) -> (calls, primitive calls,
# own time, cumulative time, callers).
Entry = tuple[str, int, str]


@dataclass(frozen=True, slots=True)
class Measure:
    """The fastest wall time and the least CPU time of a few runs, in seconds.

    The machine may be shared: other work adds wall time, and somewhat less
    CPU time, so both are shown and the least of each is kept.
    """

    wall: float
    cpu: float


def timed(step: Callable[[], Any], repeats: int = REPEATS) -> tuple[Measure, Any]:
    """Time a step in this process; returns what its last run returned."""
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = step()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Measure(min(walls), min(cpus)), result


def child(code: str, repeats: int = 5) -> Measure:
    """Time a Python child process that runs `code`."""
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        walls.append(time.perf_counter() - wall)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return Measure(min(walls), min(cpus))


def steps(text: str) -> list[tuple[str, Measure]]:
    """The steps of a check, each timed on its own."""
    grammar, _ = timed(syntax.grammar, 1)
    split, _ = timed(lambda: from_text(text))
    paused, tree = timed(lambda: _paused(lambda: read(text)))
    collected, _ = timed(lambda: read(text))
    parser = syntax.LineParser()
    read(text, parser)
    built, _ = timed(lambda: _paused(lambda: _read_again(text, parser)))
    checking, _ = timed(lambda: _paused(lambda: check(tree)))
    return [
        ("compile the grammar (first use)", grammar),
        ("split the text into lines", split),
        ("read into the model, collector paused", paused),
        ("  the same, collector running", collected),
        ("  the same, every line parsed before", built),
        ("check the model, collector paused", checking),
    ]


def _paused(step: Callable[[], Any]) -> Any:
    """Run a step with the cyclic garbage collector paused, as `--check` does."""
    gc.disable()
    try:
        return step()
    finally:
        gc.enable()


def _read_again(text: str, parser: syntax.LineParser) -> Any:
    """Read with a parser that has seen every line: building the model alone."""
    parser.new_version()
    return read(text, parser)


def profile(path: Path) -> pstats.Stats:
    """cProfile of one whole `--check` of a file, in this process."""
    profiler = cProfile.Profile()
    with contextlib.redirect_stderr(io.StringIO()):
        profiler.runcall(cli.main, ["--check", str(path)])
    return pstats.Stats(profiler)


Row = tuple[int, int, float, float, Any]


def _table(stats: pstats.Stats) -> dict[Entry, Row]:
    """The raw table of a profile: calls, primitive calls, own, cumulative."""
    table: dict[Entry, Row] = stats.stats  # type: ignore[attr-defined]
    return table


def top_functions(
    stats: pstats.Stats, count: int
) -> list[tuple[str, float, float, int]]:
    """The functions with the most own time: name, own, cumulative, calls."""
    table = _table(stats)
    ranked = sorted(table.items(), key=lambda item: item[1][2], reverse=True)
    return [
        (_name(entry), own, cumulative, calls)
        for entry, (calls, _primitive, own, cumulative, _callers) in ranked[:count]
    ]


def by_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time added up by module (file), most first."""
    table = _table(stats)
    totals: defaultdict[str, float] = defaultdict(float)
    for (file, _line, _function), (_c, _p, own, _cumulative, _callers) in table.items():
        totals[_module(file)] += own
    return sorted(totals.items(), key=lambda item: item[1], reverse=True)


def _name(entry: Entry) -> str:
    file, line, function = entry
    if file == "~":
        return function
    return f"{_module(file)}:{line} {function}"


def _module(file: str) -> str:
    """A short name for a source file: from its package folder on."""
    parts = Path(file).parts
    for anchor in ("dag_lsp", "parsimonious", "regex"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return "(built-in)" if file == "~" else Path(file).name


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5_000, help="questions in the tree")
    parser.add_argument("--top", type=int, default=20, help="functions to list")
    parser.add_argument("--out", type=Path, default=generate.DEFAULT_FOLDER)
    return parser.parse_args()


def main() -> None:
    """Print the steps, then the profile's top functions and modules."""
    args = _arguments()
    path = generate.write(args.size, args.out)
    text = path.read_text(encoding="utf-8")
    print(f"{path} ({len(text.splitlines()):,} lines)")

    print("\nsteps without a profiler (least of a few runs)")
    print(f"  {'':<44}{'wall':>9}   {'CPU':>9}")
    timings = [
        ("python -c pass", child("pass")),
        ('python -c "import dag_lsp.cli"', child("import dag_lsp.cli")),
        *steps(text),
    ]
    for name, measure in timings:
        wall, cpu = measure.wall * 1e3, measure.cpu * 1e3
        print(f"  {name:<44}{wall:9.1f} ms{cpu:9.1f} ms")

    stats = profile(path)
    total = max(sum(own for _module_name, own in by_module(stats)), 1e-9)
    print(
        f"\ncProfile of one --check: {total:.3f} s of own time (profiler overhead in)"
    )
    print(f"  {'own s':>7} {'share':>6} {'cum s':>7} {'calls':>9}  function")
    for name, own, cumulative, calls in top_functions(stats, args.top):
        share = 100 * own / total
        print(f"  {own:7.3f} {share:5.1f}% {cumulative:7.3f} {calls:9,}  {name}")

    print("\nown time by module")
    for module, own in by_module(stats)[: args.top]:
        print(f"  {own:7.3f} {100 * own / total:5.1f}%  {module}")


if __name__ == "__main__":
    main()
