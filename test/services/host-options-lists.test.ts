import { describe, expect, it } from "vitest";
import { mkAfter, mkDefault, mkForce, mkIf, mkMerge, nix } from "../../dsl/expressions.ts";
import type { NixValue } from "../../dsl/expressions.ts";
import type { HostEntry } from "../../generators/model/fleet.ts";
import { HostOptions, UNKNOWN } from "../../generators/validate/assertions/host-options.ts";

const origin = { file: "hosts/nas/host.ts", objectPath: ["nixos"] } as const;
const ED25519 = { type: "ed25519", path: "/etc/ssh/ssh_host_ed25519_key" };
const RSA = { type: "rsa", bits: 4096, path: "/etc/ssh/ssh_host_rsa_key" };

/** `services.openssh.hostKeys` as the assertions read it, defined once as `items`. */
const hostKeys = (items: readonly NixValue[]) =>
  new HostOptions({} as HostEntry, [{ path: ["services", "openssh", "hostKeys"], value: items, origin, priority: 100, conditional: false }], []).get(
    "services",
    "openssh",
    "hostKeys",
  )?.value;

// NixOS merges each list item as a definition of its own (`types.listOf`), so an item may be wrapped.
describe("list items the assertions read", () => {
  it("take an item's wrappers off and leave out items under mkIf(false, …)", () => {
    expect(hostKeys([mkIf(true, ED25519), mkIf(false, RSA), mkForce(mkAfter(RSA)), mkMerge([mkDefault(ED25519), RSA])])).toEqual([ED25519, RSA, RSA]);
  });

  it("are unknown when an item stands under a condition only Nix can evaluate, or merges several definitions", () => {
    expect(hostKeys([ED25519, mkIf(nix`config.x`, RSA)])).toBe(UNKNOWN);
    expect(hostKeys([mkMerge([{ type: "rsa" }, { bits: 4096 }])])).toBe(UNKNOWN);
  });

  it("keep raw Nix items as they are", () => {
    const raw = nix`{ type = "ed25519"; }`;
    expect(hostKeys([raw, mkIf(true, raw)])).toEqual([raw, raw]);
  });
});
