/**
 * The file plan: everything one `generate` run would put on disk, as pure data. Emitters build
 * it; `writePlan`, `checkPlan` and `typeflake diff` consume it. Nothing here touches the disk.
 */

/** One file typeflake generates. */
export interface PlannedFile {
  /**
   * Where the file goes, relative to the fleet root with `/` separators (`hosts/nas/default.nix`).
   * Never absolute, never containing `.` or `..` segments: `validatePlan` refuses those.
   */
  readonly path: string;
  /** The complete file content, starting with the generated header (see `header.ts`). */
  readonly text: string;
  /** The TypeScript source the file came from, relative to the root (`hosts/nas/host.ts`). */
  readonly source: string;
  /**
   * Hex SHA-256 of `text` as UTF-8, when it is known already (a plan kept in the run record keeps
   * it, so a run with nothing to do hashes no text); computed from `text` otherwise.
   */
  readonly sha256?: string;
}

/** Every file one run generates. Order does not matter: consumers sort by path. */
export interface FilePlan {
  readonly files: readonly PlannedFile[];
}
