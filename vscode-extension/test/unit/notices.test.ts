/**
 * ThirdPartyNotices.txt names every package bundled into dist/ (as esbuild
 * reports the bundles' inputs), with the version that is bundled.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import * as esbuild from "esbuild";

/** The bundles of tools/bundle.mjs, as far as what goes into them is concerned. */
const BUNDLES: esbuild.BuildOptions[] = [
  {
    entryPoints: ["src/extension.ts"],
    external: ["vscode"],
    platform: "node",
    format: "cjs",
  },
  { entryPoints: ["src/webview/preview.ts"], platform: "browser", format: "iife" },
];

/** The folders under node_modules of the packages a bundle holds code from. */
async function bundledPackages(options: esbuild.BuildOptions): Promise<string[]> {
  const result = await esbuild.build({
    ...options,
    bundle: true,
    write: false,
    metafile: true,
    outdir: "out/notices",
    logLevel: "silent",
  });
  const folders = Object.keys(result.metafile.inputs)
    .map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
    .filter((folder): folder is string => folder !== undefined);
  return [...new Set(folders)];
}

test("every bundled package is named in ThirdPartyNotices.txt with its version", async () => {
  const notices = fs.readFileSync(path.resolve("ThirdPartyNotices.txt"), "utf8");
  const packages = (await Promise.all(BUNDLES.map(bundledPackages))).flat();
  assert.ok(packages.length >= 6, packages.join(", "));
  for (const folder of packages) {
    const { name, version } = JSON.parse(
      fs.readFileSync(path.join(folder, "package.json"), "utf8"),
    ) as { name: string; version: string };
    assert.ok(
      notices.includes(`${name} ${version}`),
      `${name} ${version} (${folder}) is not in ThirdPartyNotices.txt`,
    );
  }
});
