import { describe, expect, it } from "vitest";
import { contentHash, manifestOf, parseManifest, serializeManifest } from "../../generators/emit/manifest.ts";
import { planned } from "./support/tree.ts";

const files = [planned("modules/common.nix", "{ }\n"), planned("flake.nix", "{ }\n", "typeflake.config.ts"), planned("Zeta.nix", "{ }\n")];

describe("manifest", () => {
  it("lists every file with the SHA-256 of its text, in code-unit order, whatever the plan order", () => {
    const text = serializeManifest(manifestOf({ files }));
    expect(serializeManifest(manifestOf({ files: [...files].reverse() }))).toBe(text);
    const json = JSON.parse(text);
    expect(Object.keys(json.files)).toEqual(["Zeta.nix", "flake.nix", "modules/common.nix"]);
    expect(json.files["flake.nix"]).toEqual({ sha256: contentHash(files[1]!.text), source: "typeflake.config.ts" });
    expect(json.version).toBe(1);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("reads back what it writes", () => {
    const manifest = manifestOf({ files });
    const parsed = parseManifest(serializeManifest(manifest));
    expect(parsed).toEqual({ ok: true, manifest, released: new Map() });
    const released = new Map([["hosts/old/default.nix", "hosts/old/host.ts"]]);
    expect(parseManifest(serializeManifest(manifest, released))).toEqual({ ok: true, manifest, released });
    expect(serializeManifest(manifest)).not.toContain("released");
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["another version", JSON.stringify({ version: 2, files: {} }), "version"],
    ["a bad hash", JSON.stringify({ version: 1, files: { "a.nix": { sha256: "xyz", source: "a.ts" } } }), "files"],
    ["no source", JSON.stringify({ version: 1, files: { "a.nix": { sha256: "0".repeat(64) } } }), "files.a.nix.source"],
    ["files as a list", JSON.stringify({ version: 1, files: [] }), "files"],
    ["a released entry without its source", JSON.stringify({ version: 1, files: {}, released: { "a.nix": {} } }), "released.a.nix.source"],
    ["not an object", "[]", "expected an object"],
    ["a path outside the root", JSON.stringify({ version: 1, files: { "../a.nix": { sha256: "0".repeat(64), source: "a.ts" } } }), "unsafe"],
    ["a released path outside the root", JSON.stringify({ version: 1, files: {}, released: { "../a.nix": { source: "a.ts" } } }), "unsafe"],
  ])("refuses a manifest with %s", (_, text, reason) => {
    const parsed = parseManifest(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});
