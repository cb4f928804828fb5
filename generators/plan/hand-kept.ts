/**
 * The hand-kept Nix a fleet imports (`hardware.nix`, a host's or module's `imports`,
 * `nixPath(…)`), read from one revision's folder and fingerprinted: a machine must be deployed
 * when such a file changes too, though typeflake did not write it. The plan's one disk read
 * besides loading the fleet.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FleetIndex } from "../model/fleet-index.ts";
import { encryptedFiles } from "../lower/secrets/files.ts";
import { secretUsage } from "../lower/secrets/usage.ts";
import { fleetPathReferences, insideFleet } from "../validate/paths.ts";

/** Source file (`hosts/nas/host.ts`) → hand-kept file it refers to (`hosts/nas/hardware.nix`) → fingerprint. */
export type HandKeptFiles = ReadonlyMap<string, ReadonlyMap<string, string>>;

const fingerprint = async (folder: string, path: string): Promise<string> => {
  const read = (file: string) => readFile(join(folder, file)).then((bytes) => createHash("sha256").update(bytes).digest("hex"));
  // A folder is imported through its default.nix, as Nix does.
  return read(path).catch(() => read(join(path, "default.nix"))).catch(() => "missing");
};

/**
 * Where the encrypted secret files a host decrypts are listed: they are copied into its system
 * (sops-nix's `sopsFile`, agenix's `file`), so a re-encrypted file needs a deploy as well.
 */
export const secretFilesOf = (host: string): string => `secrets used by ${host}`;

/** Where files every host is built from are listed: `flake.lock`, which pins the inputs (an update changes every host). */
export const FLEET_WIDE = "every host";

/** The hand-kept files of the fleet of `index`, read under `folder` (the revision's fleet root). */
export const handKeptFiles = async (index: FleetIndex, folder: string): Promise<HandKeptFiles> => {
  const { fleet } = index;
  const imported = fleetPathReferences(index).flatMap((reference) => {
    const path = insideFleet(reference);
    return path === undefined || reference.origin.file === fleet.configFile ? [] : [{ source: reference.origin.file, path }];
  });
  const encrypted = fleet.config.secrets
    ? encryptedFiles(fleet, secretUsage(index)).flatMap(({ file, hosts }) => hosts.map((host) => ({ source: secretFilesOf(host), path: file })))
    : [];
  const references = [{ source: FLEET_WIDE, path: "flake.lock" }, ...imported, ...encrypted];
  const prints = await Promise.all(references.map(async ({ source, path }) => ({ source, path, print: await fingerprint(folder, path) })));
  const files = new Map<string, Map<string, string>>();
  for (const { source, path, print } of prints) files.set(source, (files.get(source) ?? new Map()).set(path, print));
  return files;
};
