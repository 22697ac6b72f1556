/**
 * The snippets, expanded with every placeholder at its default: there is one
 * for a new tree, a question and an outcome; each expands to text the grammar
 * scopes in full; and the new tree's entry, question and outcomes refer to
 * each other.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import type { IGrammar } from "vscode-textmate";
import { loadGrammar, tokenize, unscopedTokens } from "../../tools/tokenize";

interface Snippet {
  readonly prefix: string | string[];
  readonly body: string[];
}

const snippets = JSON.parse(
  fs.readFileSync(path.resolve("snippets/dag.code-snippets"), "utf8"),
) as Record<string, Snippet>;

/**
 * The text a snippet inserts when every placeholder keeps its default (and
 * a choice its first option).
 */
function expand(snippet: Snippet): string {
  const defaults = new Map<string, string>();
  const keep = (index: string, value: string): string => {
    defaults.set(index, value);
    return value;
  };
  let text = snippet.body.join("\n");
  for (;;) {
    const next = text
      .replace(
        /\$\{(\d+)\|([^,|]*)[^|]*\|\}/g,
        (_match, index: string, first: string) => keep(index, first),
      )
      .replace(/\$\{(\d+):([^${}]*)\}/g, (_match, index: string, value: string) =>
        keep(index, value),
      )
      .replace(
        /\$\{(\d+)\}|\$(\d+)/g,
        (match, braced?: string, bare?: string) =>
          defaults.get(braced ?? bare ?? "") ?? (match === "$0" ? "" : match),
      );
    if (next === text) {
      return text;
    }
    text = next;
  }
}

/** The texts of the tokens carrying `scope`. */
function textsWithScope(grammar: IGrammar, text: string, scope: string): string[] {
  return tokenize(grammar, text)
    .filter((token) => token.scopes.includes(scope))
    .map((token) => token.text);
}

describe("snippets", () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  test("there are snippets for a new tree, a question and an outcome", () => {
    assert.deepEqual(Object.keys(snippets).sort(), [
      "New decision tree",
      "Outcome",
      "Question",
    ]);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`"${name}" expands to text the grammar fully scopes`, () => {
      const text = expand(snippet);
      assert.doesNotMatch(text, /\$/);
      assert.deepEqual(unscopedTokens(tokenize(grammar, text)), []);
    });
  }

  test("the new tree's entry, question and outcomes refer to each other", () => {
    const text = expand(snippets["New decision tree"]);
    assert.deepEqual(textsWithScope(grammar, text, "keyword.other.header-key.dag"), [
      "dag",
      "version",
      "entry",
    ]);
    assert.deepEqual(
      textsWithScope(grammar, text, "entity.name.function.question.dag"),
      ["Q1"],
    );
    assert.deepEqual(
      textsWithScope(grammar, text, "entity.name.function.question.reference.dag"),
      ["Q1"],
    );
    assert.deepEqual(
      textsWithScope(grammar, text, "entity.name.type.outcome.reference.dag"),
      ["FIRST", "SECOND"],
    );
    assert.deepEqual(textsWithScope(grammar, text, "entity.name.type.outcome.dag"), [
      "FIRST",
      "SECOND",
    ]);
  });

  test("the outcome's code defaults to its id", () => {
    const text = expand(snippets.Outcome);
    assert.deepEqual(textsWithScope(grammar, text, "constant.other.code.dag"), [
      "OUTCOME",
    ]);
    assert.deepEqual(
      textsWithScope(grammar, text, "constant.other.color.rgb-value.hex.dag"),
      ["#22c55e"],
    );
  });
});
