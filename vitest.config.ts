import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Corpus sweeps take minutes: `npm run test:aws-corpus` (vitest.sweeps.config.ts).
    exclude: ["test/sweeps/**", "node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
