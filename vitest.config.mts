import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const INCLUDE = ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"];
/** PostgreSQL-only tests (the runner, LISTEN/NOTIFY): they run in the "postgres" project alone. */
const PG_ONLY = "**/*.pg.test.ts";
/** A file that uses one of these runs on both databases (lib/db/test-db.ts). */
const ON_EACH = /\b(createEachTestDb|describeEachDatabase)\b/;
const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
const onEach = ["lib", "components", "scripts"].flatMap(testFiles).filter((file) => ON_EACH.test(readFileSync(file, "utf8")));

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "server/server-only-shim.ts") } },
  test: {
    environment: "node",
    // The embedded database and key files of a test run live in a temp folder, never in ./data.
    env: { STUDIO_SECRET_KEY: "unit-test-secret-key" },
    projects: [
      { extends: true, test: { name: "sqlite", include: INCLUDE, exclude: [PG_ONLY, "node_modules/**"] } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: [PG_ONLY, ...onEach],
          exclude: ["node_modules/**"],
          env: { STUDIO_SECRET_KEY: "unit-test-secret-key", TEST_DATABASE: "postgres" },
          // One throwaway cluster per run, started only when this project has files to run.
          globalSetup: ["lib/db/pg-global-setup.ts"],
        },
      },
    ],
  },
});
