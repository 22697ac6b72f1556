/**
 * The live preview under the fake `vscode` module, with a stand-in for the
 * language server: one panel per document, a page that loads only the
 * extension's own files under a strict Content-Security-Policy, debounced
 * updates, the last good diagram kept through syntax errors, and a click on
 * a box moving the cursor to its definition. Timers are Node's mock timers.
 */
import assert from "node:assert/strict";
import { afterEach, before, beforeEach, mock, test } from "node:test";
import type { TextDocument, ViewColumn } from "vscode";
import type { DiagramResult, LspRange, ShowMessage } from "../../src/preview/protocol";
import {
  type FakeDocument,
  type FakePanel,
  fakeOutputChannel,
  installFakeVscode,
  Uri,
} from "../fakes/vscode";
import { settle } from "../helpers/wait";

const recorder = installFakeVscode();
const output = fakeOutputChannel(recorder);
// The fake module's view columns, numbered as VS Code numbers them.
const [ONE, TWO] = [1, 2] as unknown as [ViewColumn, ViewColumn];
const EXTENSION = Uri.parse("file:///ext/dag-lsp");

type Manager = import("../../src/preview/previewManager").PreviewManager;
let PreviewManager: typeof import("../../src/preview/previewManager").PreviewManager;

/**
 * The stand-in server: answers each request with the next queued result
 * (or repeats the last).
 */
class FakeServer {
  readonly asked: string[] = [];
  private readonly answers: (DiagramResult | null | undefined | Error)[] = [];
  answer(...results: (DiagramResult | null | undefined | Error)[]): void {
    this.answers.push(...results);
  }
  diagram(uri: import("vscode").Uri): Promise<DiagramResult | null | undefined> {
    this.asked.push(uri.toString());
    const next = this.answers.length > 1 ? this.answers.shift() : this.answers[0];
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  }
}

let server: FakeServer;
let manager: Manager;

function range(line: number, start: number, end: number): LspRange {
  return { start: { line, character: start }, end: { line, character: end } };
}

function result(
  version: number,
  source: string | null,
  error: DiagramResult["error"] = null,
): DiagramResult {
  return {
    version,
    format: "dot",
    source,
    error,
    nodes: [
      { id: "Q1", kind: "question", range: range(3 + version, 0, 2) },
      { id: "TEA", kind: "outcome", range: range(9 + version, 1, 4) },
    ],
  };
}

function dagDocument(name: string): FakeDocument {
  const document = { uri: Uri.parse(`file:///work/${name}.dag`), languageId: "dag" };
  recorder.documents.set(document.uri.toString(), document);
  return document;
}

/** A value as plain data, to compare with object literals. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function shows(panel: FakePanel): ShowMessage[] {
  return panel.posted as ShowMessage[];
}

before(async () => {
  // Loaded only now, so that its `require("vscode")` finds the fake.
  ({ PreviewManager } = await import("../../src/preview/previewManager"));
});

beforeEach(() => {
  mock.timers.enable({ apis: ["setTimeout"] });
  server = new FakeServer();
  manager = new PreviewManager(
    EXTENSION as unknown as import("vscode").Uri,
    server,
    output,
  );
});

afterEach(() => {
  manager.dispose();
  mock.timers.reset();
  recorder.panels.length = 0;
  recorder.shown.length = 0;
  recorder.editors.length = 0;
});

/** Opens the preview of a document and lets its page say it is ready. */
async function open(document: FakeDocument, column = ONE): Promise<FakePanel> {
  manager.show(document as unknown as TextDocument, column);
  const panel = recorder.panels.at(-1);
  assert.ok(panel);
  panel.send({ type: "ready" });
  await settle();
  return panel;
}

test("one panel per document, beside the editor; showing it again brings it forward", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  const tea = dagDocument("tea");
  const first = await open(tea);
  manager.show(tea as unknown as TextDocument, ONE);
  await open(dagDocument("coffee"));

  assert.equal(recorder.panels.length, 2);
  assert.equal(first.revealed, 1);
  assert.deepEqual(first.showOptions, { viewColumn: -2, preserveFocus: true });
  assert.equal(first.viewType, "dag.preview");
  assert.equal(first.title, "Preview tea.dag");
});

