/**
 * The live preview of `.dag` files: one webview panel per document, beside
 * its editor, showing the diagram the language server draws of it.
 *
 * Edits are debounced: the diagram is asked for once the document has been
 * left unchanged for `UPDATE_DELAY_MS`. The server is the source of truth
 * (the `dag/diagram` request); the extension keeps the last good source, so
 * a document with syntax errors keeps its last good diagram under a banner
 * naming the first error. A click on a box moves the cursor to the
 * definition of the question or outcome it stands for.
 *
 * Previews do not survive a reload of the window: restoring them would take
 * a `WebviewPanelSerializer` and an `onWebviewPanel:dag.preview` activation.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import { makeNonce, previewHtml } from "./html";
import type { DiagramResult, LspRange, ShowMessage, WebviewMessage } from "./protocol";

export const VIEW_TYPE = "dag.preview";
export const UPDATE_DELAY_MS = 300;
/** The folders the webview may load from: the bundled script and the style sheet. */
export const RESOURCE_FOLDERS = ["dist", "media"];
export const SCRIPT = ["dist", "preview.js"];
export const STYLE = ["media", "preview.css"];

/** Where diagrams come from: the language server, or a stand-in in tests. */
export interface DiagramSource {
  /**
   * The diagram of a document's current version; undefined when no server runs, null
   * when it does not know the document.
   */
  diagram(uri: vscode.Uri): Promise<DiagramResult | null | undefined>;
}

interface Context {
  readonly extensionUri: vscode.Uri;
  readonly source: DiagramSource;
  readonly output: vscode.LogOutputChannel;
  readonly delayMs: number;
}

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly subscription: vscode.Disposable;
  private readonly context: Context;

  constructor(
    extensionUri: vscode.Uri,
    source: DiagramSource,
    output: vscode.LogOutputChannel,
    delayMs = UPDATE_DELAY_MS,
  ) {
    this.context = { extensionUri, source, output, delayMs };
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      this.previews.get(event.document.uri.toString())?.schedule();
    });
  }

  /**
   * Opens the preview of a document beside `column`, or brings its open
   * preview forward.
   */
  show(document: vscode.TextDocument, column: vscode.ViewColumn | undefined): void {
    const key = document.uri.toString();
    const open = this.previews.get(key);
    if (open !== undefined) {
      open.panel.reveal(undefined, true);
      return;
    }

    const preview = new Preview(
      document.uri,
      column,
      this.context,
      createPanel(document.uri, this.context.extensionUri),
    );
    this.previews.set(key, preview);

    preview.panel.onDidDispose(() => {
      preview.dispose();
      this.previews.delete(key);
    });
  }

  /** Asks for every open preview's diagram again, as after the server (re)starts. */
  refreshAll(): void {
    for (const preview of this.previews.values()) {
      preview.schedule();
    }
  }

  dispose(): void {
    this.subscription.dispose();

    for (const preview of [...this.previews.values()]) {
      preview.panel.dispose();
    }
  }
}

