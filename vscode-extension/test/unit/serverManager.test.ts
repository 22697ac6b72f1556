/**
 * Runs the ServerManager with the real vscode-languageclient against small
 * fake servers, under a fake `vscode` module: what the user sees when the
 * server is missing or broken, and how many servers run after a restart.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, before, describe, test } from "node:test";
import { fakeOutputChannel, installFakeVscode, Uri } from "../fakes/vscode";
import { waitFor } from "../helpers/wait";

const recorder = installFakeVscode();
const FAKE_SERVER = path.resolve("out/test/fakes/lspServer.js");

type Manager = import("../../src/serverManager").ServerManager;
let createManager: (startTimeoutMs?: number) => Manager;
let manager: Manager | undefined;

before(async () => {
  // Loaded only now, so that its `require("vscode")` finds the fake.
  const { ServerManager } = await import("../../src/serverManager");
  createManager = (startTimeoutMs) =>
    new ServerManager(fakeOutputChannel(recorder), startTimeoutMs);
});

afterEach(async () => {
  await manager?.stop();
  manager = undefined;
  recorder.settings.clear();
  recorder.errorMessages.length = 0;
  recorder.diagnosticCollections.length = 0;
});

/**
 * Points the settings at the fake server in `mode`; returns the file it
 * logs starts and exits to.
 */
function useFakeServer(mode: string): string {
  const log = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), "dag-lsp-test-")),
    "servers.log",
  );
  fs.writeFileSync(log, "");
  recorder.settings.set("dag.server.command", process.execPath);
  recorder.settings.set("dag.server.args", [FAKE_SERVER, mode, log]);
  return log;
}

/** Process ids of the fake servers started, and of those still running. */
function servers(log: string): { started: string[]; running: string[] } {
  const lines = fs.readFileSync(log, "utf8").split("\n");
  const started = lines
    .filter((line) => line.startsWith("start "))
    .map((line) => line.slice(6));
  const exited = new Set(
    lines.filter((line) => line.startsWith("exit ")).map((line) => line.slice(5)),
  );
  return { started, running: started.filter((pid) => !exited.has(pid)) };
}

