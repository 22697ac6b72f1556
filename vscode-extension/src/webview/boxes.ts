/**
 * Which box of the drawn diagram a click or a key press lands on, and the
 * message that asks the extension to go to it. Graphviz draws each box as a
 * `<g class="node">` group whose own `<title>` holds the node's name: the
 * tree's id. Written against the few members of a DOM element it reads, so
 * the tests run it on a drawn diagram without a browser.
 */
import type { WebviewMessage } from "../preview/protocol";

/** The members of a DOM element read here. */
export interface BoxElement {
  readonly tagName: string;
  readonly parentElement: BoxElement | null;
  readonly children: ArrayLike<BoxElement>;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
}

export type RevealMessage = Extract<WebviewMessage, { type: "reveal" }>;

function isBox(element: BoxElement): boolean {
  const classes = element.getAttribute("class")?.split(/\s+/) ?? [];
  return element.tagName.toLowerCase() === "g" && classes.includes("node");
}

/** The box an element belongs to: the element itself or the nearest group around it. */
export function boxOf(element: BoxElement | null): BoxElement | undefined {
  for (let current = element; current !== null; current = current.parentElement) {
    if (isBox(current)) {
      return current;
    }
  }
  return undefined;
}

/** The tree id a box stands for: the text of its own `<title>`. */
export function boxId(box: BoxElement): string | undefined {
  const title = Array.from(box.children).find(
    (child) => child.tagName.toLowerCase() === "title",
  );
  return title?.textContent ?? undefined;
}

/** What to tell the extension when `target` is clicked; nothing outside the boxes. */
export function revealMessage(target: BoxElement | null): RevealMessage | undefined {
  const box = boxOf(target);
  const id = box === undefined ? undefined : boxId(box);
  return id === undefined ? undefined : { type: "reveal", id };
}

/** The keys that act on a focused box, as on a button. */
export function activatesBox(key: string): boolean {
  return key === "Enter" || key === " ";
}