function createPanel(uri: vscode.Uri, extensionUri: vscode.Uri): vscode.WebviewPanel {
  const title = `Preview ${path.posix.basename(uri.path)}`;
  const panel = vscode.window.createWebviewPanel(
    VIEW_TYPE,
    title,
    { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
    {
      enableScripts: true,
      localResourceRoots: RESOURCE_FOLDERS.map((folder) =>
        vscode.Uri.joinPath(extensionUri, folder),
      ),
    },
  );

  const webview = panel.webview;
  webview.html = previewHtml({
    cspSource: webview.cspSource,
    scriptUri: webview
      .asWebviewUri(vscode.Uri.joinPath(extensionUri, ...SCRIPT))
      .toString(),
    styleUri: webview
      .asWebviewUri(vscode.Uri.joinPath(extensionUri, ...STYLE))
      .toString(),
    nonce: makeNonce(),
    title,
  });

  return panel;
}

/**
 * One document's preview: its panel, its last good diagram, and where each box leads.
 */
class Preview {
  private lastGood: string | null = null;
  private lastGoodBoxes = 0;
  private banner: string | null = null;
  private ranges = new Map<string, LspRange>();
  private timer: NodeJS.Timeout | undefined;
  /** Numbers each request; only the answer to the latest is shown. */
  private asked = 0;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly uri: vscode.Uri,
    private readonly column: vscode.ViewColumn | undefined,
    private readonly context: Context,
    readonly panel: vscode.WebviewPanel,
  ) {
    this.subscription = panel.webview.onDidReceiveMessage((message: WebviewMessage) => {
      this.onMessage(message).catch((error: unknown) => {
        this.context.output.error(
          `The preview of ${this.uri.toString()} could not handle ` +
            `"${message.type}": ${String(error)}`,
        );
      });
    });
  }

  /** Asks for the diagram again once the document has stopped changing. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), this.context.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case "ready":
        this.post();
        await this.refresh();
        break;
      case "reveal":
        await this.reveal(message.id);
        break;
      case "renderFailed":
        this.context.output.error(
          `The preview of ${this.uri.toString()} could not be drawn: ` +
            message.message,
        );
        break;
    }
  }

  private async refresh(): Promise<void> {
    const asked = ++this.asked;

    let result: DiagramResult | null | undefined;
    try {
      result = await this.context.source.diagram(this.uri);
    } catch (error) {
      this.context.output.warn(
        `The diagram of ${this.uri.toString()} could not be updated: ${String(error)}`,
      );
      result = undefined;
    }

    // An answer overtaken by a later request is dropped.
    if (asked === this.asked) {
      this.apply(result);
      this.post();
    }
  }

  private apply(result: DiagramResult | null | undefined): void {
    if (result === undefined) {
      this.banner =
        "the language server is not running; the diagram updates once it runs";
      return;
    }
    if (result === null) {
      this.banner = "the language server has not read this file yet";
      return;
    }

    this.ranges = new Map(result.nodes.map((node) => [node.id, node.range]));
    if (result.source !== null) {
      this.lastGood = result.source;
      this.lastGoodBoxes = result.nodes.length;
    }

    this.banner =
      result.error === null ? null : errorBanner(result.error, this.lastGood !== null);
  }

  private post(): void {
    const message: ShowMessage = {
      type: "show",
      source: this.lastGood,
      boxes: this.lastGoodBoxes,
      banner: this.banner,
    };
    void this.panel.webview.postMessage(message);
  }

  /**
   * Moves the cursor to the start of the box's definition, in the document's
   * editor. A document deleted or renamed since is logged, not thrown.
   */
  private async reveal(id: string): Promise<void> {
    const range = this.ranges.get(id);
    if (range === undefined) {
      return;
    }

    const start = new vscode.Position(range.start.line, range.start.character);

    try {
      const document = await vscode.workspace.openTextDocument(this.uri);
      await vscode.window.showTextDocument(document, {
        viewColumn: this.editorColumn(),
        selection: new vscode.Range(start, start),
        preserveFocus: false,
      });
    } catch (error) {
      this.context.output.error(
        `Could not go to '${id}' in ${this.uri.toString()}: ${String(error)}`,
      );
    }
  }

  /**
   * The column of an editor showing the document, else the one the preview
   * was opened from.
   */
  private editorColumn(): vscode.ViewColumn {
    const key = this.uri.toString();
    const visible = vscode.window.visibleTextEditors.find(
      (editor) => editor.document.uri.toString() === key,
    );
    return visible?.viewColumn ?? this.column ?? vscode.ViewColumn.One;
  }
}

function errorBanner(
  error: { message: string; range: LspRange },
  keeping: boolean,
): string {
  const line = String(error.range.start.line + 1);
  const where = `syntax error on line ${line}: ${error.message}`;
  return keeping
    ? `${where} (showing the last good diagram)`
    : `${where} (the diagram appears once the file reads without errors)`;
}
