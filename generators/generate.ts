/**
 * The lowered fleet → the file plan: every Nix file printed with its header, plus the problems
 * lowering found (conflicting definitions, duplicate overlay packages). Pure: no disk access.
 */
import { error, type Diagnostic } from "./diagnostics/diagnostic.ts";
import { generatedHeader } from "./emit/header.ts";
import type { FilePlan, PlannedFile } from "./emit/plan.ts";
import { agenixRulesFile } from "./files/agenix-rules.ts";
import { flakeFile } from "./files/flake-file.ts";
import { homeFiles } from "./files/home-file.ts";
import type { GeneratedNix } from "./files/generated-nix.ts";
import { hostFile } from "./files/host-file.ts";
import { inventoryFile } from "./files/inventory-file.ts";
import { moduleFile } from "./files/module-file.ts";
import { overlayFile } from "./files/overlay-file.ts";
import { renderSopsYaml } from "./files/sops-yaml.ts";
import { fleetScope } from "./files/scope.ts";
import { emptyContribution } from "./lower/contribution.ts";
import type { LoweredFleet } from "./lower/fleet.ts";
import { secretUsage } from "./lower/secrets/usage.ts";
import type { FleetOptions } from "./validate/assertions/host-options.ts";
import { nixFingerprint } from "./nix/fingerprint.ts";
import { NixPrintError, printNixFile } from "./nix/print.ts";

/**
 * Every Nix file the fleet needs, before printing, each made only when asked for: planning prints
 * one before the next is made, so each syntax tree is garbage while still young instead of every
 * host's tree surviving into V8's old generation until the plan is done (on 1,000 hosts, about
 * 20 MB of the run's peak memory).
 */
function* eachNixFile(lowered: LoweredFleet): Generator<GeneratedNix> {
  const { index } = lowered;
  const scope = fleetScope(index);
  yield flakeFile(index);
  for (const host of lowered.hosts.values()) yield hostFile(host, scope);
  for (const module of index.fleet.modules) yield moduleFile(module, lowered.modules.get(module.name) ?? emptyContribution, scope);
  yield* homeFiles(lowered, scope);
  for (const file of [overlayFile(index), agenixRulesFile(index.fleet, secretUsage(index))]) if (file !== undefined) yield file;
}

/** Every Nix file the fleet needs, before printing, all at once (for comparing two fleets' files). */
export const nixFiles = (lowered: LoweredFleet): GeneratedNix[] => [...eachNixFile(lowered)];

/**
 * Texts an earlier run printed, by the fingerprint of what it printed (`nixFingerprint` of the
 * comments and expression): a file whose Nix is unchanged is not printed again. Only valid for
 * the code that printed them (the run cache checks that).
 */
export type PrintMemo = ReadonlyMap<string, string>;

/** The printed file; with a memo, its fingerprint is noted in `fingerprints` and an earlier text reused. */
const printed = (file: GeneratedNix, memo: PrintMemo | undefined, fingerprints: Map<string, string>): PlannedFile => {
  const document = { comments: [...generatedHeader(file.source, "#"), ...file.comments], expr: file.expr };
  if (!memo) return { path: file.path, source: file.source, text: printNixFile(document) };
  const fingerprint = nixFingerprint(document);
  fingerprints.set(file.path, fingerprint);
  return { path: file.path, source: file.source, text: memo.get(fingerprint) ?? printNixFile(document) };
};

/** `.sops.yaml`, when the fleet keeps its secrets with sops. */
const sopsRules = (lowered: LoweredFleet): PlannedFile[] => {
  const { fleet } = lowered.index;
  return fleet.config.secrets && fleet.config.secrets.backend === "sops"
    ? [{ path: ".sops.yaml", source: fleet.configFile, text: renderSopsYaml(fleet, secretUsage(lowered.index)) }]
    : [];
};

/**
 * `make()`, or, when a value that Nix cannot write got past validation (validation refuses every
 * known kind, so this is a safety net), an error at `source` instead of a crash.
 */
const unlessUnprintable = <T>(source: string, make: () => T, problems: Diagnostic[]): T[] => {
  try {
    return [make()];
  } catch (thrown) {
    if (!(thrown instanceof NixPrintError)) throw thrown;
    problems.push(error("unprintable-value", { file: source, objectPath: [] }, { reason: thrown.message }));
    return [];
  }
};

/** A fleet's file plan, the problems planning found, and with a memo the fingerprint of each printed file by path. */
export interface FleetPlan {
  readonly plan: FilePlan;
  /** Files are only worth writing when this has no error. */
  readonly diagnostics: Diagnostic[];
  /** Path → fingerprint of each printed Nix file; empty unless a memo was given. */
  readonly fingerprints: ReadonlyMap<string, string>;
}

/** The fleet's Nix files printed, one made and printed at a time (see {@link eachNixFile}). */
interface PrintedNix {
  readonly texts: PlannedFile[];
  /** Every file's own diagnostics, then the files that could not be printed. */
  readonly diagnostics: Diagnostic[];
  readonly fingerprints: Map<string, string>;
}

/** Make and print the fleet's Nix files one at a time; a file that cannot be made throws (`NixPrintError`). */
const printEach = (lowered: LoweredFleet, memo: PrintMemo | undefined): PrintedNix => {
  const texts: PlannedFile[] = [];
  const found: Diagnostic[] = [];
  const unprintable: Diagnostic[] = [];
  const fingerprints = new Map<string, string>();
  for (const file of eachNixFile(lowered)) {
    found.push(...file.diagnostics);
    texts.push(...unlessUnprintable(file.source, () => printed(file, memo, fingerprints), unprintable));
  }
  return { texts, diagnostics: [...found, ...unprintable], fingerprints };
};

/**
 * The file plan of a lowered fleet whose hosts' merged options are `options` (the inventory's
 * ports are read there); with `memo` (an earlier run's texts) unchanged Nix is not printed again.
 */
export const planFleet = (lowered: LoweredFleet, options: FleetOptions, memo?: PrintMemo): FleetPlan => {
  const problems: Diagnostic[] = [];
  // A file that cannot be made leaves no Nix file planned at all, and only that problem.
  const [nix] = unlessUnprintable(lowered.index.fleet.configFile, () => printEach(lowered, memo), problems);
  return {
    plan: { files: [...(nix?.texts ?? []), ...sopsRules(lowered), inventoryFile(lowered, options)] },
    diagnostics: [...(nix?.diagnostics ?? []), ...problems],
    fingerprints: nix?.fingerprints ?? new Map(),
  };
};
