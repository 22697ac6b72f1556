/**
 * The language configuration (language-configuration.json) applied to real
 * lines, as VS Code applies it: Enter after a question, outcome or routes
 * head indents the next line and after any other line does not, in agreement
 * with the grammar's block heads; the line comment makes a comment the
 * grammar reads as one; region markers, the word pattern and the bracket and
 * quote pairs.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { before, describe, test } from "node:test";
import type { IGrammar } from "vscode-textmate";
import { loadGrammar, tokenize } from "../../tools/tokenize";

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: string;
  onEnterRules: { beforeText: string; action: { indent: string } }[];
  folding: { offSide: boolean; markers: { start: string; end: string } };
}

const config = JSON.parse(
  fs.readFileSync(path.resolve("language-configuration.json"), "utf8"),
) as LanguageConfiguration;

const GRAMMAR_TESTS = path.resolve("test/grammar");

/** Whether pressing Enter at the end of `line` indents the new line. */
function indentsAfter(line: string): boolean {
  return config.onEnterRules.some(
    (rule) => rule.action.indent === "indent" && new RegExp(rule.beforeText).test(line),
  );
}

describe("indentation on Enter", () => {
  test("a question, outcome or routes head indents the next line", () => {
    for (const line of [
      "Q1: Is the customer unable to use the product at all right now?",
      "Q-2: Quelle est votre budget ? 予算はいくらですか？",
      "[OUT]: Open an incident",
      "[SELF-K8S]: Run it yourself: on Kubernetes",
      "[ASK]:",
      "routes:",
    ]) {
      assert.ok(indentsAfter(line), line);
    }
  });

  test("a header field, answer, property, route or comment does not", () => {
    for (const line of [
      "dag: Where should this support ticket go?",
      "name: Which backup?",
      "entry: Q1",
      "mode: elimination",
      "version: 2",
      "description: Case #5: the hard one",
      "tags: support, triage",
      "image: https://example.com/tree.png",
      "locale: en",
      "  yes -> Q2",
      "  A: Weekly -> [CLOUD_SYNC]",
      '  hint: "Unable" means no workaround.',
      "  color: #ef4444",
      "  single-writer: Q1=no -> [SQLITE]",
      "# Q1: a question commented out",
      "  # [OUT]: an outcome commented out",
      "",
    ]) {
      assert.ok(!indentsAfter(line), line);
    }
  });

  test("on every line at column 0 of the grammar tests, it agrees with the grammar", async () => {
    const grammar = await loadGrammar();
    const heads = [
      "meta.block.question.dag",
      "meta.block.outcome.dag",
      "meta.section.routes.dag",
    ];
    let checked = 0;
    for (const file of fs
      .readdirSync(GRAMMAR_TESTS)
      .filter((name) => name.endsWith(".dag"))) {
      const text = fs.readFileSync(path.join(GRAMMAR_TESTS, file), "utf8");
      const tokens = tokenize(grammar, text);
      text.split("\n").forEach((line, index) => {
        if (!/^[^\s#]/.test(line)) {
          return;
        }
        const first = tokens.find((token) => token.line === index + 1);
        const isHead = heads.some((scope) => first?.scopes.includes(scope) === true);
        assert.equal(
          indentsAfter(line),
          isHead,
          `${file}:${String(index + 1)}: ${line}`,
        );
        checked += 1;
      });
    }
    assert.ok(checked >= 40, `only ${String(checked)} lines checked`);
  });
});

/** The line as VS Code's Toggle Line Comment leaves it: `# ` after the indentation. */
function commentOut(line: string): string {
  const indent = /^\s*/.exec(line)?.[0] ?? "";
  return `${indent}${config.comments.lineComment} ${line.slice(indent.length)}`;
}

describe("comments", () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  test("a line commented out is, all of it, a comment to the grammar", () => {
    assert.equal(config.comments.lineComment, "#");
    for (const line of [
      "Q1: Is it urgent?",
      "[OUT]: Open an incident",
      "entry: Q1",
      "  yes -> Q2",
      "  color: #ef4444",
    ]) {
      const commented = commentOut(line);
      const unscoped = tokenize(grammar, commented).filter(
        (token) =>
          token.text.trim() !== "" &&
          !token.scopes.includes("comment.line.number-sign.dag"),
      );
      assert.deepEqual(unscoped, [], commented);
    }
  });
});

describe("folding", () => {
  const start = new RegExp(config.folding.markers.start);
  const end = new RegExp(config.folding.markers.end);

  test("region comments start and end a fold", () => {
    for (const line of ["# region Billing", "  #region", "#  region: outcomes"]) {
      assert.ok(start.test(line), line);
      assert.ok(!end.test(line), line);
    }
    for (const line of ["# endregion", "  #endregion Billing"]) {
      assert.ok(end.test(line), line);
      assert.ok(!start.test(line), line);
    }
  });

  test("other lines that mention a region do not", () => {
    for (const line of [
      "# regions of the world",
      "Q1: Which region?",
      "  region -> Q2",
    ]) {
      assert.ok(!start.test(line), line);
      assert.ok(!end.test(line), line);
    }
  });

  test("without the server, blocks fold by indentation", () => {
    assert.equal(config.folding.offSide, true);
  });
});

describe("words and pairs", () => {
  test("a word is a whole id, dashes and underscores included", () => {
    const words = (line: string) =>
      line.match(new RegExp(config.wordPattern, "g")) ?? [];
    assert.deepEqual(words("  no -> [SELF-K8S]"), ["no", "SELF-K8S"]);
    assert.deepEqual(words("[PURSUE_NOW]: Pursue it now"), [
      "PURSUE_NOW",
      "Pursue",
      "it",
      "now",
    ]);
    assert.deepEqual(words("Q12: x --> y"), ["Q12", "x", "y"]);
  });

  test("brackets match, close and surround; quotes close except in comments", () => {
    assert.deepEqual(config.brackets, [["[", "]"]]);
    const closing = new Map(config.autoClosingPairs.map((pair) => [pair.open, pair]));
    const pairs: [string, string][] = [...config.brackets, ["(", ")"], ['"', '"']];
    for (const [open, close] of pairs) {
      assert.equal(closing.get(open)?.close, close, open);
      assert.ok(
        config.surroundingPairs.some(
          ([first, second]) => first === open && second === close,
        ),
        open,
      );
    }
    assert.deepEqual(closing.get('"')?.notIn, ["comment"]);
    assert.equal(closing.get("[")?.notIn, undefined);
  });
});
