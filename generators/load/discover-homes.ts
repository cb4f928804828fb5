/**
 * Find a fleet's home files: a user's shared home, `homes/<user>.ts` or `homes/<user>/home.ts`,
 * and the user's home on one host, `homes/<user>@<host>.ts`. A folder without home.ts is not an
 * error: it may hold hand-kept files, or the generated `homes/<user>/*.nix`.
 */
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { entries, isEntry, type FleetFile } from "./discover.ts";
import { HOME_FILE, HOMES_DIR } from "./layout.ts";

/** The home files found, and names defined twice. */
export interface HomeDiscovery {
  readonly files: readonly FleetFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const homeFile = (root: string, name: string, file: string): FleetFile => ({
  kind: "home",
  name,
  file,
  path: join(root, ...file.split("/")),
});

/**
 * A per-host home in a folder (`homes/alice@nas/home.ts`) could not import the files beside it:
 * Nix path literals cannot contain the `@`. Per-host homes are single files; hand-kept files
 * belong in the user's folder.
 */
const perHostFolder = (file: FleetFile): Diagnostic =>
  error("per-host-home-folder", { file: file.file, objectPath: [] }, { name: file.name });

/** Every home file under `root` (absolute), sorted by name. */
export const discoverHomes = async (root: string): Promise<HomeDiscovery> => {
  const candidates = (await entries(join(root, HOMES_DIR))).flatMap((entry): FleetFile[] => {
    if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
      return [homeFile(root, entry.name.slice(0, -".ts".length), `${HOMES_DIR}/${entry.name}`)];
    }
    const file = `${HOMES_DIR}/${entry.name}/${HOME_FILE}`;
    return isEntry(join(root, file)) ? [homeFile(root, entry.name, file)] : [];
  });
  const inFolder = candidates.filter((file) => file.name.includes("@") && file.file.endsWith(`/${HOME_FILE}`));
  const files = candidates.filter((file) => !inFolder.includes(file));
  const first = (file: FleetFile) => files.find((other) => other.name === file.name) as FleetFile;
  const duplicates = files.filter((file) => first(file) !== file);
  return {
    files: files.filter((file) => !duplicates.includes(file)),
    diagnostics: [
      ...inFolder.map(perHostFolder),
      ...duplicates.map((file) =>
        error("duplicate-home", { file: file.file, objectPath: [] }, { name: file.name, firstFile: first(file).file }),
      ),
    ],
  };
};
