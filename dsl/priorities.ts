/**
 * The names nixpkgs gives to `mkOverride` and `mkOrder` priorities (`lib/modules.nix`), in one
 * table: the wrappers typeflake exports, the Nix it prints and the values its messages show all
 * read them from here.
 */

/** `mkOverride` priorities by name; the lower number wins. */
export const OVERRIDE_PRIORITIES = {
  mkVMOverride: 10,
  mkForce: 50,
  mkImageMediaOverride: 60,
  mkDefault: 1000,
  mkOptionDefault: 1500,
} as const;

/** The priority of a definition written without `mkOverride` (`lib.modules.defaultOverridePriority`). */
export const DEFAULT_OVERRIDE_PRIORITY = 100;

/** `mkOrder` priorities by name; list items with lower numbers come first. */
export const ORDER_PRIORITIES = { mkBefore: 500, mkAfter: 1500 } as const;

const namesByPriority = (table: Readonly<Record<string, number>>): ReadonlyMap<number, string> =>
  new Map(Object.entries(table).map(([name, priority]) => [priority, name]));

const OVERRIDE_NAMES = namesByPriority(OVERRIDE_PRIORITIES);
const ORDER_NAMES = namesByPriority(ORDER_PRIORITIES);

/** `mkForce` for 50: nixpkgs' name for an `mkOverride` priority, or undefined when it has none. */
export const overrideName = (priority: number): string | undefined => OVERRIDE_NAMES.get(priority);

/** `mkBefore` for 500: nixpkgs' name for an `mkOrder` priority, or undefined when it has none. */
export const orderName = (priority: number): string | undefined => ORDER_NAMES.get(priority);
