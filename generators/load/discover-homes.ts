/**
 * Find a fleet's home files: `homes/<name>.ts` and `homes/<name>/home.ts`, where `<name>` is a
 * user (`alice`, shared by every host) or a user on one host (`alice@nas`). A folder without
 * home.ts is not an error: it may hold hand-kept files, or the generated `homes/<user>/*.nix`.
 */
import { join } from "node:path";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { entries, isFile, type FleetFile } from "./discover.ts";
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

/** Every home file under `root` (absolute), sorted by name. */
export const discoverHomes = async (root: string): Promise<HomeDiscovery> => {
  const found = await Promise.all(
    (await entries(join(root, HOMES_DIR))).map(async (entry): Promise<FleetFile[]> => {
      if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
        return [homeFile(root, entry.name.slice(0, -".ts".length), `${HOMES_DIR}/${entry.name}`)];
      }
      const file = `${HOMES_DIR}/${entry.name}/${HOME_FILE}`;
      return (await isFile(join(root, file))) ? [homeFile(root, entry.name, file)] : [];
    }),
  );
  const files = found.flat();
  const first = (file: FleetFile) => files.find((other) => other.name === file.name) as FleetFile;
  const duplicates = files.filter((file) => first(file) !== file);
  return {
    files: files.filter((file) => !duplicates.includes(file)),
    diagnostics: duplicates.map((file) =>
      error(
        "duplicate-home",
        { file: file.file, objectPath: [] },
        `the home "${file.name}" is also defined in ${first(file).file}; keep one of the two files`,
      ),
    ),
  };
};
