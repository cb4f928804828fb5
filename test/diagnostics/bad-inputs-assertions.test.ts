/**
 * Bad inputs of part C of issue 14: what NixOS, agenix or sops-nix would refuse at build time
 * (their assertions), values two hosts must not share, `unstable` without a second nixpkgs, and
 * every problem of a fleet in one run. Each case is a small fleet on disk run through
 * `typeflake generate --json` (in this process, one run at a time): it must exit 1, write nothing (the folder is unchanged)
 * and report exactly the expected errors, each at the `⟦name⟧` marker in its file, with its
 * message; `info` lists the files whose dependent checks the run says it skipped.
 */
import { afterAll, describe, expect, it } from "vitest";
import { BASE_FLEET, fleetFile, hostFile, moduleFile, overlayFile } from "./support/fleet-text.ts";
import type { DiagnosticRecord } from "../../generators/diagnostics/json.ts";
import { markers } from "./support/markers.ts";
import { runGenerate, snapshotFolder, warningsOf } from "./support/run-generate.ts";
import { removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

interface Expected {
  readonly code: string;
  /** `file#marker`: the file and the `⟦marker⟧` inside it where the error must point. */
  readonly at: string;
  /** A distinctive part of the message. */
  readonly message: string;
}

interface Case {
  readonly name: string;
  /** Files replacing the base fleet's (`undefined` removes one), with `⟦name⟧` markers. */
  readonly files: FleetFiles;
  readonly errors: readonly Expected[];
  /** Files the run must name as holding back the checks that need them. */
  readonly info?: readonly string[];
}

const SSH_NAS = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH08pSdEvSu0vbNRyOe4bD9zt2YlbdZEKIFkUqSeayPI root@nas";
const SSH_WEB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINnokO0GPPKjVoQCGqrnAUzvEeNNu7EaHub2/S/8S5cJ root@web";
const AGE_NAS = "age1cdt0szreehkyhsleaefdq0k99jta8y4zcdt0szreehkyhsleaefdq0k99j";
const WG_KEY = "0zKQfKPJPYC/I06OsqtSsRjyiszFaniVXyO7onWBjdA=";

const INPUTS = (extra: string) => `  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
${extra}  },`;
const AGENIX_INPUT = `    agenix: { url: "github:ryantm/agenix", follows: { nixpkgs: "nixpkgs" } },\n`;
const SOPS_INPUT = `    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },\n`;

/** A fleet keeping secret "wg-key" with agenix; `hostKeys` as written. */
const agenixFleet = (hostKeys: string, extra = "") =>
  fleetFile(`${INPUTS(AGENIX_INPUT)}\n  secrets: {\n    backend: "agenix",\n${extra}    hostKeys: { ${hostKeys} },\n    secrets: { "wg-key": {} },\n  },`);
/** A fleet keeping secret "wg-key" with sops, decrypted with an age key file unless `keyFile` is false. */
const sopsFleet = (hostKeys: string, keyFile = true) =>
  fleetFile(
    `${INPUTS(SOPS_INPUT)}\n  secrets: {\n${keyFile ? '    ageKeyFile: "/var/lib/sops-nix/key.txt",\n' : ""}    hostKeys: { ${hostKeys} },\n    secrets: { "wg-key": {} },\n  },`,
  );

const ADDRESS = `  address: "10.0.20.10",`;
/** `services` with one WireGuard interface `wg0` whose fields are `body`, after `others`. */
const WG = (body: string, others = "") => `  services: {\n${others}    wireguard: wireguard({\n      wg0: { ${body} },\n    }),\n  },`;
const HOST_NAMES = "defineHost, host, mkForce, nix, openssh, secret, wireguard";
const nas = (body: string): FleetFiles => ({ "hosts/nas/host.ts": hostFile(body, HOST_NAMES) });
const web = (body: string): FleetFiles => ({ "hosts/web/host.ts": hostFile(body, HOST_NAMES) });

const CASES: readonly Case[] = [
  // agenix, sops-nix: a host must hold a key its secrets are encrypted to.
  {
    name: "agenix secret on a host without OpenSSH or identityPaths",
    files: {
      "typeflake.config.ts": agenixFleet(`nas: "${SSH_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], ⟦use⟧privateKey: secret("wg-key")`)}`),
    },
    errors: [{ code: "agenix-no-identity", at: "hosts/nas/host.ts#use", message: 'neither enables OpenSSH (whose host keys are agenix\'s default identities) nor sets age.identityPaths, so the build would fail with "age.identityPaths must be set."' }],
  },
  {
    name: "agenix identityPaths emptied in a raw block",
    files: {
      "typeflake.config.ts": agenixFleet(`nas: "${SSH_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}\n  nixos: { services: { openssh: { enable: true } }, age: { ⟦empty⟧identityPaths: [] } },`),
    },
    errors: [{ code: "agenix-no-identity", at: "hosts/nas/host.ts#empty", message: "age.identityPaths is empty" }],
  },
  {
    name: "agenix recipient that is an age key while the host decrypts with its SSH host key",
    files: {
      "typeflake.config.ts": agenixFleet(`⟦key⟧nas: "${AGE_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`, "    openssh: openssh(),\n")}`),
    },
    errors: [{ code: "host-key-not-decryptable", at: "typeflake.config.ts#key", message: "is an age key, but host \"nas\" decrypts its agenix secrets with its SSH host key" }],
  },
  {
    name: "agenix recipient that is an SSH key while the host decrypts with an age key file",
    files: {
      "typeflake.config.ts": agenixFleet(`⟦key⟧nas: "${SSH_NAS}"`, `    ageKeyFile: "/var/lib/agenix/key.txt",\n`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}`),
    },
    errors: [{ code: "host-key-not-decryptable", at: "typeflake.config.ts#key", message: "decrypts its agenix secrets with the age identity /var/lib/agenix/key.txt" }],
  },
  {
    name: "sops recipient that is an SSH key",
    files: {
      "typeflake.config.ts": sopsFleet(`⟦key⟧nas: "${SSH_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}`),
    },
    errors: [{ code: "host-key-not-decryptable", at: "typeflake.config.ts#key", message: "sops encrypts only to age recipients" }],
  },
  {
    name: "sops key file cleared by a raw override",
    files: {
      "typeflake.config.ts": sopsFleet(`nas: "${AGE_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}\n  nixos: { sops: { age: { ⟦null⟧keyFile: mkForce(null) } } },`),
    },
    errors: [{ code: "sops-no-key-source", at: "hosts/nas/host.ts#null", message: '"No key source configured for sops.' }],
  },
  {
    name: "sops without a key file on a host without OpenSSH, whose host key sops-nix would decrypt with",
    files: {
      "typeflake.config.ts": sopsFleet(`nas: "${AGE_NAS}"`, false),
      "hosts/nas/host.ts": hostFile(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}`, HOST_NAMES).replace("defineHost({", "⟦host⟧defineHost({"),
    },
    errors: [{ code: "sops-no-key-source", at: "hosts/nas/host.ts#host", message: "enable OpenSSH on the host so sops-nix decrypts with its SSH host key, or set secrets.ageKeyFile" }],
  },
  // ZFS.
  {
    name: "ZFS switched on by a raw block without a host id",
    files: nas(`${ADDRESS}\n  nixos: { boot: { zfs: { ⟦pools⟧extraPools: ["tank"] } } },`),
    errors: [{ code: "zfs-needs-host-id", at: "hosts/nas/host.ts#pools", message: '"ZFS requires networking.hostId to be set"' }],
  },
  {
    name: "ZFS without pools and without a host id",
    files: nas(`${ADDRESS}\n  ⟦zfs⟧zfs: { autoScrub: true },`),
    errors: [{ code: "zfs-needs-host-id", at: "hosts/nas/host.ts#zfs", message: 'add zfs: { hostId: "a1b2c3d4" }' }],
  },
  // ACME and nginx, as merged with raw blocks.
  {
    name: "ACME requested in a raw block without terms or contact address",
    files: nas(`${ADDRESS}\n  nixos: { services: { nginx: { enable: true, virtualHosts: { "a.example.com": { ⟦acme⟧enableACME: true, forceSSL: true } } } } },`),
    errors: [
      { code: "acme-terms-not-accepted", at: "hosts/nas/host.ts#acme", message: "You must accept the CA's terms of service" },
      { code: "acme-missing-email", at: "hosts/nas/host.ts#acme", message: "You must define `security.acme.certs.<name>.email` or `security.acme.defaults.email`" },
    ],
  },
  {
    name: "raw forceSSL without a certificate",
    files: nas(`${ADDRESS}\n  nixos: { services: { nginx: { enable: true, virtualHosts: { internal: { ⟦ssl⟧forceSSL: true } } } } },`),
    errors: [{ code: "nginx-missing-certificate", at: "hosts/nas/host.ts#ssl", message: "The option `services.nginx.virtualHosts.\"internal\".sslCertificate' is used but not defined." }],
  },
  {
    name: "a raw SSL mode beside the typed one",
    files: nas(
      `${ADDRESS}\n  services: {\n    nginx: {\n      virtualHosts: { "a.example.com": { enableACME: true, addSSL: true } },\n      acme: { email: "admin@example.com", acceptTerms: true },\n    },\n  },\n  nixos: { services: { nginx: { virtualHosts: { "a.example.com": { ⟦force⟧forceSSL: true } } } } },`,
    ),
    errors: [{ code: "nginx-ssl-modes", at: "hosts/nas/host.ts#force", message: "are mutually exclusive" }],
  },
  // WireGuard.
  {
    name: "a raw WireGuard interface without a private key",
    files: nas(`${ADDRESS}\n  nixos: { networking: { wireguard: { interfaces: { ⟦wg1⟧wg1: { ips: ["10.9.0.1/24"] } } } } },`),
    errors: [{ code: "wireguard-private-key", at: "hosts/nas/host.ts#wg1", message: "Either networking.wireguard.interfaces.wg1.privateKey or networking.wireguard.interfaces.wg1.privateKeyFile must be set." }],
  },
  {
    name: "a raw key file generator beside a raw private key file and a typed interface",
    files: {
      "typeflake.config.ts": sopsFleet(`nas: "${AGE_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}\n  nixos: { networking: { wireguard: { interfaces: { wg0: { peers: [{ publicKey: "${WG_KEY}", allowedIPs: ["10.100.0.9/32"], presharedKey: "x", presharedKeyFile: "/run/psk" }] } } } } },`.replace("{ peers", "{ ⟦peers⟧peers")),
    },
    errors: [{ code: "wireguard-preshared-key", at: "hosts/nas/host.ts#peers", message: "has both presharedKey and presharedKeyFile set, but only one can be used." }],
  },
  {
    name: "a raw private key beside the typed key file",
    files: {
      "typeflake.config.ts": sopsFleet(`nas: "${AGE_NAS}"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}\n  nixos: { networking: { wireguard: { interfaces: { wg0: { ⟦key⟧privateKey: "${WG_KEY}" } } } } },`),
    },
    errors: [{ code: "wireguard-private-key", at: "hosts/nas/host.ts#key", message: "WireGuard interface wg0 sets both privateKey and privateKeyFile" }],
  },
  // Users.
  {
    name: "a user with two password options",
    files: nas(`${ADDRESS}\n  nixos: { users: { users: { alice: { isNormalUser: true, hashedPassword: "!", ⟦file⟧hashedPasswordFile: "/run/secrets/alice" } } } },`),
    errors: [{ code: "conflicting-passwords", at: "hosts/nas/host.ts#file", message: "The user 'alice' has multiple of the options" }],
  },
  {
    name: "a person declared on another host given only a group here, by docker({ users })",
    files: {
      "hosts/nas/host.ts": hostFile(`${ADDRESS}\n  services: { docker: docker({ users: [⟦bob⟧"bob"] }) },`, "defineHost, docker"),
      ...web(`  address: "10.0.20.11",\n  users: { bob: { sshKeys: [] } },`),
    },
    errors: [
      {
        code: "undeclared-user",
        at: "hosts/nas/host.ts#bob",
        message:
          'host "nas" gives user "bob" settings but declares no such account (hosts/web/host.ts declares it, and hosts/nas/host.ts uses none of them), ' +
          'so the build would fail with "Exactly one of users.users.bob.isSystemUser and users.users.bob.isNormalUser must be set."',
      },
    ],
  },
  // Options of a service that require another one.
  {
    name: "Samba nsswins with winbindd turned off",
    files: nas(`${ADDRESS}\n  nixos: { services: { samba: { enable: true, ⟦wins⟧nsswins: true, winbindd: { enable: false } } } },`),
    errors: [{ code: "samba-nsswins-without-winbindd", at: "hosts/nas/host.ts#wins", message: "If services.samba.nsswins is enabled, then services.samba.winbindd.enable must also be enabled" }],
  },
  {
    name: "sshd X11 forwarding without the xauth location",
    files: nas(`${ADDRESS}\n  services: { openssh: openssh({ settings: { X11Forwarding: true } }) },\n  nixos: { programs: { ssh: { ⟦xauth⟧setXAuthLocation: false } } },`),
    errors: [{ code: "ssh-x11-without-xauth", at: "hosts/nas/host.ts#xauth", message: "cannot enable X11 forwarding without setting XAuth location" }],
  },
  {
    name: "an exporter firewallFilter without openFirewall",
    files: nas(`${ADDRESS}\n  nixos: { services: { prometheus: { exporters: { node: { enable: true, ⟦filter⟧firewallFilter: "-i wg0 -p tcp -m tcp --dport 9100" } } } } },`),
    errors: [{ code: "exporter-filter-without-firewall", at: "hosts/nas/host.ts#filter", message: "The `firewallFilter'-option of exporter node doesn't have any effect unless `openFirewall' is set to `true'!" }],
  },
  {
    name: "a typed password file and a raw password hash for one user",
    files: {
      "typeflake.config.ts": sopsFleet(`nas: "${AGE_NAS}"`),
      ...nas(`${ADDRESS}\n  users: { alice: { hashedPasswordFile: secret("wg-key") } },\n  nixos: { users: { users: { alice: { ⟦hash⟧hashedPassword: "!" } } } },`),
    },
    errors: [{ code: "conflicting-passwords", at: "hosts/nas/host.ts#hash", message: "user \"alice\" sets hashedPasswordFile and hashedPassword, so NixOS keeps one by an order of precedence and warns \"The user 'alice' has multiple" }],
  },
  // Values two hosts must not share.
  {
    name: "two hosts with one ZFS host id",
    files: {
      ...nas(`${ADDRESS}\n  zfs: { hostId: "a1b2c3d4", pools: ["tank"] },`),
      ...web(`  address: "10.0.20.11",\n  zfs: { ⟦id⟧hostId: "a1b2c3d4", pools: ["data"] },`),
    },
    errors: [{ code: "duplicate-host-id", at: "hosts/web/host.ts#id", message: 'networking.hostId "a1b2c3d4" of host "web" is already host "nas"\'s' }],
  },
  {
    name: "a shared module setting the host id of every host that uses it",
    files: {
      "modules/common.ts": moduleFile(`  zfs: { ⟦id⟧hostId: "a1b2c3d4", pools: ["tank"] },`),
      ...web(`  address: "10.0.20.11",\n  modules: ["common"],`),
    },
    errors: [{ code: "duplicate-host-id", at: "modules/common.ts#id", message: 'is set here for every host that uses this file ("nas", "web")' }],
  },
  {
    name: "two hosts with one WireGuard public key",
    files: {
      "typeflake.config.ts": sopsFleet(`nas: "${AGE_NAS}", web: "age1xq6yfn587tcwqda70suhk75hnmem0xfhxq6yfn587tcwqda70suhk75hnm"`),
      ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key"), publicKey: "${WG_KEY}"`)}`),
      ...web(`  address: "10.0.20.11",\n${WG(`ips: ["10.100.0.2/24"], privateKey: secret("wg-key"), ⟦key⟧publicKey: "${WG_KEY}"`)}`),
    },
    errors: [{ code: "duplicate-wireguard-key", at: "hosts/web/host.ts#key", message: "WireGuard finds peers by their key" }],
  },
  {
    name: "two hosts with one secrets key",
    files: {
      "typeflake.config.ts": agenixFleet(`nas: "${SSH_WEB}", ⟦key⟧web: "${SSH_WEB}"`),
      ...nas(`${ADDRESS}\n  services: { openssh: openssh() },`),
      ...web(`  address: "10.0.20.11",`),
    },
    errors: [{ code: "duplicate-host-key", at: "typeflake.config.ts#key", message: "each host decrypts with its own key" }],
  },
  // The second package set.
  {
    name: "an overlay reading prev.unstable without a second nixpkgs",
    files: { "overlays/tools.ts": overlayFile(`  packages: { ⟦htop⟧htop: nix\`prev.unstable.htop\` },`).replace("defineOverlay, pkg", "defineOverlay, nix") },
    errors: [{ code: "unstable-not-configured", at: "overlays/tools.ts#htop", message: 'this overlay uses the raw Nix "prev.unstable", but the fleet has no second nixpkgs' }],
  },
  {
    name: "an overlay with unstablePkg without a second nixpkgs",
    files: { "overlays/tools.ts": overlayFile(`  packages: { ⟦htop⟧htop: unstablePkg("htop") },`).replace("defineOverlay, pkg", "defineOverlay, unstablePkg") },
    errors: [{ code: "unstable-not-configured", at: "overlays/tools.ts#htop", message: 'unstablePkg("htop"), but the fleet has no second nixpkgs' }],
  },
  {
    name: "raw Nix in a module taking the unstable argument without a second nixpkgs",
    files: { "modules/common.ts": moduleFile(`  packages: [⟦raw⟧nix\`unstable.htop\`],`).replace("{ defineModule }", "{ defineModule, nix }") },
    errors: [{ code: "unstable-not-configured", at: "modules/common.ts#raw", message: "NixOS cannot pass the module its \"unstable\" argument" }],
  },
  // Everything at once.
  {
    name: "five mistakes in one host file in one run",
    files: nas(
      `${ADDRESS}\n  ⟦key⟧flavour: "vanilla",\n  services: {\n    ⟦ssh⟧openssh: openssh({ ports: [80] }),\n    nginx: {\n      virtualHosts: { "a.example.com": { locations: { "/": { ⟦ref⟧proxyPass: host("nope").port(80) } } } },\n    },\n  },\n  firewall: { allowedTCPPorts: [⟦port⟧"22"] },\n  nixos: { services: { ⟦option⟧opensshh: { enable: true } } },`,
    ),
    errors: [
      { code: "unknown-key", at: "hosts/nas/host.ts#key", message: 'unknown key "flavour"' },
      { code: "invalid-type", at: "hosts/nas/host.ts#port", message: "must be" },
      { code: "unknown-host", at: "hosts/nas/host.ts#ref", message: 'host("nope") names no host of this fleet' },
      { code: "port-conflict", at: "hosts/nas/host.ts#ssh", message: "TCP port 80" },
      { code: "unknown-option", at: "hosts/nas/host.ts#option", message: "opensshh" },
    ],
    info: ["hosts/nas/host.ts"],
  },
  {
    name: "a host that fails causes no follow-on reports about the hosts that name it",
    files: {
      ...nas(`${ADDRESS}\n  ⟦key⟧flavour: "vanilla",\n  services: { openssh: openssh() },`),
      ...web(`  address: "10.0.20.11",\n  services: {\n    nginx: { virtualHosts: { "a.example.com": { locations: { "/": { proxyPass: host("nas").port(8080) } } } } },\n  },`),
      "typeflake.config.ts": fleetFile(INPUTS(`    "home-manager": { url: "github:nix-community/home-manager", follows: { nixpkgs: "nixpkgs" } },\n`)),
      "homes/alice.ts": `import { defineHome } from "typeflake";\n\nexport default defineHome({ stateVersion: "24.11" });\n`,
    },
    errors: [{ code: "unknown-key", at: "hosts/nas/host.ts#key", message: 'unknown key "flavour"' }],
    info: ["hosts/nas/host.ts"],
  },
  {
    name: "a module that fails holds back the hosts that use it, and nothing else",
    files: {
      "modules/common.ts": moduleFile(`  ⟦zone⟧timeZone: "Not a zone!",`),
      ...nas(`${ADDRESS}\n  modules: ["common"],\n  zfs: { pools: ["tank"] },`),
      ...web(`  address: "10.0.20.11",\n  ⟦zfs⟧zfs: { autoScrub: true },`),
    },
    errors: [
      { code: "invalid-format", at: "modules/common.ts#zone", message: "time zone" },
      { code: "zfs-needs-host-id", at: "hosts/web/host.ts#zfs", message: '"ZFS requires networking.hostId to be set"' },
    ],
    info: ["modules/common.ts"],
  },
  {
    name: "an invalid fleet configuration says which checks wait for it",
    files: {
      "typeflake.config.ts": fleetFile(`${INPUTS("")}\n  ⟦key⟧flavour: "vanilla",`),
      ...nas(`${ADDRESS}\n  ⟦typo⟧modulez: ["common"],`),
    },
    errors: [
      { code: "unknown-key", at: "typeflake.config.ts#key", message: 'unknown key "flavour"' },
      { code: "unknown-key", at: "hosts/nas/host.ts#typo", message: 'did you mean "modules"?' },
    ],
    info: ["typeflake.config.ts"],
  },
  {
    name: "an import of a file that does not exist, at the import",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\nimport { shares } from ⟦import⟧"./shares.ts";\n\nexport default defineHost({ address: "10.0.20.10", services: { samba: { shares } } });\n`,
    },
    errors: [{ code: "load-error", at: "hosts/nas/host.ts#import", message: "./shares.ts" }],
    info: ["hosts/nas/host.ts"],
  },
  {
    name: "an import of a name a local file does not export, at the import",
    files: {
      "hosts/nas/shares.ts": `export const media = { path: "/tank/media" };\n`,
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\nimport { ⟦import⟧shares } from "./shares.ts";\n\nexport default defineHost({ address: "10.0.20.10", services: { samba: { shares } } });\n`,
    },
    errors: [{ code: "load-error", at: "hosts/nas/host.ts#import", message: "shares" }],
    info: ["hosts/nas/host.ts"],
  },
];