/** Whether a process is still running (a killed fake server logs no exit). */
function alive(pid: string): boolean {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

const liveCollections = () =>
  recorder.diagnosticCollections.filter((collection) => !collection.disposed).length;

/**
 * Waits until a failed server has settled: its failure is reported, no fake
 * server runs and no client holds diagnostics. Nothing is left then that
 * could report again or start another server.
 */
async function waitUntilSettled(log: string): Promise<void> {
  await waitFor(
    () =>
      recorder.errorMessages.length > 0 &&
      servers(log).running.length === 0 &&
      liveCollections() === 0,
    "the failure to be reported and every server and client to be gone",
  );
}

describe("ServerManager", () => {
  test("a missing command gives one message naming it, and starts no client", async () => {
    recorder.settings.set("dag.server.command", "dag-lsp-not-installed");
    manager = createManager();

    // start() resolves once the failed spawn is reported; no client was made
    // that could report anything later.
    await manager.start();

    assert.equal(recorder.errorMessages.length, 1);
    assert.match(
      recorder.errorMessages[0] ?? "",
      /"dag-lsp-not-installed" was not found \(tried: dag-lsp-not-installed\)/,
    );
    assert.match(
      recorder.errorMessages[0] ?? "",
      /from a clone of the dag-lsp repository with "pipx install \/path\/to\/dag-lsp"/,
    );
    assert.equal(recorder.diagnosticCollections.length, 0);
  });

  test("a server that exits at once gives one message and is not restarted", async () => {
    const log = useFakeServer("exit-at-once");
    manager = createManager();

    await manager.start();
    await waitUntilSettled(log);

    assert.equal(recorder.errorMessages.length, 1, recorder.errorMessages.join("\n"));
    assert.match(
      recorder.errorMessages[0] ?? "",
      /failed while starting \(exit code 1\): .*No module named dag_lsp \(tried: /,
    );
    assert.equal(servers(log).started.length, 1);
  });

  test("restart stops the old server before starting one new server", async () => {
    const log = useFakeServer("ok");
    manager = createManager();
    await manager.start();
    const first = servers(log).running;
    assert.equal(first.length, 1);

    // The second restart cancels the start the first one queued: one new
    // server, not two.
    await Promise.all([manager.restart(), manager.restart()]);

    const { started, running } = servers(log);
    assert.equal(started.length, 2);
    assert.equal(running.length, 1);
    assert.notDeepEqual(running, first);
    assert.equal(liveCollections(), 1);
    assert.deepEqual(recorder.errorMessages, []);
  });

  // A server that exits soon after it is initialized, and one that sends a
  // message that is not JSON (the client shuts it down): the same lost session.
  for (const [mode, title] of [
    [
      "crash",
      "a server that keeps crashing is restarted three times, then reported once",
    ],
    [
      "garbage",
      "a server whose connection errors is shut down and restarted by the manager " +
        "alone, three times, then reported once",
    ],
  ] as const) {
    test(title, async () => {
      const log = useFakeServer(mode);
      manager = createManager();

      await manager.start();
      await waitUntilSettled(log);

      assert.equal(recorder.errorMessages.length, 1, recorder.errorMessages.join("\n"));
      assert.match(recorder.errorMessages[0] ?? "", /restarted 3 times/);
      assert.equal(servers(log).started.length, 4);
    });
  }

  test("a server that never answers initialize is killed after the time limit and reported once", async () => {
    const log = useFakeServer("silent");
    // Long enough for Node.js to start the fake server and log it, even on a
    // busy machine; short enough not to hold the tests up.
    manager = createManager(2000);

    // start() resolves once the server is killed and the failure reported;
    // the client lets go of its diagnostics once it sees the connection close.
    const begun = Date.now();
    await manager.start();
    assert.ok(Date.now() - begun < 10000);
    await waitFor(
      () => liveCollections() === 0,
      "the killed server's client to dispose of its diagnostics",
    );

    assert.equal(recorder.errorMessages.length, 1, recorder.errorMessages.join("\n"));
    assert.match(
      recorder.errorMessages[0] ?? "",
      /did not answer initialize within 2 seconds and was stopped \(tried: .*lspServer\.js silent /,
    );
    const { started } = servers(log);
    assert.equal(started.length, 1);
    assert.equal(started.filter(alive).length, 0);
  });

  test("restart and stop end a server that is still starting instead of queueing behind it", async () => {
    const log = useFakeServer("silent");
    manager = createManager();
    const starting = manager.start();
    await waitFor(
      () => servers(log).started.length === 1,
      "the silent server to start",
    );

    useFakeServer("ok");
    const begun = Date.now();
    await Promise.all([starting, manager.restart()]);
    assert.ok(
      Date.now() - begun < 5000,
      `restart took ${String(Date.now() - begun)} ms`,
    );
    assert.equal(alive(servers(log).started[0] ?? ""), false);
    const uri = Uri.parse("file:///work/tea.dag") as unknown as import("vscode").Uri;
    assert.ok(await manager.requestForDocument("dag/diagram", uri));

    const silent = useFakeServer("silent");
    const restarting = manager.restart();
    await waitFor(
      () => servers(silent).started.length === 1,
      "the second silent server to start",
    );
    await Promise.all([restarting, manager.stop()]);
    assert.ok(Date.now() - begun < 10000);
    assert.equal(alive(servers(silent).started[0] ?? ""), false);
    // The killed server's client lets go of its diagnostics once it sees the
    // connection close.
    await waitFor(
      () => liveCollections() === 0,
      "the killed server's client to dispose of its diagnostics",
    );
    assert.deepEqual(recorder.errorMessages, []);
  });

  test("each server start is announced, and document requests go to the running server", async () => {
    useFakeServer("ok");
    manager = createManager();
    let starts = 0;
    manager.onDidStartServer(() => (starts += 1));
    const uri = Uri.parse("file:///work/tea.dag") as unknown as import("vscode").Uri;
    assert.equal(await manager.requestForDocument("dag/diagram", uri), undefined);

    await manager.start();
    assert.equal(starts, 1);
    const answer = await manager.requestForDocument<{ source: string }>(
      "dag/diagram",
      uri,
    );
    assert.equal(answer?.source, 'digraph { "file:///work/tea.dag" }');

    await manager.restart();
    assert.equal(starts, 2);

    await manager.stop();
    assert.equal(await manager.requestForDocument("dag/diagram", uri), undefined);
  });

  test("stop shuts the server down", async () => {
    const log = useFakeServer("ok");
    manager = createManager();
    await manager.start();

    await manager.stop();

    assert.deepEqual(servers(log).running, []);
    assert.equal(liveCollections(), 0);
  });
});
