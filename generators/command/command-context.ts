/**
 * What every typeflake command works with: the process's streams and surroundings, the fleet it
 * acts on (found, loaded and validated once, on first use), colour, `--json`, and where its exit
 * code goes. The CLI makes one per command run (`cli/command-context.ts`); tests make theirs
 * from an environment of their own, so a command runs in-process and its output can be read back.
 */
import type { Writable } from "node:stream";
import type { CacheOptions } from "../cache/cached-run.ts";
import type { RunFingerprint } from "../cache/fingerprint.ts";
import type { StoredHashMemo } from "../cache/hash-memo-store.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FilePlan } from "../emit/plan.ts";
import type { EmitProblem } from "../emit/problems.ts";
import type { Fleet } from "../model/fleet.ts";
import type { FleetTargets } from "../nix-cli/target.ts";
import type { ExitCode } from "./exit-code.ts";

/** The process's surroundings, as commands use them. */
export interface CommandIo {
  /** Where results go: reports, JSON, the tools' own stdout (eval's JSON). */
  readonly stdout: Writable;
  /** Where typeflake writes command lines, progress, diagnostics and errors, and the tools' stderr. */
  readonly stderr: Writable;
  /** Environment the tools run with; its PATH is where they are looked up. `CI` turns the live status off; `NO_COLOR`/`FORCE_COLOR` decide colour. */
  readonly env: NodeJS.ProcessEnv;
  /** The user's working directory: where the fleet is looked for, and what printed paths are relative to. */
  readonly cwd: string;
}

/** A fleet that loaded and validated: its model, the files generating writes, and its warnings. */
export interface ValidFleet {
  readonly fleet: Fleet;
  readonly plan: FilePlan;
  /** Warnings found on the way (there are no errors in a valid fleet). */
  readonly diagnostics: readonly Diagnostic[];
}

/** The files generating writes, and the warnings found on the way, without the fleet they came from. */
export interface PlannedFiles extends Pick<ValidFleet, "plan" | "diagnostics"> {
  /** Hashes of files known by their stat, to write or check the plan with; none without a cache. */
  readonly hashes?: StoredHashMemo;
  /** Everything the plan depends on, when the run cache recorded it (see `cache/fingerprint.ts`). */
  readonly fingerprint?: RunFingerprint;
}

/** What a command's action receives. */
export interface CommandContext {
  readonly io: CommandIo;
  /** The command's `--json` flag: results and diagnostics as JSON on stdout. */
  readonly json: boolean;
  /** Aborted on Ctrl-C or SIGTERM for commands that stop their children first; never aborted for the others. */
  readonly signal: AbortSignal;
  /** Whether to colour what goes to `stream` (a terminal, `NO_COLOR`, `FORCE_COLOR`). */
  color(stream: Writable): boolean;
  /** The absolute fleet root: `-C <dir>`, else the nearest `typeflake.config.ts` upwards from `io.cwd`; a `UsageError` when there is none. */
  fleetRoot(): string;
  /** The fleet loaded, validated and planned (once per run); when it is invalid, its diagnostics are shown and `AlreadyReported` (exit 1) is thrown. */
  loadFleet(): Promise<ValidFleet>;
  /**
   * The fleet's plan as `loadFleet` would make it, from the run cache (`cache/`) when nothing the
   * last error-free run read has changed and `reuse` is set; invalid, as `loadFleet`.
   */
  loadPlan(options: CacheOptions): Promise<PlannedFiles>;
  /** The fleet as the nix commands see it: one deploy target per host. */
  deployTargets(): Promise<FleetTargets>;
  /**
   * Show diagnostics the way the user asked: compiler-style text on stderr, or JSON on stdout with
   * `--json`, where `refusals` (why the files were not written or compared: the write report says
   * so in text) are records of the same array.
   */
  reportDiagnostics(diagnostics: readonly Diagnostic[], refusals?: readonly EmitProblem[]): Promise<void>;
  /** Record how the command ends (the last one recorded wins). */
  setExitCode(code: ExitCode): void;
}
