// Bundles the extension for VS Code: dist/extension.js (Node, the extension
// host) and dist/preview.js (the preview's webview script, with the viz.js
// Graphviz renderer inside, so the preview never loads anything from the
// network). `--minify` for the package, `--watch` while developing.
import * as esbuild from "esbuild";
import process from "node:process";

const minify = process.argv.includes("--minify");
const watch = process.argv.includes("--watch");

const bundles = [
  {
    entryPoints: ["src/extension.ts"],
    outfile: "dist/extension.js",
    external: ["vscode"],
    format: "cjs",
    platform: "node",
    target: "node20",
  },
  {
    entryPoints: ["src/webview/preview.ts"],
    outfile: "dist/preview.js",
    format: "iife",
    platform: "browser",
    // VS Code 1.90 runs webviews in Chromium 122.
    target: "chrome122",
  },
];

const common = { bundle: true, minify, sourcemap: watch, logLevel: "info" };

if (watch) {
  for (const options of bundles) {
    const context = await esbuild.context({ ...common, ...options });
    await context.watch();
  }
} else {
  await Promise.all(bundles.map((options) => esbuild.build({ ...common, ...options })));
}
