/**
 * One random fleet's files (typeflake.config.ts, hosts/<h>/host.ts, modules/<m>.ts), drawn with
 * {@link FleetDrawer}, and the values its generated flake must evaluate to.
 */
import { FleetDrawer, Random, UNCHECKED, type Drawn, type ExpectedValue } from "./random-fleet.ts";

export interface DrawnFleet {
  /** Relative path → file contents. */
  readonly files: Map<string, string>;
  readonly hosts: readonly string[];
  readonly expected: readonly ExpectedValue[];
  /** Whether something invalid was drawn on purpose (a refusal is then no finding). */
  readonly hostile: boolean;
}

/** Valid names, Nix keywords and numbers among them (each must be quoted where Nix needs it). */
const HOST_NAMES = ["nas", "web", "gw", "db0", "node-9", "a", "0", "inherit", "rec", "or", "a--b"];
const MODULE_NAMES = ["common", "extra", "base_2", "in", "or", "let", "a.b"];
const HEADER = `import { defineFleet, defineHost, defineModule, docker, host, mkDefault, mkForce, mkIf, mkMerge, mkOverride, nfs, nfsMounts, nginx, nix, nixPath, nixString, nodeExporter, openssh, pkg, samba, secret, wireguard } from "typeflake";\n`;

const ts = (value: string): string => JSON.stringify(value);

/** Mount points and directories: spaces, non-ASCII and Nix syntax are escaped in fstab and Nix. */
const ODD_PATHS = ["/mnt/a b", "/mnt/日本", "/mnt/${x}", "/mnt/'q'", "/mnt/a\\b", "/srv/x#y", "/mnt/😀"];

/** JavaScript values no schema expects, to put in place of a whole field. */
const ALIEN_VALUES = [
  "null", "undefined", "[]", "{}", "NaN", "1n", "Symbol('s')", "() => 1", "new Date(0)", "new Map([[1, 2]])",
  "Object.create(null)", '"x".repeat(1_000_000)', "new Proxy({}, { get() { throw new Error('trap') } })",
  "{ get a() { throw new Error('getter') } }", "[1, , 3]", "new Array(5)", "Promise.resolve(1)", "new Uint8Array(3)",
  "new (class Box { readonly enable = true })()", "Object.freeze([])", "globalThis", "process.env", "JSON",
];

/** `source` with the value of one of its top-level `  key: value,` lines replaced by an alien value. */
const mutateField = (rng: Random, source: string): string => {
  const lines = source.split("\n");
  const fields = lines.flatMap((line, index) => (/^ {2}[A-Za-z]+: .*,$/.test(line) ? [index] : []));
  if (fields.length === 0) return source;
  const index = rng.pick(fields);
  lines[index] = lines[index]!.replace(/^( {2}[A-Za-z]+: ).*,$/, `$1${rng.pick(ALIEN_VALUES)} as never,`);
  return lines.join("\n");
};

