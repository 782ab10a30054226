// typescript-eslint's strict type-checked rules over the TypeScript sources, tests and examples.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "bench/**/*.mjs", "test/data/**", "eslint.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // The strict compiler flags (tsconfig.strict.json) make the non-null assertions necessary.
    languageOptions: { parserOptions: { project: "./tsconfig.strict.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Non-null assertions mark indices the code has just bounds-checked (arrays of known length,
      // canonical argument lists); the invariants are documented where the arrays are built.
      "@typescript-eslint/no-non-null-assertion": "off",
      // Template literals print numbers and bigints in messages and generated code on purpose.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // Unused parameters are allowed when named with a leading underscore (callbacks of fixed shape).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
