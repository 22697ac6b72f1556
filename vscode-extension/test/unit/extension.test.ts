/**
 * Activates the extension under the fake `vscode` module, with no server
 * installed: the commands exist, and each start attempt (at activation, by
 * command, after a settings change) reports once.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { ExtensionContext } from "vscode";
import { installFakeVscode, Uri } from "../fakes/vscode";
import { settle, waitFor } from "../helpers/wait";

const recorder = installFakeVscode();
recorder.settings.set("dag.server.command", "dag-lsp-not-installed");

/** How many times the extension has begun to start a server. */
const startsBegun = () =>
  recorder.outputLines.filter((line) => line.startsWith("Starting the language server"))
    .length;

let extension: typeof import("../../src/extension");
const context = {
  subscriptions: [] as { dispose(): unknown }[],
  extensionUri: Uri.parse("file:///ext/dag-lsp"),
};

before(async () => {
  // Loaded only now, so that its `require("vscode")` finds the fake.
  extension = await import("../../src/extension");
  extension.activate(context as unknown as ExtensionContext);
  await waitFor(
    () => recorder.errorMessages.length > 0,
    "the start at activation to be reported",
  );
});

test("activation registers the commands and tries to start the server once", () => {
  assert.deepEqual([...recorder.commands.keys()].sort(), [
    "dag.restartServer",
    "dag.showOutput",
    "dag.showPreview",
  ]);
  assert.equal(recorder.errorMessages.length, 1);
  assert.match(recorder.errorMessages[0] ?? "", /\(tried: dag-lsp-not-installed\)/);
});

test("the restart command tries again with the current settings", async () => {
  recorder.settings.set("dag.server.pythonPath", "python-not-installed");
  await recorder.commands.get("dag.restartServer")?.();
  assert.equal(recorder.errorMessages.length, 2);
  assert.match(
    recorder.errorMessages[1] ?? "",
    /\(tried: python-not-installed -m dag_lsp\)/,
  );
});

// The settings tests run on Node's mock timers: the restart waits for the
// settings to settle on a timer, so each tick below decides exactly when it may
// happen, and settle() lets a restart that was due begin.

test("a burst of server settings changes restarts the server once, after the last", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const settleMs = extension.SETTINGS_SETTLE_MS;
  const begun = startsBegun();
  const step = settleMs - 100;

  recorder.changeSettings("dag.server.pythonPath");
  t.mock.timers.tick(step);
  recorder.changeSettings("dag.server.args");
  t.mock.timers.tick(step);
  // Not a server setting: it neither restarts the server nor puts it off.
  recorder.changeSettings("dag.trace.server");
  t.mock.timers.tick(settleMs - step - 1);
  await settle();
  assert.equal(startsBegun(), begun, "restarted before the settings settled");

  t.mock.timers.tick(1);
  await waitFor(
    () => recorder.errorMessages.length === 3,
    "the restart to be reported",
  );

  t.mock.timers.tick(10 * settleMs);
  await settle();
  assert.equal(startsBegun(), begun + 1);
  assert.equal(recorder.errorMessages.length, 3);
});

test("other settings do not restart the server", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const begun = startsBegun();

  recorder.changeSettings("dag.trace.server", "editor.fontSize");
  t.mock.timers.tick(10 * extension.SETTINGS_SETTLE_MS);
  await settle();

  assert.equal(startsBegun(), begun);
  assert.equal(recorder.errorMessages.length, 3);
});

test("the preview command asks for a .dag file when none is active", async () => {
  recorder.editors.push({
    document: { uri: Uri.parse("file:///work/notes.txt"), languageId: "plaintext" },
    viewColumn: 1,
  });
  await recorder.commands.get("dag.showPreview")?.();
  recorder.editors.length = 0;
  assert.deepEqual(recorder.informationMessages, [
    "Decision DAG: open a .dag file to see its preview.",
  ]);
  assert.equal(recorder.panels.length, 0);
});

test("the preview command opens the preview of the file whose title button was pressed", async () => {
  const tea = { uri: Uri.parse("file:///work/tea.dag"), languageId: "dag" };
  recorder.documents.set(tea.uri.toString(), tea);
  await recorder.commands.get("dag.showPreview")?.(tea.uri);
  assert.equal(recorder.panels.length, 1);
  assert.equal(recorder.panels[0]?.title, "Preview tea.dag");
});

test("deactivate stops the extension and its subscriptions can be disposed", async () => {
  await extension.deactivate();
  context.subscriptions.forEach((subscription) => subscription.dispose());
  assert.deepEqual([...recorder.commands.keys()], []);
  assert.equal(recorder.panels[0]?.disposed, true);
});
