/**
 * The server's process, with small Node.js scripts as servers: the spawn
 * errors for a missing or non-executable command, the exit code and standard
 * error of a server that exits at once, a kill after the grace time, and the
 * working directory.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, test } from "node:test";
import { errorCode, ServerProcess } from "../../src/serverProcess";

/** Runs a small Node.js script as the "server". */
function nodeScript(script: string) {
  return {
    command: process.execPath,
    args: ["-e", script],
    source: "command" as const,
  };
}

describe("ServerProcess", () => {
  test("rejects with ENOENT for a command that does not exist", async () => {
    const missing = {
      command: "dag-lsp-does-not-exist",
      args: [],
      source: "command" as const,
    };
    await assert.rejects(
      ServerProcess.start(missing, undefined),
      (error) => errorCode(error) === "ENOENT",
    );
  });

  test("rejects with EACCES for a file that is not executable", async (t) => {
    if (process.platform === "win32") {
      t.skip("Windows has no execute permission bit");
      return;
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dag-")), "dag-lsp");
    fs.writeFileSync(file, "#!/bin/sh\n", { mode: 0o644 });
    await assert.rejects(
      ServerProcess.start({ command: file, args: [], source: "command" }, undefined),
      (error) => errorCode(error) === "EACCES",
    );
  });

  test("keeps the exit code and standard error of a server that exits at once", async () => {
    const server = await ServerProcess.start(
      nodeScript("console.error('No module named dag_lsp'); process.exit(3)"),
      undefined,
    );
    await server.stop(5000);
    assert.equal(server.exitCode, 3);
    assert.equal(server.stderrText.trim(), "No module named dag_lsp");
  });

  test("stop kills a server that does not exit on its own", async () => {
    const server = await ServerProcess.start(
      nodeScript("setInterval(() => {}, 1000)"),
      undefined,
    );
    const started = Date.now();
    await server.stop(100);
    assert.ok(
      server.child.signalCode === "SIGKILL",
      `expected SIGKILL, got ${String(server.child.signalCode)}`,
    );
    assert.ok(Date.now() - started < 5000);
  });

  test("runs in the given working directory", async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "dag-")));
    const server = await ServerProcess.start(
      nodeScript("console.error(process.cwd())"),
      dir,
    );
    await server.stop(5000);
    assert.equal(server.stderrText.trim(), dir);
  });
});
