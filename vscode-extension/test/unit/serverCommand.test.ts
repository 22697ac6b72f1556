/**
 * From the dag.server.* settings to the server's command line: the default
 * command, a configured command and arguments, the Python interpreter that
 * takes precedence, `~` and `${workspaceFolder}` expanded, the command line
 * as messages show it, and settings of the wrong type from a hand-edited file.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  expandVariables,
  formatCommandLine,
  resolveServerCommand,
  sanitizeSettings,
  type PathContext,
} from "../../src/serverCommand";

const context: PathContext = { home: "/home/ada", workspaceFolder: "/work/trees" };
const defaults = { command: "dag-lsp", args: [], pythonPath: "" };

describe("resolveServerCommand", () => {
  test("runs dag-lsp with no arguments by default", () => {
    assert.deepEqual(resolveServerCommand(defaults, context), {
      command: "dag-lsp",
      args: [],
      source: "command",
    });
  });

  test("uses the configured command and arguments", () => {
    const server = resolveServerCommand(
      { ...defaults, command: "/opt/dag/bin/dag-lsp", args: ["--log", "debug"] },
      context,
    );
    assert.deepEqual(server, {
      command: "/opt/dag/bin/dag-lsp",
      args: ["--log", "debug"],
      source: "command",
    });
  });

  test("falls back to dag-lsp when the command is blank", () => {
    assert.equal(
      resolveServerCommand({ ...defaults, command: "  " }, context).command,
      "dag-lsp",
    );
  });

  test("a Python interpreter takes precedence and runs the module", () => {
    const server = resolveServerCommand(
      { command: "ignored", args: ["-v"], pythonPath: "python3" },
      context,
    );
    assert.deepEqual(server, {
      command: "python3",
      args: ["-m", "dag_lsp", "-v"],
      source: "pythonPath",
    });
  });

  test("expands variables in the interpreter path and the arguments", () => {
    const settings = {
      ...defaults,
      pythonPath: "${workspaceFolder}/.venv/bin/python",
      args: ["~/dag.log"],
    };
    assert.deepEqual(resolveServerCommand(settings, context), {
      command: "/work/trees/.venv/bin/python",
      args: ["-m", "dag_lsp", "/home/ada/dag.log"],
      source: "pythonPath",
    });
  });
});

describe("expandVariables", () => {
  test("expands a leading ~ only", () => {
    assert.equal(expandVariables("~", context), "/home/ada");
    assert.equal(expandVariables("~/bin/dag-lsp", context), "/home/ada/bin/dag-lsp");
    assert.equal(expandVariables("~other/bin", context), "~other/bin");
    assert.equal(expandVariables("a~/b", context), "a~/b");
  });

  test("leaves ${workspaceFolder} alone without a folder", () => {
    assert.equal(
      expandVariables("${workspaceFolder}/x", {
        home: "/h",
        workspaceFolder: undefined,
      }),
      "${workspaceFolder}/x",
    );
  });
});

describe("formatCommandLine", () => {
  test("joins the words, quoting those with spaces or quotes", () => {
    const line = formatCommandLine({
      command: "/Program Files/Python/python",
      args: ["-m", "dag_lsp", 'say "hi"', ""],
      source: "pythonPath",
    });
    assert.equal(line, '"/Program Files/Python/python" -m dag_lsp "say \\"hi\\"" ""');
  });
});

describe("sanitizeSettings", () => {
  test("keeps well-typed values", () => {
    const raw = { command: "x", args: ["a"], pythonPath: "p" };
    assert.deepEqual(sanitizeSettings(raw), raw);
  });

  test("replaces values of the wrong type with the defaults and drops non-string arguments", () => {
    assert.deepEqual(
      sanitizeSettings({ command: 3, args: ["a", 1, null], pythonPath: undefined }),
      {
        command: "dag-lsp",
        args: ["a"],
        pythonPath: "",
      },
    );
  });
});
