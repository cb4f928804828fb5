/**
 * The one order of names (hosts, interfaces, secrets, plan items) everywhere output is sorted.
 */

/** Code-point order, the same on every machine (unlike `localeCompare`). */
export const compareNames = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
