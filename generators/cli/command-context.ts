/**
 * The context one command run gets (see `command/command-context.ts`), made from the CLI's
 * environment. The fleet is found and loaded on first use and kept for the run only; what loading
 * and reporting need is imported then, so commands that need no fleet (`init`, `schema`) never load it.
 */
import type { Writable } from "node:stream";
import type { CacheOptions } from "../cache/cached-run.ts";
import type { CommandContext, PlannedFiles, ValidFleet } from "../command/command-context.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { AlreadyReported } from "../command/command-error.ts";
import { ExitCode } from "../command/exit-code.ts";
import { colorEnabled } from "../emit/color.ts";
import type { CommandEnvironment } from "./command-environment.ts";
import { findFleetRoot } from "./find-fleet-root.ts";

/** How this run was asked for. */
export interface RunSettings {
  /** The command's `--json` flag. */
  readonly json: boolean;
  /** Aborted when the run is interrupted (see `CommandContext.signal`). */
  readonly signal: AbortSignal;
}

/** The context of one command run in `environment`. */
export const createCommandContext = (environment: CommandEnvironment, settings: RunSettings): CommandContext => {
  const { io } = environment;
  let root: string | undefined;
  let loaded: Promise<ValidFleet> | undefined;
  const context: CommandContext = {
    io,
    json: settings.json,
    signal: settings.signal,
    color: (stream: Writable) => colorEnabled(stream as { isTTY?: boolean }, io.env),
    fleetRoot: () => (root ??= findFleetRoot(io.cwd, environment.rootOption())),
    loadFleet: () => (loaded ??= loadValidFleet(context)),
    loadPlan: (options) => loadPlannedFiles(context, options),
    deployTargets: async () => {
      if (environment.deployTargets) return environment.deployTargets();
      const [{ fleet }, { fleetTargets }] = await Promise.all([context.loadFleet(), import("../nix-cli/fleet-targets.ts")]);
      return fleetTargets(fleet, context.fleetRoot());
    },
    reportDiagnostics: async (diagnostics, refusals = []) => {
      const { reportDiagnostics } = await import("./report-diagnostics.ts");
      await reportDiagnostics(diagnostics, { root: context.fleetRoot(), json: context.json, io, color: context.color(io.stderr), refusals });
    },
    setExitCode: environment.setExitCode,
  };
  return context;
};

/** A run that planned nothing: its diagnostics are shown and end the run with exit code 1. */
const rejected = async (context: CommandContext, diagnostics: readonly Diagnostic[]): Promise<never> => {
  await context.reportDiagnostics(diagnostics);
  throw new AlreadyReported(ExitCode.Invalid);
};

/** Run the pipeline on the fleet root; an invalid fleet's diagnostics are shown and end the run with exit code 1. */
const loadValidFleet = async (context: CommandContext): Promise<ValidFleet> => {
  const { runPipeline } = await import("../pipeline.ts");
  const result = await runPipeline(context.fleetRoot());
  if (!result.fleet || !result.plan) return rejected(context, result.diagnostics);
  return { fleet: result.fleet, plan: result.plan, diagnostics: result.diagnostics };
};

/** The plan through the run cache (which loads the pipeline only when it must run). */
const loadPlannedFiles = async (context: CommandContext, options: CacheOptions): Promise<PlannedFiles> => {
  const { plannedRun } = await import("../cache/cached-run.ts");
  const result = await plannedRun(context.fleetRoot(), options);
  // As the load printed it, on stderr, before what typeflake reports.
  if (result.replayed !== undefined) context.io.stderr.write(result.replayed);
  if (!result.plan) return rejected(context, result.diagnostics);
  return { plan: result.plan, diagnostics: result.diagnostics, ...(result.hashes && { hashes: result.hashes }), ...(result.fingerprint && { fingerprint: result.fingerprint }) };
};