test("a closed panel is forgotten: showing the document again opens a new one", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  const tea = dagDocument("tea");
  const first = await open(tea);
  first.dispose();
  await open(tea);

  assert.equal(recorder.panels.length, 2);
  recorder.changeDocument(tea);
  mock.timers.tick(300);
  await settle();
  assert.equal(server.asked.length, 3, "the closed panel asks no more");
});

test("the page loads only the extension's script and style, under a strict policy", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  const panel = await open(dagDocument("tea"));
  const html = panel.webview.html;

  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(
    html,
  )?.[1];
  const nonce = /script-src 'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  assert.ok(nonce !== undefined && nonce.length >= 16, policy);
  assert.equal(
    policy,
    `default-src 'none'; style-src https://fake.vscode-cdn.net; script-src 'nonce-${nonce}' 'wasm-unsafe-eval'`,
  );
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  assert.deepEqual(scripts, [
    `<script nonce="${nonce}" src="https://fake.vscode-cdn.net/ext/dag-lsp/dist/preview.js">`,
  ]);
  const links = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
  assert.deepEqual(links, [
    "https://fake.vscode-cdn.net/ext/dag-lsp/media/preview.css",
    "https://fake.vscode-cdn.net/ext/dag-lsp/dist/preview.js",
  ]);
  assert.equal(panel.options.enableScripts, true);
  assert.deepEqual(
    panel.options.localResourceRoots?.map((root) => root.toString()),
    ["file:///ext/dag-lsp/dist", "file:///ext/dag-lsp/media"],
  );
});

test("each page gets its own nonce", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  const nonces = [];
  for (const name of ["tea", "coffee"]) {
    const panel = await open(dagDocument(name));
    nonces.push(/nonce="([^"]+)"/.exec(panel.webview.html)?.[1]);
  }
  assert.notEqual(nonces[0], nonces[1]);
});

test("a ready page gets the diagram; a burst of edits asks once, 300 ms after the last", async () => {
  server.answer(result(1, "digraph { Q1 }"), result(4, "digraph { Q1 TEA }"));
  const tea = dagDocument("tea");
  const panel = await open(tea);
  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: "digraph { Q1 }",
    boxes: 2,
    banner: null,
  });

  for (let edit = 0; edit < 3; edit += 1) {
    recorder.changeDocument(tea);
    mock.timers.tick(200);
  }
  await settle();
  assert.equal(server.asked.length, 1);
  mock.timers.tick(100);
  await settle();

  assert.deepEqual(server.asked, ["file:///work/tea.dag", "file:///work/tea.dag"]);
  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: "digraph { Q1 TEA }",
    boxes: 2,
    banner: null,
  });
});

test("after the server starts again every preview asks for its diagram", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  await open(dagDocument("tea"));
  await open(dagDocument("coffee"));

  manager.refreshAll();
  mock.timers.tick(300);
  await settle();

  assert.deepEqual(server.asked.slice(2).sort(), [
    "file:///work/coffee.dag",
    "file:///work/tea.dag",
  ]);
});

test("edits to other documents leave the preview alone", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  await open(dagDocument("tea"));
  recorder.changeDocument(dagDocument("coffee"));
  mock.timers.tick(300);
  await settle();

  assert.equal(server.asked.length, 1);
});

test("syntax errors keep the last good diagram under a banner naming the first error", async () => {
  const error = { message: "'=>' is not an arrow: write '->'", range: range(5, 6, 8) };
  server.answer(
    result(1, "digraph { Q1 }"),
    result(2, null, error),
    result(3, "digraph { Q1 TEA }"),
  );
  const tea = dagDocument("tea");
  const panel = await open(tea);

  recorder.changeDocument(tea);
  mock.timers.tick(300);
  await settle();
  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: "digraph { Q1 }",
    boxes: 2,
    banner:
      "syntax error on line 6: '=>' is not an arrow: write '->' (showing the last good diagram)",
  });

  recorder.changeDocument(tea);
  mock.timers.tick(300);
  await settle();
  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: "digraph { Q1 TEA }",
    boxes: 2,
    banner: null,
  });
});

