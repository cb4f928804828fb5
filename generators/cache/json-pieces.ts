/**
 * `JSON.stringify` of plain data, in pieces: a large value (the run record, several megabytes of
 * planned texts on a large fleet) can be hashed and written a piece at a time instead of first
 * becoming one string, which the write then copies again (flattened, then encoded to bytes).
 */

/** A value `JSON.stringify` leaves out of an object and writes as `null` in an array. */
const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

/** Arrays and plain objects without `toJSON`: what is safe to take apart here; anything else is stringified whole. */
const plainContainer = (value: unknown): value is Record<string, unknown> | unknown[] => {
  if (typeof value !== "object" || value === null || "toJSON" in value) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
};

/**
 * The text of `JSON.stringify(value)` (no replacer, no indentation), as pieces: arrays and plain
 * objects are opened down to `depth` levels, so that no piece is larger than one of the values
 * found there, written whole. `value` must be something `JSON.stringify` writes (not undefined).
 */
export function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth === 0 || !plainContainer(value)) {
    yield JSON.stringify(value);
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (const [index, item] of value.entries()) {
      if (index > 0) yield ",";
      if (omitted(item)) yield "null";
      else yield* jsonPieces(item, depth - 1);
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (omitted(item)) continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(item, depth - 1);
  }
  yield "}";
}
