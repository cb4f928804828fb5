/**
 * A validated fleet → the file plan: every Nix file printed with its header, plus the problems
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
import { secretUsage } from "./lower/secrets/usage.ts";
import type { Fleet } from "./model/fleet.ts";
import { nixFingerprint } from "./nix/fingerprint.ts";
import { NixPrintError, printNixFile } from "./nix/print.ts";

/** Every Nix file the fleet needs, before printing. */
export const nixFiles = (fleet: Fleet): GeneratedNix[] => [
  flakeFile(fleet),
  ...fleet.hosts.map((host) => hostFile(fleet, host)),
  ...fleet.modules.map((module) => moduleFile(fleet, module)),
  ...homeFiles(fleet),
  ...[overlayFile(fleet), agenixRulesFile(fleet, secretUsage(fleet))].filter((file) => file !== undefined),
];

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
const sopsRules = (fleet: Fleet): PlannedFile[] =>
  fleet.config.secrets && fleet.config.secrets.backend === "sops"
    ? [{ path: ".sops.yaml", source: fleet.configFile, text: renderSopsYaml(fleet, secretUsage(fleet)) }]
    : [];

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

/** The file plan of a fleet; with `memo` (an earlier run's texts) unchanged Nix is not printed again. */
export const planFleet = (fleet: Fleet, memo?: PrintMemo): FleetPlan => {
  const problems: Diagnostic[] = [];
  const fingerprints = new Map<string, string>();
  const files = unlessUnprintable(fleet.configFile, () => nixFiles(fleet), problems).flat();
  const texts = files.flatMap((file) => unlessUnprintable(file.source, () => printed(file, memo, fingerprints), problems));
  return {
    plan: { files: [...texts, ...sopsRules(fleet), inventoryFile(fleet)] },
    diagnostics: [...files.flatMap((file) => file.diagnostics), ...problems],
    fingerprints,
  };
};
