/**
 * Every file a fleet names by path — a host's `hardware`, `imports`, `nixPath(…)` and the
 * encrypted secret files — must stay inside the fleet (a flake cannot read outside itself) and
 * exist. Pure: what exists is found at the edge (`load/existing-paths.ts`) and handed in. An
 * encrypted file not created yet is only a warning that names the command creating it.
 */
import { posix } from "node:path";
import { agenixCommandFolder, fromSecretsFolder } from "../files/agenix-rules.ts";
import { error, warning, type Diagnostic, type ObjectPathSegment, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/suggest.ts";
import type { PathFacts } from "../load/existing-paths.ts";
import { encryptedFiles } from "../lower/secrets/files.ts";
import { secretsSettings } from "../lower/secrets/settings.ts";
import { secretUsage } from "../lower/secrets/usage.ts";
import { writtenIn, type FleetIndex } from "../model/fleet-index.ts";
import type { Entry } from "../model/fleet.ts";
import { homeNixPath } from "../model/homes.ts";

/** One path the fleet names, resolved against the fleet root. */
export interface PathReference {
  /** Where it was written. */
  readonly origin: SourceOrigin;
  /** The path as written, e.g. `./hardware.nix`. */
  readonly written: string;
  /** The folder `written` is relative to, from the fleet root (`hosts/nas`, `""` for the root). */
  readonly base: string;
  /**
   * Set for an encrypted secret file, which may not exist yet: the command that creates it and
   * the folder to run it in. Any other path (hand-kept Nix) must exist.
   */
  readonly create?: { readonly command: string; readonly folder: string };
  /** Set for a path Nix imports as a module (`hardware`, `imports`): a folder there stands for its default.nix. */
  readonly imported?: true;
}

/** `written` resolved against `base`, relative to the fleet root; undefined when it leaves the fleet. */
export const insideFleet = (reference: Pick<PathReference, "written" | "base">): string | undefined => {
  if (posix.isAbsolute(reference.written)) return undefined;
  const resolved = posix.normalize(posix.join(reference.base, reference.written));
  return resolved === ".." || resolved.startsWith("../") ? undefined : resolved;
};

type AnyEntry = Entry<{ readonly imports?: readonly string[] }>;

/** Imports and `nixPath(…)` of one definition; `generatedFolder` is where its Nix file is written. */
const entryReferences = (index: FleetIndex, entry: AnyEntry, generatedFolder: string): PathReference[] => {
  const at = (objectPath: readonly ObjectPathSegment[]): SourceOrigin => ({ file: entry.file, objectPath });
  const own = posix.dirname(entry.file);
  return [
    ...(entry.config.imports ?? []).map((written, position) => ({ origin: at(["imports", position]), written, base: own, imported: true as const })),
    ...writtenIn(index, entry).flatMap(({ expression, path }) =>
      expression.kind === "path" ? [{ origin: at(path), written: expression.path, base: generatedFolder }] : [],
    ),
  ];
};

/** The encrypted files the fleet's secrets live in, each at the setting that names it. */
const encryptedReferences = (index: FleetIndex): PathReference[] => {
  const { fleet } = index;
  if (!fleet.config.secrets) return [];
  const settings = secretsSettings(fleet);
  const inConfig = (...path: ObjectPathSegment[]): SourceOrigin => ({ file: fleet.configFile, objectPath: ["secrets", ...path] });
  return encryptedFiles(fleet, secretUsage(index)).map(({ file, secrets }) => {
    const named = secrets.find(({ name }) => settings.secrets[name]?.file === file)?.name;
    const origin =
      named !== undefined
        ? inConfig("secrets", named, "file")
        : settings.backend === "sops"
          ? inConfig("defaultFile")
          : inConfig("secrets", secrets[0]?.name ?? "");
    const create =
      settings.backend === "sops"
        ? { command: `sops ${file}`, folder: "the fleet root (where .sops.yaml is)" }
        : { command: `agenix -e ${fromSecretsFolder(file)}`, folder: `${agenixCommandFolder}/ (where agenix's rules file secrets.nix is)` };
    return { origin, written: file, base: "", create };
  });
};

/** Every path the fleet of `index` names. */
export const fleetPathReferences = (index: FleetIndex): PathReference[] => {
  const { fleet } = index;
  return [
    ...fleet.hosts.flatMap((host) => [
      ...(host.config.hardware === undefined
        ? []
        : [{ origin: { file: host.file, objectPath: ["hardware"] }, written: host.config.hardware, base: posix.dirname(host.file), imported: true as const }]),
      ...entryReferences(index, host, posix.dirname(host.file)),
    ]),
    ...[...fleet.modules, ...fleet.overlays].flatMap((entry) => entryReferences(index, entry as AnyEntry, posix.dirname(entry.file))),
    ...(fleet.homes ?? []).flatMap((home) => entryReferences(index, home, posix.dirname(homeNixPath(home)))),
    ...encryptedReferences(index),
  ];
};

const outside = (reference: PathReference, via: "path" | "link"): Diagnostic =>
  error("path-outside-fleet", reference.origin, { written: reference.written, base: reference.base, via });

/** The path as it would be written with a misspelled last part corrected, from the names in its folder. */
const corrected = (reference: PathReference, siblings: readonly string[] | undefined): { suggestion?: string } => {
  const closest = closestMatch(posix.basename(reference.written), siblings ?? []);
  return closest === undefined ? {} : { suggestion: `${posix.dirname(reference.written)}/${closest}` };
};

const missing = (reference: PathReference, resolved: string, siblings: readonly string[] | undefined): Diagnostic =>
  reference.create
    ? warning("missing-secret-file", reference.origin, { file: resolved, command: reference.create.command, folder: reference.create.folder })
    : error("missing-file", reference.origin, { written: reference.written, resolved, base: reference.base, ...corrected(reference, siblings) });

/**
 * Paths that leave the fleet, name a file typeflake generates, or name nothing, given what the
 * disk holds of them and `generated` (each planned path → the TypeScript it comes from). A
 * generated path is refused whatever the disk holds: a hand-kept file there is one `generate
 * --force` would replace (`hardware: "./default.nix"` lost the user's hardware configuration
 * that way, and the host file then imported itself), and a generated one is no hand-kept Nix.
 */
export const checkPaths = (references: readonly PathReference[], facts: PathFacts, generated: ReadonlyMap<string, string>): Diagnostic[] =>
  references.flatMap((reference) => {
    const resolved = insideFleet(reference);
    if (resolved === undefined) return [outside(reference, "path")];
    const source = generated.get(resolved);
    if (source !== undefined) return [error("names-generated-file", reference.origin, { written: reference.written, resolved, source, itself: source === reference.origin.file })];
    if (facts.escaping.has(resolved)) return [outside(reference, "link")];
    const special = facts.special.get(resolved);
    if (special !== undefined) return [error("unreadable-path", reference.origin, { expected: "file", problem: { kind: "special", what: special } })];
    if (reference.imported && facts.bareFolders.has(resolved))
      return [error("missing-file", reference.origin, { written: reference.written, resolved: `${resolved}/default.nix`, base: reference.base, folder: true })];
    return facts.existing.has(resolved) ? [] : [missing(reference, resolved, facts.siblings.get(resolved))];
  });
