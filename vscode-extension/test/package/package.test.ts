/**
 * Runs `npm run package` (vsce, after the minified build) with the .vsix
 * written to a temporary folder, and reads the package's entries: it holds
 * what VS Code needs to run the extension, and none of the sources, tests or
 * node_modules.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import * as yauzl from "yauzl";

/** Where vsce puts the extension's own files inside the .vsix. */
const ROOT = "extension/";

/** Every file the package holds, by its path in the extension's folder. */
const EXPECTED = [
  "LICENSE.txt",
  "README.md",
  "ThirdPartyNotices.txt",
  "dist/extension.js",
  "dist/preview.js",
  "language-configuration.json",
  "media/preview.css",
  "package.json",
  "snippets/dag.code-snippets",
  "syntaxes/dag.tmLanguage.json",
];

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dag-lsp-vsix-"));
const vsix = path.join(folder, "dag-lsp.vsix");
let entries: string[] = [];
/** The extension's files in the package, by their path in the extension's folder. */
let files: string[] = [];

/** Runs npm with `args`: the npm running the tests if there is one. */
function npm(args: string[]): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const [command, commandArgs] =
    npmCli === undefined ? ["npm", args] : [process.execPath, [npmCli, ...args]];
  return new Promise((resolve, reject) => {
    execFile(command, commandArgs, (error, stdout, stderr) => {
      if (error === null) {
        resolve();
      } else {
        reject(new Error(`npm ${args.join(" ")} failed: ${stdout}${stderr}`));
      }
    });
  });
}

async function zipEntries(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file);
  try {
    const names: string[] = [];
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
    }
    return names;
  } finally {
    zip.close();
  }
}

before(async () => {
  await npm(["run", "--silent", "package", "--", "--out", vsix]);
  entries = await zipEntries(vsix);
  files = entries
    .filter((entry) => entry.startsWith(ROOT))
    .map((entry) => entry.slice(ROOT.length));
});

after(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

test("the package holds the bundles, the language's files, the docs and the manifest", () => {
  // vsce names the readme readme.md or README.md, and gives LICENSE a .txt.
  const found = files.map((file) => (file === "readme.md" ? "README.md" : file));
  for (const file of EXPECTED) {
    assert.ok(
      found.includes(file),
      `${file} is not in the package: ${files.join(", ")}`,
    );
  }
  assert.ok(entries.includes("extension.vsixmanifest"), entries.join(", "));
});

test("the package holds no sources, tests, build output or node_modules", () => {
  const unwanted = files.filter(
    (file) =>
      /^(src|test|tools|out|node_modules)\//.test(file) ||
      file.includes("/node_modules/") ||
      file.endsWith(".ts") ||
      file.endsWith(".map") ||
      file.endsWith(".vsix"),
  );
  assert.deepEqual(unwanted, []);
});

test("the package holds nothing but the expected files", () => {
  const found = files.map((file) => (file === "readme.md" ? "README.md" : file));
  assert.deepEqual(found.sort(), [...EXPECTED].sort());
});
