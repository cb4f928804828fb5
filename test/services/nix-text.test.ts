/**
 * The services as Nix text: the homelab's host files, printed by typeflake's printer, read like
 * the seed's hand-written ones: exactly the repository's committed hosts/<host>/default.nix.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hostFile } from "../../generators/files/host-file.ts";
import { printNixExpr } from "../../generators/nix/print.ts";
import { fleetScope } from "../../generators/files/scope.ts";
import { lowered } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

/** The host's committed `default.nix` (reviewed in git like hand-written Nix), without the generated header. */
const committedHost = (name: string): string =>
  readFileSync(new URL(`../../hosts/${name}/default.nix`, import.meta.url), "utf8")
    .replace(/^(#.*\n)+\n/, "")
    .trimEnd();

const printedHost = (name: string): string => {
  const lowering = lowered(homelab());
  return printNixExpr(hostFile(lowering.hosts.get(name)!, fleetScope(lowering.index)).expr);
};

describe("generated Nix text", () => {
  it("nas: the homelab's Samba shares, NFS exports, firewall and WireGuard spoke", () => {
    expect(printedHost("nas")).toBe(committedHost("nas"));
  });

  it("gateway: the homelab's WireGuard hub, nginx proxy and sops secret", () => {
    expect(printedHost("gateway")).toBe(committedHost("gateway"));
  });
});
