/**
 * Benchmark of the typed NixOS options (`npx tsx bench/options-import.ts`); prints figures, asserts
 * nothing. Targets: importing the shipped schema (data/nixos) under 2 s; `tsc --noEmit` over a homelab
 * fleet that uses `NixosOptions` under 5 s.
 *
 * 1. Import: load the command module (ts-morph included), then run `options import` of the shipped
 *    schema into a temporary folder, cold (first run) and warm (median of five).
 * 2. tsc: a temporary project with the reference homelab's three hosts as typed `nixos` blocks,
 *    checked by the repository's `tsc`, against a baseline where the blocks are untyped.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

/** The reference fleet (nas, compute, gateway) as raw `nixos` blocks. */
const HOSTS = `
export const nas__TYPE__ = {
  networking: { hostName: "nas", hostId: "a1b2c3d4", firewall: { allowedTCPPorts: [445, 139, 2049] } },
  boot: { supportedFilesystems: ["zfs"], zfs: { extraPools: ["tank"], forceImportRoot: false } },
  services: {
    samba: {
      enable: true,
      openFirewall: true,
      settings: {
        global: { security: "user", "server min protocol": "SMB3" },
        media: { path: "/tank/media", "read only": "no", "valid users": "media" },
        backups: { path: "/tank/backups", "read only": "no", "valid users": "backup" },
      },
    },
    nfs: { server: { enable: true, exports: "/tank/media 10.0.20.0/24(ro,no_subtree_check)" } },
    zfs: { autoScrub: { enable: true, interval: "monthly" }, autoSnapshot: { enable: true, daily: 7 } },
    openssh: { enable: true, settings: { PermitRootLogin: "no", PasswordAuthentication: false } },
    prometheus: { exporters: { node: { enable: true, port: 9100, openFirewall: true } } },
  },
  users: { users: { deploy: { isNormalUser: true, extraGroups: ["wheel"], shell: pkg("bash") } } },
  sops: { defaultSopsFile: nixPath("../../secrets/secrets.yaml"), age: { keyFile: "/var/lib/sops-nix/key.txt" } },
  system: { stateVersion: "24.11" },
};

export const compute__TYPE__ = {
  networking: { hostName: "compute", firewall: { allowedTCPPorts: [3000, 9090] } },
  virtualisation: {
    docker: { enable: true, autoPrune: { enable: true, dates: "weekly" }, logDriver: "journald" },
    "oci-containers": {
      backend: "docker",
      containers: {
        grafana: { image: "grafana/grafana:11.0.0", ports: ["3000:3000"], volumes: ["/srv/grafana:/var/lib/grafana"] },
        prometheus: { image: "prom/prometheus:v2.53.0", ports: ["9090:9090"], environment: { TZ: "UTC" } },
      },
    },
  },
  environment: { systemPackages: [pkg("htop"), pkg("git")] },
  nix: { settings: { "auto-optimise-store": true, "trusted-users": ["deploy"] }, gc: { automatic: true, dates: "weekly" } },
  services: { openssh: { enable: mkForce(true) } },
  system: { stateVersion: "24.11" },
};

export const gateway__TYPE__ = {
  networking: {
    hostName: "gateway",
    nat: { enable: true, externalInterface: "eth0", internalInterfaces: ["wg0"] },
    firewall: { allowedTCPPorts: [80, 443], allowedUDPPorts: [51820] },
    wireguard: {
      interfaces: {
        wg0: {
          ips: ["10.100.0.1/24"],
          listenPort: 51820,
          privateKeyFile: secret("wireguard-key").path,
          peers: [
            { publicKey: "abc123=", allowedIPs: ["10.100.0.2/32"] },
            { publicKey: "def456=", allowedIPs: ["10.100.0.3/32"], persistentKeepalive: 25 },
          ],
        },
      },
    },
  },
  boot: { kernel: { sysctl: { "net.ipv4.ip_forward": 1 } } },
  services: {
    nginx: {
      enable: true,
      recommendedProxySettings: true,
      recommendedTlsSettings: true,
      virtualHosts: {
        "grafana.lab.local": { locations: { "/": { proxyPass: host("compute").port(3000), proxyWebsockets: true } } },
        "prometheus.lab.local": { locations: { "/": { proxyPass: host("compute").port(9090) } } },
      },
    },
  },
  security: { acme: { acceptTerms: true, defaults: { email: "admin@lab.local" } } },
  system: { stateVersion: "24.11" },
};
`;

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "typeflake-bench-options-"));

