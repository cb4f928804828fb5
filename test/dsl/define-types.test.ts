/**
 * What the editor shows before anything runs: a misspelled key and a wrong value type in a
 * `define*` call are compile errors (`tsc --noEmit` checks this file: an `@ts-expect-error` that
 * is not needed fails the type check), and a valid definition compiles.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  defineFleet,
  defineHost,
  defineModule,
  defineOverlay,
  host,
  mkForce,
  pkg,
  secret,
  type FleetInput,
  type HostInput,
} from "typeflake";
import { definitionKind } from "../../dsl/definition.ts";

describe("define* typing", () => {
  it("accepts a valid host, module, overlay and fleet", () => {
    const nas = defineHost({
      address: "10.0.20.10",
      modules: ["common"],
      zfs: { hostId: "a1b2c3d4", pools: ["tank"] },
      firewall: { allowedTCPPorts: [22] },
      users: { alice: { extraGroups: ["wheel"], shell: pkg("zsh") } },
      services: { samba: { shares: { media: { path: "/tank/media" } } } },
      nixos: { networking: { extraHosts: host("compute") }, services: { openssh: { enable: mkForce(true) } } },
    });
    const common = defineModule({ timeZone: "UTC", packages: [pkg("htop")] });
    const tools = defineOverlay({ packages: { hello: pkg("hello") } });
    const fleet = defineFleet({
      description: "Homelab",
      inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" } },
      secrets: { secrets: { "wg-key": {} } },
    });
    expectTypeOf(nas).toEqualTypeOf<HostInput>();
    expectTypeOf(fleet).toEqualTypeOf<FleetInput>();
    expect([nas, common, tools, fleet].map(definitionKind)).toEqual(["host", "module", "overlay", "fleet"]);
  });

  it("rejects misspelled keys at any depth", () => {
    // @ts-expect-error -- "adress" is not a host key (did you mean "address"?)
    defineHost({ address: "10.0.20.10", adress: "10.0.20.10" });
    // @ts-expect-error -- "allowedTcpPorts" is not a firewall key
    defineHost({ address: "10.0.20.10", firewall: { allowedTcpPorts: [22] } });
    // @ts-expect-error -- "pth" is not a share key
    defineHost({ address: "10.0.20.10", services: { samba: { shares: { media: { pth: "/tank/media" } } } } });
    // @ts-expect-error -- "descripton" is not a fleet key
    defineFleet({ descripton: "x", description: "x", inputs: {} });
    // @ts-expect-error -- "timezone" is not a module key ("timeZone")
    defineModule({ timezone: "UTC" });
  });

  it("rejects values of the wrong type", () => {
    // @ts-expect-error -- a port is a number
    defineHost({ address: "10.0.20.10", firewall: { allowedTCPPorts: ["22"] } });
    // @ts-expect-error -- modules is a list
    defineHost({ address: "10.0.20.10", modules: "common" });
    // @ts-expect-error -- system is one of the Nix systems
    defineHost({ address: "10.0.20.10", system: "x86-linux" });
    // @ts-expect-error -- the deploy tool is one of three
    defineFleet({ description: "x", inputs: {}, deploy: { tool: "nixops" } });
    // @ts-expect-error -- a user's password file is a secret reference, not text
    defineHost({ address: "10.0.20.10", users: { alice: { hashedPasswordFile: "/etc/passwd-hash" } } });
    // @ts-expect-error -- packages are pkg(…) references, not strings
    defineModule({ packages: ["htop"] });
    // @ts-expect-error -- the address is required
    defineHost({ modules: [] });
  });

  it("types expression helpers for the places that take them", () => {
    expectTypeOf(secret("wg-key").path).toMatchTypeOf<{ kind: "secretPath"; name: string }>();
    expectTypeOf(host("nas").port(3000)).toMatchTypeOf<{ kind: "host"; host: string }>();
    expectTypeOf(defineHost).parameter(0).toHaveProperty("address");
  });
});
