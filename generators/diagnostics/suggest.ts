/**
 * "Did you mean …?": the valid names closest to a misspelled one, as nixpkgs' module system and
 * compilers suggest them. One rule for every suggestion typeflake makes (keys, hosts, modules,
 * secrets, inputs, options, enum values, files, command-line host names).
 */
// fastest-levenshtein is the engine fast-levenshtein wraps, without the Intl.Collator that one builds
// as it loads (about 8 ms of every run that validates, for an option typeflake never uses).
import { distance } from "fastest-levenshtein";

/** `nsa` → `nas`: two neighbouring characters swapped, the commonest typo (Levenshtein counts it as 2). */
const isOneSwap = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  const differing = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  const [first, second] = differing;
  return (
    differing.length === 2 &&
    first !== undefined &&
    second === first + 1 &&
    a[first] === b[second] &&
    a[second] === b[first]
  );
};

/** Case differences count as one edit in total (`Address` → `address`), and so does one swap. */
const editDistance = (name: string, candidate: string): number => {
  const [lowerName, lowerCandidate] = [name.toLowerCase(), candidate.toLowerCase()];
  if (lowerName === lowerCandidate || isOneSwap(lowerName, lowerCandidate)) return 1;
  return distance(lowerName, lowerCandidate);
};

/**
 * The candidates that are plausible typos of `name`, closest first, at most `limit` of them: at
 * most a third of the longer name changed, and never more than 4 edits. Ties go to the
 * alphabetically first candidate, so a suggestion never depends on input order.
 */
export const closestNames = (name: string, candidates: Iterable<string>, limit = 1): string[] => {
  const scored: { candidate: string; distance: number }[] = [];
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate);
    const allowed = Math.min(4, Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3)));
    if (distance <= allowed) scored.push({ candidate, distance });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
};

/** The names of a kind for a diagnostic: all of them (sorted), and the closest to `name` when there is one. */
export const knownNames = (name: string, names: Iterable<string>): { known: string[]; suggestion?: string } => {
  const known = [...names].sort();
  const suggestion = closestMatch(name, known);
  return suggestion === undefined ? { known } : { known, suggestion };
};

/** `{ suggestion }` when one of `candidates` is a plausible typo of `name`, else `{}`: spread into a diagnostic's fields. */
export const suggestionFor = (name: string, candidates: Iterable<string>): { suggestion?: string } => {
  const suggestion = closestMatch(name, candidates);
  return suggestion === undefined ? {} : { suggestion };
};

/** The one closest plausible typo of `name` among `candidates`, or undefined. */
export const closestMatch = (name: string, candidates: Iterable<string>): string | undefined => closestNames(name, candidates)[0];
