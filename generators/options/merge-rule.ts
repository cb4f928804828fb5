/**
 * How the NixOS module system merges several definitions of one option, by its type: the `merge`
 * function each of nixpkgs' `lib.types` carries. typeflake asks this when two files of a host
 * (its host file, its modules) define the same option, as NixOS will merge them.
 */
import type { OptionType } from "./option-type.ts";

/**
 * - `equal`: `mergeEqualOption` (str, int, bool, enum, path, …): the values must all be equal.
 * - `unique`: `mergeOneOption` (package, raw value, sysctl option value): one definition only, even
 *   two equal ones are refused.
 * - `concatenate`: lists and separated strings (`lines`); never a conflict.
 * - `shallow`: `types.attrs`, `//` of the definitions; never a conflict.
 * - `elements`: `attrsOf`: the elements are merged name by name with the element type.
 * - `options`: a submodule: each of its options is merged with its own type.
 * - `alternatives`: `either` / `oneOf` / `nullOr`: by the first alternative every value fits.
 * - `anything`: `types.anything`: all values of one Nix type; sets merge by name, the rest must be equal.
 * - `settings`: `pkgs.formats` values (JSON, YAML, TOML): lists concatenate, sets merge by name,
 *   scalars must be equal.
 * - `systemd`: `systemd option`: lists concatenate, other values must be equal.
 * - `default`: `unspecified value` (`mergeDefaultOption`): lists concatenate, sets merge, booleans
 *   are or-ed, strings concatenate, other values must be equal.
 * - `unknown`: what typeflake cannot judge (a function, an opaque type, a type it did not parse).
 */
export type MergeRule =
  | "equal"
  | "unique"
  | "concatenate"
  | "shallow"
  | "elements"
  | "options"
  | "alternatives"
  | "anything"
  | "settings"
  | "systemd"
  | "default"
  | "unknown";

/** `pkgs.formats` value types, by the description nixpkgs gives them. */
const SETTINGS_VALUE = /^(?:JSON|YAML 1\.[12]|TOML) value$/;

/** Named types whose merge differs from the structure they were parsed to. */
const NAMED_RULES: Readonly<Record<string, MergeRule>> = {
  "raw value": "unique",
  "sysctl option value": "unique",
  "systemd option": "systemd",
  "unspecified value": "default",
  anything: "anything",
  "attribute set": "shallow",
  "nixpkgs config": "shallow",
};

/** The merge rule of `type`. */
export function mergeRuleOf(type: OptionType): MergeRule {
  if (type.name !== undefined) {
    const named = NAMED_RULES[type.name];
    if (named) return named;
    if (SETTINGS_VALUE.test(type.name)) return "settings";
  }
  switch (type.kind) {
    case "bool":
    case "int":
    case "float":
    case "path":
    case "enum":
      return "equal";
    case "string":
      return type.separator === undefined ? "equal" : "concatenate";
    case "package":
      return "unique";
    case "list":
      return "concatenate";
    case "attrs":
      return "elements";
    case "submodule":
      return "options";
    case "either":
      return "alternatives";
    case "any":
      return type.unknown === undefined ? "anything" : "unknown";
    case "null":
      return "equal";
    case "function":
    case "opaque":
      return "unknown";
  }
}
