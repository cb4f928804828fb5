/**
 * Options of an attribute-set element whose default is the element's own name (NixOS sets them
 * with `mkDefault name`): unless some file of the host defines such an option, the element defines
 * it as its name, and NixOS checks that definition with the option's type as any other.
 * `fileSystems."/data/"` is refused for its `mountPoint` ("non-empty without trailing slash"),
 * `users.users."a:b"` for its `name` ("not containing newlines or colons"). The option index does
 * not carry defaults, so they are listed here, from nixpkgs' `nixos/modules/tasks/filesystems.nix`
 * and `nixos/modules/config/users-groups.nix`.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import { ELEMENT, showOptionPath, type OptionPath } from "./option-path.ts";

/** The attribute set (its option path) → the option of its elements set to the element's name. */
const NAME_DEFAULTS: ReadonlyMap<string, string> = new Map([
  ["fileSystems", "mountPoint"],
  ["boot.specialFileSystems", "mountPoint"],
  ["users.users", "name"],
  ["users.groups", "name"],
]);

/** Element names of the attribute sets above whose option some file sets, or may set in raw Nix. */
export interface NamedElsewhere {
  /** Whether some file defines (or may define) the name option of element `name` of the set at `set`. */
  readonly has: (set: string, name: string) => boolean;
}

/** The option an element at `declared` (ending in `<name>`) defines as its own name, with its set's path. */
export function nameDefaultOption(declared: OptionPath): { readonly set: string; readonly option: string } | undefined {
  if (declared.at(-1) !== ELEMENT) return undefined;
  const set = showOptionPath(declared.slice(0, -1));
  const option = NAME_DEFAULTS.get(set);
  return option === undefined ? undefined : { set, option };
}

/**
 * The definitions `value` stands for once NixOS has taken its mk* wrappers off (all of an
 * mkMerge, whatever an mkIf's condition); undefined when raw Nix may hold anything.
 */
function definitions(value: unknown): unknown[] | undefined {
  if (!isNixExpression(value)) return [value];
  switch (value.kind) {
    case "raw":
      return undefined;
    case "merge": {
      const parts = value.values.map(definitions);
      return parts.some((part) => part === undefined) ? undefined : parts.flat();
    }
    case "if":
      return value.condition === false ? [] : definitions(value.value);
    case "override":
    case "order":
      return definitions(value.value);
    default:
      return [];
  }
}

/**
 * Whether `value`, an element's definition, certainly defines the element: NixOS drops an element
 * whose definitions are all under a false `mkIf` (and typeflake cannot tell a condition in raw Nix).
 */
export function certainlyDefined(value: unknown): boolean {
  if (!isNixExpression(value)) return true;
  switch (value.kind) {
    case "merge":
      return value.values.some(certainlyDefined);
    case "if":
      return value.condition === true && certainlyDefined(value.value);
    case "override":
    case "order":
      return certainlyDefined(value.value);
    default:
      return false;
  }
}

const isSet = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/** The definitions at `path` below each of `values`; undefined when raw Nix on the way may hold anything. */
function below(values: readonly unknown[], path: readonly string[]): unknown[] | undefined {
  let found: unknown[] = [...values];
  for (const key of path) {
    const next: unknown[] = [];
    for (const value of found) {
      if (!isSet(value) || value[key] === undefined) continue;
      const inner = definitions(value[key]);
      if (inner === undefined) return undefined;
      next.push(...inner);
    }
    found = next;
  }
  return found;
}

/** What the `nixos` blocks `trees` (every file of the fleet) set of the options listed above. */
export function namedElsewhere(trees: readonly unknown[]): NamedElsewhere {
  const named = new Set<string>();
  const unknownSets = new Set<string>();
  for (const [set, option] of NAME_DEFAULTS) {
    const collections = below(trees, set.split("."));
    if (collections === undefined) {
      unknownSets.add(set);
      continue;
    }
    for (const collection of collections) {
      if (!isSet(collection)) continue;
      for (const [name, element] of Object.entries(collection)) {
        const options = definitions(element);
        if (options === undefined || options.some((inner) => isSet(inner) && inner[option] !== undefined)) named.add(`${set}\0${name}`);
      }
    }
  }
  return { has: (set, name) => unknownSets.has(set) || named.has(`${set}\0${name}`) };
}
