/**
 * Property test over the whole front end: random strings (NUL, lone surrogates, characters
 * outside the BMP, quotes, `${`, `''`, line breaks) put where a fleet takes text: an attribute
 * name and a value in a raw `nixos` block, a Samba share comment, an NFS export path. Each fleet
 * is validated and planned like `generate` does. A string Nix can hold must come back identical
 * from the real `nix-instantiate --eval` of the generated host file; one it cannot hold must be
 * refused at validation with a diagnostic at the place it was written; nothing may throw.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { defineFleet, defineHost } from "../../dsl/index.ts";
import { formatObjectPath } from "../../generators/diagnostics/diagnostic.ts";
import { exportsPath } from "../../services/nfs/lower.ts";
import { textProblem } from "../../generators/validate/nix-representable.ts";
import { validateFleet } from "../../generators/validate/index.ts";
import { planned } from "../services/support/fleet.ts";
import { nixInstantiate } from "../support/nix.ts";

const dir = mkdtempSync(join(tmpdir(), "typeflake-fleet-strings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces that stress escaping and encoding, mixed with arbitrary UTF-16 (lone halves included). */
const PIECES = ["\0", "\ud83d", "\ude00", "😀", "𝄞", '"', "\\", "${", "''", "$", "\n", "\t", "é", " ", "a"];
const text = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 3 })), { maxLength: 6 })
  .map((parts) => parts.join(""));

interface Sample {
  readonly name: string;
  readonly value: string;
  readonly comment: string;
  readonly exportName: string;
}

const sample = fc.record({ name: text, value: text, comment: text, exportName: text });

/** Where each sampled string is written in the host's definition. */
const PLACES = {
  name: ["nixos", "environment", "etc"],
  value: ["nixos", "environment", "etc"],
  comment: ["services", "samba", "shares", "media", "comment"],
  exportName: ["services", "nfs", "exports", 0, "path"],
} as const;

const hostOf = (s: Sample) =>
  defineHost({
    address: "10.0.20.10",
    nixos: { environment: { etc: { [s.name]: { text: s.value } } } },
    services: {
      samba: { shares: { media: { path: "/tank/media", comment: s.comment } } },
      nfs: { exports: [{ path: `/tank/${s.exportName}`, clients: [{ host: "10.0.20.0/24", options: ["ro"] }] }] },
    },
  } as never);

const FLEET = defineFleet({
  description: "Strings",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
});

const validate = (s: Sample) =>
  validateFleet({
    config: { file: "typeflake.config.ts", value: FLEET },
    hosts: [{ name: "nas", file: "hosts/nas/host.ts", value: hostOf(s) }],
    modules: [],
    overlays: [],
  });

describe("strings in every position that takes text", () => {
  it("round-trip through the real nix when Nix can hold them, and are refused where written when not", () => {
    const samples = fc.sample(sample, { numRuns: 300, seed: 14 });
    const evaluated: { index: number; file: string; sample: Sample }[] = [];
    samples.forEach((s, index) => {
      const { fleet, diagnostics } = validate(s);
      const unholdable = (Object.keys(PLACES) as (keyof Sample)[]).filter((key) => textProblem(s[key]) !== undefined);
      for (const key of unholdable) {
        const at = key === "name" ? [...PLACES.name, s.name] : key === "value" ? [...PLACES.value, s.name, "text"] : PLACES[key];
        const codes = diagnostics.filter((d) => formatObjectPath(d.origin.objectPath) === formatObjectPath(at)).map((d) => d.code);
        expect(codes, `${key} ${JSON.stringify(s[key])}`).toContain(textProblem(s[key])!.code);
      }
      if (unholdable.length > 0) {
        expect(fleet).toBeUndefined();
        return;
      }
      // Other rules may refuse the text (a line break in a Samba comment); those are located too.
      if (!fleet) {
        expect(diagnostics.length).toBeGreaterThan(0);
        for (const d of diagnostics) expect(d.origin.file).toBe("hosts/nas/host.ts");
        return;
      }
      const host = planned(fleet).plan.files.find((file) => file.path === "hosts/nas/default.nix")!;
      const file = join(dir, `host-${index}.nix`);
      writeFileSync(file, host.text);
      evaluated.push({ index, file, sample: s });
    });
    expect(evaluated.length).toBeGreaterThan(20);
    const read = evaluated
      .map(
        ({ file }) =>
          `(let m = import ${file} { config = { }; lib = { }; pkgs = { }; }; in ` +
          `{ etc = m.environment.etc; comment = m.services.samba.settings.media.comment or null; exports = m.services.nfs.server.exports; })`,
      )
      .join("\n");
    const results = JSON.parse(nixInstantiate(["--eval", "--strict", "--json", "-E", `[\n${read}\n]`])) as {
      etc: Record<string, { text: string }>;
      comment: string | null;
      exports: string;
    }[];
    evaluated.forEach(({ sample: s }, i) => {
      const result = results[i]!;
      expect(Object.keys(result.etc)).toEqual([s.name]);
      expect(result.etc[s.name]?.text).toBe(s.value);
      expect(result.comment).toBe(s.comment);
      expect(result.exports).toBe(`${exportsPath(`/tank/${s.exportName}`)} 10.0.20.0/24(ro)\n`);
    });
  });
});
