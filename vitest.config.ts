import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Suites that call the real nix binary spend most of their time in it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
