import path from "node:path";
import { defineConfig } from "vitest/config";

// Without DATABASE_URL every test file gets its own in-memory PGlite; with it (CI) the files
// share one PostgreSQL database and so run one at a time.
const sharedDatabase = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["lib/testing/setup.ts"],
    fileParallelism: !sharedDatabase,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
