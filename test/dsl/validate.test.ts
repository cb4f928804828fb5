/**
 * The validator on in-memory definitions: what it returns, how it words what zod finds, and the
 * fleet-wide checks that need more than one file.
 */
import { describe, expect, it } from "vitest";
import { hostSchema } from "../../dsl/host.ts";
import { host, mkForce, pkg, secret } from "../../dsl/expressions.ts";
import { formatObjectPath, type Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import { closestMatch, closestNames } from "../../generators/diagnostics/suggest.ts";
import { didYouMean, suggestThen } from "../../generators/diagnostics/messages/words.ts";
import type { PortClaim } from "../../generators/lower/contribution.ts";
import { describeValue } from "../../generators/diagnostics/describe-value.ts";
import { lowerFleet } from "../../generators/lower/fleet.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import { checkHostPorts, checkPortClaims, validateFleet, type FleetSources } from "../../generators/validate/index.ts";
import { validKeysAt } from "../../generators/validate/schema-at.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const CONFIG = {
  file: "typeflake.config.ts",
  value: {
    description: "Homelab",
    inputs: {
      nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
      "deploy-rs": { url: "github:serokell/deploy-rs" },
      "sops-nix": { url: "github:Mic92/sops-nix" },
    },
    secrets: { secrets: { "wg-key": {} } },
  },
};

const fleet = (parts: Partial<FleetSources>): FleetSources => ({
  config: CONFIG,
  hosts: [],
  modules: [],
  overlays: [],
  ...parts,
});

const nas = (value: object) => ({ name: "nas", file: "hosts/nas/host.ts", value: { address: "10.0.20.10", ...value } });

/** `path: message` of each diagnostic, for compact assertions. */
const lines = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((diagnostic) => `${formatObjectPath(diagnostic.origin.objectPath)}: ${messageOf(diagnostic)}`);

describe("validateFleet", () => {
  it("returns the fleet with hosts, modules and overlays sorted by name", () => {
    const result = validateFleet(
      fleet({
        hosts: [
          { name: "nas", file: "hosts/nas/host.ts", value: { address: "10.0.20.10" } },
          { name: "compute", file: "hosts/compute/host.ts", value: { address: "10.0.20.11" } },
        ],
        modules: [
          { name: "monitoring", file: "modules/monitoring.ts", value: {} },
          { name: "common", file: "modules/common.ts", value: {} },
        ],
      }),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.fleet?.hosts.map((entry) => entry.name)).toEqual(["compute", "nas"]);
    expect(result.fleet?.modules.map((entry) => entry.name)).toEqual(["common", "monitoring"]);
  });

  it("returns no fleet without a configuration, and no diagnostic of its own (the loader reports it)", () => {
    expect(validateFleet(fleet({ config: undefined }))).toEqual({ diagnostics: [] });
  });

  it("returns no fleet while a host failed to load, but knows its name", () => {
    const result = validateFleet(
      fleet({ hosts: [nas({ nixos: { x: host("compute") } })], unloaded: { hosts: ["compute"] } }),
    );
    expect(result.fleet).toBeUndefined();
    expect(result.diagnostics).toEqual([]);
  });

  it("reports every problem of every file at once", () => {
    const result = validateFleet(
      fleet({
        hosts: [nas({ adress: "x", firewall: { allowedTCPPorts: [0] } })],
        modules: [{ name: "common", file: "modules/common.ts", value: { timeZone: "Europe Berlin" } }],
        overlays: [{ name: "tools", file: "overlays/tools.ts", value: { packages: { x: "hello" } } }],
      }),
    );
    expect(result.fleet).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => diagnostic.origin.file)).toEqual([
      "hosts/nas/host.ts",
      "hosts/nas/host.ts",
      "modules/common.ts",
      "overlays/tools.ts",
    ]);
  });

  it("reports secrets referred to inside expressions once, at the written place", () => {
    const result = validateFleet(fleet({ hosts: [nas({ nixos: { a: mkForce(secret("nope")), b: [secret("nope").path] } })] }));
    expect(lines(result.diagnostics)).toEqual([
      'nixos.a: secret("nope") is used, but it is not declared in typeflake.config.ts secrets.secrets. Declare it there as "nope": {}.',
      'nixos.b[0]: secret("nope") is used, but it is not declared in typeflake.config.ts secrets.secrets. Declare it there as "nope": {}.',
    ]);
  });

  it("accepts hostId set in the raw nixos block for ZFS", () => {
    const result = validateFleet(fleet({ hosts: [nas({ zfs: { pools: ["tank"] }, nixos: { networking: { hostId: "a1b2c3d4" } } })] }));
    expect(result.diagnostics).toEqual([]);
  });

  it("accepts hostId from a module the host uses", () => {
    const result = validateFleet(
      fleet({
        hosts: [nas({ zfs: { pools: ["tank"] }, modules: ["zfs"] })],
        modules: [{ name: "zfs", file: "modules/zfs.ts", value: { zfs: { hostId: "a1b2c3d4" } } }],
      }),
    );
    expect(result.diagnostics).toEqual([]);
  });

  it("words a union failure by the branch the value was meant for", () => {
    const result = validateFleet(fleet({ hosts: [nas({ services: { samba: { global: { hostsAllow: ["10.0.20.0/33"] } } } })] }));
    expect(lines(result.diagnostics)).toEqual([
      'services.samba.global.hostsAllow[0]: must be a CIDR (address/prefix, prefix 0-32 for IPv4 or 0-128 for IPv6) such as "10.0.20.0/24" or an IPv4 or IPv6 address such as "10.0.20.10" or "fd00::1"; got "10.0.20.0/33"',
    ]);
  });

  it("reports a private key in any field, once", () => {
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----";
    const result = validateFleet(fleet({ hosts: [nas({ nixos: { a: key }, users: { alice: { description: key } } })] }));
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, formatObjectPath(diagnostic.origin.objectPath)])).toEqual([
      ["private-key", "nixos.a"],
      ["private-key", "users.alice.description"],
    ]);
  });

  it("reports a value that contains itself instead of crashing", () => {
    const loop: Record<string, unknown> = {};
    loop["self"] = loop;
    const result = validateFleet(fleet({ hosts: [nas({ nixos: loop })] }));
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, formatObjectPath(diagnostic.origin.objectPath), messageOf(diagnostic)])).toEqual([
      [
        "cyclic-value",
        "nixos.self",
        "contains itself: it is the same object as nixos, and Nix values cannot refer to themselves; write a copy of the part you need instead",
      ],
    ]);
  });

  it("needs no second nixpkgs for packages from the host's own", () => {
    const result = validateFleet(fleet({ hosts: [nas({ packages: [pkg("htop")] })] }));
    expect(result.diagnostics).toEqual([]);
  });
});

