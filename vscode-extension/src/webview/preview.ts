/**
 * The script of the preview's webview (bundled for the browser with the
 * renderer): draws the DOT source the extension sends with Graphviz
 * compiled to WebAssembly, shows its banner, and tells the extension which
 * box was clicked. A new source is drawn only once the one before is done;
 * sources sent meanwhile are skipped but for the latest.
 *
 * Graphviz lays a diagram out in one uninterrupted call, which takes seconds
 * for a thousand boxes and grows faster than the tree; a diagram of more
 * than `LARGE` boxes is drawn only once the reader asks for it.
 */
import type { ShowMessage, WebviewMessage } from "../preview/protocol";
import { renderer } from "../preview/render";
import { activatesBox, boxId, revealMessage } from "./boxes";

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const LARGE = 500;

const vscode = acquireVsCodeApi();
const banner = element("banner");
const status = element("status");
const area = element("diagram");
let drawn: string | null = null;
let pending: ShowMessage | undefined;
let drawing = false;
let largeAllowed = false;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) {
    throw new Error(`the preview page has no element '${id}'`);
  }
  return found;
}

function setBanner(text: string | null): void {
  banner.textContent = text ?? "";
  banner.hidden = text === null;
}

/** Shows each message in turn, drawing only the latest source waiting. */
async function drain(): Promise<void> {
  drawing = true;
  while (pending !== undefined) {
    const message = pending;
    pending = undefined;

    setBanner(message.banner);
    if (message.source === null || message.source === drawn) {
      continue;
    }
    if (message.boxes > LARGE && !largeAllowed) {
      offerToDraw(message);
    } else {
      await draw(message.source, message.boxes);
    }
  }

  drawing = false;
}

/** Instead of a large diagram, a button that draws it (and every later one). */
function offerToDraw(message: ShowMessage): void {
  const boxes = String(message.boxes);
  const note = document.createElement("p");
  note.textContent = `This tree has ${boxes} boxes; drawing it can take a while.`;

  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Draw the diagram";
  button.addEventListener("click", () => {
    largeAllowed = true;
    pending ??= message;
    if (!drawing) {
      void drain();
    }
  });

  area.replaceChildren(note, button);
  drawn = null;
}

async function draw(source: string, boxes: number): Promise<void> {
  status.textContent = `drawing ${String(boxes)} boxes…`;
  status.hidden = false;
  // Let the status show before Graphviz holds the page.
  await new Promise((resolve) => requestAnimationFrame(resolve));

  try {
    const svg = (await renderer()).renderSVGElement(source);
    makeBoxesFocusable(svg);
    area.replaceChildren(svg);
    drawn = source;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    vscode.postMessage({ type: "renderFailed", message: reason });
    setBanner(`the diagram could not be drawn: ${reason}`);
  } finally {
    status.hidden = true;
  }
}

function makeBoxesFocusable(svg: SVGSVGElement): void {
  for (const box of svg.querySelectorAll("g.node")) {
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "button");
    box.setAttribute("aria-label", `Go to ${boxId(box) ?? "this box"}`);
  }
}

/** Asks the extension to go to the box that `target` is in, if it is in one. */
function revealBox(target: EventTarget | null): void {
  const message = revealMessage(target instanceof Element ? target : null);
  if (message !== undefined) {
    vscode.postMessage(message);
  }
}

function isShow(data: unknown): data is ShowMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { type?: unknown }).type === "show"
  );
}

window.addEventListener("message", (event: MessageEvent<unknown>) => {
  if (isShow(event.data)) {
    pending = event.data;
    if (!drawing) {
      void drain();
    }
  }
});

area.addEventListener("click", (event) => {
  revealBox(event.target);
});

area.addEventListener("keydown", (event) => {
  if (activatesBox(event.key)) {
    event.preventDefault();
    revealBox(event.target);
  }
});

vscode.postMessage({ type: "ready" });
