/**
 * The layout of typeflake's cache files: a format line, the SHA-256 of the body, then the body
 * (JSON, or for the run record JSON and then the planned texts). A file cut short, corrupted, or written in another format is unreadable, and an
 * unreadable cache file is simply not used.
 */
import { contentHash } from "../emit/manifest.ts";
import { jsonPieces } from "./json-pieces.ts";

/** A cache file's content before it is written (by `writeCacheFile`, which hashes the body as it writes it). */
export interface Checksummed {
  /** The format line (a new layout gets a new line). */
  readonly format: string;
  /** The body, the value's JSON text, in pieces: a run record of 1,000 hosts is never one string of several megabytes. */
  readonly body: Iterable<string>;
}

/** `value` as the JSON body of a file of `format`, opened `depth` levels deep: no piece is larger than one value found there (see `jsonPieces`). */
export const checksummed = (format: string, value: unknown, depth: number): Checksummed => ({ format, body: jsonPieces(value, depth) });

/** A cache file's first two lines: `format`, then `bodyHash`, the body's hex SHA-256 (always 64 characters). */
export const checksumHeader = (format: string, bodyHash: string): string => `${format}\n${bodyHash}\n`;

/** The body of `bytes` (a cache file's), or undefined when they are not one whole, intact file of `format`. */
export const checksummedBody = (format: string, bytes: Buffer): Buffer | undefined => {
  const formatEnd = bytes.indexOf(0x0a);
  const checksumEnd = formatEnd < 0 ? -1 : bytes.indexOf(0x0a, formatEnd + 1);
  if (checksumEnd < 0 || bytes.toString("utf8", 0, formatEnd) !== format) return undefined;
  // The body's bytes are hashed as read: no second encoding of several megabytes.
  const body = bytes.subarray(checksumEnd + 1);
  return contentHash(body) === bytes.toString("latin1", formatEnd + 1, checksumEnd) ? body : undefined;
};

/** `bytes` (or the part from `start` to `end`) parsed as JSON, or undefined when they are not JSON. */
export const parseJson = (bytes: Buffer, start = 0, end = bytes.length): unknown => {
  try {
    return JSON.parse(bytes.toString("utf8", start, end)) as unknown;
  } catch {
    return undefined;
  }
};

/** The JSON value in `bytes` (a cache file's), or undefined when they are not one whole, intact file of `format`. */
export const parseChecksummed = (format: string, bytes: Buffer): unknown => {
  const body = checksummedBody(format, bytes);
  return body === undefined ? undefined : parseJson(body);
};
