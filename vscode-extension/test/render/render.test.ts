/**
 * The preview's renderer, bundled into this test by esbuild as it is into
 * the webview's script, draws the DOT source the server sends: every box
 * comes out under its tree id, with its outcome's color, and nothing is
 * fetched while Graphviz loads or draws.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { renderSvg } from "../../src/preview/render";
import { IDS, SOURCE } from "./coffee";

const originalFetch = globalThis.fetch;
const fetched: unknown[] = [];

before(() => {
  globalThis.fetch = (input: unknown) => {
    fetched.push(input);
    return Promise.reject(new Error("the renderer must not fetch anything"));
  };
});

after(() => {
  globalThis.fetch = originalFetch;
});

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

/** The `<title>` of each node group: Graphviz writes the node's name there. */
function nodeTitles(svg: string): string[] {
  return [
    ...svg.matchAll(/<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>/g),
  ].map((match) => decode(match[1]));
}

test("every box is drawn under its tree id, offline", async () => {
  const svg = await renderSvg(SOURCE);

  assert.match(svg, /^<\?xml[^>]*>\s*<!DOCTYPE svg/);
  assert.deepEqual(nodeTitles(svg), IDS);
  assert.deepEqual(fetched, []);
});

test("outcomes are filled with their colors and labels keep their text", async () => {
  const svg = await renderSvg(SOURCE);

  for (const color of ["#888888", "#f59e0b", "#f1f5f9"]) {
    assert.ok(svg.includes(`fill="${color}"`), color);
  }
  assert.ok(svg.includes("Pour&#45;over ☕"));
  assert.ok(svg.includes("Q2: Is there a grinder — and &quot;fresh&quot; beans?"));
  assert.equal((svg.match(/class="edge"/g) ?? []).length, 5);
});

test("a source Graphviz cannot read is an error, not a picture", async () => {
  await assert.rejects(renderSvg('digraph { "Q1" -> }'), /syntax error/i);
});
