/**
 * A finished run as the run cache stores it, and its file format: a format line, the SHA-256 of
 * the JSON body, then the body. A file cut short, corrupted, or written by another format is
 * unreadable — and an unreadable record is simply not used.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { contentHash } from "../emit/manifest.ts";
import type { FilePlan } from "../emit/plan.ts";
import type { PrintMemo } from "../generate.ts";
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

/** The record's file text. */
export const serializeRecord = (record: RunRecord): string => {
  const body = JSON.stringify(record);
  return `${FORMAT}\n${contentHash(body)}\n${body}`;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Enough of the shape to use it; the checksum already proved the bytes are the ones written. */
const looksLikeRecord = (value: unknown): value is RunRecord =>
  isObject(value) &&
  isObject(value["fingerprint"]) &&
  isObject(value["plan"]) &&
  isObject(value["printed"]) &&
  Array.isArray(value["plan"]["files"]) &&
  Array.isArray(value["diagnostics"]);

/** The record in `bytes` (a record file's), or undefined when they are not one whole, intact record of this format. */
export const parseRecord = (bytes: Buffer): RunRecord | undefined => {
  const formatEnd = bytes.indexOf(0x0a);
  const checksumEnd = formatEnd < 0 ? -1 : bytes.indexOf(0x0a, formatEnd + 1);
  if (checksumEnd < 0 || bytes.toString("utf8", 0, formatEnd) !== FORMAT) return undefined;
  // The body's bytes are hashed as read: no second encoding of several megabytes.
  const body = bytes.subarray(checksumEnd + 1);
  if (contentHash(body) !== bytes.toString("latin1", formatEnd + 1, checksumEnd)) return undefined;
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return looksLikeRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
};
