/**
 * The error messages shown when the language server cannot run: each names
 * what happened, the command line tried and how to fix it (a missing or
 * non-executable command, a server that exits at once, one that keeps
 * crashing, one that never answers initialize), and the last line of the
 * server's standard error they quote.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { failureMessage, lastLine } from "../../src/messages";
import type { ServerCommand } from "../../src/serverCommand";

const plain: ServerCommand = { command: "dag-lsp", args: [], source: "command" };
const python: ServerCommand = {
  command: "/usr/bin/python3",
  args: ["-m", "dag_lsp"],
  source: "pythonPath",
};

describe("failureMessage", () => {
  test("a missing command names it, the command line and how to install", () => {
    assert.equal(
      failureMessage(plain, { kind: "spawn", code: "ENOENT" }),
      "Decision DAG: could not start the language server: " +
        '"dag-lsp" was not found (tried: dag-lsp). ' +
        "Install the server from a clone of the dag-lsp repository with " +
        '"pipx install /path/to/dag-lsp" (or "pip install /path/to/dag-lsp"), ' +
        'or set "dag.server.command" or "dag.server.pythonPath".',
    );
  });

  test("a server that exits at once gives its exit code and last error line", () => {
    const message = failureMessage(python, {
      kind: "exited",
      exitCode: 1,
      stderrTail: "/usr/bin/python3: No module named dag_lsp",
    });
    assert.equal(
      message,
      "Decision DAG: the language server failed while starting (exit code 1): " +
        "/usr/bin/python3: No module named dag_lsp " +
        "(tried: /usr/bin/python3 -m dag_lsp). " +
        "Install the server into that interpreter from a clone of the dag-lsp " +
        'repository with "/usr/bin/python3 -m pip install /path/to/dag-lsp", ' +
        'or change "dag.server.pythonPath".',
    );
  });

  test("mentions a command that is not executable", () => {
    assert.match(
      failureMessage(plain, { kind: "spawn", code: "EACCES" }),
      /"dag-lsp" is not executable \(tried: dag-lsp\)/,
    );
  });

  test("says the server will not be restarted after repeated crashes", () => {
    const message = failureMessage(plain, { kind: "crashed", restarts: 3 });
    assert.match(message, /restarted 3 times; it will not be restarted again/);
    assert.match(message, /\(tried: dag-lsp\)/);
  });

  test("a server that never answers initialize is named with the time it had", () => {
    assert.equal(
      failureMessage(
        { command: "sleep", args: ["30"], source: "command" },
        { kind: "timeout", seconds: 20 },
      ),
      "Decision DAG: the language server did not answer initialize within " +
        "20 seconds and was stopped (tried: sleep 30). " +
        "Check that the command runs the dag-lsp language server on standard " +
        'input and output, or change "dag.server.command", ' +
        '"dag.server.args" or "dag.server.pythonPath".',
    );
  });
});

describe("lastLine", () => {
  test("returns the last non-blank line, trimmed", () => {
    assert.equal(
      lastLine("Traceback:\n  File x\nImportError: no pygls  \n\n"),
      "ImportError: no pygls",
    );
    assert.equal(lastLine(""), "");
  });

  test("shortens long lines", () => {
    assert.equal(lastLine("x".repeat(300), 10), `${"x".repeat(9)}…`);
  });
});
