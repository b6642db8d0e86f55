import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "server/server-only-shim.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // The embedded database and key files of a test run live in a temp folder, never in ./data.
    env: { STUDIO_SECRET_KEY: "unit-test-secret-key" },
  },
});
