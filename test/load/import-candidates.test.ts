/** The files esbuild passed over to resolve a relative import, which the run cache records as absent. */
import { describe, expect, it } from "vitest";
import { passedOverCandidates } from "../../generators/load/import-candidates.ts";

describe("the files an import passed over", () => {
  it("are the extensions esbuild tries before the one it found, then the folder's index files", () => {
    expect(passedOverCandidates("/fleet/hosts/a", "../../lib/mod", "/fleet/lib/mod.js")).toEqual(["/fleet/lib/mod.tsx", "/fleet/lib/mod.ts", "/fleet/lib/mod.jsx"]);
    expect(passedOverCandidates("/fleet", "./lib", "/fleet/lib/index.ts")).toEqual([
      ...[".tsx", ".ts", ".jsx", ".js", ".css", ".json"].map((extension) => `/fleet/lib${extension}`),
      "/fleet/lib/index.tsx",
    ]);
  });

  it("is the JavaScript file a TypeScript import of `.js` would have taken before its `.ts`", () => {
    expect(passedOverCandidates("/fleet", "./mod.js", "/fleet/mod.ts")).toEqual(["/fleet/mod.js"]);
  });

  it("is nothing for an import written as the file it found, or for a package", () => {
    expect(passedOverCandidates("/fleet", "./mod.ts", "/fleet/mod.ts")).toEqual([]);
    expect(passedOverCandidates("/fleet", "greeting", "/fleet/node_modules/greeting/index.js")).toEqual([]);
  });
});
