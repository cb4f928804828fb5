/**
 * Why files were not written (or, with `--check`, could not be compared) as `--json` records,
 * in the same array and shape as diagnostics: an editor or CI reading the JSON sees the hand-written
 * `flake.nix` in the way, not an empty list beside exit code 1. A refusal is about a whole file:
 * no line, column or object path.
 */
import type { PlaceRecord } from "../diagnostics/json.ts";
import { displayPath } from "../diagnostics/display-path.ts";
import type { EmitProblem, EmitProblemCode } from "./problems.ts";

/** One refusal, as `--json` prints it. */
export interface RefusalRecord extends PlaceRecord {
  readonly severity: "error";
  /** One of the write stage's codes (`hand-written-file`, `edited-file`, `io-error`, …; see docs/writes.md). */
  readonly code: EmitProblemCode;
  /** What is wrong and how to proceed, as the terminal shows it. */
  readonly message: string;
  /** `detail`: what the terminal shows below the message (the diff of an edit), when there is any. */
  readonly data: { readonly detail?: string };
  readonly related: readonly PlaceRecord[];
}

/** `problem` as a `--json` record. */
export const refusalRecord = (problem: EmitProblem): RefusalRecord => ({
  file: displayPath(problem.path),
  line: null,
  column: null,
  path: "",
  objectPath: [],
  severity: "error",
  code: problem.code,
  message: problem.message,
  data: problem.detail === undefined ? {} : { detail: problem.detail },
  related: [],
});
