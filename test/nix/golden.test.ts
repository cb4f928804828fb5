/**
 * Golden tests for the Nix printer: each case in `golden-cases.ts` must print exactly as
 * `golden/<name>.nix`, and every golden file must parse with the real `nix-instantiate --parse`.
 * Run with `UPDATE_GOLDEN=1` to rewrite the files after an intended layout change (then review
 * the diff: the files are the team's reference for nixfmt's layout).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { printNixFile } from "../../generators/nix/print.ts";
import { nixInstantiate } from "../support/nix.ts";
import { goldenCases } from "./golden-cases.ts";

const GOLDEN_DIR = fileURLToPath(new URL("./golden/", import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const goldenPath = (name: string) => join(GOLDEN_DIR, `${name}.nix`);

describe("Nix printer golden files", () => {
  if (UPDATE) mkdirSync(GOLDEN_DIR, { recursive: true });

  it("has at least 70 uniquely named cases", () => {
    const names = goldenCases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(70);
  });

  for (const c of goldenCases) {
    it(`${c.name}: ${c.rule}`, () => {
      const text = printNixFile(c.file);
      if (UPDATE) writeFileSync(goldenPath(c.name), text);
      if (!existsSync(goldenPath(c.name))) {
        throw new Error(
          `golden/${c.name}.nix is missing; run UPDATE_GOLDEN=1 npx vitest run test/nix`,
        );
      }
      expect(text).toBe(readFileSync(goldenPath(c.name), "utf8"));
      expect(text, "no trailing whitespace").not.toMatch(/[ \t]$/m);
      expect(text, "LF only").not.toContain("\r");
      expect(text, "exactly one trailing newline").toMatch(/[^\n]\n$/);
    });
  }

  it("has no golden file without a case", () => {
    const known = new Set(goldenCases.map((c) => `${c.name}.nix`));
    const stale = readdirSync(GOLDEN_DIR).filter((f) => !known.has(f));
    if (UPDATE) for (const f of stale) rmSync(join(GOLDEN_DIR, f));
    else expect(stale).toEqual([]);
  });

  it("every golden file parses with nix-instantiate --parse", () => {
    // One nix process for all files: each becomes an element of one list. `with { };` leaves
    // free variables (`nixpkgs`, `lib`, …) to evaluation time: this checks syntax only.
    const sources = goldenCases.map((c) => ({
      name: c.name,
      text: readFileSync(goldenPath(c.name), "utf8"),
    }));
    const firstLines: number[] = [];
    let line = 2;
    for (const { text } of sources) {
      firstLines.push(line + 2);
      line += text.split("\n").length + 1;
    }
    const program = `with { };\n[\n${sources.map(({ text }) => `(\n${text})\n`).join("")}]\n`;
    try {
      nixInstantiate(["--parse", "-"], program);
    } catch (error) {
      const message = String((error as { stderr?: unknown }).stderr ?? error);
      const at = Number(/«stdin»:(\d+):/.exec(message)?.[1] ?? 0);
      const index = firstLines.findLastIndex((first) => first <= at);
      const culprit = index >= 0 ? sources[index]!.name : "(unknown)";
      throw new Error(
        `golden/${culprit}.nix does not parse (line ${at - (firstLines[index] ?? 0) + 1}):\n${message}`,
      );
    }
  });
});
