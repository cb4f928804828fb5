/**
 * The fleet files and folders discovery found by name but cannot read (see `path-problem.ts`):
 * each is reported where it is, and the files are set aside rather than handed to the loader,
 * which would report a folder as "cannot find", a permission as a syntax error, and wait forever
 * on a named pipe.
 */
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { FleetFile } from "./discover.ts";
import { HOMES_DIR, HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR } from "./layout.ts";
import { pathProblem } from "./path-problem.ts";

/** The folders whose entries are definitions: one that cannot be listed would hide them all. */
const DEFINITION_FOLDERS = [HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR, HOMES_DIR] as const;

/**
 * The definition folders under `root` (absolute) that are there but cannot be listed (a `hosts`
 * written as a file, a folder without permission), and their diagnostics, at `<folder>/`; a
 * missing one is no problem (a fleet without overlays).
 */
export const unreadableFolders = (root: string): { folders: string[]; diagnostics: Diagnostic[] } => {
  const found = DEFINITION_FOLDERS.flatMap((folder) => {
    const problem = pathProblem(join(root, folder), "folder");
    return problem ? [{ folder, problem }] : [];
  });
  return {
    folders: found.map(({ folder }) => folder),
    diagnostics: found.map(({ folder, problem }) => error("unreadable-path", { file: `${folder}/`, objectPath: [] }, { expected: "folder", problem })),
  };
};

/** `files` split into those that can be read and those set aside, each of the latter with its diagnostic. */
export const setAsideUnreadable = (files: readonly FleetFile[]): { files: FleetFile[]; setAside: FleetFile[]; diagnostics: Diagnostic[] } => {
  const found = files.map((file) => ({ file, problem: pathProblem(file.path, "file") }));
  return {
    files: found.flatMap(({ file, problem }) => (problem ? [] : [file])),
    setAside: found.flatMap(({ file, problem }) => (problem ? [file] : [])),
    diagnostics: found.flatMap(({ file, problem }) =>
      problem ? [error("unreadable-path", { file: file.file, objectPath: [] }, { expected: "file", problem })] : [],
    ),
  };
};
