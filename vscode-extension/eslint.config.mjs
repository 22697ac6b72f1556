// ESLint flat config: recommended JavaScript rules everywhere, and
// typescript-eslint's strict, type-aware rules for the TypeScript sources.
// Layout is Prettier's (see .prettierrc): eslint-config-prettier turns off
// every rule that would disagree with it. Prettier cannot shorten a comment,
// so max-len holds those (and all code) to 88 columns, as ruff does the
// Python; only a line with a string, template or regular expression literal,
// which Prettier does not break, may be longer. (Core ESLint keeps max-len
// until ESLint 11; @stylistic/eslint-plugin carries it on.)
import eslint from "@eslint/js";
import eslintConfigPrettier from "eslint-config-prettier/flat";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "out/", "node_modules/"] },
  eslint.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
    ],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // node:test's test() and describe() return promises that the runner
      // itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe"] },
          ],
        },
      ],
    },
  },
  eslintConfigPrettier,
  {
    rules: {
      "max-len": [
        "error",
        {
          code: 88,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
);
