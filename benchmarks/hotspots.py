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
import io
import pstats
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
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


def timed(step: Callable[[], Any], repeats: int = REPEATS) -> tuple[float, Any]:
    """The median wall time of a step, and what its last run returned."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def startup() -> tuple[float, float]:
    """Seconds for a bare Python, and for one that imports the command line."""
    bare, _ = timed(lambda: _python("pass"), 5)
    loaded, _ = timed(lambda: _python("import dag_lsp.cli"), 5)
    return bare, loaded


def _python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


def steps(text: str) -> list[tuple[str, float]]:
    """The steps of a check, each timed on its own (median of a few runs)."""
    grammar_start = time.perf_counter()
    syntax.grammar()
    grammar_time = time.perf_counter() - grammar_start

    split, _ = timed(lambda: from_text(text))
    reading, tree = timed(lambda: read(text))
    checking, _ = timed(lambda: check(tree))
    return [
        ("compile the grammar (once a process)", grammar_time),
        ("split the text into lines", split),
        ("read lines into the model (parse + build)", reading),
        ("check the model", checking),
    ]


def profile(path: Path) -> pstats.Stats:
    """cProfile of one whole `--check` of a file, in this process."""
    profiler = cProfile.Profile()
    with contextlib.redirect_stderr(io.StringIO()):
        profiler.runcall(cli.main, ["--check", str(path)])
    return pstats.Stats(profiler)


def top_functions(
    stats: pstats.Stats, count: int
) -> list[tuple[str, float, float, int]]:
    """The functions with the most own time: name, own, cumulative, calls."""
    table: dict[Entry, tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    ranked = sorted(table.items(), key=lambda item: item[1][2], reverse=True)
    return [
        (_name(entry), own, cumulative, calls)
        for entry, (calls, _primitive, own, cumulative, _callers) in ranked[:count]
    ]


def by_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time added up by module (file), most first."""
    table: dict[Entry, tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
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

    bare, loaded = startup()
    print("\nsteps, wall time without a profiler (median)")
    timings = [
        ("python -c pass", bare),
        ('python -c "import dag_lsp.cli"', loaded),
        *steps(text),
    ]
    for name, seconds in timings:
        print(f"  {name:<44}{seconds * 1e3:9.1f} ms")

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
