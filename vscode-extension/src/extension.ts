/**
 * Entry point of the Decision DAG extension: starts the `dag-lsp` language
 * server for `.dag` files and registers the extension's commands, the live
 * diagram preview among them.
 */
import * as vscode from "vscode";
import { PreviewManager } from "./preview/previewManager";
import { DIAGRAM_REQUEST, type DiagramResult } from "./preview/protocol";
import { ServerManager } from "./serverManager";

/**
 * How long the `dag.server.*` settings must stay unchanged before the server restarts.
 */
export const SETTINGS_SETTLE_MS = 500;

let manager: ServerManager | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("Decision DAG", { log: true });
  const serverManager = new ServerManager(output);
  manager = serverManager;

  const previews = new PreviewManager(
    context.extensionUri,
    {
      diagram: (uri) =>
        serverManager.requestForDocument<DiagramResult | null>(DIAGRAM_REQUEST, uri),
    },
    output,
  );

  context.subscriptions.push(
    output,
    serverManager,
    previews,
    serverManager.onDidStartServer(() => {
      previews.refreshAll();
    }),
    vscode.commands.registerCommand("dag.showPreview", (uri?: vscode.Uri) =>
      showPreview(previews, uri),
    ),
    vscode.commands.registerCommand("dag.restartServer", () => serverManager.restart()),
    vscode.commands.registerCommand("dag.showOutput", () => {
      output.show();
    }),
    onServerSettingsChanged(() => void serverManager.restart()),
    // In an untrusted workspace, workspace values of dag.server.* are
    // ignored; trust may change the command.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void serverManager.restart()),
  );

  void serverManager.start();
}

export function deactivate(): Promise<void> | undefined {
  const stopping = manager?.stop();
  manager = undefined;
  return stopping;
}

/**
 * Opens the preview of a `.dag` file: the one whose editor-title button was
 * pressed (`uri`), else the active editor's.
 */
async function showPreview(
  previews: PreviewManager,
  uri: vscode.Uri | undefined,
): Promise<void> {
  const active = vscode.window.activeTextEditor;
  const document =
    uri === undefined ? active?.document : await vscode.workspace.openTextDocument(uri);
  if (document?.languageId !== "dag") {
    void vscode.window.showInformationMessage(
      "Decision DAG: open a .dag file to see its preview.",
    );
    return;
  }

  const column =
    active?.document.uri.toString() === document.uri.toString()
      ? active.viewColumn
      : undefined;
  previews.show(document, column);
}

/**
 * Calls `listener` once the `dag.server.*` settings have stopped changing for a moment.
 */
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
