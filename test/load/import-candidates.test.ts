/**
 * The files esbuild passed over to resolve a relative import, which the run cache records as absent,
 * and the path an import followed through a symbolic link, which it records with the file reached.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkedPath, passedOverCandidates } from "../../generators/load/import-candidates.ts";

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

describe("the path an import followed through a symbolic link", () => {
  const fleet = mkdtempSync(join(tmpdir(), "typeflake-links-"));
  afterAll(() => rmSync(fleet, { recursive: true, force: true }));
  mkdirSync(join(fleet, "common/lib"), { recursive: true });
  writeFileSync(join(fleet, "common/a.ts"), "export const a = 1;\n");
  writeFileSync(join(fleet, "common/lib/b.ts"), "export const b = 1;\n");
  symlinkSync("common/a.ts", join(fleet, "shared.ts"));
  symlinkSync("common/lib", join(fleet, "lib"));
  const real = realpathSync(fleet);

  it("is the file linked, as the import wrote it, with or without its extension", () => {
    expect(linkedPath(fleet, "./shared.ts", join(real, "common/a.ts"))).toBe(join(fleet, "shared.ts"));
    expect(linkedPath(fleet, "./shared", join(real, "common/a.ts"))).toBe(join(fleet, "shared.ts"));
  });

  it("is the file under a linked folder", () => {
    expect(linkedPath(fleet, "./lib/b", join(real, "common/lib/b.ts"))).toBe(join(fleet, "lib/b.ts"));
  });

  it("is nothing for an import that reached its file without a link, or for a package", () => {
    expect(linkedPath(real, "./common/a", join(real, "common/a.ts"))).toBeUndefined();
    expect(linkedPath(fleet, "greeting", "/fleet/node_modules/greeting/index.js")).toBeUndefined();
  });
});
