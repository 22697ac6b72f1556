/**
 * The preview's renderer, bundled into this test by esbuild as it is into
 * the webview's script, draws the DOT source the server sends: every box
 * comes out under its tree id, with its outcome's color, and nothing is
 * fetched while Graphviz loads or draws.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { renderSvg } from "../../src/preview/render";

// The shape of the server's DOT (see the server's `export/dot.py`) for a small tree.
const SOURCE = `digraph "How should I brew my coffee?" {
  graph [label="How should I brew my coffee?", labelloc="t"];
  node [fontname="Helvetica"];
  edge [fontname="Helvetica"];
  "Q1" [label="Q1: Do you have more than five minutes?", shape="box"];
  "Q2" [label="Q2: Is there a grinder — and \\"fresh\\" beans?", shape="box"];
  "INSTANT" [label="Instant coffee", shape="box", style="rounded,filled", fillcolor="#888888", fontcolor="#000000"];
  "POUR-OVER" [label="Pour-over ☕", shape="box", style="rounded,filled", fillcolor="#f59e0b", fontcolor="#000000"];
  "FRENCH_PRESS" [label="French press", shape="box", style="rounded,filled", fillcolor="#f1f5f9", fontcolor="#000000"];
  "MOKA" [label="MOKA (not defined)", shape="hexagon", style="dashed"];
  "Q1" -> "Q2" [label="yes"];
  "Q1" -> "INSTANT" [label="no"];
  "Q2" -> "POUR-OVER" [label="yes"];
  "Q2" -> "FRENCH_PRESS" [label="no"];
  "Q2" -> "MOKA" [label="not sure"];
}
`;

const IDS = ["Q1", "Q2", "INSTANT", "POUR-OVER", "FRENCH_PRESS", "MOKA"];

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
