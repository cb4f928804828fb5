/**
 * Bad inputs of issue 14's part B — values NixOS or nix would refuse, paths that leave the fleet
 * or name nothing, secrets in clear, injections into line-based files — each run through the
 * real `typeflake generate --json` in this process. Every case asserts the one diagnostic (code,
 * file:line:col at the `»` marker, object path, message), exit code 1 and a fleet folder left
 * exactly as it was.
 */
import { execFileSync } from "node:child_process";
import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DiagnosticRecord } from "../../generators/diagnostics/json.ts";
import { BASE_FLEET, fleetFile, hostFile, INPUTS, moduleFile } from "./support/fleet-text.ts";
import { runGenerate, snapshotFolder } from "./support/run-generate.ts";
import { marked, removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

interface Case {
  readonly name: string;
  /** Files replacing the base fleet's; one of them holds the `»` marker. */
  readonly files: FleetFiles;
  readonly code: string;
  /** The object path as printed. */
  readonly path: string;
  /** Distinctive parts of the message: what is wrong and what would be valid. */
  readonly message: readonly string[];
}

const NAMES = "defineHost, host, mkForce, nixPath, nixString, nodeExporter, pkg, secret";
const ADDRESS = `  address: "10.0.20.10",`;
const nas = (body: string, extra: FleetFiles = {}): FleetFiles => ({ "hosts/nas/host.ts": hostFile(body, NAMES), ...extra });
const AGE_KEY = "age1cdt0szreehkyhsleaefdq0k99jta8y4zcdt0szreehkyhsleaefdq0k99j";
const HARDWARE = { "hosts/nas/hardware.nix": "{ ... }: { }\n" };
const withInputUrl = (url: string) =>
  fleetFile(`  inputs: {
    nixpkgs: { »url: ${JSON.stringify(url)} },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },`);
const withSecrets = (secrets: string) =>
  fleetFile(`  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
  },
  secrets: ${secrets},`);

const CASES: readonly Case[] = [
  // Paths that leave the fleet or name nothing.
  {
    name: "hardware outside the fleet",
    files: nas(`${ADDRESS}\n  »hardware: "../../../../etc/passwd",`),
    code: "path-outside-fleet",
    path: "hardware",
    message: ['"../../../../etc/passwd" leads outside the fleet; a flake can only read files inside its own folder'],
  },
  {
    name: "misspelled hardware file",
    files: nas(`${ADDRESS}\n  »hardware: "./hardwar.nix",`, HARDWARE),
    code: "missing-file",
    path: "hardware",
    message: ['"./hardwar.nix" does not exist (no hosts/nas/hardwar.nix in the fleet); create it, or correct the path (relative to hosts/nas/). Did you mean "./hardware.nix"?'],
  },
  {
    name: "deleted hardware.nix",
    files: nas(`${ADDRESS}\n  »hardware: "./hardware.nix",`),
    code: "missing-file",
    path: "hardware",
    message: ['"./hardware.nix" does not exist (no hosts/nas/hardware.nix in the fleet)'],
  },
  {
    // Nix imports a folder as its default.nix: without one the host fails to evaluate.
    name: "hardware naming a folder without a default.nix",
    files: nas(`${ADDRESS}\n  »hardware: "./hardware",`, { "hosts/nas/hardware": null }),
    code: "missing-file",
    path: "hardware",
    message: ['"./hardware" is a folder without a default.nix, the file Nix imports for a folder (no hosts/nas/hardware/default.nix in the fleet)'],
  },
  {
    name: "import of a folder without a default.nix",
    files: nas(`${ADDRESS}\n  imports: [»"../../shared"],`, { "shared/x.nix": "{ }\n" }),
    code: "missing-file",
    path: "imports[0]",
    message: ["write shared/default.nix, or name the file itself (relative to hosts/nas/)"],
  },
  {
    // Zod only learns that reading threw; the value is walked again to say where.
    name: "a getter that throws, deep in a raw NixOS block",
    files: nas(`${ADDRESS}\n  nixos: { boot: { kernel: { sysctl: { »get "vm.swappiness"(): number { throw new Error("no swap"); } } } } },`),
    code: "unreadable-value",
    path: 'nixos.boot.kernel.sysctl."vm.swappiness"',
    message: ["cannot be validated: reading it threw Error: no swap"],
  },
  {
    name: "a Proxy whose get trap throws null, in a list",
    files: nas(`${ADDRESS}\n  firewall: { »allowedTCPPorts: new Proxy([22], { get() { throw null; } }) as any },`),
    code: "unreadable-value",
    path: "firewall.allowedTCPPorts",
    message: ["cannot be validated: reading it threw null"],
  },
  {
    name: "import outside the fleet",
    files: nas(`${ADDRESS}\n  imports: [»"../../../extra.nix"],`),
    code: "path-outside-fleet",
    path: "imports[0]",
    message: ['"../../../extra.nix" leads outside the fleet', 'relative to hosts/nas/'],
  },
  {
    name: "import of a file that does not exist",
    files: nas(`${ADDRESS}\n  imports: [»"./extra.nix"],`),
    code: "missing-file",
    path: "imports[0]",
    message: ['"./extra.nix" does not exist (no hosts/nas/extra.nix in the fleet)'],
  },
  {
    name: "module import of a file that does not exist",
    files: { "modules/common.ts": moduleFile(`  timeZone: "UTC",\n  imports: [»"./commn.nix"],`), "modules/common-extra.nix": "{ }\n" },
    code: "missing-file",
    path: "imports[0]",
    message: ['"./commn.nix" does not exist (no modules/commn.nix in the fleet); create it, or correct the path (relative to modules/)'],
  },
  {
    name: "home import of a file that does not exist",
    files: {
      ...nas(`${ADDRESS}\n  users: { alice: {} },`),
      "typeflake.config.ts": fleetFile(INPUTS.replace("  },", `    "home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } },\n  },`)),
      "homes/alice.ts": `import { defineHome } from "typeflake";\n\nexport default defineHome({\n  stateVersion: "24.11",\n  imports: [»"./vim.nix"],\n});\n`,
    },
    code: "missing-file",
    path: "imports[0]",
    message: ['"./vim.nix" does not exist (no homes/vim.nix in the fleet)'],
  },
  {
    name: "nixPath to a file that does not exist",
    files: nas(`${ADDRESS}\n  nixos: { environment: { etc: { motd: { »source: nixPath("./motd.txt") } } } },`),
    code: "missing-file",
    path: "nixos.environment.etc.motd.source",
    message: ['"./motd.txt" does not exist (no hosts/nas/motd.txt in the fleet)'],
  },
  {
    name: "nixPath absolute",
    files: nas(`${ADDRESS}\n  nixos: { environment: { etc: { motd: { »source: nixPath("/etc/shadow") } } } },`),
    code: "invalid-path",
    path: "nixos.environment.etc.motd.source",
    message: ['must be a path relative to the generated Nix file, starting with ./ or ../', 'got nixPath("/etc/shadow")'],
  },
  {
    name: "nixPath with a space",
    files: nas(`${ADDRESS}\n  nixos: { environment: { etc: { motd: { »source: nixPath("./my motd.txt") } } } },`),
    code: "invalid-path",
    path: "nixos.environment.etc.motd.source",
    message: ['made of letters, digits and ._+-'],
  },
  // Secret files and .sops.yaml.
  {
    name: "secrets.defaultFile injecting into .sops.yaml",
    files: { "typeflake.config.ts": withSecrets(`{ »defaultFile: "x.yaml'\\n  - path_regex: '.*", secrets: { "wg-key": {} } }`) },
    code: "invalid-path",
    path: "secrets.defaultFile",
    message: ['must be a path relative to the fleet root, inside it (no leading "/", no "." or ".." segment)', "such as \"secrets/secrets.yaml\""],
  },
  {
    name: "absolute secrets.defaultFile",
    files: { "typeflake.config.ts": withSecrets(`{ »defaultFile: "/etc/shadow", secrets: { "wg-key": {} } }`) },
    code: "invalid-path",
    path: "secrets.defaultFile",
    message: ['got "/etc/shadow"'],
  },
  {
    name: "secret file outside the fleet",
    files: { "typeflake.config.ts": withSecrets(`{ secrets: { "wg-key": { »file: "../../../etc/shadow" } } }`) },
    code: "invalid-path",
    path: "secrets.secrets.wg-key.file",
    message: ['must be a path relative to the fleet root, inside it', 'got "../../../etc/shadow"'],
  },
  {
    name: "secret name climbing out of its folder",
    files: { "typeflake.config.ts": withSecrets(`{ secrets: { »"wg/../../../etc/shadow": {} } }`) },
    code: "invalid-name",
    path: 'secrets.secrets."wg/../../../etc/shadow"',
    message: ['invalid key "wg/../../../etc/shadow": must be a secret name: file names of 1-255 bytes joined by "/" (no empty, "." or ".." part)'],
  },
  // Clear-text secrets in the Nix store.
  {
    name: "clear-text password in a raw nixos block",
    files: nas(`${ADDRESS}\n  nixos: { users: { users: { alice: { »password: "hunter2" } } } },`),
    code: "clear-text-secret",
    path: "nixos.users.users.alice.password",
    message: ["users.users.alice.password puts a secret in clear text into the Nix store", 'hashedPasswordFile: secret("users/alice-password")', "hashedPassword"],
  },
  {
    name: "clear-text initialPassword behind mkForce",
    files: nas(`${ADDRESS}\n  nixos: { users: { users: { root: { »initialPassword: mkForce("changeme") } } } },`),
    code: "clear-text-secret",
    path: "nixos.users.users.root.initialPassword",
    message: ["users.users.root.initialPassword puts a secret in clear text", "hashedPasswordFile"],
  },
  {
    name: "clear-text service token",
    files: nas(`${ADDRESS}\n  nixos: { services: { k3s: { »token: "K10abc::server:secret" } } },`),
    code: "clear-text-secret",
    path: "nixos.services.k3s.token",
    message: ["services.k3s.token puts a secret in clear text", "tokenFile", 'secret("…").path'],
  },
  // Values NixOS's types refuse.
  {
    name: "user description with a line break",
    files: nas(`${ADDRESS}\n  users: { alice: { »description: "Alice\\nroot::0:0::/root:/bin/sh" } },`),
    code: "invalid-passwd-entry",
    path: "users.alice.description",
    message: ["must be text for /etc/passwd: one line without ':' (NixOS's types.passwdEntry refuses ':' and line breaks)"],
  },
  {
    name: "user description with a colon",
    files: nas(`${ADDRESS}\n  users: { alice: { »description: "Alice: admin" } },`),
    code: "invalid-passwd-entry",
    path: "users.alice.description",
    message: ['got "Alice: admin"'],
  },
  {
    name: "Samba share path with a line break (guest access injection)",
    files: nas(`${ADDRESS}\n  services: { samba: { shares: { backups: { »path: "/tank/backups\\nguest ok = yes" } } } },`),
    code: "multi-line-value",
    path: "services.samba.shares.backups.path",
    message: ["must be an absolute path on one line, without line breaks or NUL"],
  },
  {
    name: "Samba share name with a line break",
    files: nas(`${ADDRESS}\n  services: { samba: { shares: { »"media]\\n[evil": { path: "/tank/media" } } } },`),
    code: "invalid-format",
    path: 'services.samba.shares."media]\\n[evil"',
    message: ["must be 1-80 characters on one line", "it becomes a [section] line of smb.conf"],
  },
  {
    name: "NFS export path with a line break",
    files: nas(`${ADDRESS}\n  services: { nfs: { exports: [{ »path: "/tank\\n/ *(rw)", clients: [{ host: "10.0.20.0/24" }] }] } },`),
    code: "multi-line-value",
    path: "services.nfs.exports[0].path",
    message: ["must be an absolute path on one line"],
  },
  {
    name: "sysctl value with a line break",
    files: nas(`${ADDRESS}\n  sysctl: { »"net.ipv4.ip_forward": "1\\nkernel.modules_disabled=1" },`),
    code: "multi-line-value",
    path: 'sysctl."net.ipv4.ip_forward"',
    message: ["must be a single line"],
  },
  {
    name: "nginx index injecting a directive",
    files: nas(`${ADDRESS}\n  services: { nginx: { virtualHosts: { "a.lab.local": { locations: { "/": { »index: "index.html; autoindex on" } } } } } },`),
    code: "invalid-format",
    path: 'services.nginx.virtualHosts."a.lab.local".locations."/".index',
    message: ["must be the arguments of one nginx directive, on one line without ';'"],
  },
  {
    name: "nginx location name opening a block of its own",
    files: nas(`${ADDRESS}\n  services: { nginx: { virtualHosts: { "a.lab.local": { locations: { »"~ php$ { } location /secret": {} } } } } },`),
    code: "invalid-format",
    path: 'services.nginx.virtualHosts."a.lab.local".locations."~ php$ { } location /secret"',
    message: ["must be an nginx location such as", "without ';', '{' or '}'"],
  },
  {
    name: "node exporter listen address injecting a flag",
    files: nas(`${ADDRESS}\n  services: { nodeExporter: nodeExporter({ »listenAddress: "0.0.0.0 --web.config.file=/tmp/x" }) },`),
    code: "invalid-address",
    path: "services.nodeExporter.listenAddress",
    message: ['must be an address to listen on: an IPv4 address such as "10.0.20.10", an IPv6 address in brackets such as "[::1]", or a host name'],
  },
  {
    name: "secret restart unit that is no unit name",
    files: { "typeflake.config.ts": withSecrets(`{ secrets: { "wg-key": { restartUnits: [»"wg.service\\nExecStart=/bin/sh"] } } }`) },
    code: "invalid-format",
    path: "secrets.secrets.wg-key.restartUnits[0]",
    message: ['must be a systemd unit name such as "wireguard-wg0.service"'],
  },
  {
    name: "proxy target with a file:// URL",
    files: nas(`${ADDRESS}\n  services: { nginx: { virtualHosts: { "a.lab.local": { locations: { "/": { »proxyPass: "file:///etc/passwd" } } } } } },`),
    code: "invalid-format",
    path: 'services.nginx.virtualHosts."a.lab.local".locations."/".proxyPass',
    message: ["must be an http(s) URL"],
  },
  {
    name: "proxy target to a fleet host with a file scheme",
    files: nas(`${ADDRESS}\n  services: { nginx: { virtualHosts: { "a.lab.local": { locations: { "/": { »proxyPass: host("nas").port(3000, "file") } } } } } },`),
    code: "invalid-proxy-target",
    path: 'services.nginx.virtualHosts."a.lab.local".locations."/".proxyPass',
    message: ['nginx proxies to http or https only', 'not the scheme "file"'],
  },
  {
    name: "flake input URL nix cannot parse (github without repo)",
    files: { "typeflake.config.ts": withInputUrl("github:NixOS") },
    code: "invalid-flake-url",
    path: "inputs.nixpkgs.url",
    message: ['must be a flake URL such as "github:NixOS/nixpkgs/nixos-26.05"', "(a flake reference nix can parse)", 'github: takes <owner>/<repo>'],
  },
  {
    name: "flake input URL with scp-style SSH",
    files: { "typeflake.config.ts": withInputUrl("git+ssh://git@github.com:NixOS/nixpkgs") },
    code: "invalid-flake-url",
    path: "inputs.nixpkgs.url",
    message: ["write ssh://user@host/path, not user@host:path"],
  },
  {
    name: "flake input URL with an invalid ref",
    files: { "typeflake.config.ts": withInputUrl("github:NixOS/nixpkgs/nixos..24.11") },
    code: "invalid-flake-url",
    path: "inputs.nixpkgs.url",
    message: ['"nixos..24.11" is not a valid branch, tag or commit'],
  },
  {
    name: "pkg of nothing",
    files: nas(`${ADDRESS}\n  packages: [»pkg("")],`),
    code: "invalid-package",
    path: "packages[0]",
    message: ['pkg(""): must be a package attribute path such as "htop" or "python3Packages.requests"'],
  },
  {
    name: "pkg with an empty attribute",
    files: nas(`${ADDRESS}\n  packages: [pkg("htop"), »pkg("x..y")],`),
    code: "invalid-package",
    path: "packages[1]",
    message: ['"x..y" has an empty part'],
  },
  {
    name: "pkg with a quote",
    files: nas(`${ADDRESS}\n  packages: [»pkg('ht"op')],`),
    code: "invalid-package",
    path: "packages[0]",
    message: ['has the part "ht\\"op"'],
  },
  {
    name: "pkg inside an interpolated string",
    files: nas(`${ADDRESS}\n  nixos: { environment: { etc: { a: { »text: nixString\`\${pkg("curl bin")}/bin/curl\` } } } },`),
    code: "invalid-package",
    path: "nixos.environment.etc.a.text",
    message: ['pkg("curl bin")'],
  },
  {
    // `"${null}"` fails to evaluate: Nix coerces no null, list, set or mk* wrapper to a string.
    name: "null inside an interpolated string",
    files: nas(`${ADDRESS}\n  nixos: { environment: { etc: { a: { »text: nixString\`port \${8080} \${null}\` } } } },`),
    code: "invalid-expression",
    path: "nixos.environment.etc.a.text",
    message: ["must be text, a number, true or false, or a value Nix can interpolate into a string", "got null"],
  },
  {
    name: "an mk* wrapper inside an interpolated string",
    files: nas(`${ADDRESS}\n  nixos: { environment: { etc: { a: { »text: nixString\`\${mkForce("x")}\` } } } },`),
    code: "invalid-expression",
    path: "nixos.environment.etc.a.text",
    message: ["got mkForce(…)"],
  },
  // Defaults: the node exporter's firewall takes interfaces, not an empty list.
  {
    name: "node exporter opened on no interface",
    files: nas(`${ADDRESS}\n  services: { nodeExporter: nodeExporter({ »openFirewall: [] }) },`),
    code: "out-of-range",
    path: "services.nodeExporter.openFirewall",
    message: ['must list at least one interface, such as ["wg0"]'],
  },
];

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

describe("bad values, paths and secrets (issue 14, part B)", () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", async (_, testCase) => {
    const files: Record<string, string | null | undefined> = { ...BASE_FLEET, ...testCase.files };
    const markedFile = Object.entries(files).find(([, text]) => typeof text === "string" && text.includes("»"));
    const mark = markedFile && marked(markedFile[1] as string);
    if (!markedFile || !mark) throw new Error(`case ${testCase.name} has no » marker`);
    files[markedFile[0]] = mark.text;
    const root = await writeFleet(files);
    roots.push(root);
    const before = await snapshotFolder(root);

    const run = await runGenerate(root, "--json");

    expect(run.exitCode).toBe(1);
    expect(await snapshotFolder(root)).toEqual(before);
    const records = (JSON.parse(run.stdout) as DiagnosticRecord[]).filter((record) => record.severity === "error");
    expect(records.map((record) => `${record.file}:${record.line}:${record.column} ${record.code} ${record.path}`)).toEqual([
      `${markedFile[0]}:${mark.line}:${mark.column} ${testCase.code} ${testCase.path}`,
    ]);
    for (const part of testCase.message) expect(records[0]?.message).toContain(part);
  });
});

