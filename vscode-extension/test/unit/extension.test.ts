/**
 * Activates the extension under the fake `vscode` module, with no server
 * installed: the commands exist, and each start attempt (at activation, by
 * command, after a settings change) reports once.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import type { ExtensionContext } from "vscode";
import { installFakeVscode, Uri } from "../fakes/vscode";

const recorder = installFakeVscode();
recorder.settings.set("dag.server.command", "dag-lsp-not-installed");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let extension: typeof import("../../src/extension");
const context = {
  subscriptions: [] as { dispose(): unknown }[],
  extensionUri: Uri.parse("file:///ext/dag-lsp"),
};

before(async () => {
  // Loaded only now, so that its `require("vscode")` finds the fake.
  extension = await import("../../src/extension");
  extension.activate(context as unknown as ExtensionContext);
  await sleep(200);
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

test("a burst of server settings changes restarts the server once", async () => {
  recorder.changeSettings("dag.server.pythonPath");
  recorder.changeSettings("dag.server.pythonPath");
  recorder.changeSettings("dag.trace.server");
  await sleep(1000);
  assert.equal(recorder.errorMessages.length, 3);
});

test("other settings do not restart the server", async () => {
  recorder.changeSettings("dag.trace.server", "editor.fontSize");
  await sleep(1000);
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
