/**
 * The table of bad inputs: each case is a small fleet on disk that differs from a valid one in
 * one place, run through the whole front end (load with tsx, validate, locate with ts-morph).
 * `»` in a file marks where the diagnostic must point; each case asserts the code, the object
 * path, a distinctive part of the message and file:line:col, and that nothing else is reported.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadAndValidate } from "../../generators/load/index.ts";
import {
  BASE_FLEET,
  fleetFile,
  hostFile,
  INPUTS,
  moduleFile,
  overlayFile,
  WITH_SECRETS,
} from "./support/fleet-text.ts";
import { summarize } from "./support/summary.ts";
import { marked, removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

interface Case {
  readonly name: string;
  /** Files replacing the base fleet's (`undefined` removes one); one of them holds the `»` marker. */
  readonly files: FleetFiles;
  readonly code: string;
  /** The object path as printed, `""` for the file itself. */
  readonly path: string;
  /** A distinctive part of the message. */
  readonly message: string;
  /** For problems without a source position (a missing file): the file reported. */
  readonly file?: string;
}

const VALID_AGE_KEY = "age1cdt0szreehkyhsleaefdq0k99jta8y4zcdt0szreehkyhsleaefdq0k99j";
const nas = (body: string): FleetFiles => ({ "hosts/nas/host.ts": hostFile(body) });
const ADDRESS = `  address: "10.0.20.10",`;

