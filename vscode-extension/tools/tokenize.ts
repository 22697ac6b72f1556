/**
 * Tokenizes text with the extension's TextMate grammar, using the same
 * engine as VS Code (vscode-textmate with the Oniguruma WebAssembly build).
 * Paths are relative to the extension folder, where npm runs its scripts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

export const GRAMMAR_PATH = path.resolve("syntaxes/dag.tmLanguage.json");
export const ROOT_SCOPE = "source.dag";

export interface Token {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column of the token's first character. */
  readonly column: number;
  readonly text: string;
  /** Scopes from the outermost (`source.dag`) to the innermost. */
  readonly scopes: readonly string[];
}

let onigLib: Promise<textmate.IOnigLib> | undefined;

/** Oniguruma's WebAssembly can be loaded once per process, so it is shared. */
function loadOnigLib(): Promise<textmate.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(
      wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    );
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

export async function loadGrammar(
  grammarPath = GRAMMAR_PATH,
): Promise<textmate.IGrammar> {
  const registry = new textmate.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: (scopeName) =>
      Promise.resolve(
        scopeName === ROOT_SCOPE
          ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath)
          : null,
      ),
  });

  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (grammar === null) {
    throw new Error(`Could not load ${ROOT_SCOPE} from ${grammarPath}`);
  }
  return grammar;
}

/** Every token of `text`, line by line, carrying the grammar's state across lines. */
export function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      const tokenText = lineText.slice(token.startIndex, token.endIndex);
      tokens.push({
        line: index + 1,
        column: token.startIndex + 1,
        text: tokenText,
        scopes: token.scopes,
      });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/**
 * Tokens other than whitespace that carry no scope beyond `source.dag` and `meta.*`.
 */
export function unscopedTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter(
    (token) =>
      token.text.trim() !== "" &&
      token.scopes.every((scope) => scope === ROOT_SCOPE || scope.startsWith("meta.")),
  );
}
