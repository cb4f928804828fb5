/**
 * The raw-fragment check: with nix, one `nix-instantiate --parse` for all fragments (one more
 * per broken fragment); without nix, typeflake's own syntax check; either way each broken
 * fragment is reported at the path it was written at.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mkForce, nix, pkg } from "../../dsl/expressions.ts";
import { checkRawNix, rawFragments } from "../../generators/validate/raw-nix.ts";
import { buildFleet } from "../services/support/fleet.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { valueLowerer } from "../../generators/lower/value.ts";
import { printNixExpr } from "../../generators/nix/print.ts";
import { nixInstantiate } from "../support/nix.ts";

const fleetWith = (nixos: Record<string, unknown>) =>
  buildFleet({ hosts: { nas: { address: "10.0.20.10", nixos } as never } });

const VALID = fleetWith({
  environment: { systemPackages: [nix`pkgs.htop`, nix`with pkgs; ${pkg("git")}`] },
  networking: { domain: mkForce(nix`"lab" + ".local"`) },
  services: { openssh: { enable: nix`true || false` } },
});

const BROKEN = fleetWith({
  environment: { systemPackages: [nix`pkgs.htop {`, nix`pkgs.git`] },
  networking: { domain: nix`if true then "a"` },
  services: { openssh: { enable: nix`true # on` } },
});

/** A spawn that runs the real nix-instantiate and counts its calls. */
const countingSpawn = () => {
  const calls: string[][] = [];
  const spawn = async (args: readonly string[]) => {
    calls.push([...args]);
    try {
      execFileSync("nix-instantiate", [...args], { stdio: "pipe" });
      return { code: 0, stderr: "" };
    } catch (failure) {
      if ((failure as NodeJS.ErrnoException).code === "ENOENT") throw new Error("nix-instantiate is not on PATH: the tests need the real nix");
      return { code: 1, stderr: String((failure as { stderr?: unknown }).stderr) };
    }
  };
  return { calls, spawn };
};

const summary = (diagnostics: Awaited<ReturnType<typeof checkRawNix>>) =>
  diagnostics.map((d) => `${d.code} ${d.origin.objectPath.join(".")}`);

describe("raw nix fragments", () => {
  it("a value interpolated inside a Nix string is refused: it would be text, not the value", async () => {
    const fleet = fleetWith({
      environment: { etc: { a: { text: nix`"${pkg("curl")}/bin/curl"` }, b: { text: nix`"\${${pkg("curl")}}/bin/curl"` } } },
      networking: { domain: nix`"port ${8080}"`, search: [nix`"a ${"b"}"`, nix`"${-1}"`] },
    });
    const found = await checkRawNix(fleet);
    expect(summary(found)).toEqual([
      "raw-nix-syntax nixos.environment.etc.a.text",
      "raw-nix-syntax nixos.networking.search.0",
      "raw-nix-syntax nixos.networking.search.1",
    ]);
    expect(found[0] && messageOf(found[0])).toContain("a value interpolated inside a Nix string is written there as its Nix source text");
  });


  it("splice each interpolated value in as one term: a string as a string, a negative number or a wrapper in parentheses", () => {
    const settings = {
      list: nix`[ ${-1} ${-0.5} ${"a b"} ${mkForce(1)} ${true} ]`,
      text: nix`${"true"}`,
      quote: nix`${'"${x}" \'\''}`,
      attribute: nix`{ a = 1; }.${"a"}`,
    };
    expect(rawFragments(fleetWith({ services: { caddy: { settings } } })).map((fragment) => fragment.text)).toEqual([
      '[ (-1) (-0.5) "a b" (lib.mkForce 1) true ]',
      '"true"',
      `"\\"\\\${x}\\" ''"`,
      '{ a = 1; }."a"',
    ]);
    const lowered = printNixExpr(valueLowerer({ packages: "pkgs", secretsBackend: "sops", hostAddress: () => "" }).lower(settings));
    const evaluated = nixInstantiate(["--eval", "--strict", "--json", "--expr", `let lib.mkForce = x: x; in ${lowered}`]);
    expect(JSON.parse(evaluated)).toEqual({ list: [-1, -0.5, "a b", 1, true], text: "true", quote: '"${x}" \'\'', attribute: 1 });
  });

  it("are found wherever they are written, interpolations printed as lowering prints them", () => {
    expect(rawFragments(VALID).map((f) => [f.origin.objectPath.join("."), f.text])).toEqual([
      ["nixos.environment.systemPackages.0", "pkgs.htop"],
      ["nixos.environment.systemPackages.1", "with pkgs; pkgs.git"],
      ["nixos.networking.domain", '"lab" + ".local"'],
      ["nixos.services.openssh.enable", "true || false"],
    ]);
  });

  it("valid ones pass with a single nix-instantiate call", async () => {
    const { calls, spawn } = countingSpawn();
    expect(await checkRawNix(VALID, { spawn })).toEqual([]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.filter((arg) => arg.endsWith(".nix"))).toHaveLength(4);
  });

  it("broken ones are reported by nix at their paths, one more call per broken fragment", async () => {
    const { calls, spawn } = countingSpawn();
    const found = await checkRawNix(BROKEN, { spawn });
    expect(summary(found)).toEqual([
      "raw-nix-syntax nixos.environment.systemPackages.0",
      "raw-nix-syntax nixos.networking.domain",
      "raw-nix-syntax nixos.services.openssh.enable",
    ]);
    expect(found[0] && messageOf(found[0])).toContain("(nix-instantiate --parse): syntax error, unexpected end of file");
    expect(found[2] && messageOf(found[2])).toContain("ends with a # comment");
    expect(calls).toHaveLength(3);
  });

  it("without nix, typeflake's own check finds the same problems", async () => {
    const missing = async () => ({ code: "missing" as const, stderr: "" });
    const found = await checkRawNix(BROKEN, { spawn: missing });
    expect(summary(found)).toEqual(summary(await checkRawNix(BROKEN, { useNix: false })));
    expect(summary(found)).toHaveLength(3);
    expect(found[0] && messageOf(found[0])).toContain("(typeflake's Nix syntax check): this '{' is never closed with '}', at line 1, column 11");
    expect(found[1] && messageOf(found[1])).toContain("expected 'else'");
    expect(await checkRawNix(VALID, { spawn: missing })).toEqual([]);
  });
});
