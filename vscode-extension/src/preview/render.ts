/**
 * The diagram renderer: Graphviz compiled to WebAssembly (viz.js), bundled
 * into the preview's script, so drawing needs no network. One instance is
 * made on first use and kept. Used by the webview, and by the tests in Node.
 */
import { instance, type Viz } from "@viz-js/viz";

let viz: Promise<Viz> | undefined;

export function renderer(): Promise<Viz> {
  viz ??= instance();
  return viz;
}

/** The SVG text of a DOT source; throws with Graphviz's message on an error. */
export async function renderSvg(source: string): Promise<string> {
  return (await renderer()).renderString(source, { format: "svg", engine: "dot" });
}
