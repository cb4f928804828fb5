/** Reading a raw `nixos` block (plain data as written) by option path, for the checks that look into one. */

/**
 * What the raw block `nixos` sets at `path` (`"networking", "hostId"`), through plain sets only;
 * undefined where it sets nothing there.
 */
export const rawNixosAt = (nixos: Readonly<Record<string, unknown>>, ...path: readonly string[]): unknown => {
  let current: unknown = nixos;
  for (const name of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Readonly<Record<string, unknown>>)[name];
  }
  return current;
};
