/**
 * A short fingerprint of plain Nix data (an AST, a generated file's comments and expression):
 * equal fingerprints mean equal text once printed by the same code. JSON, with the values JSON
 * cannot tell apart tagged — bigint (Nix integers), -0, NaN and ±Infinity; key order is the
 * order the (same) code built the objects in.
 */
import { createHash } from "node:crypto";

const tagged = (_key: string, item: unknown): unknown => {
  if (typeof item === "bigint") return { bigint: item.toString() };
  if (typeof item === "number" && (Object.is(item, -0) || !Number.isFinite(item))) return { number: Object.is(item, -0) ? "-0" : String(item) };
  return item;
};

/** The fingerprint of `value` (plain data: objects, arrays, strings, numbers, bigints, booleans, null). */
export const nixFingerprint = (value: unknown): string => createHash("sha256").update(JSON.stringify(value, tagged)).digest("base64");
