/**
 * Fleet files whose paths differ only in letter case (`modules/Base.ts` beside `modules/base.ts`).
 * A case-insensitive file system (macOS, Windows) holds one of the two, and so does the flake
 * generated from them (`modules/Base.nix`, `modules/base.nix`). esbuild, which loads the fleet,
 * takes such paths for one module everywhere: the second file was silently loaded with the first
 * one's contents, and its generated Nix written from them.
 */
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FleetFile } from "./discover.ts";

/** The key two paths share when a case-insensitive file system takes them for one. */
const caseKey = (file: string): string => file.toLowerCase();

/**
 * `files` without the later file of each case twin, set aside with a diagnostic naming the one
 * kept (the first in `files`' order, which discovery sorts by name).
 */
export const setAsideCaseTwins = (files: readonly FleetFile[]): { files: FleetFile[]; setAside: FleetFile[]; diagnostics: Diagnostic[] } => {
  const first = new Map<string, FleetFile>();
  const kept: FleetFile[] = [];
  const setAside: { file: FleetFile; twin: FleetFile }[] = [];
  for (const file of files) {
    const twin = first.get(caseKey(file.file));
    if (twin) setAside.push({ file, twin });
    else {
      first.set(caseKey(file.file), file);
      kept.push(file);
    }
  }
  return {
    files: kept,
    setAside: setAside.map(({ file }) => file),
    diagnostics: setAside.map(({ file, twin }) => error("case-twin", { file: file.file, objectPath: [] }, { twin: twin.file })),
  };
};