/**
 * `generate --json` of a one-host fleet whose `hardware: "./hardware.nix"` is marked, once
 * `prepare` has put something at that path: it must fail and write nothing.
 */
const refusedHardware = async (prepare: (root: string, hardware: string) => Promise<void>) => {
  const mark = marked(hostFile(`${ADDRESS}\n  »hardware: "./hardware.nix",`));
  if (!mark) throw new Error("no marker");
  const root = await writeFleet({ ...BASE_FLEET, "hosts/nas/host.ts": mark.text });
  roots.push(root);
  await prepare(root, join(root, "hosts/nas/hardware.nix"));
  const before = await snapshotFolder(root);
  const run = await runGenerate(root, "--json");
  expect(run.exitCode).toBe(1);
  expect(await snapshotFolder(root)).toEqual(before);
  return { mark, records: JSON.parse(run.stdout) as DiagnosticRecord[] };
};

describe("a symbolic link leading out of the fleet", () => {
  it("is refused like a path that leaves it", async () => {
    const { mark, records } = await refusedHardware(async (root, hardware) => {
      // A file beside the fleet's folder: it exists, but not inside the fleet.
      await writeFile(`${root}-outside.nix`, "{ ... }: { }\n");
      roots.push(`${root}-outside.nix`);
      await symlink(`${root}-outside.nix`, hardware);
    });
    expect(records.map((record) => `${record.file}:${record.line}:${record.column} ${record.code} ${record.path}`)).toEqual([
      `hosts/nas/host.ts:${mark.line}:${mark.column} path-outside-fleet hardware`,
    ]);
    expect(records[0]?.message).toContain('"./hardware.nix" is a symbolic link (or lies in a linked folder) leading outside the fleet');
  });
});