test("a file that never read cleanly says the diagram will come", async () => {
  server.answer(
    result(1, null, {
      message: "'=>' is not an arrow: write '->'",
      range: range(5, 6, 8),
    }),
  );
  const panel = await open(dagDocument("tea"));

  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: null,
    boxes: 0,
    banner:
      "syntax error on line 6: '=>' is not an arrow: write '->' (the diagram appears once the file reads without errors)",
  });
});

test("without a running server the banner says so and the diagram stays", async () => {
  server.answer(result(1, "digraph { Q1 }"), undefined, new Error("connection closed"));
  const tea = dagDocument("tea");
  const panel = await open(tea);

  recorder.changeDocument(tea);
  mock.timers.tick(300);
  await settle();
  const notRunning =
    "the language server is not running; the diagram updates once it runs";
  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: "digraph { Q1 }",
    boxes: 2,
    banner: notRunning,
  });

  recorder.changeDocument(tea);
  mock.timers.tick(300);
  await settle();
  assert.deepEqual(shows(panel).at(-1), {
    type: "show",
    source: "digraph { Q1 }",
    boxes: 2,
    banner: notRunning,
  });
  assert.ok(recorder.outputLines.some((line) => line.includes("connection closed")));
});

test("a click on a box moves the cursor to its definition, in the document's editor", async () => {
  server.answer(result(2, "digraph { Q1 TEA }"));
  const tea = dagDocument("tea");
  recorder.editors.push({ document: tea, viewColumn: TWO });
  const panel = await open(tea, ONE);

  panel.send({ type: "reveal", id: "TEA" });
  await settle();

  assert.equal(recorder.shown.length, 1);
  const { document, options } = recorder.shown[0] ?? assert.fail();
  assert.equal(document, tea);
  assert.equal(options.viewColumn, 2);
  assert.equal(options.preserveFocus, false);
  assert.deepEqual(plain(options.selection), {
    start: { line: 11, character: 1 },
    end: { line: 11, character: 1 },
  });
});

test("with no editor showing the document, a click opens it where the preview came from", async () => {
  server.answer(result(0, "digraph { Q1 TEA }"));
  const panel = await open(dagDocument("tea"), ONE);

  panel.send({ type: "reveal", id: "Q1" });
  panel.send({ type: "reveal", id: "NOT-A-BOX" });
  await settle();

  assert.equal(recorder.shown.length, 1);
  assert.equal(recorder.shown[0]?.options.viewColumn, 1);
  assert.deepEqual(plain(recorder.shown[0]?.options.selection), {
    start: { line: 3, character: 0 },
    end: { line: 3, character: 0 },
  });
});

test("a diagram the page could not draw is logged", async () => {
  server.answer(result(1, "digraph { Q1 }"));
  const panel = await open(dagDocument("tea"));

  panel.send({ type: "renderFailed", message: "syntax error in line 1" });

  assert.ok(
    recorder.outputLines.some((line) =>
      line.includes("could not be drawn: syntax error in line 1"),
    ),
  );
});

test("a click after the document was deleted or renamed is logged, not thrown", async () => {
  server.answer(result(0, "digraph { Q1 TEA }"));
  const tea = dagDocument("tea");
  const panel = await open(tea, ONE);
  recorder.documents.delete(tea.uri.toString());

  panel.send({ type: "reveal", id: "Q1" });
  await settle();

  assert.equal(recorder.shown.length, 0);
  assert.ok(
    recorder.outputLines.some((line) =>
      line.includes("Could not go to 'Q1' in file:///work/tea.dag: Error: no document"),
    ),
  );
});

test("a message the preview fails to handle is logged, not thrown", async () => {
  const tea = dagDocument("tea");
  manager.show(tea as unknown as TextDocument, ONE);
  const panel = recorder.panels.at(-1) ?? assert.fail();
  server.answer(result(0, "digraph { Q1 }"));
  panel.webview.postMessage = () => {
    throw new Error("webview is disposed");
  };

  panel.send({ type: "ready" });
  await settle();

  assert.ok(
    recorder.outputLines.some((line) =>
      line.includes('could not handle "ready": Error: webview is disposed'),
    ),
  );
});
