/**
 * "Did you mean …" candidates: the names closest to a misspelt one, as nixpkgs' module system
 * offers for an unknown option.
 */
import levenshtein from "fast-levenshtein";
import { compareText } from "./option-path.ts";

/** At most this many suggestions, as nixpkgs shows. */
const MAX_SUGGESTIONS = 3;

/**
 * The candidates closest to `name`, best first: case-insensitive edit distance within a third of
 * the name's length (at least 1), or one name containing the other (`ssh` → `openssh`).
 */
export function closestNames(name: string, candidates: Iterable<string>): string[] {
  const wanted = name.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase();
    const distance = levenshtein.get(wanted, lower);
    const contains = wanted.length >= 3 && lower.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (distance <= limit || contains) scored.push({ candidate, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ candidate }) => candidate);
}
