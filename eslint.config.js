// typescript-eslint's strict type-checked rules over the TypeScript sources, tests, examples, the
// benchmark's TypeScript and the playground; the build scripts (.mjs) get the rules that need no types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The Node globals the .mjs build scripts use (they are plain JavaScript, outside any tsconfig). */
const NODE_GLOBALS = { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", performance: "readonly" };

export default tseslint.config(
  { ignores: ["dist/**", "site/dist/**", "node_modules/**", "bench/**/*.mjs", "test/data/**", "eslint.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // The strict compiler flags of tsconfig.json make the non-null assertions necessary; the
    // playground (site/src and its browser test) has its own tsconfig with the DOM library.
    languageOptions: { parserOptions: { project: ["./tsconfig.json", "./site/tsconfig.json"], tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Non-null assertions mark indices the code has just bounds-checked (arrays of known length,
      // canonical argument lists); the invariants are documented where the arrays are built.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Template literals print numbers and bigints in messages and generated code on purpose.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // Unused parameters are allowed when named with a leading underscore (callbacks of fixed shape).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // `() => f()` as a callback whose result is ignored (forEach, listeners, expect(...).toThrow)
      // is clearer than a block; void expressions are still refused everywhere else.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: NODE_GLOBALS },
  },
);
