/**
 * The Nix side of `options sync`, evaluated with the real `nix-instantiate`: the function typeflake
 * applies to `nixosConfigurations`, over configurations the stub module system evaluates (its
 * `optionAttrSetToDocList` lists options as nixpkgs' does), and the reading of what it returns.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { syncApplyFunction } from "../../generators/options/sync-expression.ts";
import { declarationName, readSyncedOptions } from "../../generators/options/synced-options.ts";
import { nixInstantiate } from "../support/nix.ts";

const EVAL_CONFIG = fileURLToPath(new URL("../support/stub-inputs/nixpkgs/nixos/lib/eval-config.nix", import.meta.url));

/** A module of every shape the doc list must handle. */
const MODULE = `{ lib, ... }: {
  imports = [
    (lib.mkRenamedOptionModule [ "lab" "old" ] [ "lab" "enable" ])
    (lib.mkRemovedOptionModule [ "lab" "gone" ] "Use lab.enable.")
  ];
  options.lab = {
    enable = lib.mkEnableOption "the lab";
    mode = lib.mkOption { type = lib.types.nullOr (lib.types.enum [ "fast" "safe" ]); default = null; description = "How."; };
    users = lib.mkOption {
      type = lib.types.attrsOf (lib.types.submodule { options.shell = lib.mkOption { type = lib.types.str; description = "Login shell."; }; });
      default = { };
    };
    rules = lib.mkOption { type = lib.types.listOf (lib.types.submodule { options.port = lib.mkOption { type = lib.types.port; }; }); default = [ ]; };
    secret = lib.mkOption { type = lib.types.str; internal = true; default = "x"; };
    shown = lib.mkOption { type = lib.types.str; defaultText = lib.literalExpression "config.networking.hostName"; default = throw "never read"; };
    broken = lib.mkOption { type = lib.types.str; default = throw "a default that throws"; description = "Kept without its default."; };
  };
}`;

/** The sync function applied to configurations `a` (with MODULE) and `b` (without), as nix returns it. */
const evaluate = (hosts?: readonly string[]): unknown =>
  JSON.parse(
    nixInstantiate([
      "--eval",
      "--strict",
      "--json",
      "-E",
      `let
        system = modules: import ${EVAL_CONFIG} { system = "x86_64-linux"; inherit modules; };
        apply = ${syncApplyFunction(hosts)};
      in apply { a = system [ (${MODULE}) ]; b = system [ ]; "odd \\"\\\${x}" = system [ ]; }`,
    ]),
  );

describe("the sync function over the stub module system", () => {
  const result = evaluate() as { hosts: string[]; options: Record<string, Record<string, unknown>> };

  it("lists every host's options once, with the doc list's fields", () => {
    expect(result.hosts).toEqual(["a", "b", 'odd "${x}']);
    expect(result.options["lab.enable"]).toEqual({
      name: "lab.enable",
      loc: ["lab", "enable"],
      type: "boolean",
      description: "Whether to enable the lab.",
      default: { _type: "literalExpression", text: "false" },
      example: { _type: "literalExpression", text: "true" },
      // An inline module has no file of its own: the stub names it as its parent, `<modules>`.
      declarations: ["<modules>"],
      readOnly: false,
      visible: true,
      internal: false,
    });
    expect(result.options["lab.mode"]).toMatchObject({ type: 'null or one of "fast", "safe"', default: { text: "null" } });
    expect(result.options["lab.users.<name>.shell"]).toMatchObject({ loc: ["lab", "users", "<name>", "shell"], type: "string" });
    expect(result.options["lab.users"]).toMatchObject({ type: "attribute set of (submodule)", default: { text: "{ }" } });
    expect(result.options["lab.rules.*.port"]).toMatchObject({ type: "16 bit unsigned integer; between 0 and 65535 (both inclusive)" });
    expect(result.options["lab.shown"]).toMatchObject({ default: { _type: "literalExpression", text: "config.networking.hostName" } });
    expect(result.options["system.stateVersion"]).toMatchObject({ type: "string" });
  });

  it("leaves out a default that throws instead of failing", () => {
    expect(result.options["lab.broken"]).toMatchObject({ description: "Kept without its default." });
    expect(result.options["lab.broken"]).not.toHaveProperty("default");
  });

  it("chooses hosts, names escaped, and names a missing one with the hosts there are", () => {
    expect((evaluate(['odd "${x}']) as { hosts: string[] }).hosts).toEqual(['odd "${x}']);
    expect(() => evaluate(["c"])).toThrow(/there is no host `c' in nixosConfigurations \(hosts: a, b, odd "\$\{x\}\)/);
  });

  it("reads as declarations and aliases: visible options kept, internal ones left out, renamed and removed ones as aliases", () => {
    const read = readSyncedOptions(result, "/fleet");
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const names = read.value.declarations.map((declaration) => declaration.path.join("."));
    expect(names).toContain("lab.enable");
    expect(names).toContain("lab.users.<name>.shell");
    expect(names).not.toContain("lab.secret");
    expect(names).not.toContain("lab.old");
    expect(read.value.declarations.find((declaration) => declaration.path.join(".") === "lab.enable")).toMatchObject({
      description: "Whether to enable the lab.",
      default: "false",
      example: "true",
    });
    expect(read.value.aliases).toEqual([
      { from: ["lab", "gone"], to: null, kind: "removed" },
      { from: ["lab", "old"], to: ["lab", "enable"], kind: "renamed" },
    ]);
  });
});

describe("reading the sync's output", () => {
  const entry = (name: string, extra: Record<string, unknown>) => ({
    name,
    loc: name.split("."),
    type: "string",
    visible: false,
    internal: false,
    readOnly: false,
    declarations: [],
    ...extra,
  });

  it("knows every way nixpkgs marks an old option, and leaves other invisible options out", () => {
    const read = readSyncedOptions(
      {
        hosts: ["a"],
        options: {
          "x.new": entry("x.new", { description: "Alias of <option>y.z</option>." }),
          "x.merged": entry("x.merged", { type: "unspecified value", default: { _type: "literalExpression", text: '"_mkMergedOptionModule"' } }),
          "x.hidden": entry("x.hidden", { description: "Only for tests." }),
          "x.shallow": entry("x.shallow", { visible: "shallow", description: "Shown, its sub-options hidden." }),
        },
      },
      "/fleet",
    );
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.aliases).toEqual([
      { from: ["x", "new"], to: ["y", "z"], kind: "renamed" },
      { from: ["x", "merged"], to: null, kind: "merged" },
    ]);
    expect(read.value.declarations.map((declaration) => declaration.path.join("."))).toEqual(["x.shallow"]);
  });

  it("reports output of the wrong shape as problems, not a crash", () => {
    const read = readSyncedOptions({ hosts: "a", options: { "x.y": { name: "x.y" } } }, "/fleet");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((problem) => problem.path.join("."))).toEqual(expect.arrayContaining(["hosts", "options.x.y.loc", "options.x.y.type"]));
  });

  it("names declaring files without the machine's paths", () => {
    expect(declarationName("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-source/nixos/modules/services/x.nix", "/f")).toBe("nixos/modules/services/x.nix");
    expect(declarationName("/home/me/fleet/modules/backup.nix", "/home/me/fleet")).toBe("modules/backup.nix");
    expect(declarationName("<stub nixpkgs base module>", "/f")).toBe("<stub nixpkgs base module>");
  });
});
