import { defineConfig } from "vitest/config";

// Long corpus sweeps, outside `npm test`: `npm run test:aws-corpus`, `npm run test:openapi-corpus`.
export default defineConfig({
  test: {
    include: ["test/sweeps/**/*.test.ts"],
    testTimeout: 3_600_000,
    pool: "forks",
  },
});
