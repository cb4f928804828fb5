/**
 * A fleet's own option schema: where it lives (`.typeflake/options/` in the fleet, committed
 * with it) and what its `source.json` says about how it was made. The schema itself is
 * `nixos-options.d.ts` (the types tsc and the editor read through `TypeflakeRegister`) and
 * `index.json` (what `generate` validates `nixos` blocks against).
 */

/** The folder of a fleet's schema, relative to the fleet root (`/`-separated). */
export const FLEET_SCHEMA_DIR = ".typeflake/options";

/** The files of a fleet's schema inside `FLEET_SCHEMA_DIR`. */
export const FLEET_SCHEMA_FILES = {
  types: "nixos-options.d.ts",
  index: "index.json",
  source: "source.json",
} as const;

/** Where a fleet's `index.json` is, relative to the fleet root. */
export const FLEET_INDEX_PATH = `${FLEET_SCHEMA_DIR}/${FLEET_SCHEMA_FILES.index}`;

/** How a fleet's schema was made: asked of nix, or imported from a file. */
export type SchemaOrigin =
  | {
      readonly kind: "sync";
      /** The hosts whose evaluated configurations were asked, sorted. */
      readonly hosts: readonly string[];
      /** Names of the flake inputs overridden for the run (their flake references are machine paths: left out). */
      readonly overriddenInputs: readonly string[];
    }
  | {
      readonly kind: "import";
      /** Base name of the options.json. */
      readonly file: string;
      /** Base name of the aliases file, when one was given. */
      readonly aliases?: string;
    };

/** What `source.json` records: no time and no machine path, so the same inputs write the same file. */
export interface SchemaProvenance {
  readonly origin: SchemaOrigin;
  /** The typeflake version that wrote the schema. */
  readonly typeflakeVersion: string;
}

/** `source.json`, with the counts of the schema it describes. */
export function serializeProvenance(provenance: SchemaProvenance, counts: { options: number; aliases: number }): string {
  const { origin } = provenance;
  const made =
    origin.kind === "sync"
      ? {
          command: "typeflake options sync",
          hosts: [...origin.hosts],
          overriddenInputs: [...origin.overriddenInputs],
        }
      : {
          command: "typeflake options import",
          optionsFile: origin.file,
          ...(origin.aliases !== undefined ? { aliasesFile: origin.aliases } : {}),
        };
  return `${JSON.stringify(
    { ...made, typeflakeVersion: provenance.typeflakeVersion, optionCount: counts.options, aliasCount: counts.aliases },
    null,
    2,
  )}\n`;
}
