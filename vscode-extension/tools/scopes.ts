/**
 * Prints the scopes the grammar gives each token of .dag files:
 *
 *   npm run scopes -- FILE...           every token with its scopes
 *   npm run scopes -- --check FILE...   only tokens left without a meaningful
 *                                       scope; exits 1 if there are any
 *
 * Relative paths are taken from the folder npm was run in.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  loadGrammar,
  ROOT_SCOPE,
  tokenize,
  unscopedTokens,
  type Token,
} from "./tokenize";

function formatToken(token: Token): string {
  const scopes = token.scopes.filter((scope) => scope !== ROOT_SCOPE).join(" ");
  const where = `${String(token.line)}:${String(token.column)}`;
  return `${where}\t${JSON.stringify(token.text)}\t${scopes || ROOT_SCOPE}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes("--check");
  const files = argv.filter((arg) => arg !== "--check");
  if (files.length === 0) {
    console.error("usage: npm run scopes -- [--check] FILE...");
    return 2;
  }
  const grammar = await loadGrammar();
  const baseDir = process.env.INIT_CWD ?? process.cwd();
  let checked = 0;
  let unscoped = 0;
  for (const file of files) {
    const tokens = tokenize(
      grammar,
      fs.readFileSync(path.resolve(baseDir, file), "utf8"),
    );
    const shown = check ? unscopedTokens(tokens) : tokens;
    checked += tokens.length;
    unscoped += unscopedTokens(tokens).length;
    for (const token of shown) {
      console.log(`${file}:${formatToken(token)}`);
    }
  }
  if (check) {
    console.log(
      `${String(files.length)} files, ${String(checked)} tokens, ` +
        `${String(unscoped)} without a meaningful scope`,
    );
  }
  return check && unscoped > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
