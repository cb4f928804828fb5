/**
 * Renamed, changed, merged, aliased and removed options (nixpkgs' `mkRenamedOptionModule` and
 * friends): given an option path the schema does not have, find what became of it and what the
 * user should write instead.
 */
import { isJsonObject } from "../json-object.ts";
import { ELEMENT, type OptionPath, type ValuePath } from "./option-path.ts";
import type { OptionAlias } from "./options-file.ts";
import { slotAt } from "./lookup.ts";
import type { OptionIndex } from "./runtime-index.ts";

/** An old option path found in a user's block. */
export interface AliasFinding {
  readonly alias: OptionAlias;
  /** The old path with the user's attribute names. */
  readonly from: ValuePath;
  /** What to write instead, with the user's names, after following later renames; `null` when nothing. */
  readonly to: ValuePath | null;
  /** When a chain of renames ends in a removal: the last name the option had. */
  readonly removedAs?: ValuePath;
  /**
   * For a removed free-text configuration option (`extraConfig`, `configText`) without recorded
   * advice: the service's freeform `settings` option, which replaced such options (RFC 42).
   */
  readonly settings?: ValuePath;
  /** Attribute names below the unknown key that lead to the old option (empty when it is the key). */
  readonly below: readonly string[];
  /** The value the user gave the old option. */
  readonly value: unknown;
}

const startsWith = (path: OptionPath, prefix: OptionPath): boolean =>
  path.length >= prefix.length && prefix.every((segment, index) => path[index] === segment);

const samePath = (a: OptionPath, b: OptionPath): boolean => a.length === b.length && startsWith(a, b);

/**
 * The old options at or below an unknown key. `declared` is the key's path with `<name>` for
 * attribute-set elements; `concrete` the same path with the user's names; `value` what the user
 * wrote under the key.
 */
export function findAliases(
  index: OptionIndex,
  declared: OptionPath,
  concrete: ValuePath,
  value: unknown,
): AliasFinding[] {
  const findings: AliasFinding[] = [];
  for (const alias of index.aliases) {
    if (!startsWith(alias.from, declared)) continue;
    const below = alias.from.slice(declared.length);
    const found = follow(value, below);
    if (!found.present) continue;
    const names: ValuePath = [...concrete, ...below];
    const fill = (path: OptionPath): ValuePath =>
      path.map((segment, position) =>
        segment === ELEMENT && alias.from[position] === ELEMENT ? (names[position] ?? segment) : segment,
      );
    const { to, removedAs } = finalReplacement(index, alias);
    const settings = alias.kind === "removed" && !alias.message ? settingsReplacement(index, alias.from) : undefined;
    findings.push({
      alias,
      from: names,
      to: to && fill(to),
      ...(removedAs ? { removedAs: fill(removedAs) } : {}),
      ...(settings ? { settings: fill(settings) } : {}),
      below,
      value: found.value,
    });
  }
  return findings;
}

function follow(value: unknown, path: OptionPath): { present: boolean; value?: unknown } {
  let current = value;
  for (const segment of path) {
    if (!isJsonObject(current) || !(segment in current)) return { present: false };
    current = current[segment];
  }
  return { present: true, value: current };
}

/** Follow renames of renames (`nix.useChroot` → `nix.useSandbox` → `nix.settings.sandbox`). */
function finalReplacement(index: OptionIndex, alias: OptionAlias): { to: OptionPath | null; removedAs?: OptionPath } {
  let current = alias;
  const seen = new Set<OptionAlias>([alias]);
  while (current.to && !slotAt(index, current.to)) {
    const target = current.to;
    const next = index.aliases.find((candidate) => samePath(candidate.from, target));
    if (!next || seen.has(next)) break;
    if (next.kind === "removed") return { to: null, removedAs: target };
    seen.add(next);
    current = next;
  }
  return { to: current.to };
}

function settingsReplacement(index: OptionIndex, from: OptionPath): OptionPath | undefined {
  const name = from[from.length - 1] ?? "";
  if (!/config/i.test(name)) return undefined;
  const settings = [...from.slice(0, -1), "settings"];
  return slotAt(index, settings) ? settings : undefined;
}
