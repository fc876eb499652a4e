// The house rules, enforced: layers, configuration through lib/env.ts, promises handled, no
// database queries in route handlers, pages or components. Part of `npm test`.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The two modules that may read process.env: the portal's configuration and the test harness's. */
const ENV_MODULES = ["lib/env.ts", "tests/support/test-env.ts"];

const envMessage = "Read configuration through lib/env.ts (test harness variables: tests/support/test-env.ts).";

// Prisma's own method names: a query written in a route handler, page or component, not in lib/.
const PRISMA_CALL = String.raw`/^(findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|upsert|createMany|createManyAndReturn|updateMany|updateManyAndReturn|deleteMany|aggregate|groupBy|\$queryRaw|\$queryRawUnsafe|\$executeRaw|\$executeRawUnsafe|\$transaction)$/`;
const prismaMessage = "No database queries in route handlers, pages or components: call a function in lib/ that takes the client.";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/db/generated/**",
      "data/**",
      ".bin/**",
      "test-results/**",
      "playwright-report/**",
      "bench/results/**",
      "next-env.d.ts",
      "**/*.js",
      "**/*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { "import-x": importX, "react-hooks": reactHooks, "@next/next": nextPlugin },
    settings: {
      // Without the TypeScript resolver, "@/…" imports would slip past the boundaries.
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Every zone in one rule: two config objects setting it would replace each other.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib",
              from: ["./app", "./components", "./server"],
              message: "lib/ is the framework-free domain: it imports nothing of app/, components/ or server/.",
            },
            { target: "./components", from: "./app/_server", message: "Components do not import the route handlers' server helpers." },
            { target: "./server", from: ["./app", "./components"], message: "The Node servers use lib/, not app/ or components/." },
            { target: ["./app", "./components"], from: "./lib/db/generated", message: prismaMessage },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: envMessage },
        { object: "globalThis", property: "process", message: envMessage },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "process", importNames: ["env"], message: envMessage },
            { name: "node:process", importNames: ["env"], message: envMessage },
          ],
        },
      ],
    },
  },
  {
    // Benchmarks drive the portal over loose JSON.
    files: ["bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ENV_MODULES,
    rules: { "no-restricted-properties": "off", "no-restricted-imports": "off" },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: `CallExpression > MemberExpression.callee[property.name=${PRISMA_CALL}]`, message: prismaMessage },
      ],
    },
  },
);
