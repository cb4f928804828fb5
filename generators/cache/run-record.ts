/**
 * A finished run as the run cache stores it, and its file format (see `checksummed.ts`): an
 * unreadable record is simply not used.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FilePlan, PlannedFile } from "../emit/plan.ts";
import type { PrintMemo } from "../generate.ts";
import { contentHash, SHA256 } from "../emit/manifest.ts";
import { isJsonObject } from "../json-object.ts";
import { checksummedBody, parseJson, type Checksummed } from "./checksummed.ts";
import { jsonPieces } from "./json-pieces.ts";
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
  /** What fleet code printed while the run loaded it, shown again when the record is reused. */
  readonly loadOutput: string;
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
const FORMAT = "typeflake run record 5";

/** A planned file as the record's JSON keeps it: its text's hash and length in UTF-8 bytes; the text comes after the JSON. */
interface StoredFile {
  readonly path: string;
  readonly source: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** The record as its JSON keeps it. */
type StoredRecord = Omit<RunRecord, "plan"> & { readonly plan: { readonly files: readonly StoredFile[] } };

/**
 * The record's file content (see `checksummed.ts`): its JSON with each planned file's text left
 * out, in pieces no larger than one planned file or one diagnostic, a line break (JSON as
 * `JSON.stringify` writes it holds none), then the texts one after another. Reading back, only
 * the JSON is parsed: the texts (3.3 MB for 1,000 hosts, every line break and quote escaped in
 * JSON) are cut out of the bytes instead, which halves the time a nothing-changed run spends
 * reading its record.
 */
export const recordContent = (record: RunRecord): Checksummed => {
  const { files } = record.plan;
  const stored: StoredRecord = {
    ...record,
    plan: { files: files.map(({ path, source, text, sha256 }) => ({ path, source, sha256: sha256 ?? contentHash(text), bytes: Buffer.byteLength(text) })) },
  };
  function* body(): Generator<string> {
    yield* jsonPieces(stored, 3);
    yield "\n";
    for (const file of files) yield file.text;
  }
  return { format: FORMAT, body: body() };
};

const isStoredFile = (value: unknown): value is StoredFile =>
  isJsonObject(value) &&
  typeof value["path"] === "string" &&
  typeof value["source"] === "string" &&
  typeof value["sha256"] === "string" &&
  SHA256.test(value["sha256"]) &&
  Number.isSafeInteger(value["bytes"]) &&
  (value["bytes"] as number) >= 0;

/** Enough of the shape to use it; the checksum already proved the bytes are the ones written. */
const looksLikeRecord = (value: unknown): value is StoredRecord =>
  isJsonObject(value) &&
  isJsonObject(value["fingerprint"]) &&
  isJsonObject(value["fingerprint"]["observed"]) &&
  isJsonObject(value["plan"]) &&
  isJsonObject(value["printed"]) &&
  typeof value["loadOutput"] === "string" &&
  Array.isArray(value["plan"]["files"]) &&
  value["plan"]["files"].every(isStoredFile) &&
  Array.isArray(value["diagnostics"]);

/** The record in `bytes` (a record file's), or undefined when they are not one whole, intact record of this format. */
export const parseRecord = (bytes: Buffer): RunRecord | undefined => {
  const body = checksummedBody(FORMAT, bytes);
  const jsonEnd = body?.indexOf(0x0a) ?? -1;
  if (body === undefined || jsonEnd < 0) return undefined;
  const stored = parseJson(body, 0, jsonEnd);
  if (!looksLikeRecord(stored)) return undefined;
  const files: PlannedFile[] = [];
  let offset = jsonEnd + 1;
  for (const { path, source, sha256, bytes: length } of stored.plan.files) {
    if (offset + length > body.length) return undefined;
    files.push({ path, source, sha256, text: body.toString("utf8", offset, offset + length) });
    offset += length;
  }
  return offset === body.length ? { ...stored, plan: { files } } : undefined;
};
