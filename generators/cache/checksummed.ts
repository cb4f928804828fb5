/**
 * The layout of typeflake's cache files: a format line, the SHA-256 of the body, then the body
 * (JSON). A file cut short, corrupted, or written in another format is unreadable, and an
 * unreadable cache file is simply not used.
 */
import { contentHash } from "../emit/manifest.ts";

/** The file text holding `value` as JSON, under the format line `format` (a new layout gets a new line). */
export const checksummed = (format: string, value: unknown): string => {
  const body = JSON.stringify(value);
  return `${format}\n${contentHash(body)}\n${body}`;
};

/** The JSON value in `bytes` (a cache file's), or undefined when they are not one whole, intact file of `format`. */
export const parseChecksummed = (format: string, bytes: Buffer): unknown => {
  const formatEnd = bytes.indexOf(0x0a);
  const checksumEnd = formatEnd < 0 ? -1 : bytes.indexOf(0x0a, formatEnd + 1);
  if (checksumEnd < 0 || bytes.toString("utf8", 0, formatEnd) !== format) return undefined;
  // The body's bytes are hashed as read: no second encoding of several megabytes.
  const body = bytes.subarray(checksumEnd + 1);
  if (contentHash(body) !== bytes.toString("latin1", formatEnd + 1, checksumEnd)) return undefined;
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
};
