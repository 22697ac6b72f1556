/**
 * The preview's web page: a banner, the drawing area, and one script.
 * The Content-Security-Policy lets in only the extension's own style sheet
 * and the one script carrying this page's nonce; that script may compile
 * WebAssembly (Graphviz) but never evaluates code, and nothing is fetched.
 */
import { randomBytes } from "node:crypto";

export interface PageResources {
  /** The webview's `cspSource`: the origin its local resources are served from. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  readonly title: string;
}

/** A fresh nonce for one page: 128 random bits, base64. */
export function makeNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
  ].join("; ");
}

export function previewHtml(page: PageResources): string {
  const csp = contentSecurityPolicy(page.cspSource, page.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<div id="banner" role="status" hidden></div>
<p id="status" role="status" hidden></p>
<main id="diagram" aria-label="Diagram of ${escapeHtml(page.title)}"></main>
<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
