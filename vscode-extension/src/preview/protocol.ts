/**
 * What the preview's three parts say to each other: the language server's
 * `dag/diagram` answer, and the messages between the extension and the
 * preview's webview. Shared by both sides, so it holds types and constants only.
 */

/**
 * The custom request that returns a document's diagram (see the server's
 * `lsp/preview.py`).
 */
export const DIAGRAM_REQUEST = "dag/diagram";

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

/** A box of the diagram: a question, an outcome, or an id used without a definition. */
export interface DiagramNode {
  readonly id: string;
  readonly kind: "question" | "outcome" | "missing";
  /** Where a click on the box goes: the id's definition, or its first use. */
  readonly range: LspRange;
}

/** The server's answer for one version of a document. */
export interface DiagramResult {
  readonly version: number;
  readonly format: "dot";
  /**
   * Graphviz DOT source whose node names are the tree's ids; null when the
   * text has syntax errors.
   */
  readonly source: string | null;
  /** The first syntax error, when there is one. */
  readonly error: { readonly message: string; readonly range: LspRange } | null;
  readonly nodes: readonly DiagramNode[];
}

/** From the extension to the webview: the diagram to show, and a banner (or none). */
export interface ShowMessage {
  readonly type: "show";
  /** The last good DOT source; null when there has never been one. */
  readonly source: string | null;
  /** How many boxes that source draws. */
  readonly boxes: number;
  readonly banner: string | null;
}

/** From the webview to the extension. */
export type WebviewMessage =
  | { readonly type: "ready" }
  | { readonly type: "reveal"; readonly id: string }
  | { readonly type: "renderFailed"; readonly message: string };
