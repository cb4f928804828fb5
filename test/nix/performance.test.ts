/**
 * The printer must print a 1,000-host fleet (its flake.nix and one module per host) in well
 * under a second. Measured as CPU time of this process, so a busy machine does not fail it.
 */
import { describe, expect, it } from "vitest";
import type { NixBinding } from "../../generators/nix/ast.ts";
import {
  apply,
  assign,
  attrs,
  file,
  id,
  inherit,
  lambda,
  letIn,
  list,
  path,
  select,
  setPattern,
  str,
} from "../../generators/nix/build.ts";
import { printNixFile } from "../../generators/nix/print.ts";
import { goldenCases } from "./golden-cases.ts";

const HOSTS = 1000;

const configuration = (name: string): NixBinding =>
  assign(
    name,
    apply(
      select("nixpkgs", "lib", "nixosSystem"),
      attrs([
        inherit(["system"]),
        assign("specialArgs", attrs([inherit(["unstable"])])),
        assign(
          "modules",
          list([
            path(`./hosts/${name}`),
            path("./modules/common.nix"),
            select("sops-nix", "nixosModules", "sops"),
          ]),
        ),
      ]),
    ),
  );

const deployNode = (name: string, index: number): NixBinding =>
  assign(
    name,
    attrs([
      assign("hostname", str(`10.0.${index >> 8}.${index & 255}`)),
      assign(
        ["profiles", "system"],
        attrs([
          assign("user", str("root")),
          assign(
            "path",
            apply(
              select("deploy-rs", "lib", id("system"), "activate", "nixos"),
              select("self", "nixosConfigurations", name),
            ),
          ),
        ]),
      ),
    ]),
  );

const names = Array.from({ length: HOSTS }, (_, i) => `host-${i}`);
const flake = file(
  attrs([
    assign(
      "outputs",
      lambda(
        setPattern(["self", "nixpkgs", "sops-nix", "deploy-rs"], { ellipsis: true }),
        letIn(
          [assign("system", str("x86_64-linux"))],
          attrs([
            assign("nixosConfigurations", attrs(names.map(configuration))),
            assign(["deploy", "nodes"], attrs(names.map(deployNode))),
          ]),
        ),
      ),
    ),
  ]),
);
const hostModule = goldenCases.find((c) => c.name === "nas-module")!.file;

describe("printer performance", () => {
  it(`prints a ${HOSTS}-host fleet (flake.nix and ${HOSTS} host modules) in well under a second of CPU`, () => {
    const start = process.cpuUsage();
    const flakeText = printNixFile(flake);
    for (let i = 0; i < HOSTS; i++) printNixFile(hostModule);
    const { user, system } = process.cpuUsage(start);
    const milliseconds = (user + system) / 1000;
    expect(flakeText.split("\n").length).toBeGreaterThan(HOSTS * 10);
    console.log(`fleet printed in ${milliseconds.toFixed(0)} ms of CPU`);
    expect(milliseconds).toBeLessThan(1000);
  });
});