const CASES: readonly Case[] = [
  // Misspelled keys, at several depths, with the closest valid key.
  {
    name: "misspelled top-level host key",
    files: nas(`${ADDRESS}\n  »modulez: ["common"],`),
    code: "unknown-key",
    path: "modulez",
    message: 'unknown key "modulez"; did you mean "modules"? Valid keys: address, deploy,',
  },
  {
    name: "misspelled required key (the missing key is not reported twice)",
    files: nas(`  »adress: "10.0.20.10",`),
    code: "unknown-key",
    path: "adress",
    message: 'unknown key "adress"; did you mean "address"?',
  },
  {
    name: "misspelled firewall key",
    files: nas(`${ADDRESS}\n  firewall: { »allowedTcpPorts: [22] },`),
    code: "unknown-key",
    path: "firewall.allowedTcpPorts",
    message: 'did you mean "allowedTCPPorts"?',
  },
  {
    name: "misspelled user key",
    files: nas(`${ADDRESS}\n  users: {\n    alice: { »extraGroup: ["wheel"] },\n  },`),
    code: "unknown-key",
    path: "users.alice.extraGroup",
    message: 'did you mean "extraGroups"?',
  },
  {
    name: "misspelled samba share key",
    files: nas(`${ADDRESS}\n  services: {\n    samba: {\n      shares: { media: { »pth: "/tank/media" } },\n    },\n  },`),
    code: "unknown-key",
    path: "services.samba.shares.media.pth",
    message: 'unknown key "pth"; did you mean "path"?',
  },
  {
    name: "misspelled service name",
    files: nas(`${ADDRESS}\n  services: { »sambaa: {} },`),
    code: "unknown-key",
    path: "services.sambaa",
    message: 'did you mean "samba"?',
  },
  {
    name: "misspelled deploy key",
    files: nas(`${ADDRESS}\n  deploy: { »targetHots: "nas.lab.local" },`),
    code: "unknown-key",
    path: "deploy.targetHots",
    message: 'did you mean "targetHost"?',
  },
  {
    name: "misspelled fleet key",
    files: {
      "typeflake.config.ts": `import { defineFleet } from "typeflake";\n\nexport default defineFleet({\n  »descripton: "Homelab",\n${INPUTS}\n});\n`,
    },
    code: "unknown-key",
    path: "descripton",
    message: 'did you mean "description"?',
  },
  {
    name: "unknown key with nothing close",
    files: nas(`${ADDRESS}\n  »flavour: "vanilla",`),
    code: "unknown-key",
    path: "flavour",
    message: 'unknown key "flavour". Valid keys: address,',
  },
  {
    name: "misspelled overlay key inside a union",
    files: { "overlays/tools.ts": overlayFile(`  packages: { status: { »shellScrip: "echo ok" } },`) },
    code: "unknown-key",
    path: "packages.status.shellScrip",
    message: 'did you mean "shellScript"?',
  },
  // Values with the wrong form.
  {
    name: "bad CIDR",
    files: nas(
      `${ADDRESS}\n  services: {\n    wireguard: { wg0: { ips: [»"10.100.0.1/33"], privateKey: secret("wg-key") } },\n  },`,
    ),
    code: "invalid-cidr",
    path: "services.wireguard.wg0.ips[0]",
    message: 'must be a CIDR (address/prefix, prefix 0-32 for IPv4 or 0-128 for IPv6) such as "10.0.20.0/24", got "10.100.0.1/33"',
  },
  {
    name: "bad IPv4 address",
    files: nas(`  »address: "10.0.20.300",`),
    code: "invalid-address",
    path: "address",
    message: 'must be an IP address or DNS name such as "10.0.20.10" or "nas.lab.local", got "10.0.20.300"',
  },
  {
    name: "bad client network in a union that words its own message",
    files: nas(
      `${ADDRESS}\n  services: {\n    nfs: { exports: [{ path: "/tank", clients: [{ »host: "10.0.20.0/33" }] }] },\n  },`,
    ),
    code: "invalid-value",
    path: "services.nfs.exports[0].clients[0].host",
    message: 'must be a network ("10.0.20.0/24")',
  },
  {
    name: "port 0",
    files: nas(`${ADDRESS}\n  firewall: { allowedTCPPorts: [22, »0] },`),
    code: "invalid-port",
    path: "firewall.allowedTCPPorts[1]",
    message: "must be a port number (an integer from 1 to 65535), got 0",
  },
  {
    name: "port 70000",
    files: nas(`${ADDRESS}\n  firewall: { allowedUDPPorts: [»70000] },`),
    code: "invalid-port",
    path: "firewall.allowedUDPPorts[0]",
    message: "got 70000",
  },
  {
    name: "port 1.5",
    files: nas(`${ADDRESS}\n  firewall: { allowedTCPPorts: [»1.5] },`),
    code: "invalid-port",
    path: "firewall.allowedTCPPorts[0]",
    message: "an integer from 1 to 65535), got 1.5",
  },
  {
    name: "port written as a string",
    files: nas(`${ADDRESS}\n  firewall: { allowedTCPPorts: [»"22"] },`),
    code: "invalid-type",
    path: "firewall.allowedTCPPorts[0]",
    message: 'must be a port number (an integer from 1 to 65535), got "22"',
  },
  {
    name: "port range end out of range",
    files: nas(`${ADDRESS}\n  firewall: { allowedTCPPortRanges: [{ from: 60000, »to: 65536 }] },`),
    code: "invalid-port",
    path: "firewall.allowedTCPPortRanges[0].to",
    message: "got 65536",
  },
  {
    name: "relative path where an absolute one is needed",
    files: nas(`${ADDRESS}\n  services: {\n    samba: {\n      shares: { media: { »path: "tank/media" } },\n    },\n  },`),
    code: "invalid-path",
    path: "services.samba.shares.media.path",
    message: 'must be an absolute path, got "tank/media"',
  },
  {
    name: "hardware file not relative",
    files: nas(`${ADDRESS}\n  »hardware: "/etc/nixos/hardware.nix",`),
    code: "invalid-path",
    path: "hardware",
    message: 'must be a relative path starting with ./ or ../',
  },
  {
    name: "host name with uppercase letters (from the folder)",
    files: {
      "hosts/nas/host.ts": undefined,
      "hosts/NAS/host.ts": `import { defineHost } from "typeflake";\n\nexport default »defineHost({ address: "10.0.20.10" });\n`,
    },
    code: "invalid-name",
    path: "",
    message: 'the host name "NAS" is taken from its folder hosts/NAS/ and must be a host name',
  },
  {
    name: "host name with a leading dash",
    files: {
      "hosts/nas/host.ts": undefined,
      "hosts/-nas/host.ts": `import { defineHost } from "typeflake";\n\nexport default »defineHost({ address: "10.0.20.10" });\n`,
    },
    code: "invalid-name",
    path: "",
    message: 'got "-nas"; rename the folder',
  },
  {
    name: "host name too long",
    files: {
      "hosts/nas/host.ts": undefined,
      [`hosts/${"a".repeat(64)}/host.ts`]: `import { defineHost } from "typeflake";\n\nexport default »defineHost({ address: "10.0.20.10" });\n`,
    },
    code: "invalid-name",
    path: "",
    message: "1-63 lowercase letters",
  },
  {
    name: "host name in secrets.hostKeys",
    files: {
      "typeflake.config.ts": fleetFile(`${WITH_SECRETS.replace("secrets: {", `secrets: { hostKeys: { »"Nas": "${VALID_AGE_KEY}" },`)}`),
    },
    code: "invalid-host-name",
    path: "secrets.hostKeys.Nas",
    message: 'invalid key "Nas": must be a host name',
  },
  {
    name: "unknown system",
    files: nas(`${ADDRESS}\n  »system: "x86-linux",`),
    code: "invalid-value",
    path: "system",
    message: 'must be a NixOS system, one of "x86_64-linux", "aarch64-linux",',
  },
  {
    name: "bad flake URL",
    files: {
      "typeflake.config.ts": fleetFile(`${INPUTS.replace('nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" }', 'nixpkgs: { »url: "nixos-24.11" }')}`),
    },
    code: "invalid-flake-url",
    path: "inputs.nixpkgs.url",
    message: 'must be a flake URL such as "github:NixOS/nixpkgs/nixos-26.05"',
  },
  {
    name: "bad user name",
    files: nas(`${ADDRESS}\n  users: { »Alice: {} },`),
    code: "invalid-user-name",
    path: "users.Alice",
    message: 'invalid key "Alice": must be a user name',
  },
  {
    // NixOS aborts on a user name of 32 characters or more (users-groups.nix).
    name: "user name of 32 characters",
    files: nas(`${ADDRESS}\n  users: { »${"a".repeat(32)}: {} },`),
    code: "invalid-user-name",
    path: `users.${"a".repeat(32)}`,
    message: "must be a user name: up to 31 lowercase letters",
  },
  {
    name: "primary group of 32 characters",
    files: nas(`${ADDRESS}\n  users: { alice: { »group: "${"g".repeat(32)}" } },`),
    code: "invalid-group-name",
    path: "users.alice.group",
    message: "must be a user's primary group: up to 31 lowercase letters",
  },
  {
    name: "bad group name",
    files: nas(`${ADDRESS}\n  users: { alice: { extraGroups: ["docker", »"Wheel"] } },`),
    code: "invalid-group-name",
    path: "users.alice.extraGroups[1]",
    message: "must be a group name: up to 31 lowercase letters",
  },
  {
    // users-groups.nix does not limit users.groups.<name>.name, but systemd-sysusers refuses it.
    name: "group name of 32 characters",
    files: nas(`${ADDRESS}\n  users: { alice: { extraGroups: [»"${"g".repeat(32)}"] } },`),
    code: "invalid-group-name",
    path: "users.alice.extraGroups[0]",
    message: "must be a group name: up to 31 lowercase letters",
  },
  {
    name: "bad SSH key in a list",
    files: nas(
      `${ADDRESS}\n  users: {\n    alice: { sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey alice@laptop", »"not a key"] },\n  },`,
    ),
    code: "invalid-ssh-key",
    path: "users.alice.sshKeys[1]",
    message: "must be an SSH public key line",
  },
  {
    name: "bad WireGuard key",
    files: {
      // The fleet declares the secret: references are checked in a file with schema errors too.
      "typeflake.config.ts": fleetFile(WITH_SECRETS),
      ...nas(
        `${ADDRESS}\n  services: {\n    wireguard: {\n      wg0: {\n        ips: ["10.100.0.1/24"],\n        privateKey: secret("wg-key"),\n        peers: [{ »publicKey: "abc=", allowedIPs: ["10.100.0.2/32"] }],\n      },\n    },\n  },`,
      ),
    },
    code: "invalid-wireguard-key",
    path: "services.wireguard.wg0.peers[0].publicKey",
    message: "must be a WireGuard public key (the output of `wg pubkey`): 32 bytes in base64, 44 characters ending in '='",
  },
  {
    // 44 characters ending in '=', as the form says, yet no 32 bytes encode to it: the message names why.
    name: "WireGuard key of the right length whose last character before '=' no 32 bytes end in",
    files: {
      "typeflake.config.ts": fleetFile(WITH_SECRETS),
      ...nas(
        `${ADDRESS}\n  services: {\n    wireguard: {\n      wg0: {\n        ips: ["10.100.0.1/24"],\n        privateKey: secret("wg-key"),\n        peers: [{ »publicKey: "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8D1=", allowedIPs: ["10.100.0.2/32"] }],\n      },\n    },\n  },`,
      ),
    },
    code: "invalid-wireguard-key",
    path: "services.wireguard.wg0.peers[0].publicKey",
    message: "the one before '=' being A, E, I, M, Q, U, Y, c, g, k, o, s, w, 0, 4 or 8, got \"xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8D1=\"",
  },
  {
    name: "bad age key",
    files: { "typeflake.config.ts": fleetFile(WITH_SECRETS.replace("secrets: {", 'secrets: { admins: [»"age1xyz"],')) },
    code: "invalid-age-key",
    path: "secrets.admins[0]",
    message: 'must be an age public key: "age1" followed by 58 bech32 characters',
  },
  {
    // Right length, but with a 'b', which bech32 leaves out: the message names the letters it has not.
    name: "age key of the right length with a letter bech32 leaves out",
    files: { "typeflake.config.ts": fleetFile(WITH_SECRETS.replace("secrets: {", `secrets: { admins: [»"${VALID_AGE_KEY.slice(0, -1)}b"],`)) },
    code: "invalid-age-key",
    path: "secrets.admins[0]",
    message: "lowercase letters and digits other than 1, b, i and o",
  },
  {
    name: "bad hostId",
    files: nas(`${ADDRESS}\n  zfs: { »hostId: "xyz", pools: ["tank"] },`),
    code: "invalid-host-id",
    path: "zfs.hostId",
    message: 'must be 8 lowercase hexadecimal digits such as "a1b2c3d4"',
  },
  {
    name: "private key pasted into a raw option",
    files: nas(
      `${ADDRESS}\n  nixos: {\n    environment: { etc: { key: { »text: "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaA==\\n-----END OPENSSH PRIVATE KEY-----" } } },\n  },`,
    ),
    code: "private-key",
    path: "nixos.environment.etc.key.text",
    message: "looks like a private key; keys are never written in clear",
  },
  {
    name: "private key pasted into a description",
    files: { "modules/common.ts": moduleFile(`  »description: "AGE-SECRET-KEY-1${"Q".repeat(58)}",`) },
    code: "private-key",
    path: "description",
    message: 'use secret("name")',
  },
  {
    name: "private key pasted into an SSH key list",
    files: nas(`${ADDRESS}\n  users: { alice: { sshKeys: [»"-----BEGIN RSA PRIVATE KEY-----\\nMIIE"] } },`),
    code: "private-key",
    path: "users.alice.sshKeys[0]",
    message: "looks like a private key",
  },
  {
    name: "enum value not allowed",
    files: { "typeflake.config.ts": fleetFile(`${INPUTS}\n  deploy: { »tool: "nixops" },`) },
    code: "invalid-value",
    path: "deploy.tool",
    message: 'must be one of "deploy-rs", "colmena", "nixos-rebuild"; got "nixops"',
  },
  {
    name: "boolean written as a string",
    files: nas(`${ADDRESS}\n  firewall: { »enable: "yes" },`),
    code: "invalid-type",
    path: "firewall.enable",
    message: 'must be true or false, got "yes"',
  },
  {
    name: "string where a list is expected",
    files: nas(`${ADDRESS}\n  »modules: "common",`),
    code: "invalid-type",
    path: "modules",
    message: 'must be an array, got "common"',
  },
  {
    name: "plain string where a package is expected",
    files: nas(`${ADDRESS}\n  packages: [pkg("git"), »"htop"],`),
    code: "invalid-expression",
    path: "packages[1]",
    message: "must be a typeflake expression (nix`…`, mkForce, pkg, secret, host, …)",
  },
  {
    name: "function in a raw NixOS block",
    files: nas(`${ADDRESS}\n  nixos: { »hook: () => 1 },`),
    code: "invalid-type",
    path: "nixos.hook",
    message: "must be a string, a number, true or false, null, a typeflake expression",
  },
  {
    name: "sysctl key with spaces",
    files: nas(`${ADDRESS}\n  sysctl: { »"net ipv4 forward": 1 },`),
    code: "invalid-format",
    path: 'sysctl."net ipv4 forward"',
    message: 'invalid key "net ipv4 forward": must be a sysctl key such as "net.ipv4.ip_forward"',
  },
  {
    name: "sysctl value that is not a whole number",
    files: nas(`${ADDRESS}\n  sysctl: { »"vm.swappiness": 1.5 },`),
    code: "invalid-type",
    path: 'sysctl."vm.swappiness"',
    message: "must be a string, an integer or true or false; got 1.5",
  },
  {
    name: "bad time zone",
    files: nas(`${ADDRESS}\n  »timeZone: "Europe Berlin",`),
    code: "invalid-format",
    path: "timeZone",
    message: 'must be a time zone such as "UTC" or "Europe/Berlin"',
  },
  {
    name: "bad overlay package name",
    files: { "overlays/tools.ts": overlayFile(`  packages: { »"1tool": pkg("hello") },`) },
    code: "invalid-format",
    path: 'packages."1tool"',
    message: "must be a package attribute name",
  },
  {
    name: "required key missing",
    files: { "hosts/nas/host.ts": hostFile(`  modules: ["common"],`).replace("defineHost({", "»defineHost({") },
    code: "missing-key",
    path: "address",
    message: 'missing required key "address": must be a string',
  },
  {
    name: "samba parameter that has a typed field (string-literal key)",
    files: nas(
      `${ADDRESS}\n  services: {\n    samba: { global: { extra: { »"server min protocol": "SMB3" } } },\n  },`,
    ),
    code: "duplicate-parameter",
    path: 'services.samba.global.extra."server min protocol"',
    message: "has a typed field: set `serverMinProtocol` instead",
  },
  // Where the value was computed, the nearest written place.
  {
    name: "unknown key from a spread points at the define call",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst extra = { adress: "x" };\n\nexport default »defineHost({ address: "10.0.20.10", ...extra });\n`,
    },
    code: "unknown-key",
    path: "adress",
    message: 'did you mean "address"?',
  },
  {
    name: "value from a function call points at its key",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst share = (path: string) => ({ path });\n\nexport default defineHost({\n  address: "10.0.20.10",\n  services: { samba: { shares: { »media: share("tank/media") } } },\n});\n`,
    },
    code: "invalid-path",
    path: "services.samba.shares.media.path",
    message: 'got "tank/media"',
  },
  {
    name: "value in a same-file constant used as shorthand",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst shares = {\n  media: { »path: "tank/media" },\n} as const;\n\nexport default defineHost({\n  address: "10.0.20.10",\n  services: { samba: { shares } },\n});\n`,
    },
    code: "invalid-path",
    path: "services.samba.shares.media.path",
    message: 'got "tank/media"',
  },
  {
    name: "value inside a builder call",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst samba = <T,>(config: T): T => config;\n\nexport default defineHost({\n  address: "10.0.20.10",\n  services: {\n    samba: samba({ shares: { media: { »path: "tank/media" } } }),\n  },\n});\n`,
    },
    code: "invalid-path",
    path: "services.samba.shares.media.path",
    message: 'got "tank/media"',
  },
  {
    name: "define call assigned to a constant, then exported",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst nas = defineHost({\n  »address: "10.0.20.300",\n});\n\nexport default nas;\n`,
    },
    code: "invalid-address",
    path: "address",
    message: 'got "10.0.20.300"',
  },
  // define* calls given what TypeScript forbids: validated like any value, not a TypeError from inside the call.
  {
    name: "define call given null",
    files: { "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nexport default »defineHost(null as any);\n` },
    code: "invalid-type",
    path: "",
    message: "must be an object, got null",
  },
  {
    name: "define call given a frozen object",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nexport default defineHost(Object.freeze({ address: "10.0.20.10", »adress: "x" }) as any);\n`,
    },
    code: "unknown-key",
    path: "adress",
    message: 'did you mean "address"?',
  },
  {
    name: "one object given to defineModule, then to defineHost",
    files: {
      "hosts/nas/host.ts": `import { defineHost, defineModule } from "typeflake";\n\nconst nas = { address: "10.0.20.10", »timezone: "UTC" };\ndefineModule(nas as any);\n\nexport default defineHost(nas as any);\n`,
    },
    code: "unknown-key",
    path: "timezone",
    message: 'did you mean "timeZone"?',
  },
  // References across files.
  {
    name: "host uses a module that does not exist",
    files: nas(`${ADDRESS}\n  modules: [»"comon"],`),
    code: "unknown-module",
    path: "modules[0]",
    message: 'module "comon" does not exist (no modules/comon.ts); did you mean "common"? The modules are "common".',
  },
  {
    name: "fleet uses a module that does not exist",
    files: { "typeflake.config.ts": fleetFile(`${INPUTS}\n  modules: [»"monitoring"],`) },
    code: "unknown-module",
    path: "modules[0]",
    message: 'module "monitoring" does not exist (no modules/monitoring.ts). The modules are "common".',
  },
  {
    name: "secret not declared",
    files: {
      "typeflake.config.ts": fleetFile(WITH_SECRETS),
      ...nas(`${ADDRESS}\n  nixos: { environment: { etc: { »wg: secret("wg-kee").path } } },`),
    },
    code: "unknown-secret",
    path: "nixos.environment.etc.wg",
    message: 'secret("wg-kee") is used, but it is not declared in typeflake.config.ts secrets.secrets; did you mean "wg-key"?',
  },
  {
    name: "listed secret not declared",
    files: { "typeflake.config.ts": fleetFile(WITH_SECRETS), ...nas(`${ADDRESS}\n  secrets: [»"db/password"],`) },
    code: "unknown-secret",
    path: "secrets[0]",
    message: 'secret "db/password" is listed, but it is not declared',
  },
  {
    name: "secret used while the fleet has no secrets",
    files: nas(`${ADDRESS}\n  nixos: { »key: secret("wg-key") },`),
    code: "secrets-not-configured",
    path: "nixos.key",
    message: "but typeflake.config.ts has no secrets section",
  },
  {
    name: "host() names a host that does not exist",
    files: nas(`${ADDRESS}\n  nixos: { networking: { »extraHosts: host("nsa") } },`),
    code: "unknown-host",
    path: "nixos.networking.extraHosts",
    message: 'host("nsa") names no host of this fleet (no hosts/nsa/host.ts); did you mean "nas"?',
  },
  {
    name: "host key for a host that does not exist",
    files: {
      "typeflake.config.ts": fleetFile(WITH_SECRETS.replace("secrets: {", `secrets: { hostKeys: { »nsa: "${VALID_AGE_KEY}" },`)),
    },
    code: "unknown-host",
    path: "secrets.hostKeys.nsa",
    message: 'is the key of host "nsa", which does not exist',
  },
  {
    name: "unstablePkg without a second nixpkgs",
    files: nas(`${ADDRESS}\n  packages: [»unstablePkg("htop")],`),
    code: "unstable-not-configured",
    path: "packages[0]",
    message: 'unstablePkg("htop") needs a second nixpkgs',
  },
  {
    name: "duplicate host address",
    files: {
      "hosts/compute/host.ts": hostFile(ADDRESS),
      ...nas(`  »address: "10.0.20.10",`),
    },
    code: "duplicate-address",
    path: "address",
    message: '"10.0.20.10" is already the address of host "compute" (hosts/compute/host.ts)',
  },
  {
    name: "duplicate deploy target",
    files: {
      "hosts/compute/host.ts": hostFile(`  address: "10.0.20.11",`),
      ...nas(`${ADDRESS}\n  deploy: { »targetHost: "10.0.20.11" },`),
    },
    code: "duplicate-address",
    path: "deploy.targetHost",
    message: 'deploys to "10.0.20.11", which is where host "compute" (hosts/compute/host.ts) is deployed too',
  },
  // Flake inputs.
  {
    name: "nixpkgs input missing",
    files: { "typeflake.config.ts": fleetFile(`  »inputs: {\n    nixpkg: { url: "github:NixOS/nixpkgs/nixos-24.11" },\n    "deploy-rs": { url: "github:serokell/deploy-rs" },\n  },`) },
    code: "missing-input",
    path: "inputs",
    message: 'the flake input "nixpkgs" is missing (every host is built from it); did you mean "nixpkg"?',
  },
  {
    name: "follows names an input that does not exist",
    files: {
      "typeflake.config.ts": fleetFile(INPUTS.replace('follows: { nixpkgs: "nixpkgs" }', 'follows: { »nixpkgs: "nixpkg" }')),
    },
    code: "unknown-input",
    path: "inputs.deploy-rs.follows.nixpkgs",
    message: 'follows "nixpkg", which is not a flake input of this fleet; did you mean "nixpkgs"?',
  },
  {
    name: "sops backend without the sops-nix input",
    files: { "typeflake.config.ts": fleetFile(`${INPUTS.replace("  inputs", "  »inputs")}\n  secrets: { secrets: { "wg-key": {} } },`) },
    code: "missing-input",
    path: "inputs",
    message: 'the flake input "sops-nix" is missing (secrets.backend is "sops"). Add inputs: { "sops-nix": { url: "github:Mic92/sops-nix"',
  },
  {
    name: "agenix backend without the agenix input",
    files: { "typeflake.config.ts": fleetFile(`${INPUTS.replace("  inputs", "  »inputs")}\n  secrets: { backend: "agenix" },`) },
    code: "missing-input",
    path: "inputs",
    message: 'the flake input "agenix" is missing (secrets.backend is "agenix")',
  },
  {
    name: "deploy-rs (the default tool) without its input",
    files: { "typeflake.config.ts": fleetFile(`  »inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" } },`) },
    code: "missing-input",
    path: "inputs",
    message: 'the flake input "deploy-rs" is missing (deploy.tool is "deploy-rs")',
  },
  {
    name: "colmena without its input",
    files: { "typeflake.config.ts": fleetFile(`${INPUTS.replace("  inputs", "  »inputs")}\n  deploy: { tool: "colmena" },`) },
    code: "missing-input",
    path: "inputs",
    message: 'the flake input "colmena" is missing (deploy.tool is "colmena")',
  },
  {
    name: "unstable names a missing input",
    files: { "typeflake.config.ts": fleetFile(`${INPUTS}\n  unstable: { »input: "nixpkgs-unstable" },`) },
    code: "unknown-input",
    path: "unstable.input",
    message: 'names no flake input: "nixpkgs-unstable". The inputs are "deploy-rs", "nixpkgs".',
  },
  // ZFS.
  {
    name: "ZFS pool without hostId",
    files: nas(`${ADDRESS}\n  zfs: { »pools: ["tank"] },`),
    code: "zfs-needs-host-id",
    path: "zfs.pools",
    message: 'ZFS needs networking.hostId: host "nas" imports ZFS pools ("tank") but sets no host id',
  },
  {
    name: "ZFS pool from a module without hostId",
    files: {
      "modules/storage.ts": moduleFile(`  zfs: { pools: ["tank"] },`),
      ...nas(`${ADDRESS}\n  modules: ["common", »"storage"],`),
    },
    code: "zfs-needs-host-id",
    path: "modules[1]",
    message: '("tank" (from module "storage"))',
  },
  // Files that cannot be loaded.
  {
    name: "host folder without host.ts",
    files: { "hosts/empty": null },
    code: "missing-host-file",
    path: "",
    message: "host folder has no host.ts; create hosts/empty/host.ts",
    file: "hosts/empty/",
  },
  {
    name: "missing typeflake.config.ts",
    files: { "typeflake.config.ts": undefined },
    code: "missing-config",
    path: "",
    message: "no typeflake.config.ts in",
    file: "typeflake.config.ts",
  },
  {
    name: "host.ts without a default export",
    files: { "hosts/nas/host.ts": `»import { defineHost } from "typeflake";\n\nexport const nas = defineHost({ address: "10.0.20.10" });\n` },
    code: "missing-default-export",
    path: "",
    message: "has no default export; end it with export default defineHost({ … })",
  },
  {
    name: "host.ts with nothing in it yet but a comment",
    // At the end, where the export it lacks goes.
    files: { "hosts/nas/host.ts": `// TODO: the NAS\n\n/* its disks */\n»` },
    code: "missing-default-export",
    path: "",
    message: "has no default export; end it with export default defineHost({ … })",
  },
  {
    name: "empty host.ts",
    files: { "hosts/nas/host.ts": `»` },
    code: "missing-default-export",
    path: "",
    message: "has no default export; end it with export default defineHost({ … })",
  },
  {
    name: "default export not made by defineHost",
    files: { "hosts/nas/host.ts": `export default »{ address: "10.0.20.10" };\n` },
    code: "wrong-definition",
    path: "",
    message: "the default export is not made by a define* function; a host file must export default defineHost({ … })",
  },
  {
    name: "default export made by the wrong define function",
    files: { "hosts/nas/host.ts": `import { defineModule } from "typeflake";\n\nexport default »defineModule({});\n` },
    code: "wrong-definition",
    path: "",
    message: "the default export is made by defineModule; a host file must export default defineHost({ … })",
  },
  {
    name: "TypeScript syntax error",
    files: { "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst broken = {»;\n\nexport default defineHost({ address: "10.0.20.10" });\n` },
    code: "syntax-error",
    path: "",
    message: 'syntax error: Expected identifier but found ";"',
  },
  {
    name: "file that throws while loading (at the error's construction)",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst lookup = (name: string): string => {\n  throw »new Error(\`no address for \${name}\`);\n};\n\nexport default defineHost({ address: lookup("nas") });\n`,
    },
    code: "load-error",
    path: "",
    message: "threw while loading: Error: no address for nas",
  },
  {
    name: "file whose helper throws while loading",
    files: {
      "hosts/nas/lookup.ts": `export const lookup = (name: string): string => {\n  throw new TypeError(\`unknown host \${name}\`);\n};\n`,
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\nimport { lookup } from "./lookup.ts";\n\nexport default defineHost({ address: »lookup("nas") });\n`,
    },
    code: "load-error",
    path: "",
    message: "threw while loading: TypeError: unknown host nas (thrown at hosts/nas/lookup.ts:2:9)",
  },
  {
    name: "import of a name typeflake does not export",
    files: {
      "hosts/nas/host.ts": `import { »defineHots } from "typeflake";\n\nexport default defineHots({ address: "10.0.20.10" });\n`,
    },
    code: "load-error",
    path: "",
    message: `"typeflake" does not export "defineHots"; did you mean "defineHost"?`,
  },
  {
    name: "import of a file that does not exist",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\nimport { shares } from »"./shares.ts";\n\nexport default defineHost({ address: "10.0.20.10", services: { samba: { shares } } });\n`,
    },
    code: "load-error",
    path: "",
    message: 'cannot load this file: cannot find "./shares.ts"',
  },
  {
    // Node resolves a name computed at run time against the bundle, in a temporary folder.
    name: "import() of a relative name computed as the file runs",
    files: {
      "hosts/nas/zone.ts": `export const zone = "UTC";\n`,
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst name = "./zone.ts";\nconst { zone } = await import(name);\n\nexport default »defineHost({ address: "10.0.20.10", timeZone: zone });\n`,
    },
    code: "load-error",
    path: "",
    message: "cannot load this file: an import whose name is computed as the file runs (import(name), require(name)) looked for hosts/nas/zone.ts in typeflake's compiled copy of the fleet",
  },
  {
    name: "require() of a relative name computed as the file runs",
    files: {
      "hosts/nas/zone.cjs": `exports.zone = "UTC";\n`,
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nconst name = "./zone.cjs";\nconst { zone } = require(name);\n\nexport default »defineHost({ address: "10.0.20.10", timeZone: zone });\n`,
    },
    code: "load-error",
    path: "",
    message: "cannot load this file: an import whose name is computed as the file runs (import(name), require(name)) looked for ",
  },
];

describe("a table of bad inputs", () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map(removeFleet)));

  it("has at least 50 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  it.concurrent.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", async (_, testCase) => {
    const files: Record<string, string | null | undefined> = { ...BASE_FLEET, ...testCase.files };
    const markedFile = Object.entries(files).find(([, text]) => typeof text === "string" && text.includes("»"));
    const mark = markedFile && marked(markedFile[1] as string);
    if (markedFile && mark) files[markedFile[0]] = mark.text;
    const root = await writeFleet(files);
    roots.push(root);

    const { fleet, diagnostics } = await loadAndValidate(root);

    expect(fleet).toBeUndefined();
    const summary = summarize(diagnostics);
    expect(summary).toHaveLength(1);
    const [found] = summary;
    expect(found?.code).toBe(testCase.code);
    expect(found?.path).toBe(testCase.path);
    expect(found?.message).toContain(testCase.message);
    const at = markedFile && mark ? `${markedFile[0]}:${mark.line}:${mark.column}` : `${testCase.file}:-:-`;
    expect(found?.at).toBe(at);
  });
});
