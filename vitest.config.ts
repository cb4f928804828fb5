import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

/** `import … from "typeflake"` in tests means the sources (package.json's typeflake-source condition), never a stale dist/. */
const conditions = ["typeflake-source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    // Suites that call the real nix binary spend most of their time in it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Fleet files must be imported by Node itself, as under the CLI: see native-import.mjs.
    server: { deps: { external: [/\/generators\/load\/native-import\.mjs$/] } },
  },
});
