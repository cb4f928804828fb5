/**
 * What `nix eval` of the sync function (`sync-expression.ts`) returns, turned into option
 * declarations and aliases. The entries are `lib.optionAttrSetToDocList`'s; like the NixOS
 * manual, only visible, non-internal options are kept as options. Invisible entries are how
 * nixpkgs' `lib/modules.nix` declares the options it renamed or removed:
 *
 * - `mkRenamedOptionModule from to` (and `mkAliasOptionModule`, `mkRenamedOptionModuleWith`):
 *   `from` is described "Alias of {option}`to`." (older nixpkgs: `<option>to</option>`);
 * - `mkRemovedOptionModule path instructions`: `path` has no type and no description (its
 *   instructions live only in an assertion, which the sync does not evaluate);
 * - `mkMergedOptionModule` / `mkChangedOptionModule`: `from` defaults to "_mkMergedOptionModule"
 *   (what it was merged into is not in the options).
 *
 * Any other invisible or internal option is left out, as the manual leaves it out.
 */
import { isAbsolute, relative, sep } from "node:path";
import { z } from "zod";
import { splitOptionPath } from "./option-path.ts";
import {
  type InputProblem,
  type OptionAlias,
  type OptionDeclaration,
  type Parsed,
  readAliasesJson,
  readOptionsJson,
} from "./options-file.ts";

/** The name the evaluated options are reported under in messages and the generated header. */
export const SYNC_SOURCE = "nixosConfigurations";

const docEntry = z.looseObject({
  name: z.string(),
  loc: z.array(z.string()).min(1),
  type: z.string(),
  description: z.unknown().optional(),
  default: z.unknown().optional(),
  example: z.unknown().optional(),
  readOnly: z.boolean().optional(),
  visible: z.union([z.boolean(), z.string()]).optional(),
  internal: z.boolean().optional(),
  declarations: z.array(z.unknown()).optional(),
});

const syncResult = z.object({
  hosts: z.array(z.string()),
  options: z.record(z.string(), docEntry),
});

type DocEntry = z.infer<typeof docEntry>;

/** The declarations and aliases of the hosts that were asked. */
export interface SyncedOptions {
  readonly hosts: readonly string[];
  readonly declarations: readonly OptionDeclaration[];
  readonly aliases: readonly OptionAlias[];
}

const ALIAS_DESCRIPTION = /^Alias of (?:\{option\}`([^`]+)`|<option>([^<]+)<\/option>)\.?\s*$/;
const MERGED_DEFAULT = "_mkMergedOptionModule";

/** The text of a description or default, whether plain or nixpkgs' `{ _type, text }`. */
const textOf = (value: unknown): string | undefined =>
  typeof value === "string"
    ? value
    : typeof value === "object" && value !== null && typeof (value as { text?: unknown }).text === "string"
      ? (value as { text: string }).text
      : undefined;

/** Read the sync's JSON; `fleetRoot` turns declaring files into fleet-relative names. */
export function readSyncedOptions(json: unknown, fleetRoot: string): Parsed<SyncedOptions> {
  const result = syncResult.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({ file: SYNC_SOURCE, path: issue.path, message: issue.message })),
    };
  }
  const options: Record<string, unknown> = {};
  const aliases: unknown[] = [];
  for (const entry of Object.values(result.data.options)) {
    const visible = entry.visible !== false;
    if (visible && entry.internal !== true) options[entry.name] = optionsJsonEntry(entry, fleetRoot);
    else if (!visible) {
      const alias = aliasOf(entry);
      if (alias) aliases.push(alias);
    }
  }
  const declarations = readOptionsJson(options, SYNC_SOURCE);
  const readAliases = readAliasesJson(aliases, SYNC_SOURCE);
  if (!declarations.ok || !readAliases.ok) {
    const problems: InputProblem[] = [
      ...(declarations.ok ? [] : declarations.problems),
      ...(readAliases.ok ? [] : readAliases.problems),
    ];
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: { hosts: result.data.hosts, declarations: declarations.value, aliases: readAliases.value },
  };
}

/** The entry as the manual's options.json has it. */
function optionsJsonEntry(entry: DocEntry, fleetRoot: string): Record<string, unknown> {
  const declarations = (entry.declarations ?? []).flatMap((where) => {
    const file = typeof where === "string" ? where : textOf(where) ?? (where as { name?: unknown } | null)?.name;
    return typeof file === "string" ? [declarationName(file, fleetRoot)] : [];
  });
  return {
    type: entry.type,
    loc: entry.loc,
    readOnly: entry.readOnly ?? false,
    ...(textOf(entry.description) !== undefined ? { description: entry.description } : {}),
    ...(entry.default !== undefined ? { default: entry.default } : {}),
    ...(entry.example !== undefined ? { example: entry.example } : {}),
    ...(declarations.length ? { declarations } : {}),
  };
}

/** A renamed, removed or merged option, in the aliases file's shape; `undefined` for any other invisible one. */
function aliasOf(entry: DocEntry): { from: string[]; to: string[] | null; kind: OptionAlias["kind"] } | undefined {
  const description = textOf(entry.description);
  const renamed = description?.match(ALIAS_DESCRIPTION);
  if (renamed) return { from: entry.loc, to: splitOptionPath(renamed[1] ?? renamed[2] ?? ""), kind: "renamed" };
  if (textOf(entry.default)?.includes(MERGED_DEFAULT)) return { from: entry.loc, to: null, kind: "merged" };
  if (description === undefined && /^unspecified( value)?$/.test(entry.type) && entry.default === undefined) {
    return { from: entry.loc, to: null, kind: "removed" };
  }
  return undefined;
}

/**
 * A declaring file without the machine's paths: inside the nix store, the path within its source
 * (`nixos/modules/services/x.nix`, `modules/backup.nix`); inside the fleet, relative to it; any
 * other path as nix gave it.
 */
export function declarationName(file: string, fleetRoot: string): string {
  const inStore = file.match(/^\/nix\/store\/[0-9a-z]{32}-[^/]+\/(.+)$/);
  if (inStore) return inStore[1] ?? file;
  if (!isAbsolute(file)) return file;
  const inFleet = relative(fleetRoot, file);
  if (!inFleet.startsWith("..") && !isAbsolute(inFleet)) return inFleet.split(sep).join("/");
  return file;
}
