/**
 * What the validator takes: each definition file's default export, not yet validated, and where
 * it came from. The loader builds this from disk; tests may build it in memory.
 */

/** One loaded definition file. */
export interface SourceFile {
  /** Source file relative to the fleet root, with `/` separators, e.g. `hosts/nas/host.ts`. */
  readonly file: string;
  /** The file's default export, as the `define*` call returned it. */
  readonly value: unknown;
}

/** A host, module or overlay file: named by its folder (hosts) or file name (modules, overlays). */
export interface NamedSource extends SourceFile {
  readonly name: string;
}

/** A fleet as loaded, before validation. */
export interface FleetSources {
  /**
   * `typeflake.config.ts`; undefined when it is missing or failed to load (the loader has said
   * why), which skips every check that needs the fleet configuration.
   */
  readonly config: SourceFile | undefined;
  readonly hosts: readonly NamedSource[];
  readonly modules: readonly NamedSource[];
  readonly overlays: readonly NamedSource[];
  /** `homes/<user>.ts` and `homes/<user>@<host>.ts`, named `alice` or `alice@nas`. Default: none. */
  readonly homes?: readonly NamedSource[];
  /**
   * Hosts and modules that exist on disk but failed to load (already reported): references to
   * them are not reported as references to something missing. Default: none.
   */
  readonly unloaded?: { readonly hosts?: readonly string[]; readonly modules?: readonly string[]; readonly homes?: readonly string[] };
  /**
   * The definition folders (`hosts`, `modules`, …) there but not listable (already reported): any
   * host or module name may be one of their files, so none is reported missing. Default: none.
   */
  readonly unlisted?: readonly string[];
}
