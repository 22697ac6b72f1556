/**
 * Clicks on a diagram drawn by the preview's renderer: the SVG Graphviz
 * writes is read into a small element tree (the members of a DOM element the
 * webview's click handler reads), and a click on any part of a box asks the
 * extension to go to that box's tree id, while a click on an arrow, its
 * label or the background asks for nothing.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { renderSvg } from "../../src/preview/render";
import { activatesBox, type BoxElement, revealMessage } from "../../src/webview/boxes";
import { IDS, SOURCE } from "./coffee";

/** An element of the parsed SVG, with what a DOM element offers the click handler. */
class Element implements BoxElement {
  readonly children: Element[] = [];
  private readonly texts: (string | Element)[] = [];

  constructor(
    readonly tagName: string,
    private readonly attributes: ReadonlyMap<string, string>,
    readonly parentElement: Element | null,
  ) {}

  get textContent(): string {
    return this.texts
      .map((part) => (typeof part === "string" ? part : part.textContent))
      .join("");
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  append(part: string | Element): void {
    this.texts.push(part);
    if (part instanceof Element) {
      this.children.push(part);
    }
  }

  /** This element and every element inside it. */
  *descendants(): Generator<Element> {
    yield this;
    for (const child of this.children) {
      yield* child.descendants();
    }
  }
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/**
 * Reads the SVG Graphviz writes (elements, attributes in double quotes, text,
 * comments, no CDATA) into a tree; returns the `<svg>` element.
 */
function parseSvg(svg: string): Element {
  const document = new Element("#document", new Map(), null);
  let current = document;
  const parts =
    /<!--[\s\S]*?-->|<[?!][^>]*>|<\/([\w:-]+)\s*>|<([\w:-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const match of svg.matchAll(parts)) {
    // A group that took no part in the match is undefined.
    const groups: (string | undefined)[] = match;
    const [, closing, opening, attributes, selfClosing, text] = groups;
    if (closing !== undefined) {
      assert.equal(closing, current.tagName, "the SVG's tags are not nested");
      current = current.parentElement ?? document;
    } else if (opening !== undefined) {
      const pairs = [...(attributes ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)];
      const element = new Element(
        opening,
        new Map(pairs.map(([, name, value]) => [name, decode(value)])),
        current,
      );
      current.append(element);
      if (selfClosing === "") {
        current = element;
      }
    } else if (text !== undefined) {
      current.append(decode(text));
    }
  }
  const root = document.children.find((child) => child.tagName === "svg");
  assert.ok(root !== undefined, "no <svg> element");
  return root;
}

const hasClass = (element: Element, name: string) =>
  element.getAttribute("class")?.split(/\s+/).includes(name) === true;

describe("a click on the drawn diagram", () => {
  let svg: Element;
  before(async () => {
    svg = parseSvg(await renderSvg(SOURCE));
  });

  test("on any part of a box, asks to go to the box's tree id", () => {
    const boxes = [...svg.descendants()].filter((element) => hasClass(element, "node"));
    assert.deepEqual(
      boxes.map((box) => revealMessage(box)?.id),
      IDS,
    );
    for (const [index, box] of boxes.entries()) {
      const parts = [...box.descendants()];
      // The outline, the label's text and the title, at least.
      assert.ok(parts.length >= 3, parts.map((part) => part.tagName).join(", "));
      for (const part of parts) {
        assert.deepEqual(revealMessage(part), { type: "reveal", id: IDS[index] });
      }
    }
  });

  test("on an arrow, its label, the tree's title or the background, asks nothing", () => {
    const outside = [...svg.descendants()].filter(
      (element) => ![...ancestors(element)].some((up) => hasClass(up, "node")),
    );
    assert.ok(outside.some((element) => hasClass(element, "edge")));
    assert.ok(outside.some((element) => element.tagName === "text"));
    for (const element of outside) {
      assert.equal(revealMessage(element), undefined, element.tagName);
    }
    assert.equal(revealMessage(null), undefined);
  });
});

describe("the keys that act on a focused box", () => {
  test("are Enter and Space, as on a button", () => {
    assert.deepEqual(["Enter", " ", "Tab", "Escape", "a"].filter(activatesBox), [
      "Enter",
      " ",
    ]);
  });
});

function* ancestors(element: Element): Generator<Element> {
  for (let up: Element | null = element; up !== null; up = up.parentElement) {
    yield up;
  }
}