describe("a named pipe where a hand-kept file should be", () => {
  // nix refuses it in the flake's source and reading it waits forever; it was taken for a file that exists.
  it("is refused at the path that names it, for what it is", async () => {
    const { mark, records } = await refusedHardware(async (_root, hardware) => {
      execFileSync("mkfifo", [hardware]);
    });
    expect(records.map((record) => `${record.file}:${record.line}:${record.column} ${record.code} ${record.path}`)).toEqual([
      `hosts/nas/host.ts:${mark.line}:${mark.column} unreadable-path hardware`,
    ]);
    expect(records[0]?.message).toBe("is a named pipe (FIFO), not a regular file; replace it with the file");
  });
});

describe("encrypted files not created yet", () => {
  it("warns with the sops command that creates the file, and still generates", async () => {
    const root = await writeFleet({
      ...BASE_FLEET,
      "typeflake.config.ts": withSecrets(`{ ageKeyFile: "/var/lib/sops-nix/key.txt", hostKeys: { nas: "${AGE_KEY}" }, secrets: { "wg-key": { file: "secrets/nas.yaml" } } }`),
      "hosts/nas/host.ts": hostFile(`${ADDRESS}\n  secrets: ["wg-key"],`),
    });
    roots.push(root);
    const run = await runGenerate(root, "--json");
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const records = JSON.parse(run.stdout) as DiagnosticRecord[];
    expect(records.map((record) => `${record.severity} ${record.code} ${record.path}`)).toEqual([
      "warning missing-secret-file secrets.defaultFile",
      "warning missing-secret-file secrets.secrets.wg-key.file",
    ]);
    expect(records[1]?.message).toBe(
      "the encrypted file secrets/nas.yaml does not exist yet; create it with `sops secrets/nas.yaml`, run in the fleet root (where .sops.yaml is), before a host that uses its secrets is evaluated (sops-nix hashes the file, agenix copies it into the store, while the host evaluates)",
    );
    expect(await readFile(join(root, ".sops.yaml"), "utf8")).toContain("path_regex: '^secrets/nas\\.yaml$'");
  });

  it("names agenix -e, run from the rules file's folder, for agenix", async () => {
    const root = await writeFleet({
      ...BASE_FLEET,
      "typeflake.config.ts": fleetFile(`${INPUTS.replace("  },", `    agenix: { url: "github:ryantm/agenix", follows: { nixpkgs: "nixpkgs" } },\n  },`)}
  secrets: { backend: "agenix", ageKeyFile: "/var/lib/age/key.txt", hostKeys: { nas: "${AGE_KEY}" }, secrets: { "wg-key": {}, vault: { file: "vault/x.age" } } },`),
      "hosts/nas/host.ts": hostFile(`${ADDRESS}\n  secrets: ["wg-key", "vault"],`),
      "secrets/wg-key.age": "age-encryption.org/v1\n",
    });
    roots.push(root);
    const run = await runGenerate(root, "--json");
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const records = JSON.parse(run.stdout) as DiagnosticRecord[];
    expect(records.filter((record) => record.code === "missing-secret-file").map((record) => record.message)).toEqual([
      "the encrypted file vault/x.age does not exist yet; create it with `agenix -e ../vault/x.age`, run in secrets/ (where agenix's rules file secrets.nix is), before a host that uses its secrets is evaluated (sops-nix hashes the file, agenix copies it into the store, while the host evaluates)",
    ]);
  });
});
