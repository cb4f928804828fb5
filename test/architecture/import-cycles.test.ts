/**
 * No file of typeflake imports itself through others: every folder can be read, tested and moved
 * from the bottom up (issue 17, item 5).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SOURCE_FOLDERS } from "../../generators/package-info.ts";
import { importCycles } from "../support/import-cycles.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The folders of typeflake's own code (tests may import freely). */
const CODE_FOLDERS = [...SOURCE_FOLDERS, "scripts", "bin"];

describe("imports", () => {
  it("form no cycle among typeflake's own files", () => {
    expect(importCycles(ROOT, CODE_FOLDERS)).toEqual([]);
  });

  it("are found by the check, type-only and dynamic imports included", () => {
    // A check that finds nothing would pass the test above: it is shown a small tree with cycles.
    const root = mkdtempSync(join(tmpdir(), "typeflake-cycles-"));
    try {
      const files: Record<string, string> = {
        "src/a.ts": `import { b } from "./b.ts";\nexport const a = b;\n`,
        "src/b.ts": `import type { C } from "./deep/c.ts";\nexport const b = 1 as unknown as C;\n`,
        "src/deep/c.ts": `export type C = typeof import("../a.ts").a;\n`,
        "src/lazy.ts": `export const load = () => import("./lazy.ts");\n`,
        "src/leaf.ts": `import { a } from "./a.ts";\nexport const leaf = a;\n`,
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      }
      expect(importCycles(root, ["src"])).toEqual([["src/a.ts", "src/b.ts", "src/deep/c.ts"], ["src/lazy.ts"]]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
