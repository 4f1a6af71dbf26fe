import { defineConfig } from "drizzle-kit";

// PostgreSQL migrations, generated from the same schema (db/schema/define.ts) as SQLite's.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/pg.ts",
  out: "./db/migrations/pg",
});
