/**
 * "Did you mean …?" — the closest valid name to a misspelled one, as nixpkgs' module system and
 * compilers suggest it.
 */
import levenshtein from "fast-levenshtein";

/**
 * The candidate closest to `name` by edit distance, or undefined when none is close enough to be
 * a plausible typo (at most a third of the longer name changed, and never more than 4 edits).
 * Case differences count as one edit in total (`Address` suggests `address`), and so does one
 * swap of neighbouring letters (`nsa` suggests `nas`).
 */
export const closestMatch = (name: string, candidates: Iterable<string>): string | undefined => {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate);
    const limit = Math.min(4, Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3)));
    if (distance > limit) continue;
    // Ties go to the alphabetically first candidate so the suggestion never depends on input order.
    if (!best || distance < best.distance || (distance === best.distance && candidate < best.candidate)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
};

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

const editDistance = (name: string, candidate: string): number => {
  const [lowerName, lowerCandidate] = [name.toLowerCase(), candidate.toLowerCase()];
  if (lowerName === lowerCandidate || isOneSwap(lowerName, lowerCandidate)) return 1;
  return levenshtein.get(lowerName, lowerCandidate);
};

/** `; did you mean "address"?` when a close candidate exists, else the empty string. */
export const didYouMean = (name: string, candidates: Iterable<string>): string => {
  const match = closestMatch(name, candidates);
  return match === undefined ? "" : `; did you mean ${JSON.stringify(match)}?`;
};

/**
 * The end of a message about a misspelled `name`: `; did you mean "address"? <rest>` when a close
 * candidate exists, else `. <rest>` (`rest` is a sentence: it starts with a capital letter).
 */
export const suggestThen = (name: string, candidates: Iterable<string>, rest: string): string => {
  const suggestion = didYouMean(name, candidates);
  return `${suggestion === "" ? "." : suggestion} ${rest}`;
};

/** `"a", "b", "c"` — candidates quoted, sorted, joined for "valid keys are …" lists. */
export const quotedList = (values: Iterable<string>): string =>
  [...values]
    .sort()
    .map((value) => JSON.stringify(value))
    .join(", ");