describe("bad inputs: assertions, values hosts share, all problems in one run", () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map(removeFleet)));

  it("warns of a sops secret owned by a user the host does not declare, without a group; a NixOS module may declare it", async () => {
    const owned = (owner: string, raw = "") =>
      writeFleet({
        ...BASE_FLEET,
        "typeflake.config.ts": fleetFile(`${INPUTS(SOPS_INPUT)}\n  secrets: {\n    hostKeys: { nas: "${AGE_NAS}" },\n    secrets: { "wg-key": { owner: "${owner}" } },\n    ageKeyFile: "/var/lib/sops-nix/key.txt",\n  },`),
        ...nas(`${ADDRESS}\n${WG(`ips: ["10.100.0.1/24"], privateKey: secret("wg-key")`)}${raw}`),
      });
    // A typo, and the user of a service a raw block enables (NixOS's grafana module declares it).
    for (const root of [await owned("ghost"), await owned("grafana", "\n  nixos: { services: { grafana: { enable: true } } },")]) {
      roots.push(root);
      const found = await warningsOf(root, "sops-owner-not-a-user");
      expect(found.map(({ severity, file, line }) => ({ severity, file, line }))).toEqual([{ severity: "warning", file: "typeflake.config.ts", line: 12 }]);
      expect(found[0]!.message).toContain("sops-nix takes the group from users.users.");
    }
  });

  it("warns of a user given only groups whom no file of the fleet declares, naming the closest account; a NixOS module may declare it", async () => {
    const root = await writeFleet({
      ...BASE_FLEET,
      ...nas(`${ADDRESS}\n  users: { alice: {} },\n  nixos: { users: { users: { alcie: { extraGroups: ["wheel"] }, alice: { extraGroups: ["wheel"] }, nobody: { extraGroups: ["wheel"] } } } },`),
    });
    roots.push(root);
    const found = await warningsOf(root, "undeclared-user");
    expect(found.map(({ severity, file, line }) => ({ severity, file, line }))).toEqual([{ severity: "warning", file: "hosts/nas/host.ts", line: 6 }]);
    expect(found[0]!.message).toContain('did you mean "alice"? Otherwise declare the account on the host or in a module it uses (users: { "alcie": { … } }); nothing is needed if a NixOS module the host enables declares it');
  });

  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", async (_, testCase) => {
    const positions = new Map<string, { line: number; column: number }>();
    const files = Object.fromEntries(
      Object.entries({ ...BASE_FLEET, ...testCase.files }).map(([file, text]) => {
        if (typeof text !== "string") return [file, text];
        const marked = markers(text);
        for (const [name, at] of marked.at) positions.set(`${file}#${name}`, at);
        return [file, marked.text];
      }),
    );
    const root = await writeFleet(files);
    roots.push(root);
    const before = await snapshotFolder(root);

    const run = await runGenerate(root, "--json");

    expect(run.exitCode, run.stderr).toBe(1);
    expect(await snapshotFolder(root)).toEqual(before);
    const diagnostics = JSON.parse(run.stdout) as DiagnosticRecord[];
    const errors = diagnostics.filter((record) => record.severity === "error");
    const at = (record: { file: string; line: number | null; column: number | null }) => `${record.file}:${record.line}:${record.column}`;
    const where = (expected: Expected) => {
      const [file] = expected.at.split("#");
      const position = positions.get(expected.at);
      return `${file}:${position?.line}:${position?.column}`;
    };
    expect(errors.map((record) => `${record.code} ${at(record)}`).sort()).toEqual(testCase.errors.map((expected) => `${expected.code} ${where(expected)}`).sort());
    for (const expected of testCase.errors) {
      const found = errors.find((record) => record.code === expected.code && at(record) === where(expected));
      expect(found?.message).toContain(expected.message);
    }
    const infos = diagnostics.filter((record) => record.severity === "info");
    expect(infos.map((record) => record.file)).toEqual(testCase.info ?? []);
    for (const info of infos) {
      expect(info.message).toBe(`checks that need ${info.file} (cross-host, ports, NixOS options and assertions of the hosts that use it) were skipped until the errors that keep it from loading or validating are fixed`);
    }
  });
});
