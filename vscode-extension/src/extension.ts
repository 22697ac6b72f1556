/**
 * Entry point of the Decision DAG extension: starts the `dag-lsp` language
 * server for `.dag` files and registers the extension's commands.
 */
import * as vscode from "vscode";
import { ServerManager } from "./serverManager";

/** How long the `dag.server.*` settings must stay unchanged before the server restarts. */
const SETTINGS_SETTLE_MS = 500;

let manager: ServerManager | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("Decision DAG", { log: true });
  const serverManager = new ServerManager(output);
  manager = serverManager;
  context.subscriptions.push(
    output,
    serverManager,
    vscode.commands.registerCommand("dag.restartServer", () => serverManager.restart()),
    vscode.commands.registerCommand("dag.showOutput", () => {
      output.show();
    }),
    onServerSettingsChanged(() => void serverManager.restart()),
    // In an untrusted workspace, workspace values of dag.server.* are ignored; trust may change the command.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void serverManager.restart()),
  );
  void serverManager.start();
}

export function deactivate(): Promise<void> | undefined {
  const stopping = manager?.stop();
  manager = undefined;
  return stopping;
}

/** Calls `listener` once the `dag.server.*` settings have stopped changing for a moment. */
function onServerSettingsChanged(listener: () => void): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration("dag.server")) {
      clearTimeout(timer);
      timer = setTimeout(listener, SETTINGS_SETTLE_MS);
    }
  });
  return new vscode.Disposable(() => {
    clearTimeout(timer);
    subscription.dispose();
  });
}
