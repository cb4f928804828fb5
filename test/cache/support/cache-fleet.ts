/**
 * A small real fleet for the run cache's tests, written under test/.tmp/ with a `node_modules`
 * of its own (so its record stays in its own folder): a config whose sops file does not exist
 * yet (a warning on every run, as the homelab has), two hosts, a module, a local helper, a JSON
 * file and an installed package the hosts import. Plus a way to tell a reused record from a run:
 * a "poisoned" record, intact and current but with a marker in every planned file.
 */
import { readFile } from "node:fs/promises";
import { nearestCacheFolder } from "../../../generators/cache/folder.ts";
import { parseRecord } from "../../../generators/cache/run-record.ts";
import { recordFile, writeRecord } from "../../../generators/cache/run-store.ts";
import type { PlannedRun } from "../../../generators/cache/cached-run.ts";
import { writeFleet, type FleetFiles } from "../../diagnostics/support/temp-fleet.ts";

const host = (address: string) => `import { defineHost, pkg } from "typeflake";
import { motd } from "../../shared";
import ports from "../../ports.json";
import { banner } from "greeting";
import { title } from "@title";

export default defineHost({
  address: "${address}",
  hardware: "./hardware.nix",
  firewall: { allowedTCPPorts: ports.open },
  packages: [pkg("htop")],
  users: { admin: { description: motd + banner + title } },
});
`;

/** The fleet's files. */
export const CACHE_FLEET: FleetFiles = {
  "typeflake.config.ts": `import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Cache test fleet",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "sops-nix": { url: "github:Mic92/sops-nix" },
    "deploy-rs": { url: "github:serokell/deploy-rs" },
  },
  modules: ["common"],
  secrets: { backend: "sops", defaultFile: "secrets/secrets.yaml", ageKeyFile: "/var/lib/sops-nix/key.txt", admins: [], secrets: {} },
});
`,
  "hosts/alpha/host.ts": host("10.0.0.1"),
  "hosts/alpha/hardware.nix": "{ ... }: { }\n",
  "hosts/beta/host.ts": host("10.0.0.2"),
  "hosts/beta/hardware.nix": "{ ... }: { }\n",
  "modules/common.ts": `import { defineModule } from "typeflake";

export default defineModule({ description: "Shared", timeZone: "UTC" });
`,
  "shared.ts": `export const motd = "Welcome";\n`,
  // An alias (tsconfig paths) in the tsconfig the fleet's extends.
  "tsconfig.json": `{\n  // the aliases are in the base\n  "extends": "./tsconfig.base.json",\n}\n`,
  "tsconfig.base.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@title": ["./title-v1.ts"] } } }\n`,
  "title-v1.ts": `export const title = " - first title";\n`,
  "title-v2.ts": `export const title = " - second title";\n`,
  "ports.json": `{ "open": [22] }\n`,
  "node_modules/greeting/package.json": `{ "name": "greeting", "version": "1.0.0", "type": "module", "main": "index.js" }\n`,
  "node_modules/greeting/index.js": `export const banner = " (v1)";\n`,
};

/** A fresh copy of the fleet (remove it with `removeFleet`). */
export const writeCacheFleet = (): Promise<string> => writeFleet(CACHE_FLEET);

/** The record file of the fleet at `root`. */
export const recordOf = (root: string): string => recordFile(nearestCacheFolder(root)!, root);

/** Appended to every planned file of a poisoned record. */
const POISON = "# taken from the record\n";

/** Mark every planned file of the fleet's record, keeping the record intact and its fingerprint as it is. */
export const poisonRecord = async (root: string): Promise<void> => {
  const record = parseRecord(await readFile(recordOf(root)));
  if (!record) throw new Error(`no intact record for ${root}`);
  // Without their recorded hashes: the record keeps each text's hash, which must be the poisoned text's.
  const files = record.plan.files.map(({ sha256: _, ...file }) => ({ ...file, text: file.text + POISON }));
  await writeRecord(recordOf(root), { ...record, plan: { files } });
};

/** Whether the run's plan came from a poisoned record. */
export const fromRecord = (run: PlannedRun): boolean => run.plan?.files.every((file) => file.text.endsWith(POISON)) ?? false;

/** The planned text of `path`. */
export const plannedText = (run: PlannedRun, path: string): string | undefined => run.plan?.files.find((file) => file.path === path)?.text;
