/**
 * `tsc --noEmit` on a small fleet whose own option schema has nixpkgs' size (20,000+ options:
 * the shipped ones plus synthetic services, `synthetic/option-schema.ts`), written into the fleet
 * as `options import` writes it (`.typeflake/options/nixos-options.d.ts`), beside its floor: the
 * same fleet typed by the shipped schema. Both run with the repository's TypeScript 7 `tsc` and
 * with the JavaScript TypeScript 6 that editors bundle (ts-morph's). Target: ≤ 3 s.
 *
 * The fleets live in the bench's scratch folder, so `"typeflake"` is the compiled package (dist/,
 * built by `npm run bench` first), as in a user's fleet.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FLEET_SCHEMA_DIR, FLEET_SCHEMA_FILES } from "../generators/options/fleet-schema.ts";
import { REPOSITORY, SCRATCH } from "./paths.ts";
import { duration } from "./report/table.ts";
import { fleetOptionSchemaFiles } from "./synthetic/fleet-option-schema.ts";

/** The target of issue 13. */
const TARGET_MS = 3000;

/** Three hosts of a homelab, every `nixos` block set with options both schemas have. */
const HOSTS: Record<string, string> = {
  nas: `{
    networking: { hostId: "a1b2c3d4", firewall: { allowedTCPPorts: [445, 139, 2049] } },
    boot: { supportedFilesystems: ["zfs"], zfs: { extraPools: ["tank"], forceImportRoot: false } },
    services: {
      samba: { enable: true, openFirewall: true, settings: { global: { security: "user" }, media: { path: "/tank/media" } } },
      zfs: { autoScrub: { enable: true, interval: "monthly" } },
      openssh: { enable: mkForce(true), settings: { PermitRootLogin: "no", PasswordAuthentication: false } },
    },
    system: { stateVersion: "24.11" },
  }`,
  compute: `{
    virtualisation: { docker: { enable: true, autoPrune: { enable: true, dates: "weekly" }, logDriver: "journald" } },
    environment: { systemPackages: [pkg("htop"), pkg("git")] },
    nix: { settings: { "auto-optimise-store": true, "trusted-users": ["deploy"] }, gc: { automatic: mkDefault(true) } },
    system: { stateVersion: "24.11" },
  }`,
  gateway: `{
    networking: { nat: { enable: true, externalInterface: "eth0", internalInterfaces: ["wg0"] } },
    services: {
      nginx: {
        enable: mkIf(true, true),
        virtualHosts: { "grafana.lab.local": { locations: { "/": { proxyPass: "http://10.0.20.11:3000", proxyWebsockets: true } } } },
      },
    },
    system: { stateVersion: "24.11" },
  }`,
};

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2023"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ["node"],
  },
  include: ["hosts", ".typeflake/**/*.d.ts"],
};

/** What the measurement found. */
export interface OptionSchemaTscResult {
  readonly optionCount: number;
  /** Size of the fleet's generated declarations, in MB. */
  readonly declarationsMb: number;
  /** Fastest of the runs, in ms: [with the synthetic schema, with the shipped schema (floor)]. */
  readonly tsc7: readonly [number, number];
  readonly tsc6: readonly [number, number];
  readonly typescript6Version: string;
  readonly failure?: string;
}

/** Write both fleets, then time the type checks, `runs` times each (the fastest counts). */
export async function benchOptionSchemaTsc(runs: number): Promise<OptionSchemaTscResult> {
  const schema = fleetOptionSchemaFiles();
  const withSchema = writeFleet("option-schema-synthetic", schema.files);
  const floor = writeFleet("option-schema-shipped", {});
  const { Project, ts } = await import("ts-morph");
  const fastest = (check: () => void): number =>
    Math.min(
      ...Array.from({ length: runs }, () => {
        const start = performance.now();
        check();
        return performance.now() - start;
      }),
    );
  const tsc7 = (fleet: string) => () =>
    execFileSync(join(REPOSITORY, "node_modules", ".bin", "tsc"), ["-p", join(fleet, "tsconfig.json")], { stdio: "pipe" });
  const tsc6 = (fleet: string) => () => {
    const problems = new Project({ tsConfigFilePath: join(fleet, "tsconfig.json") }).getPreEmitDiagnostics();
    if (problems.length > 0) throw new Error(`${problems.length} type errors in ${fleet}: ${problems[0]?.getMessageText()}`);
  };
  try {
    return {
      optionCount: schema.optionCount,
      declarationsMb: statSync(join(withSchema, FLEET_SCHEMA_DIR, FLEET_SCHEMA_FILES.types)).size / 1e6,
      tsc7: [fastest(tsc7(withSchema)), fastest(tsc7(floor))],
      tsc6: [fastest(tsc6(withSchema)), fastest(tsc6(floor))],
      typescript6Version: ts.version,
    };
  } catch (cause) {
    const output = cause instanceof Error && "stdout" in cause ? String((cause as { stdout: unknown }).stdout) : String(cause);
    return { optionCount: schema.optionCount, declarationsMb: 0, tsc7: [NaN, NaN], tsc6: [NaN, NaN], typescript6Version: ts.version, failure: output.slice(0, 2000) };
  }
}

/** A fleet folder with the three hosts and, when given, its own schema files; returns its path. */
function writeFleet(name: string, schemaFiles: Readonly<Record<string, string>>): string {
  const fleet = join(SCRATCH, name);
  rmSync(fleet, { recursive: true, force: true });
  mkdirSync(join(fleet, FLEET_SCHEMA_DIR), { recursive: true });
  writeFileSync(join(fleet, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  for (const [file, text] of Object.entries(schemaFiles)) writeFileSync(join(fleet, FLEET_SCHEMA_DIR, file), text);
  for (const [host, nixos] of Object.entries(HOSTS)) {
    mkdirSync(join(fleet, "hosts", host), { recursive: true });
    writeFileSync(
      join(fleet, "hosts", host, "host.ts"),
      `import { defineHost, mkDefault, mkForce, mkIf, pkg } from "typeflake";\n\n` +
        `export default defineHost({ address: "10.0.20.${Object.keys(HOSTS).indexOf(host) + 10}", nixos: ${nixos} });\n`,
    );
  }
  return fleet;
}

/** The report section. */
export function optionSchemaTscReport(result: OptionSchemaTscResult): string {
  if (result.failure) return `== tsc with a fleet option schema: could not be measured\n${result.failure}`;
  const line = (label: string, [synthetic, floor]: readonly [number, number]) =>
    `  ${label}: ${duration(synthetic)} with ${result.optionCount} options (floor, the shipped schema: ${duration(floor)}; ` +
    `target ≤ ${duration(TARGET_MS)}: ${synthetic <= TARGET_MS ? "met" : "MISSED"})`;
  return [
    `== tsc --noEmit on a 3-host fleet with its own option schema (${result.declarationsMb.toFixed(1)} MB of declarations; fastest run)`,
    line("TypeScript 7 tsc", result.tsc7),
    line(`TypeScript ${result.typescript6Version} (editors)`, result.tsc6),
  ].join("\n");
}
