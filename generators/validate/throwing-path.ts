/**
 * Where in a definition reading throws: a getter that throws, a Proxy whose trap does. Zod and
 * the value checks read the whole definition and only learn that something threw, not where; a
 * diagnostic at the `define*` call would leave the user to search the file. Walked only once
 * reading has failed, so a getter with side effects runs again then, and only then.
 */
import type { ObjectPathSegment } from "../diagnostics/origin.ts";
import { MAX_NESTING } from "./nix-representable.ts";

/** The first path, depth first, whose read (of its keys or of its value) throws; undefined when none does now. */
export const throwingPath = (value: unknown): readonly ObjectPathSegment[] | undefined => {
  const seen = new Set<object>();
  const walk = (current: unknown, path: readonly ObjectPathSegment[]): readonly ObjectPathSegment[] | undefined => {
    if (typeof current !== "object" || current === null || seen.has(current) || path.length > MAX_NESTING) return undefined;
    seen.add(current);
    let keys: readonly ObjectPathSegment[];
    try {
      keys = Array.isArray(current) ? [...current.keys()] : Object.keys(current);
    } catch {
      return path;
    }
    for (const key of keys) {
      let child: unknown;
      try {
        child = (current as Record<ObjectPathSegment, unknown>)[key];
      } catch {
        return [...path, key];
      }
      const found = walk(child, [...path, key]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(value, []);
};