export function drawFleet(seed: number, hostility: number): DrawnFleet {
  const rng = new Random(seed);
  const draw = new FleetDrawer(rng, hostility);
  const files = new Map<string, string>();

  const hostCount = 1 + rng.int(4);
  // "", "." and ".." name no folder of their own under hosts/.
  const hosts = [...new Set(Array.from({ length: hostCount }, () => draw.name(HOST_NAMES)))].filter((name) => !["", ".", ".."].includes(name));
  if (hosts.length === 0) hosts.push("nas");
  const modules = [...new Set(Array.from({ length: rng.int(3) }, () => draw.name(MODULE_NAMES)))];
  const fleetModules = rng.subset(modules);
  const useSecrets = rng.chance(0.4);
  const secretNames = hosts.map((name) => `wg-${name}`);
  const backend = rng.pick(["sops", "agenix"]);
  const useHomes = rng.chance(0.3);
  const deployTool = rng.pick(["deploy-rs", "nixos-rebuild", "colmena"]);

  const hostKeys = hosts.map((name, i) => `${ts(name)}: ${ts(`age1${"qpzry9x8gf2tvdw0s3jn54khce6mua7l".repeat(2).slice(i, i + 58)}`)}`);
  files.set(
    "typeflake.config.ts",
    `${HEADER}export default defineFleet({
  description: ${draw.text().source === '""' ? '"fuzz"' : ts(`fuzz ${rng.int(1000)}`)},
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    ${useSecrets && backend === "sops" ? `"sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },` : ""}
    ${useSecrets && backend === "agenix" ? `agenix: { url: "github:ryantm/agenix" },` : ""}
    ${useHomes ? `"home-manager": { url: "github:nix-community/home-manager/release-24.11", follows: { nixpkgs: "nixpkgs" } },` : ""}
    ${deployTool === "colmena" ? `colmena: { url: "github:zhaofengli/colmena" },` : `"deploy-rs": { url: "github:serokell/deploy-rs" },`}
  },
  modules: ${JSON.stringify(draw.evil() ? [...fleetModules, "missing"] : fleetModules)},
  ${
    useSecrets
      ? `secrets: { backend: ${ts(backend)}, ageKeyFile: "/var/lib/age/key.txt", hostKeys: { ${hostKeys.join(", ")} }, secrets: { ${secretNames.map((name) => `${ts(name)}: {}`).join(", ")} } },`
      : ""
  }
  deploy: { tool: ${ts(deployTool)}, sshUser: ${ts(draw.name(["root", "deploy"]))} },
});
`,
  );

  const moduleTrees = new Map<string, Drawn>();
  for (const name of modules) {
    const tree = draw.tree();
    moduleTrees.set(name, tree);
    files.set(
      `modules/${name}.ts`,
      `${HEADER}export default defineModule({
  description: ${draw.text().source},
  packages: [pkg(${ts(rng.pick(["htop", "python3Packages.requests", draw.name(["git", "curl"])]))})],
  nixos: { services: { kea: { dhcp4: { settings: { ${ts(name)}: ${tree.source} } } } } },
});
`,
    );
  }

  const nfsServer = rng.chance(0.4) ? hosts[0] : undefined;
  const nfsExport = rng.pick(["/srv/nfs", ...ODD_PATHS]);
  const addresses = new Set<string>();
  const uniqueAddress = (): string => {
    const drawn = draw.address();
    const address = addresses.has(drawn) ? `10.250.0.${addresses.size + 1}` : drawn;
    addresses.add(address);
    return address;
  };
  const withWireguard = new Set(useSecrets ? rng.subset(hosts) : []);
  const homeUsers = new Set<string>();
  const hostAddresses = new Map(hosts.map((name) => [name, uniqueAddress()]));
  hosts.forEach((name, index) => {
    const hostModules = rng.subset(modules);
    for (const module of new Set([...fleetModules, ...hostModules])) {
      draw.expect(name, ["services", "kea", "dhcp4", "settings", module], moduleTrees.get(module) ?? { source: "", expected: UNCHECKED });
    }
    const other = rng.pick(hosts);
    const settings = draw.expressionTree();
    draw.expect(name, ["services", "caddy", "settings"], settings);
    const envVars = draw.attrs(() => draw.text());
    draw.expect(name, ["nix", "envVars"], envVars);
    const etcName = draw.key();
    const etcText = draw.text();
    draw.expect(name, ["environment", "etc", etcName, "text"], etcText);
    const hostId = draw.evil() ? rng.pick(["A1B2C3D4", "1234567", "zzzzzzzz"]) : (0xa0000001 + index * 0x1010101).toString(16).slice(-8);
    draw.expect(name, ["networking", "hostId"], { source: "", expected: hostId });
    const groupName = draw.name(["media", "svc", "_x"]);
    const gid = draw.evil() ? rng.pick(["-1", "1.5", "2 ** 40", "2 ** 60", "9007199254740993"]) : String(rng.pick([0, 100, 65534, 4294967294]));
    draw.expect(name, ["users", "groups", groupName, "gid"], { source: "", expected: /^\d+$/.test(gid) ? Number(gid) : UNCHECKED });
    const timeZone = draw.evil() ? rng.pick(["Europe/../x", "UTC\n", ""]) : rng.pick(["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5"]);
    draw.expect(name, ["time", "timeZone"], { source: "", expected: timeZone });
    const sshOptItems = [draw.text(), draw.text()];
    const sshOpts: Drawn = { source: `[${sshOptItems.map((item) => item.source).join(", ")}]`, expected: sshOptItems.some((item) => item.expected === UNCHECKED) ? UNCHECKED : sshOptItems.map((item) => item.expected) };
    if (deployTool === "deploy-rs") draw.expect(name, ["sshOpts"], sshOpts, "deploy-node");
    draw.expect(name, ["networking", "domain"], { source: "", expected: hostAddresses.get(other) });
    const userName = draw.name(["alice", "bob", "svc-1"]);
    homeUsers.add(userName);
    const description = draw.line(true);
    draw.expect(name, ["users", "users", userName, "description"], description);
    const services: string[] = [];
    if (rng.chance(0.4)) services.push(`openssh: openssh({ ports: [${draw.evil() ? draw.port() : rng.pick([22, 2222])}], permitRootLogin: ${ts(rng.pick(["no", "prohibit-password", "yes"]))} })`);
    if (rng.chance(0.3)) {
      const comment = draw.line();
      services.push(
        `samba: samba({ global: { workgroup: "WG" }, shares: { ${ts(draw.name(["media", "backups"]))}: { path: ${ts(draw.evil() ? "relative" : rng.pick(["/srv/a", "/tank/media", "/a b"]))}, comment: ${comment.source}, readOnly: true } } })`,
      );
    }
    if (name === nfsServer) {
      services.push(`nfs: nfs({ exports: [{ path: ${ts(nfsExport)}, clients: [{ host: ${ts(draw.evil() ? draw.cidr() : "*")}, options: ["ro", "sync"] }] }] })`);
    } else if (nfsServer !== undefined && rng.chance(0.6)) {
      const mountPoint = draw.evil() ? draw.key() : rng.pick(ODD_PATHS);
      services.push(`nfsMounts: nfsMounts({ ${ts(mountPoint)}: { host: host(${ts(nfsServer)}), export: ${ts(nfsExport)} } })`);
      draw.expect(name, ["fileSystems", mountPoint, "fsType"], { source: "", expected: "nfs" });
    }
    if (rng.chance(0.3)) {
      services.push(
        `nginx: nginx({ virtualHosts: { ${ts(draw.evil() ? draw.key() : rng.pick(["a.example.com", "x.lab.local", "_", "*.lab.local"]))}: { locations: { "/": { proxyPass: host(${ts(draw.name([other]))}).port(${draw.evil() ? draw.port() : 8080}) } }, extraConfig: ${draw.text().source} } } })`,
      );
    }
    if (withWireguard.has(name)) {
      const hub = hosts.find((candidate) => candidate !== name && withWireguard.has(candidate));
      const join = hub !== undefined && rng.chance(0.5) ? `, join: { host: ${ts(draw.name([hub]))} }` : "";
      const key = `secret(${ts(draw.name([`wg-${name}`]))})`;
      services.push(
        `wireguard: wireguard({ wg0: { ips: [${ts(`10.99.0.${index + 1}/24`)}], listenPort: ${draw.port()}, privateKey: ${key}, publicKey: ${ts(draw.wireguardKey())}${join} } })`,
      );
    }
    if (rng.chance(0.2)) services.push(`docker: docker({ autoPrune: { dates: "weekly" }, users: [${ts(userName)}] })`);
    if (rng.chance(0.2)) services.push(`nodeExporter: nodeExporter({ openFirewall: ${rng.pick(["true", "false", '["wg0"]'])} })`);
    const raw = rng.pick([
      `mkForce(true)`,
      `mkDefault(false)`,
      `mkIf(nix\`true\`, true)`,
      `nix\`${draw.evil() ? "1 +" : "true"}\``,
    ]);
    files.set(`hosts/${name}/hardware.nix`, "{ ... }: { }\n");
    files.set(
      `hosts/${name}/host.ts`,
      `${HEADER}export default defineHost({
  address: ${ts(hostAddresses.get(name)!)},
  hardware: "./hardware.nix",
  modules: ${JSON.stringify(draw.evil() ? [...hostModules, "nope"] : hostModules)},
  deploy: { tags: [${ts(draw.name(["t1", "edge"]))}], sshOpts: ${sshOpts.source}, confirmTimeout: ${draw.evil() ? rng.pick(["0", "1.5", "2 ** 60"]) : "45"} },
  firewall: { allowedTCPPorts: [8080, ${draw.port()}] },
  sysctl: { "net.ipv4.ip_forward": ${rng.pick(["1", "true", '"1"'])} },
  zfs: { hostId: ${ts(hostId)}, pools: [${ts(draw.name(["tank", "rpool", "a.b:c-d"]))}] },
  groups: { ${ts(groupName)}: { gid: ${gid}, members: [${ts(userName)}] } },
  timeZone: ${ts(timeZone)},
  users: { ${ts(userName)}: { description: ${description.source}, extraGroups: ["wheel"] } },
  packages: [pkg(${ts(draw.name(["htop", "curl"]))})],
  services: { ${services.join(",\n    ")} },
  nixos: {
    services: { caddy: { settings: ${settings.source} } },
    nix: { envVars: ${envVars.source} },
    environment: { etc: { [${ts(etcName)}]: { text: ${etcText.source} } } },
    networking: { firewall: { allowPing: ${raw} }, domain: host(${ts(other)}) },
  },
});
`,
    );
  });

  // Homes of the users the hosts declare (the evaluated value is not read: the stub home-manager
  // keeps a home as its module function), and an overlay of shell scripts.
  if (useHomes) {
    for (const user of homeUsers) {
      files.set(
        `homes/${user}.ts`,
        `import { defineHome, mkForce, nix, nixString, pkg } from "typeflake";\nexport default defineHome({\n  stateVersion: "24.11",\n  packages: [pkg("ripgrep")],\n  shellAliases: { [${ts(draw.evil() ? draw.key() : rng.pick(["ll", "gs", "..", "日本"]))}]: ${draw.text().source} },\n  homeManager: { programs: { bash: { enable: true } }, home: { sessionVariables: ${draw.attrs(() => draw.text()).source} } },\n});\n`,
      );
    }
  }
  if (rng.chance(0.3)) {
    const script = rng.chance(0.5) ? draw.text().source : `nixString\`\${pkg("curl")}/bin/curl \${${draw.text().source}} \${${rng.int(65536)}}\``;
    files.set(
      "overlays/tools.ts",
      `import { defineOverlay, nix, nixString, pkg } from "typeflake";\nexport default defineOverlay({\n  description: ${draw.text().source},\n  packages: { [${ts(draw.evil() ? draw.key() : rng.pick(["tool", "a'b", "_x", "inherit"]))}]: { shellScript: ${script} }, raw: nix\`prev.hello\` },\n});\n`,
    );
  }
  let mutated = false;
  for (const [path, text] of files) {
    if (path.endsWith(".ts") && draw.evil()) {
      files.set(path, mutateField(rng, text));
      mutated = true;
    }
  }
  // A replaced field may be one whose values were expected: only the other promises are checked.
  return { files, hosts, expected: mutated ? [] : draw.expected, hostile: draw.hostile };
}