describe("checkPortClaims", () => {
  const claim = (service: string, port: number, protocol: "tcp" | "udp" = "tcp"): PortClaim => ({
    service,
    port,
    protocol,
    open: true,
    origin: { file: "hosts/nas/host.ts", objectPath: ["services", service] },
  });

  it("reports a port claimed by two services, pointing back at the first", () => {
    const diagnostics = checkPortClaims("nas", [claim("nginx", 80), claim("grafana", 80)]);
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "port-conflict",
        data: {
          host: "nas",
          service: "grafana",
          protocol: "tcp",
          port: 80,
          takenBy: "nginx",
          takenAt: { file: "hosts/nas/host.ts", objectPath: ["services", "nginx"] },
        },
        origin: { file: "hosts/nas/host.ts", objectPath: ["services", "grafana"] },
        related: [{ file: "hosts/nas/host.ts", objectPath: ["services", "nginx"] }],
      },
    ]);
    expect(diagnostics.map(messageOf)).toEqual([
      'grafana claims TCP port 80 on host "nas", but nginx already listens there (hosts/nas/host.ts services.nginx); move one of them to another port',
    ]);
  });

  it("allows one service to claim its port twice, and one port over two protocols", () => {
    expect(checkPortClaims("nas", [claim("samba", 445), claim("samba", 445), claim("dns", 53), claim("dns2", 53, "udp")])).toEqual([]);
  });
});

