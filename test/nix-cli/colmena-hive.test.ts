/**
 * The colmenaHive output: every `deployment.*` attribute it emits is an option colmena declares
 * (data/nixos/colmena-options.json) with a value of its type, and the printed hive is Nix
 * that the real nix parses and evaluates to the fleet's values.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { colmenaHive } from "../../generators/files/colmena-hive.ts";
import type { NixAttrs, NixExpr } from "../../generators/nix/ast.ts";
import { attrs, inherit, path } from "../../generators/nix/build.ts";
import { printNixExpr } from "../../generators/nix/print.ts";
import { nixInstantiate } from "../support/nix.ts";
import { deployTarget } from "./support/fleet.ts";

const COLMENA_OPTIONS = JSON.parse(
  readFileSync(new URL("../../data/nixos/colmena-options.json", import.meta.url), "utf8"),
) as Record<string, { type: string }>;

// Every optional part switched on: a node of another system, build on target, ssh options, specialArgs.
const hive = colmenaHive({
  system: "x86_64-linux",
  specialArgs: attrs([inherit(["inputs"])]),
  nodes: [
    {
      target: deployTarget("nas", "10.0.20.10", ["storage"]),
      modules: [path("./hosts/nas"), path("./modules/common.nix")],
    },
    {
      target: deployTarget("pi", "192.168.1.3", ["edge", "arm"], {
        system: "aarch64-linux",
        buildOnTarget: true,
        sshOpts: ["-p", "2222"],
      }),
      modules: [path("./hosts/pi")],
      specialArgs: attrs([inherit(["inputs"])]),
    },
    { target: deployTarget("spare", "10.0.20.99", [], { enabled: false }), modules: [path("./hosts/spare")] },
  ],
});

const binding = (set: NixExpr, name: string): NixExpr => {
  const found = (set as NixAttrs).bindings.find(
    (b) => b.kind === "assign" && b.path.length === 1 && b.path[0] === name,
  );
  if (!found || found.kind !== "assign") throw new Error(`no binding ${name}`);
  return found.value;
};
const hiveSet = (): NixExpr => {
  if (hive.kind !== "assign" || hive.value.kind !== "apply")
    throw new Error("colmenaHive is not makeHive applied to a set");
  return hive.value.arg;
};

/** The type colmena-options.json states for a value of this node kind. */
const TYPE_OF_KIND: Record<string, RegExp> = {
  string: /^(null or )?string$/,
  bool: /^boolean$/,
  list: /^list of string$/,
};

describe("colmenaHive", () => {
  test("emits only deployment options colmena declares, each with a value of its type", () => {
    for (const node of ["nas", "pi"]) {
      const deployment = binding(binding(hiveSet(), node), "deployment") as NixAttrs;
      expect(deployment.kind).toBe("attrs");
      for (const setting of deployment.bindings) {
        if (setting.kind !== "assign") throw new Error("deployment holds an inherit");
        const option = `deployment.${setting.path.join(".")}`;
        expect(COLMENA_OPTIONS, `${node}: ${option}`).toHaveProperty([option]);
        expect(COLMENA_OPTIONS[option]?.type, `${node}: ${option}`).toMatch(TYPE_OF_KIND[setting.value.kind] ?? /^$/);
      }
    }
  });

  test("prints as Nix that evaluates to the fleet's values, disabled hosts left out", () => {
    // As in the flake's outputs, where colmena, nixpkgs and inputs are the outputs function's arguments.
    const outputs = `{ colmena, nixpkgs, inputs }: ${printNixExpr(attrs([hive]))}`;
    nixInstantiate(["--parse", "-E", outputs]);
    const expr = `
      let
        outputs = (${outputs}) {
          colmena = { lib.makeHive = hive: hive; };
          # import needs a file: this one returns the arguments it is given.
          nixpkgs = builtins.toFile "nixpkgs.nix" "{ system }: { inherit system; }";
          inputs = "the flake's inputs";
        };
        h = outputs.colmenaHive;
      in {
        nodes = builtins.attrNames (removeAttrs h [ "meta" ]);
        system = h.meta.nixpkgs.system;
        piSystem = h.meta.nodeNixpkgs.pi.system;
        nodeNixpkgs = builtins.attrNames h.meta.nodeNixpkgs;
        specialArgs = h.meta.specialArgs;
        piArgs = h.meta.nodeSpecialArgs.pi;
        nas = h.nas.deployment;
        pi = h.pi.deployment;
        imports = builtins.length h.nas.imports;
      }`;
    expect(JSON.parse(nixInstantiate(["--eval", "--strict", "--json", "--read-write-mode", "-E", expr]))).toEqual({
      nodes: ["nas", "pi"],
      system: "x86_64-linux",
      piSystem: "aarch64-linux",
      nodeNixpkgs: ["pi"],
      specialArgs: { inputs: "the flake's inputs" },
      piArgs: { inputs: "the flake's inputs" },
      nas: { targetHost: "10.0.20.10", targetUser: "deploy", tags: ["storage"] },
      pi: {
        targetHost: "192.168.1.3",
        targetUser: "deploy",
        tags: ["edge", "arm"],
        buildOnTarget: true,
        sshOptions: ["-p", "2222"],
      },
      imports: 2,
    });
  });

  test("leaves colmena's default tags to colmena: a host without tags gets no tags binding", () => {
    const untagged = colmenaHive({ system: "x86_64-linux", nodes: [{ target: deployTarget("box", "10.0.20.5", []), modules: [path("./hosts/box")] }] });
    if (untagged.kind !== "assign" || untagged.value.kind !== "apply") throw new Error("colmenaHive is not makeHive applied to a set");
    const deployment = binding(binding(untagged.value.arg, "box"), "deployment") as NixAttrs;
    expect(deployment.bindings.map((b) => (b.kind === "assign" ? b.path.join(".") : "inherit"))).toEqual(["targetHost", "targetUser"]);
  });

  test("puts imports first in each node, as modules are written", () => {
    const nas = binding(hiveSet(), "nas") as NixAttrs;
    expect(nas.bindings.map((b) => (b.kind === "assign" ? b.path.join(".") : "inherit"))).toEqual([
      "imports",
      "deployment",
    ]);
  });
});
