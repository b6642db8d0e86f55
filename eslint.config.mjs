import js from "@eslint/js";
import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import noLiteralLabel from "./scripts/eslint/no-literal-label.mjs";

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "e2e/.artifacts/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Every string a person sees comes from messages/<locale>.json: JSX text and
    // the attributes people read or hear (accessible names, tooltips, placeholders).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { i18next, studio: { rules: { "no-literal-label": noLiteralLabel } } },
    rules: {
      "i18next/no-literal-string": ["error", { mode: "jsx-text-only", message: "User-facing text must come from the message catalogue (messages/*.json)" }],
      "studio/no-literal-label": "error",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", require: "readonly", module: "writable", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
