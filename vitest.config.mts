import { defineConfig } from "vitest/config";

// Unit tests run in-process. The integration suite runs twice, once per engine: each project
// shares one real server on a fresh database (tests/support/global-setup.ts builds the app
// first when sources changed; the PostgreSQL project starts a throwaway cluster).
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      ...(["sqlite", "postgres"] as const).map((engine) => ({
        extends: true,
        test: {
          name: engine === "sqlite" ? "integration" : "integration-pg",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          env: { BRANCHPOINT_TEST_ENGINE: engine },
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      })),
      {
        // Browser tests: playwright-core drives Debian's Chromium against one shared
        // `next start` (tests/support/global-setup.ts); flows that start from the demo
        // scenario start their own fresh instance. One file at a time: the machine runs one
        // browser and the servers, and files stay independent (each has its own accounts).
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
