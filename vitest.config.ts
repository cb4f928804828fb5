import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Suites that call the real nix binary spend most of their time in it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Fleet files must be imported by Node itself (through tsx), as under the CLI: see native-import.mjs.
    server: { deps: { external: [/\/generators\/load\/native-import\.mjs$/] } },
  },
});
