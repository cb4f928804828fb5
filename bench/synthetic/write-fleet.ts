/**
 * Write a synthetic fleet to disk. The folder is emptied first, so the fleet starts with no
 * generated output ("cold"). Like a real fleet it is a git repository of its own: the scratch
 * folder is ignored by typeflake's repository, and nix (so `generate --check`) sees only files
 * git tracks.
 */
import { execFileSync } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fleetSources } from "./sources.ts";
import type { FleetSpec } from "./spec.ts";

/** Replace whatever is in `root` with the sources of `spec`; returns their relative paths. */
export const writeSyntheticFleet = async (root: string, spec: FleetSpec): Promise<string[]> => {
  const sources = fleetSources(spec);
  await rm(root, { recursive: true, force: true });
  const folders = new Set([...sources.keys()].map((path) => dirname(join(root, path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all([...sources].map(([path, text]) => writeFile(join(root, path), text)));
  initFleetRepository(root);
  return [...sources.keys()];
};

/** Make `root` a git repository of its own (a fresh one: any earlier `.git` is gone with the folder). */
export const initFleetRepository = (root: string): void => {
  execFileSync("git", ["init", "-q", root]);
};
