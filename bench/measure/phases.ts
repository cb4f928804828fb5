/**
 * Child script: `node --import tsx bench/measure/phases.ts <fleet root>`. Runs the stages of
 * `generate` in-process, timing each, then baseline 2, the floor of any generator:
 * `JSON.stringify` of the validated model (best of five). Prints one JSON `Phases` object.
 */
import { planFleet } from "../../generators/generate.ts";
import { loadFleet } from "../../generators/load/index.ts";
import { lowerFleet } from "../../generators/lower/fleet.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import { fleetOptions } from "../../generators/validate/assertions/host-options.ts";
import { checkCrossHost } from "../../generators/validate/cross-host/index.ts";
import { validateFleet } from "../../generators/validate/index.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

/** Milliseconds per stage, and the size of the JSON model. */
export interface Phases {
  /** Importing the fleet's TypeScript (tsx). */
  readonly loadMs: number;
  /** zod schemas and the fleet-wide checks. */
  readonly validateMs: number;
  /** Indexing and lowering the fleet, once. */
  readonly lowerMs: number;
  /** The cross-host checks, with the hosts' merged options they read. */
  readonly crossHostMs: number;
  /** Printing every file of the lowered fleet (the file plan). */
  readonly planMs: number;
  /** `JSON.stringify` of the validated fleet, best of five. */
  readonly stringifyMs: number;
  readonly jsonBytes: number;
}

const timed = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
};

const root = process.argv[2];
if (!root) throw new Error("usage: phases.ts <fleet root>");

const loadStarted = performance.now();
const loaded = await loadFleet(root);
const loadMs = performance.now() - loadStarted;
const [validated, validateMs] = timed(() => validateFleet(loaded.sources));
const fleet = validated.fleet;
if (!fleet) throw new Error(`the fleet at ${root} does not validate: ${(validated.diagnostics[0] && messageOf(validated.diagnostics[0])) ?? "no fleet"}`);
const [lowered, lowerMs] = timed(() => lowerFleet(indexFleet(fleet)));
const [options, crossHostMs] = timed(() => {
  const merged = fleetOptions(lowered);
  checkCrossHost(lowered, merged);
  return merged;
});
const [, planMs] = timed(() => planFleet(lowered, options));
const runs = Array.from({ length: 5 }, () => timed(() => JSON.stringify(fleet)));
const phases: Phases = {
  loadMs,
  validateMs,
  lowerMs,
  crossHostMs,
  planMs,
  stringifyMs: Math.min(...runs.map(([, ms]) => ms)),
  jsonBytes: Buffer.byteLength(runs[0]?.[0] ?? ""),
};
process.stdout.write(`${JSON.stringify(phases)}\n`);
