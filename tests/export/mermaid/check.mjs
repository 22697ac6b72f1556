// Reads Mermaid diagrams with Mermaid's own parser, for the export tests.
//
// Standard input: a JSON object mapping names to diagram texts. Standard
// output: a JSON object mapping each name to what Mermaid understood (the
// diagram type, its title, the flowchart's vertices and edges with their
// texts decoded) or to {"error": message} when it does not parse.
// Mermaid's sanitizer needs a DOM; jsdom gives it one without a browser.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");

// Mermaid keeps `#name;` entities as placeholders until it draws; decode
// them, and line breaks, as a browser would show them.
function decode(text) {
  const html = text
    .replaceAll("ﬂ°°", "&#")
    .replaceAll("ﬂ°", "&")
    .replaceAll("¶ß", ";")
    .replaceAll(/<br\s*\/?>/g, "\n");
  const box = dom.window.document.createElement("textarea");
  box.innerHTML = html;
  return box.value;
}

async function understand(text) {
  const parsed = await mermaid.parse(text);
  const db = (await mermaid.mermaidAPI.getDiagramFromText(text)).db;
  return {
    type: parsed.diagramType,
    title: db.getDiagramTitle ? db.getDiagramTitle() : "",
    vertices: [...db.getVertices().values()].map((v) => ({
      id: v.id,
      text: decode(v.text),
      type: v.type,
      styles: v.styles,
    })),
    edges: db.getEdges().map((e) => ({
      start: e.start,
      end: e.end,
      text: decode(e.text),
      stroke: e.stroke,
    })),
  };
}

const diagrams = JSON.parse(readFileSync(0, "utf8"));
const results = {};
for (const [name, text] of Object.entries(diagrams)) {
  try {
    results[name] = await understand(text);
  } catch (error) {
    results[name] = { error: String(error.message || error) };
  }
}
console.log(JSON.stringify(results));
