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

/** The record in `text`, or undefined when the text is not one whole, intact record of this format. */
export const parseRecord = (text: string): RunRecord | undefined => {
  const formatEnd = text.indexOf("\n");
  const checksumEnd = text.indexOf("\n", formatEnd + 1);
  if (formatEnd < 0 || checksumEnd < 0 || text.slice(0, formatEnd) !== FORMAT) return undefined;
  const body = text.slice(checksumEnd + 1);
  if (contentHash(body) !== text.slice(formatEnd + 1, checksumEnd)) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return looksLikeRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
};
