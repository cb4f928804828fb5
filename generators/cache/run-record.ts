/**
 * A finished run as the run cache stores it, and its file format (see `checksummed.ts`): an
 * unreadable record is simply not used.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FilePlan } from "../emit/plan.ts";
import type { PrintMemo } from "../generate.ts";
import { isJsonObject } from "../json-object.ts";
import { checksummed, parseChecksummed, type Checksummed } from "./checksummed.ts";
import type { RunFingerprint } from "./fingerprint.ts";

/** A run without errors: what it depended on and what it produced. */
export interface RunRecord {
  readonly fingerprint: RunFingerprint;
  /** The run's warnings and notes, located (file, line, column and source line) and sorted as shown. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every file the run planned. */
  readonly plan: FilePlan;
  /** Path → fingerprint of the Nix printed into each planned `.nix` file (see `PrintMemo`). */
  readonly printed: Readonly<Record<string, string>>;
}

/** The record's printed texts by fingerprint: what a later run of the same code need not print again. */
export const printMemoOf = (record: RunRecord): PrintMemo => {
  const texts = new Map(record.plan.files.map((file) => [file.path, file.text]));
  return new Map(Object.entries(record.printed).flatMap(([path, fingerprint]) => {
    const text = texts.get(path);
    return text === undefined ? [] : [[fingerprint, text] as const];
  }));
};

/** The first line of every record; a new layout gets a new number. */
const FORMAT = "typeflake run record 1";

/** The record's file content (see `checksummed.ts`), its body in pieces no larger than one planned file or one diagnostic. */
export const recordContent = (record: RunRecord): Checksummed => checksummed(FORMAT, record, 3);

/** Enough of the shape to use it; the checksum already proved the bytes are the ones written. */
const looksLikeRecord = (value: unknown): value is RunRecord =>
  isJsonObject(value) &&
  isJsonObject(value["fingerprint"]) &&
  isJsonObject(value["plan"]) &&
  isJsonObject(value["printed"]) &&
  Array.isArray(value["plan"]["files"]) &&
  Array.isArray(value["diagnostics"]);

/** The record in `bytes` (a record file's), or undefined when they are not one whole, intact record of this format. */
export const parseRecord = (bytes: Buffer): RunRecord | undefined => {
  const value = parseChecksummed(FORMAT, bytes);
  return looksLikeRecord(value) ? value : undefined;
};
