/**
 * Load a fleet directory and validate it: the one call the CLI makes before generating anything.
 *
 * ```ts
 * const { fleet, diagnostics } = await loadAndValidate(root);
 * if (diagnostics.length) console.error(formatDiagnostics(diagnostics, { color }));
 * if (!fleet) process.exit(1);
 * ```
 */
import { relative, resolve, sep } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { locateDiagnostics, sortDiagnostics } from "../diagnostics/locate.ts";
import { knownPositions, type LocatedBefore } from "../diagnostics/known-positions.ts";
import { validateFleet, type ValidationResult } from "../validate/index.ts";
import type { FleetSources, NamedSource } from "../validate/sources.ts";
import type { FleetFile } from "./discover.ts";
import { discoverDefinitions } from "./discover-definitions.ts";
import { loadDefinition } from "./load-definition.ts";
import { loadFleetModules } from "./fleet-bundle.ts";
import { unloadedDefinitions } from "./misplaced-definitions.ts";
import { startLoad, type StartedLoad } from "./start-load.ts";
import type { LoadReads } from "../cache/run-reads.ts";

export type { ValidationResult } from "../validate/index.ts";

/** A fleet's files as imported, and the problems importing them. */
export interface LoadedFleet {
  readonly sources: FleetSources;
  readonly diagnostics: readonly Diagnostic[];
  /** What loading read (absent when files had to be loaded one by one, or fleet code did what the run cache cannot record). */
  readonly read?: LoadReads;
}

/** A validation result, with the files the load behind it read. */
export type LoadedValidation = ValidationResult & Pick<LoadedFleet, "read">;

/**
 * Import every definition file under `root` (TypeScript bundled by esbuild, no build step of the
 * user's), found and started here unless `started` was. Files that fail to import are reported
 * and left out; their names still count for references. A file that looks like a definition
 * where none is loaded from is reported when the fleet's one bundle loads without importing it.
 */
export const loadFleet = async (root: string, started?: StartedLoad): Promise<LoadedFleet> => {
  const absoluteRoot = resolve(root);
  const { discovery, bundle } = started ?? startLoad(absoluteRoot, await discoverDefinitions(absoluteRoot));
  const { modules, read, compiled } = await loadFleetModules(bundle);
  const loaded = discovery.files.map((file) => ({ file, result: loadDefinition(absoluteRoot, file, modules.get(file.path)!) }));
  const sourcesOf = (kind: FleetFile["kind"]): NamedSource[] =>
    loaded.flatMap(({ file, result }) => (file.kind === kind && result.ok ? [result.source] : []));
  const unloadedOf = (kind: FleetFile["kind"]): string[] => [
    ...loaded.flatMap(({ file, result }) => (file.kind === kind && !result.ok ? [file.name] : [])),
    ...discovery.setAside.flatMap((file) => (file.kind === kind ? [file.name] : [])),
  ];
  const config = sourcesOf("fleet")[0];
  return {
    sources: {
      config: config && { file: config.file, value: config.value },
      hosts: sourcesOf("host"),
      modules: sourcesOf("module"),
      overlays: sourcesOf("overlay"),
      homes: sourcesOf("home"),
      unloaded: { hosts: [...discovery.hostsWithoutFile, ...unloadedOf("host")], modules: unloadedOf("module"), homes: unloadedOf("home") },
      unlisted: discovery.unlisted,
    },
    diagnostics: [
      ...discovery.diagnostics,
      ...distinct(loaded.flatMap(({ result }) => (result.ok ? [] : result.diagnostics))),
      ...(compiled ? unloadedDefinitions(discovery.misplaced, new Set(compiled.map((path) => relative(absoluteRoot, path).split(sep).join("/")))) : []),
    ],
    read,
  };
};

/**
 * Load failures without repeats: a mistake in a file several definitions import (a helper's
 * syntax error, a broken package.json) is met once per importer, as each is then bundled alone,
 * and reported once, where it is. Load diagnostics are plain text and positions.
 */
const distinct = (diagnostics: readonly Diagnostic[]): Diagnostic[] => {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = JSON.stringify(diagnostic);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** How to load and validate a fleet. */
export interface LoadOptions {
  /** The fleet's load, already found and started (see {@link loadFleet}). */
  readonly started?: StartedLoad;
  /** An earlier run's located diagnostics, whose positions hold in the files unchanged since (see `known-positions.ts`). */
  readonly locatedBefore?: LocatedBefore;
}

/**
 * Load and validate the fleet at `root`. `fleet` is present only when nothing is wrong;
 * `diagnostics` holds every problem of every file, located (file:line:col and source line) and
 * sorted by file and position, ready for `formatDiagnostics` or `diagnosticsToJson`. The source
 * locator (Babel's parser) is loaded only when there is something to report that `locatedBefore`
 * does not place.
 */
export const loadAndValidate = async (root: string, { started, locatedBefore }: LoadOptions = {}): Promise<LoadedValidation> => {
  const absoluteRoot = resolve(root);
  const loaded = await loadFleet(absoluteRoot, started);
  const validated = validateFleet(loaded.sources);
  const found = [...loaded.diagnostics, ...validated.diagnostics];
  const known = locatedBefore && loaded.read && knownPositions(locatedBefore, absoluteRoot, loaded.read.files);
  const diagnostics = found.length === 0 ? found : sortDiagnostics(await locateDiagnostics(found, absoluteRoot, known));
  // A file that failed to load is unloaded in `sources`, so the validator returns no fleet then.
  if (validated.fleet) return { fleet: validated.fleet, diagnostics, read: loaded.read };
  return validated.partial ? { partial: validated.partial, diagnostics } : { diagnostics };
};