describe("checkHostPorts", () => {
  it("finds two services of one host on one port, across the host's file and its modules", () => {
    const { fleet: validated } = validateFleet(
      fleet({
        hosts: [
          nas({
            modules: ["monitoring"],
            services: {
              openssh: { ports: [22, 9100] },
              wireguard: {
                wg0: { ips: ["10.100.0.1/24"], listenPort: 51820, privateKey: secret("wg-key") },
                wg1: { ips: ["10.101.0.1/24"], listenPort: 51820, privateKey: secret("wg-key") },
              },
            },
          }),
        ],
        modules: [{ name: "monitoring", file: "modules/monitoring.ts", value: { services: { nodeExporter: {} } } }],
      }),
    );
    expect(validated).toBeDefined();
    if (!validated) return;
    expect(lines(checkHostPorts(lowerFleet(indexFleet(validated))))).toEqual([
      'services.wireguard.wg1.listenPort: wireguard wg1 claims UDP port 51820 on host "nas", but wireguard wg0 already listens there (hosts/nas/host.ts services.wireguard.wg0.listenPort); move one of them to another port',
      'services.nodeExporter: node exporter claims TCP port 9100 on host "nas", but openssh already listens there (hosts/nas/host.ts services.openssh); move one of them to another port',
    ]);
  });
});

describe("suggestions", () => {
  it("suggests the closest name, counting a swap of neighbours and a case difference as one edit", () => {
    expect(closestMatch("adress", ["address", "deploy"])).toBe("address");
    expect(closestMatch("nsa", ["nas", "compute"])).toBe("nas");
    expect(closestMatch("defineHots", ["defineHome", "defineHost"])).toBe("defineHost");
    expect(closestMatch("allowedTcpPorts", ["allowedTCPPorts", "allowedUDPPorts"])).toBe("allowedTCPPorts");
    expect(closestMatch("flavour", ["address", "deploy", "services"])).toBeUndefined();
  });

  it("lists several suggestions best first, ties alphabetically, when asked for more than one", () => {
    expect(closestNames("opensshh", ["openssh", "opensshd", "sshd", "nginx"], 3)).toEqual(["openssh", "opensshd"]);
    expect(closestNames("nas", ["nsa", "nas", "mas", "compute"], 3)).toEqual(["mas", "nsa"]);
  });

  it("words the hint as a clause, or ends the sentence when there is none", () => {
    expect(didYouMean(closestMatch("comon", ["common"]))).toBe('; did you mean "common"?');
    expect(suggestThen(closestMatch("comon", ["common"]), "Rest.")).toBe('; did you mean "common"? Rest.');
    expect(suggestThen(closestMatch("xyz", ["common"]), "Rest.")).toBe(". Rest.");
  });
});

describe("schema walking", () => {
  it("finds the keys an object takes at a path, through defaults, records and arrays", () => {
    expect(validKeysAt(hostSchema, ["firewall"])).toContain("allowedTCPPorts");
    expect(validKeysAt(hostSchema, ["users", "alice"])).toContain("extraGroups");
    expect(validKeysAt(hostSchema, ["firewall", "allowedTCPPortRanges", 0])).toEqual(["from", "to"]);
    expect(validKeysAt(hostSchema, ["services", "samba", "shares", "media"])).toContain("path");
    expect(validKeysAt(hostSchema, ["address"])).toEqual([]);
  });
});

describe("describeValue", () => {
  it("shows values in the user's notation", () => {
    expect(describeValue("tank/media")).toBe('"tank/media"');
    expect(describeValue(70000)).toBe("70000");
    expect(describeValue(undefined)).toBe("nothing (undefined)");
    expect(describeValue([1, 2])).toBe("an array of 2");
    expect(describeValue({ a: 1 })).toBe("an object");
    expect(describeValue(() => 1)).toBe("a function");
    expect(describeValue(pkg("python3Packages.requests"))).toBe('pkg("python3Packages.requests")');
    expect(describeValue(secret("wg").path)).toBe('secret("wg").path');
    expect(describeValue(host("nas").port(3000))).toBe('host("nas").port(3000)');
    expect(describeValue(mkForce(1))).toBe("mkForce(…)");
    expect(describeValue("x".repeat(100))).toHaveLength(60);
  });

  it("names a class with its article, and tells an object a quoted \"__proto__\" entry gave a prototype", () => {
    expect(describeValue(new Date(0))).toBe("a Date object");
    expect(describeValue(new Int8Array(1))).toBe("an Int8Array object");
    expect(describeValue(new URL("http://a"))).toBe("a URL object");
    // In a literal, a quoted "__proto__" entry sets the prototype: there is no such key.
    const literal = { "__proto__": [1, 2], a: 1 };
    expect(describeValue(literal)).toBe('an object whose prototype its "__proto__" entry set (write ["__proto__"]: … for a key of that name)');
    expect(describeValue({ "__proto__": { x: 1 } })).toContain('its "__proto__" entry');
  });
});