const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(2)} s`;
const time = (run: () => void): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const cpuMilliseconds = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1000;
/** Wall time and CPU time of `run` (CPU time in this process is less sensitive to a busy machine). */
const timeAsync = async (run: () => Promise<void>): Promise<{ wall: number; cpu: number }> => {
  const [start, cpuStart] = [performance.now(), process.cpuUsage()];
  await run();
  return { wall: performance.now() - start, cpu: cpuMilliseconds(process.cpuUsage(cpuStart)) };
};
const best = (measure: () => number): number => Math.min(measure(), measure(), measure());
const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

try {
  const loadStart = performance.now();
  const loadCpuStart = process.cpuUsage();
  const { runOptionsImport } = await import("../generators/cli/commands/options.ts");
  const { SHIPPED_SCHEMA } = await import("../generators/options/shipped.ts");
  const load = performance.now() - loadStart;
  const loadCpu = cpuMilliseconds(process.cpuUsage(loadCpuStart));
  const quiet = { info: () => undefined, error: (message: string) => console.error(message) };
  const importOnce = async (): Promise<void> => {
    const code = await runOptionsImport(
      {
        optionsFile: SHIPPED_SCHEMA.optionsFile,
        aliasesFile: SHIPPED_SCHEMA.aliasesFile,
        outDir: join(work, "import"),
        target: "package",
        force: true,
        cwd: work,
      },
      quiet,
    );
    if (code !== 0) throw new Error("the import failed");
  };
  const { wall: cold, cpu: coldCpu } = await timeAsync(importOnce);
  const warmRuns: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < 5; run++) warmRuns.push(await timeAsync(importOnce));
  const warm = median(warmRuns.map((run) => run.wall));
  const warmCpu = median(warmRuns.map((run) => run.cpu));
  const optionCount = Object.keys(JSON.parse(readFileSync(SHIPPED_SCHEMA.optionsFile, "utf8")) as object).length;
  console.log(`options import of the shipped schema (${optionCount} options; target < 2 s)`);
  console.log(`  module load (ts-morph, zod, …): ${seconds(load)} (CPU ${seconds(loadCpu)})`);
  console.log(`  first import:                   ${seconds(cold)} (CPU ${seconds(coldCpu)})`);
  console.log(`  load + first import:            ${seconds(load + cold)} (CPU ${seconds(loadCpu + coldCpu)})`);
  console.log(`  warm import (median of 5):      ${seconds(warm)} (CPU ${seconds(warmCpu)})`);

  const typed = writeProject(true);
  const untyped = writeProject(false);
  console.log("tsc --noEmit over the reference homelab's nixos blocks (target < 5 s; best of 3)");
  console.log(`  typed with NixosOptions: ${seconds(best(() => tscTime(typed)))}`);
  console.log(`  untyped baseline:        ${seconds(best(() => tscTime(untyped)))}`);
  const { Project, ts } = await import("ts-morph");
  console.log(`the same with the JavaScript TypeScript ${ts.version}, as an editor's tsserver may run it (best of 3)`);
  console.log(`  typed with NixosOptions: ${seconds(best(() => jsCheckTime(Project, typed)))}`);
  console.log(`  untyped baseline:        ${seconds(best(() => jsCheckTime(Project, untyped)))}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A fresh project with the homelab hosts, typed or not; returns its tsconfig.json. */
function writeProject(typed: boolean): string {
  const project = join(work, typed ? "typed" : "untyped");
  const fromProject = (file: string): string => relative(project, join(root, file)).split("\\").join("/");
  mkdirSync(project, { recursive: true });
  const annotation = typed ? ": NixosOptions" : "";
  writeFileSync(
    join(project, "fleet.ts"),
    `import { host, mkForce, nixPath, pkg, secret } from "${fromProject("dsl/expressions.ts")}";
import type { NixosOptions } from "${fromProject("dsl/nixos-options/types.ts")}";
export type { NixosOptions };
${HOSTS.replaceAll("__TYPE__", annotation)}`,
  );
  writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2023"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        verbatimModuleSyntax: true,
        allowImportingTsExtensions: true,
        noEmit: true,
        strict: true,
        skipLibCheck: true,
        types: [],
      },
      files: ["fleet.ts"],
    }),
  );
  return join(project, "tsconfig.json");
}

/** Wall time of the repository's `tsc --noEmit -p tsconfig`. */
function tscTime(tsconfig: string): number {
  const tsc = join(root, "node_modules", ".bin", "tsc");
  return time(() => execFileSync(tsc, ["-p", tsconfig], { stdio: "inherit" }));
}

/** Wall time of a full type check by ts-morph's JavaScript compiler (program creation included). */
function jsCheckTime(Project: typeof import("ts-morph").Project, tsconfig: string): number {
  return time(() => {
    const problems = new Project({ tsConfigFilePath: tsconfig }).getPreEmitDiagnostics();
    if (problems.length > 0) throw new Error(`${problems.length} type errors in ${tsconfig}`);
  });
}
