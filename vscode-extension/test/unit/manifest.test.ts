/**
 * package.json as VS Code reads it: the settings the extension reads, with
 * the defaults the code assumes; the commands, the activation on .dag files,
 * the preview's button in the editor title and the command palette; and
 * every contributed file (grammar, language configuration, snippets) exists
 * and parses. What the built package holds is tested in test/package.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { DEFAULT_COMMAND } from "../../src/serverCommand";

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; icon?: string }[];
    menus: Record<string, { command: string; when: string }[]>;
    configuration: {
      properties: Record<string, { default: unknown; enum?: string[] }>;
    };
  };
}

const manifest = JSON.parse(
  fs.readFileSync(path.resolve("package.json"), "utf8"),
) as Manifest;
const settings = manifest.contributes.configuration.properties;

test("declares the settings the extension reads, with matching defaults", () => {
  assert.equal(settings["dag.server.command"].default, DEFAULT_COMMAND);
  assert.deepEqual(settings["dag.server.args"].default, []);
  assert.equal(settings["dag.server.pythonPath"].default, "");
  assert.deepEqual(settings["dag.trace.server"].enum, ["off", "messages", "verbose"]);
});

test("declares the commands and activates on .dag files", () => {
  const commands = manifest.contributes.commands
    .map((command) => command.command)
    .sort();
  assert.deepEqual(commands, [
    "dag.restartServer",
    "dag.showOutput",
    "dag.showPreview",
  ]);
  assert.deepEqual(manifest.activationEvents, ["onLanguage:dag"]);
  assert.deepEqual(
    manifest.contributes.languages.map((language) => [
      language.id,
      language.extensions,
    ]),
    [["dag", [".dag"]]],
  );
});

test("every contributed file exists and parses", () => {
  const files = [
    ...manifest.contributes.languages.map((language) => language.configuration),
    ...manifest.contributes.grammars.map((grammar) => grammar.path),
    ...manifest.contributes.snippets.map((snippet) => snippet.path),
  ];
  for (const file of files) {
    assert.doesNotThrow(
      () => JSON.parse(fs.readFileSync(path.resolve(file), "utf8")),
      file,
    );
  }
});

test("the preview has a button in the title of .dag editors and in the command palette there", () => {
  const onDagFiles = (entry: { command: string; when: string }) =>
    entry.command === "dag.showPreview" && entry.when.startsWith("editorLangId == dag");
  assert.ok(manifest.contributes.menus["editor/title"].some(onDagFiles));
  assert.ok(manifest.contributes.menus.commandPalette.some(onDagFiles));
  const preview = manifest.contributes.commands.find(
    (command) => command.command === "dag.showPreview",
  );
  assert.equal(preview?.icon, "$(open-preview)");
});
