/** Types for `fast-levenshtein` (a CommonJS module that ships none). */
declare module "fast-levenshtein" {
  const levenshtein: {
    /** Edit distance between two strings (insertions, deletions and substitutions each count 1). */
    get(first: string, second: string, options?: { useCollator?: boolean }): number;
  };
  export = levenshtein;
}
