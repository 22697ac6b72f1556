/**
 * Checks that the grammar tests assert every scope the grammar defines, and
 * that they assert no scope the grammar does not define (a typo would
 * otherwise only show up as a confusing test failure, or never).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GRAMMAR_PATH, ROOT_SCOPE } from "./tokenize";

const TEST_DIR = path.resolve("test/grammar");

/** Every `name` and `contentName` of the grammar's rules and captures. */
function definedScopes(grammar: unknown): Set<string> {
  const scopes = new Set<string>();
  const visit = (node: unknown, isRoot: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((child) => {
        visit(child, false);
      });
    } else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        // The root's `name` is the language's display name, not a scope.
        if (
          (key === "name" || key === "contentName") &&
          typeof value === "string" &&
          !isRoot
        ) {
          value.split(/\s+/).forEach((scope) => scopes.add(scope));
        } else {
          visit(value, false);
        }
      }
    }
  };
  visit(grammar, true);
  return scopes;
}

/** The scopes named by `^` and `<-` assertion lines (required and excluded alike). */
function assertedScopes(testFile: string): Set<string> {
  const scopes = new Set<string>();
  for (const line of testFile.split(/\r?\n/).slice(1)) {
    const assertion = /^#\s*(?:\^+\s*)+(.*)$|^#\s*<~*-+(.*)$/.exec(line);
    const names = assertion?.[1] ?? assertion?.[2];
    names
      ?.split(/\s+/)
      .filter((name) => /^\w[\w.-]*$/.test(name))
      .forEach((name) => scopes.add(name));
  }
  return scopes;
}

function main(): number {
  const defined = definedScopes(JSON.parse(fs.readFileSync(GRAMMAR_PATH, "utf8")));
  const asserted = new Set<string>();
  for (const file of fs.readdirSync(TEST_DIR).filter((name) => name.endsWith(".dag"))) {
    assertedScopes(fs.readFileSync(path.join(TEST_DIR, file), "utf8")).forEach(
      (scope) => asserted.add(scope),
    );
  }
  const untested = [...defined].filter((scope) => !asserted.has(scope));
  const unknown = [...asserted].filter(
    (scope) => scope !== ROOT_SCOPE && !defined.has(scope),
  );
  untested.forEach((scope) => {
    console.error(`not asserted by any grammar test: ${scope}`);
  });
  unknown.forEach((scope) => {
    console.error(`asserted but not defined by the grammar: ${scope}`);
  });
  const covered = defined.size - untested.length;
  console.log(
    `grammar coverage: ${String(defined.size)} scopes defined, ` +
      `${String(covered)} asserted`,
  );
  return untested.length + unknown.length === 0 ? 0 : 1;
}

process.exitCode = main();
